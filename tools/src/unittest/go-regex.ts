import { RE2JS, RE2JSException } from "re2js";

/**
 * helm-unittest compiles every pattern with Go's `regexp.Compile` and matches with `MatchString`
 * (helm-unittest v1.1.0 pkg/unittest/validators/match_regex_validator.go:65,
 * match_regex_raw_validator.go:44, failed_template_validator.go:108 and, for matchSnapshot's
 * matchRegex/notMatchRegex, pkg/unittest/valueutils/valueutils.go:80). That is RE2 syntax with Go's
 * Perl flags, not JavaScript's: no lookaround or backreferences, `\z`, `\Q…\E`, POSIX classes,
 * `(?flags)` and `(?flags:…)` anywhere, `(?U)`, Unicode classes `\pL`, `.` matching one code point.
 * re2js is a port of RE2/J (the Java port of Go's regexp): `RE2JS.compile` uses the same Perl flags
 * (unanchored, `^`/`$` at the text's ends unless `(?m)`), and its syntax errors are Go's messages
 * ("error parsing regexp: missing argument to repetition operator: `+`").
 */
export class GoRegexError extends Error {}

/** A compiled Go regexp: `test` is `MatchString` (the pattern may match anywhere in the text). */
export interface GoRegex {
  readonly pattern: string;
  test(text: string): boolean;
}

export function compileGoRegex(pattern: string): GoRegex {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (error) {
    if (error instanceof RE2JSException) throw new GoRegexError(error.message);
    throw error;
  }
  return { pattern, test: (text) => compiled.test(text) };
}
