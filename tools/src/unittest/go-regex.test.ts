import { describe, expect, it } from "vitest";
import type { GoMap } from "./go-values.js";
import { compileGoRegex, GoRegexError } from "./go-regex.js";
import type { ValidateContext } from "./validators/context.js";
import { validateFailedTemplate } from "./validators/document-validators.js";
import { validateMatchRegex } from "./validators/value-validators.js";

const PLUGIN = "helm-unittest v1.1.0 pkg/unittest/validators";

describe("compileGoRegex: the plugin's own cases", () => {
  it(`matches like MatchString (${PLUGIN}/match_regex_validator_test.go:29,41,89; match_regex_raw_validator_test.go:20,32)`, () => {
    expect(compileGoRegex("^hello").test("hello world")).toBe(true);
    expect(compileGoRegex("bbb").test("aaa\nbbb\n")).toBe(true);
    expect(compileGoRegex("^foo").test("hello world")).toBe(false);
    expect(compileGoRegex("^This").test("This is a NOTES.txt document.")).toBe(true);
    expect(compileGoRegex("^foo").test("This is a NOTES.txt document.")).toBe(false);
  });

  it(`reports a bad pattern with Go's message (${PLUGIN}/match_regex_validator_test.go:108, match_regex_raw_validator_test.go:51)`, () => {
    expect(() => compileGoRegex("+")).toThrow(new GoRegexError("error parsing regexp: missing argument to repetition operator: `+`"));
  });

  it(`accepts the character classes Go accepts (${PLUGIN}/failed_template_validator_test.go:348-357)`, () => {
    const message = "`runAsNonRoot` is set to `true` but `runAsUser` is set to `0` (root)";
    for (const pattern of ["[\\w--]", "[[:digit:]-[:upper:]]", "[\\w-\\d]", "\\(root\\)", "(root)", "`runAsNonRoot`"]) {
      expect(compileGoRegex(pattern).test(message), pattern).toBe(true);
    }
    // The whole message with an unescaped `(root)` is a group here, so it only matches through the plugin's literal retry.
    expect(compileGoRegex("`runAsNonRoot` is set to `true` but `runAsUser` is set to `0` (root)").test(message)).toBe(false);
  });
});

describe("compileGoRegex: RE2, where JavaScript's RegExp means something else", () => {
  it("rejects lookaround, backreferences, possessive quantifiers, \\Z and repeat counts over 1000 with Go's messages", () => {
    expect(() => compileGoRegex("a(?=b)")).toThrow("error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
    expect(() => compileGoRegex("a(?!b)")).toThrow("error parsing regexp: invalid or unsupported Perl syntax: `(?!`");
    expect(() => compileGoRegex("(a)\\1")).toThrow("error parsing regexp: invalid escape sequence: `\\1`");
    expect(() => compileGoRegex("x*+")).toThrow("error parsing regexp: invalid nested repetition operator: `*+`");
    expect(() => compileGoRegex("end\\Z")).toThrow("error parsing regexp: invalid escape sequence: `\\Z`");
    expect(() => compileGoRegex("a{1001}")).toThrow("error parsing regexp: invalid repeat count: `{1001}`");
    expect(() => compileGoRegex("(unclosed")).toThrow("error parsing regexp: missing closing ): `(unclosed`");
    // JavaScript accepts every one of these.
    for (const pattern of ["a(?=b)", "a(?!b)", "(a)\\1", "a{1001}"]) expect(() => new RegExp(pattern)).not.toThrow();
  });

  it("\\A and \\z anchor at the text's ends (JavaScript reads \\z as a literal z)", () => {
    expect(compileGoRegex("end\\z").test("the end")).toBe(true);
    expect(compileGoRegex("end\\z").test("the end\n")).toBe(false);
    expect(compileGoRegex("\\Athe").test("the end")).toBe(true);
    expect(compileGoRegex("\\Athe").test("so the end")).toBe(false);
    expect(new RegExp("end\\z").test("endz")).toBe(true);
  });

  it("takes (?flags) at the start and in groups, (?U) included", () => {
    expect(compileGoRegex("(?i)^hello").test("HELLO world")).toBe(true);
    expect(compileGoRegex("a(?i:b)").test("aB")).toBe(true);
    expect(compileGoRegex("a(?i:b)").test("AB")).toBe(false);
    expect(compileGoRegex("a(?i)b").test("aB")).toBe(true);
    expect(compileGoRegex("(?s)a.b").test("a\nb")).toBe(true);
    expect(compileGoRegex("a.b").test("a\nb")).toBe(false);
    expect(compileGoRegex("(?m)^bbb$").test("aaa\nbbb\nccc")).toBe(true);
    expect(compileGoRegex("^bbb$").test("aaa\nbbb\nccc")).toBe(false);
    // (?U) swaps greedy and lazy; whether it matches at all is unchanged, and JavaScript has no such flag.
    expect(compileGoRegex("(?U)^a+$").test("aaa")).toBe(true);
    // eslint-disable-next-line no-invalid-regexp -- the point: JavaScript rejects the inline flag Go accepts.
    expect(() => new RegExp("(?i)^hello")).toThrow();
  });

  it("knows POSIX classes, negated ones too, \\Q…\\E and Unicode classes", () => {
    expect(compileGoRegex("^[[:alpha:]]+$").test("abcXYZ")).toBe(true);
    expect(compileGoRegex("^[[:alpha:]]+$").test("abc1")).toBe(false);
    expect(compileGoRegex("^[[:^alpha:]]+$").test("123")).toBe(true);
    expect(compileGoRegex("^[^[:digit:]]+$").test("abc")).toBe(true);
    expect(compileGoRegex("^[[:digit:]]+$").test("12a")).toBe(false);
    expect(compileGoRegex("\\Qa.b\\E").test("aXb")).toBe(false);
    expect(compileGoRegex("\\Qa.b\\E").test("a.b")).toBe(true);
    expect(compileGoRegex("^\\p{Greek}+$").test("αβγ")).toBe(true);
    expect(compileGoRegex("^\\pL+$").test("héllo")).toBe(true);
    // Without the u flag JavaScript reads [[:alpha:]] as the set "[:alph" followed by "]".
    expect(new RegExp("^[[:alpha:]]+$").test("abc")).toBe(false);
  });

  it("names groups both ways and counts code points, not UTF-16 units", () => {
    expect(compileGoRegex("(?P<word>\\w+)").test("abc")).toBe(true);
    expect(compileGoRegex("(?<word>\\w+)").test("abc")).toBe(true);
    expect(compileGoRegex("^.$").test("😀")).toBe(true);
    expect(new RegExp("^.$").test("😀")).toBe(false);
  });

  it("\\s is Go's [\\t\\n\\f\\r ]: no vertical tab, no no-break space", () => {
    expect(compileGoRegex("\\s").test("\v")).toBe(false);
    expect(compileGoRegex("\\s").test("\u00a0")).toBe(false);
    expect(compileGoRegex("\\s").test("\t")).toBe(true);
    expect(new RegExp("\\s").test("\v")).toBe(true);
  });
});

describe("the validators use RE2", () => {
  const context = (docs: GoMap[]): ValidateContext => ({
    docs,
    selectedDocs: docs,
    negative: false,
    compareToSnapshot: () => {
      throw new Error("not used");
    },
    describeMissingSnapshot: () => "",
  });

  it("matchRegex fails a lookahead with the plugin's error and passes \\z and POSIX classes", () => {
    const docs = [{ metadata: { name: "web-1" } }];
    expect(validateMatchRegex({ path: "metadata.name", pattern: "web(?=-)" }, context(docs))).toEqual({
      passed: false,
      failInfo: ["Error:", "\terror parsing regexp: invalid or unsupported Perl syntax: `(?=`"],
    });
    expect(validateMatchRegex({ path: "metadata.name", pattern: "^[[:alpha:]]+-[[:digit:]]\\z" }, context(docs)).passed).toBe(true);
    expect(validateMatchRegex({ path: "metadata.name", pattern: "(?i)^WEB" }, context(docs)).passed).toBe(true);
  });

  it(`failedTemplate retries a pattern RE2 refuses as literal text (${PLUGIN}/failed_template_validator.go:107-115)`, () => {
    const docs = [{ raw: "value a(?=b) is not allowed" }];
    expect(validateFailedTemplate({ errorPattern: "a(?=b)" }, context(docs)).passed).toBe(true);
  });
});
