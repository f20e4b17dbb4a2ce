import type { GoScalar } from "./go-values.js";

/**
 * How gopkg.in/yaml.v3 resolves a plain (unquoted) scalar. Both directions depend on it: decoding
 * (`0755` is the int 493, `2024-01-01` stays a string) and encoding (a string that would resolve to
 * anything else must be quoted).
 */
export type ResolvedScalar = { tag: "str" } | { tag: "null" } | { tag: "bool"; value: boolean } | { tag: "int"; value: bigint } | { tag: "float"; value: number } | { tag: "timestamp" };

const KNOWN_PLAIN_SCALARS = new Map<string, ResolvedScalar>([
  ...["true", "True", "TRUE"].map((s) => [s, { tag: "bool", value: true }] as const),
  ...["false", "False", "FALSE"].map((s) => [s, { tag: "bool", value: false }] as const),
  ...["", "~", "null", "Null", "NULL"].map((s) => [s, { tag: "null" }] as const),
  ...[".nan", ".NaN", ".NAN"].map((s) => [s, { tag: "float", value: Number.NaN }] as const),
  ...[".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"].map((s) => [s, { tag: "float", value: Infinity }] as const),
  ...["-.inf", "-.Inf", "-.INF"].map((s) => [s, { tag: "float", value: -Infinity }] as const),
]);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, 64) syntax after yaml.v3 removed underscores: sign, then 0x / 0o / 0b / legacy 0 octal / decimal. */
const GO_INT_LITERAL = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

export function resolvePlainScalar(text: string): ResolvedScalar {
  const known = KNOWN_PLAIN_SCALARS.get(text);
  if (known) return known;
  const first = text[0];
  if (first === undefined) return { tag: "null" };
  if (first === ".") {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return finiteFloat(text);
    return { tag: "str" };
  }
  const isDigit = first >= "0" && first <= "9";
  if (!isDigit && first !== "+" && first !== "-") return { tag: "str" };
  if (isDigit && isGoTimestamp(text)) return { tag: "timestamp" };
  const plain = text.replaceAll("_", "");
  const int = parseGoInt(plain);
  if (int !== undefined) return { tag: "int", value: int };
  if (YAML_STYLE_FLOAT.test(plain)) return finiteFloat(plain);
  return { tag: "str" };
}

function finiteFloat(text: string): ResolvedScalar {
  const value = Number(text);
  // strconv.ParseFloat reports out-of-range as an error, so yaml.v3 keeps such text as a string.
  return Number.isFinite(value) ? { tag: "float", value } : { tag: "str" };
}

function parseGoInt(plain: string): bigint | undefined {
  const match = GO_INT_LITERAL.exec(plain);
  if (!match) return undefined;
  const [, sign = "", body = ""] = match;
  let magnitude: bigint;
  if (/^0[0-7]+$/.test(body)) magnitude = BigInt(`0o${body.slice(1)}`);
  else if (/^0[oO]/.test(body)) magnitude = BigInt(`0o${body.slice(2)}`);
  else magnitude = BigInt(body.toLowerCase());
  const value = sign === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return value;
  // ParseUint accepts no sign at all.
  if (sign === "" && value <= UINT64_MAX) return value;
  return undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** yaml.v3's parseTimestamp: the four time.Parse layouts it tries, with Go's range checks. */
export function isGoTimestamp(text: string): boolean {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?))?$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > days) return false;
  const hour = match[4] ?? match[7];
  const minute = match[5] ?? match[8];
  const second = match[6] ?? match[9];
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59)) return false;
  return true;
}

/** The Go value yaml.v3 decodes a plain scalar into (timestamps stay strings for `interface{}` targets). */
export function decodePlainScalar(text: string): GoScalar {
  const resolved = resolvePlainScalar(text);
  switch (resolved.tag) {
    case "null":
      return null;
    case "bool":
    case "int":
    case "float":
      return resolved.value;
    default:
      return text;
  }
}

const OLD_YAML_BOOLS = new Set(["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF"]);

/** Whether yaml.v3's encoder writes a string without quotes (it must not read back as another type). */
export function canEncodeStringPlain(text: string): boolean {
  if (resolvePlainScalar(text).tag !== "str") return false;
  if (OLD_YAML_BOOLS.has(text)) return false;
  return !isBase60Float(text);
}

function isBase60Float(text: string): boolean {
  const first = text[0];
  if (first === undefined || !(first === "+" || first === "-" || (first >= "0" && first <= "9")) || !text.includes(":")) return false;
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(text);
}
