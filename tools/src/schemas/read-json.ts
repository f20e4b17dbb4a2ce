import { readFileSync } from "node:fs";
import type { JsonSchema } from "./json-schema.js";

/** Parses a JSON file; a syntax error names the file, line and column instead of a byte offset. */
export function readJsonFile(path: string): JsonSchema {
  const text = readFileSync(path, "utf8");
  try {
    return JSON.parse(text) as JsonSchema;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (!position) throw new Error(`${path}: invalid JSON: ${message}`, { cause: error });
    const offset = Number(position[1]);
    const before = text.slice(0, offset).split("\n");
    throw new Error(`${path}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: invalid JSON: ${message}`, { cause: error });
  }
}
