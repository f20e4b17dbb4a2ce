/**
 * helm-unittest patterns are Go RE2 syntax. Most of it is valid JavaScript; this translates the parts
 * that are not (leading `(?flags)`, `\A`, `\z`, `(?P<name>`, `[[:class:]]`, `\Q...\E`) and rejects
 * what JavaScript cannot express, so a pattern never silently means something else.
 */
export class GoRegexError extends Error {}

const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

export function compileGoRegex(pattern: string): RegExp {
  let source = pattern;
  let flags = "";
  const leadingFlags = /^\(\?([imsU]+)\)/.exec(source);
  if (leadingFlags) {
    const requested = leadingFlags[1] ?? "";
    if (requested.includes("U")) throw new GoRegexError(`regular expression ${JSON.stringify(pattern)}: the ungreedy flag (?U) has no JavaScript equivalent; write lazy quantifiers (*?, +?) instead`);
    flags = [...new Set(requested)].join("");
    source = source.slice(leadingFlags[0].length);
  }
  if (/\(\?[imsU-]+[:)]/.test(source)) {
    throw new GoRegexError(`regular expression ${JSON.stringify(pattern)}: inline flags are only supported at the very start of the pattern`);
  }
  source = translateBody(source);
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new GoRegexError(`error parsing regexp ${JSON.stringify(pattern)}: ${(error as Error).message}`);
  }
}

function translateBody(source: string): string {
  let result = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const character = source[i] as string;
    if (character === "\\") {
      const next = source[i + 1];
      if (next === "Q") {
        const end = source.indexOf("\\E", i + 2);
        const literal = end < 0 ? source.slice(i + 2) : source.slice(i + 2, end);
        result += literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
        i = end < 0 ? source.length : end + 1;
        continue;
      }
      if (!inClass && next === "A") result += "(?<![\\s\\S])";
      else if (!inClass && next === "z") result += "(?![\\s\\S])";
      else result += character + (next ?? "");
      i++;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(source.slice(i));
      if (posix) {
        const ranges = POSIX_CLASSES[posix[2] ?? ""];
        if (ranges === undefined) throw new GoRegexError(`regular expression: unknown character class [:${posix[2]}:]`);
        if (posix[1]) throw new GoRegexError("regular expression: negated POSIX classes inside brackets are not supported");
        result += ranges;
        i += posix[0].length - 1;
        continue;
      }
      if (character === "]") inClass = false;
      result += character;
      continue;
    }
    if (character === "[") {
      inClass = true;
      result += character;
      // A leading `]` or `^]` is a literal in both syntaxes; copy it so it does not close the class.
      if (source[i + 1] === "^") {
        result += "^";
        i++;
      }
      if (source[i + 1] === "]") {
        result += "\\]";
        i++;
      }
      continue;
    }
    if (character === "(" && source.startsWith("(?P<", i)) {
      result += "(?<";
      i += 3;
      continue;
    }
    result += character;
  }
  return result;
}
