import { createHash } from "node:crypto";

/**
 * A sha256 digest of plain data that two values share only when they are equal: every value is
 * written with a type tag and its length into one canonical text, hashed once (texts go in as they
 * are), map keys sorted. Numbers keep what JSON would lose (NaN, infinities, -0 are told apart).
 * Anything that is not plain data (a class instance, a symbol) throws; functions are left out only
 * when `skipFunctions` says so (the Git lookup of the generator's inputs).
 */
export function contentDigest(value: unknown, options: { skipFunctions?: boolean; prefix?: string } = {}): string {
  const parts: string[] = [];
  if (options.prefix !== undefined) parts.push(`p${options.prefix.length}:`, options.prefix);
  write(parts, value, options.skipFunctions === true);
  return createHash("sha256").update(parts.join("")).digest("hex");
}

function write(parts: string[], value: unknown, skipFunctions: boolean): void {
  switch (typeof value) {
    case "string":
      parts.push(`s${value.length}:`, value);
      return;
    case "number":
      parts.push(Object.is(value, -0) ? "n-0;" : `n${value};`);
      return;
    case "boolean":
      parts.push(value ? "t" : "f");
      return;
    case "undefined":
      parts.push("u");
      return;
    case "function":
      if (!skipFunctions) throw new TypeError("cannot digest a function");
      parts.push("F");
      return;
    case "object":
      break;
    default:
      throw new TypeError(`cannot digest a ${typeof value}`);
  }
  if (value === null) parts.push("z");
  else if (Array.isArray(value)) {
    parts.push(`a${value.length}:`);
    for (const item of value) write(parts, item, skipFunctions);
  } else if (value instanceof Map) {
    parts.push(`m${value.size}:`);
    for (const [key, item] of value) {
      write(parts, key, skipFunctions);
      write(parts, item, skipFunctions);
    }
  } else if (value instanceof Set) {
    parts.push(`S${value.size}:`);
    for (const item of value) write(parts, item, skipFunctions);
  } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    const keys = Object.keys(value).sort();
    parts.push(`o${keys.length}:`);
    for (const key of keys) {
      parts.push(`${key.length}:`, key);
      write(parts, (value as Record<string, unknown>)[key], skipFunctions);
    }
  } else throw new TypeError(`cannot digest ${Object.prototype.toString.call(value)}`);
}
