/**
 * Just enough of the POSIX shell grammar to see which programs a documented command line runs and
 * with which arguments: words with single and double quotes and backslash escapes, the control
 * operators that separate commands (`|`, `||`, `&&`, `;`), comments, and leading `NAME=value`
 * assignments. No expansion happens: `$VAR` and `$(...)` stay literal text inside their word.
 */
export interface SimpleCommand {
  /** `NAME=value` words before the program. */
  assignments: string[];
  /** The program and its arguments, unquoted. */
  words: string[];
}

export type ParseResult = { commands: SimpleCommand[] } | { error: string };

const OPERATORS = ["&&", "||", "|", ";"] as const;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

const PLACEHOLDER = /^<[A-Za-z][A-Za-z0-9_.-]*>/;

/**
 * Splits one command line into its simple commands (a pipeline or list gives several). With
 * `placeholders`, a `<name>` such as `<commit>` is text the reader fills in, not a redirection:
 * only commands that are never run may contain one.
 */
export function parseCommandLine(line: string, options: { placeholders?: boolean } = {}): ParseResult {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = "";
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = (operator: string): string | undefined => {
    endWord();
    if (words.length === 0) return `"${operator}" has no command before it`;
    commands.push(toSimpleCommand(words));
    words = [];
    return undefined;
  };

  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) return { error: "unterminated single quote" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (char === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && j + 1 < line.length && '"\\$`'.includes(line[j + 1] as string)) j++;
        word += line[j];
      }
      if (j >= line.length) return { error: "unterminated double quote" };
      inWord = true;
      i = j;
    } else if (char === "\\") {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
    } else if (char === " " || char === "\t") {
      endWord();
    } else if (char === "#" && !inWord) {
      break;
    } else if (char === "<" && options.placeholders && PLACEHOLDER.test(line.slice(i))) {
      const placeholder = (PLACEHOLDER.exec(line.slice(i)) as RegExpExecArray)[0];
      word += placeholder;
      inWord = true;
      i += placeholder.length - 1;
    } else if (char === "(" || char === ")" || char === "<" || char === ">" || (char === "&" && line[i + 1] !== "&")) {
      // Subshells, redirections and background jobs make a documented command hard to follow and to check.
      return { error: `"${char}" (subshell, redirection or background job) is not supported in documented commands; keep each command a plain pipeline` };
    } else {
      const operator = OPERATORS.find((op) => line.startsWith(op, i));
      if (operator) {
        const problem = endCommand(operator);
        if (problem) return { error: problem };
        i += operator.length - 1;
      } else {
        word += char;
        inWord = true;
      }
    }
  }
  endWord();
  if (words.length > 0) commands.push(toSimpleCommand(words));
  else if (commands.length > 0) return { error: "the line ends with an operator and no command after it" };
  return { commands };
}

function toSimpleCommand(words: string[]): SimpleCommand {
  let first = 0;
  while (first < words.length && ASSIGNMENT.test(words[first] as string)) first++;
  return { assignments: words.slice(0, first), words: words.slice(first) };
}
