import { createHash } from "node:crypto";

/**
 * A sha256 digest of plain data that two values share only when they are equal: its JSON when JSON
 * loses nothing of it, else every value written with a type tag and its length into one canonical
 * text (texts as they are, map keys sorted); either is hashed once. Numbers keep what JSON would lose (NaN, infinities, -0 are told apart).
 * Anything that is not plain data (a class instance, a symbol) throws; functions are left out only
 * when `skipFunctions` says so (the Git lookup of the generator's inputs).
 */
export function contentDigest(value: unknown, options: { skipFunctions?: boolean; prefix?: string } = {}): string {
  const parts: string[] = [];
  if (options.prefix !== undefined) parts.push(`p${options.prefix.length}:`, options.prefix);
  const skipFunctions = options.skipFunctions === true;
  // Data that JSON writes without loss (the usual case) is hashed as its JSON, which the runtime
  // writes far faster than the walk below; the two forms are told apart by their first letter.
  if (isJsonExact(value, skipFunctions)) parts.push("J", JSON.stringify(value) ?? "");
  else {
    parts.push("C");
    write(parts, value, skipFunctions);
  }
  return createHash("sha256").update(parts.join("")).digest("hex");
}

/**
 * Whether JSON.stringify writes a value without losing anything, so that equal JSON means equal
 * data: texts, booleans, null, finite numbers other than -0, and arrays and plain objects of
 * those, no property undefined (JSON drops it) and no Map, Set or class instance (JSON writes
 * `{}`); functions only when they are to be left out anyway (JSON leaves them out too).
 */
function isJsonExact(value: unknown, skipFunctions: boolean): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object":
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!isJsonExact(item, skipFunctions) || typeof item === "function") return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (!(skipFunctions && typeof item === "function") && !isJsonExact(item, skipFunctions)) return false;
  }
  return true;
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
