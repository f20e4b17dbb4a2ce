import { marshalGoYaml, type EmitValue } from "./goyaml-emit.js";
import type { GoValue } from "./go-values.js";

/**
 * helm-unittest's failure text helpers (validators/common.go), so messages read exactly like the
 * plugin's: "Path:\t...", "Expected to equal:", tab-indented values, "DocumentIndex:\t0".
 */
export const ERROR_FORMAT = "\nError:\n%s\n";

export function failFormat(options: { not: boolean; path: boolean; actual: boolean; diff: boolean; customize: string }): string {
  let result = `\nExpected${options.not ? " NOT" : ""}${options.customize}:\n%s\n`;
  if (options.path) result = `Path:%s${result}`;
  if (options.actual) result += "Actual:\n%s\n";
  if (options.diff) result += "Diff:\n%s\n";
  return result;
}

/** splitInfof: fills `%s` with tab-indented replacements and prefixes DocumentIndex / ValuesIndex lines. */
export function splitInfo(format: string, manifestIndex: number, valuesIndex: number, ...replacements: string[]): string[] {
  const indented = replacements.map((replacement) => `\t${trimCutset(replacement.replaceAll("\n", "\n\t"), "\n\t ")}`);
  let index = 0;
  const filled = trimCutset(format, "\t\n ").replace(/%s/g, () => indented[index++] ?? "");
  const lines = filled.split("\n");
  if (valuesIndex >= 0) lines.unshift(`ValuesIndex:\t${valuesIndex}`);
  if (manifestIndex >= 0) lines.unshift(`DocumentIndex:\t${manifestIndex}`);
  return lines;
}

export function errorInfo(manifestIndex: number, valuesIndex: number, message: string): string[] {
  return splitInfo(ERROR_FORMAT, manifestIndex, valuesIndex, message);
}

function trimCutset(text: string, cutset: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && cutset.includes(text[start] as string)) start++;
  while (end > start && cutset.includes(text[end - 1] as string)) end--;
  return text.slice(start, end);
}

export function toYaml(value: EmitValue | GoValue): string {
  return marshalGoYaml(value);
}

/** uniformContent: trailing spaces before line breaks are dropped and CRLF becomes LF. */
export function uniformContent(text: string): string {
  return text.replace(/ +\r?\n/g, "\n");
}
