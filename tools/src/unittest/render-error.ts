import { DEFINE_PREFIX } from "./template-wrap.js";

/**
 * Turns `helm template`'s stderr into the error text helm-unittest's in-process render would have
 * produced: no "Error:" prefix or --debug hint, and no trace of the raw-output wrapper.
 */
export function cleanHelmError(stderr: string, sourceToKey: ReadonlyMap<string, string>): string {
  let message = stderr
    .split("\n")
    // Helm 4 also logs the error as a structured `level=...` line; the "Error:" line carries the same text.
    .filter((line) => !/^(level=[A-Z]+ |walk\.go:\d+: found symbolic link)/.test(line))
    .join("\n")
    .replace(/\n*Use --debug flag to render out invalid YAML\s*$/, "")
    .trim()
    .replace(/^Error: /, "");
  message = toSingleLineTemplateError(message);
  message = message.replace(/^template: [^\n]*? at <include "unittest-raw:[^"]*" \.>: error calling include: /, "");
  message = message.replace(new RegExp(`${escapeRegex(DEFINE_PREFIX)}([^"#]*)#\\d+`, "g"), "$1");
  for (const [source, key] of sourceToKey) if (source !== key) message = message.replaceAll(source, key);
  return message;
}

/**
 * Helm 4 prints template errors as an indented trace ("file:1:2\n  executing \"x\" at <...>:\n    message");
 * helm-unittest runs Helm 3's engine, whose one-line form ("template: file:1:2: executing \"x\" at <...>: message")
 * is what its failedTemplate parsing and users' expected messages are written against.
 */
function toSingleLineTemplateError(message: string): string {
  return message.replace(/^([^\s\n][^\n]*?:\d+:\d+)\n[ \t]+executing ("[^"\n]*") at (<[^\n]*>):\n[ \t]+/gm, "template: $1: executing $2 at $3: ").replace(/(error calling \w+):\n/g, "$1: ");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * helm-unittest's parseRenderError: which template failed and the human readable message, from
 * `execution error at (chart/templates/x.yaml:3:4): message`. Its Go pattern is
 * `(?msU)^(?:.+: |.+ \()(?:(.+):\d+:\d+).+(?:.+>)*: (.+)$`; `U` makes every quantifier lazy.
 */
export function parseRenderError(message: string): { filePath: string; content: string } {
  const match = /^(?:.+?: |.+? \()(?:(.+?):\d+:\d+).+?(?:.+?>)*?: (.+?)$/ms.exec(message);
  if (!match) return { filePath: "", content: "" };
  const lines = message.split("\n");
  const content = lines.length > 1 ? message.slice((lines[0] as string).length + 1) : (match[2] ?? "");
  return { filePath: match[1] ?? "", content };
}
