import { createHash, type Hash } from "node:crypto";

/**
 * A sha256 digest of plain data that two values share only when they are equal: every value is fed
 * with a type tag and its length (texts as they are, which is faster than hashing their JSON), map
 * keys sorted. Numbers keep what JSON would lose (NaN, infinities, -0 are told apart). Anything
 * that is not plain data (a class instance, a symbol) throws; functions are left out only when
 * `skipFunctions` says so (the Git lookup of the generator's inputs).
 */
export function contentDigest(value: unknown, options: { skipFunctions?: boolean; prefix?: string } = {}): string {
  const hash = createHash("sha256");
  if (options.prefix !== undefined) hash.update(`p${options.prefix.length}:`).update(options.prefix);
  feed(hash, value, options.skipFunctions === true);
  return hash.digest("hex");
}

function feed(hash: Hash, value: unknown, skipFunctions: boolean): void {
  if (typeof value === "string") hash.update(`s${value.length}:`).update(value);
  else if (value === undefined) hash.update("u");
  else if (value === null) hash.update("z");
  else if (typeof value === "boolean") hash.update(value ? "t" : "f");
  else if (typeof value === "number") hash.update(`n${Object.is(value, -0) ? "-0" : String(value)};`);
  else if (typeof value === "function") {
    if (!skipFunctions) throw new TypeError("cannot digest a function");
    hash.update("F");
  } else if (Array.isArray(value)) {
    hash.update(`a${value.length}:`);
    for (const item of value) feed(hash, item, skipFunctions);
  } else if (value instanceof Map) {
    hash.update(`m${value.size}:`);
    for (const [key, item] of value) {
      feed(hash, key, skipFunctions);
      feed(hash, item, skipFunctions);
    }
  } else if (value instanceof Set) {
    hash.update(`S${value.size}:`);
    for (const item of value) feed(hash, item, skipFunctions);
  } else if (typeof value === "object" && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const keys = Object.keys(value).sort();
    hash.update(`o${keys.length}:`);
    for (const key of keys) {
      feed(hash, key, skipFunctions);
      feed(hash, (value as Record<string, unknown>)[key], skipFunctions);
    }
  } else throw new TypeError(`cannot digest ${Object.prototype.toString.call(value)}`);
}
