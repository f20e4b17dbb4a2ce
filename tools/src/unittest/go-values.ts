/**
 * The value model of a YAML document as gopkg.in/yaml.v3 decodes it into `interface{}`, which is what
 * helm-unittest compares: integers stay integers (bigint here) and floats stay floats (number), so
 * `1` and `1.0` differ exactly as they do under Go's reflect.DeepEqual.
 */
export type GoScalar = null | boolean | bigint | number | string;
export type GoValue = GoScalar | GoValue[] | GoMap;
export interface GoMap {
  [key: string]: GoValue;
}

export function isGoMap(value: unknown): value is GoMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isGoScalar(value: GoValue): value is GoScalar {
  return value === null || typeof value !== "object";
}

/** Sets a key without tripping over `__proto__`, which a plain assignment would treat as the prototype. */
export function setGoKey(map: GoMap, key: string, value: GoValue): void {
  if (key === "__proto__") Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}

export function hasGoKey(map: GoMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

/** reflect.DeepEqual over decoded YAML: types must match (int is not float), NaN never equals itself. */
export function goDeepEqual(a: GoValue, b: GoValue): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => goDeepEqual(item, b[i] as GoValue));
  }
  if (isGoMap(a)) {
    if (!isGoMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => hasGoKey(b, key) && goDeepEqual(a[key] as GoValue, b[key] as GoValue));
  }
  return typeof a === typeof b && a === b;
}

/** Go's zero value test used by isNullOrEmpty: nil, "", 0, 0.0, false and empty collections. */
export function isGoZeroOrEmpty(value: GoValue): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isGoMap(value)) return Object.keys(value).length === 0;
  if (typeof value === "string") return value === "";
  if (typeof value === "bigint") return value === 0n;
  if (typeof value === "number") return value === 0;
  return value === false;
}

/** Go's `fmt.Sprintf("%v", x)` for the scalar cases helm-unittest prints. */
export function goSprintV(value: GoValue | undefined): string {
  if (value === undefined || value === null) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return formatGoFloat(value, "v");
  if (typeof value === "boolean") return value ? "true" : "false";
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64) as yaml.v3 writes floats (`1e+06`, `0.5`, `.inf`); "v" mode is
 * fmt's %v, which spells the special values the Go way (`+Inf`, `NaN`).
 */
export function formatGoFloat(value: number, mode: "yaml" | "v" = "yaml"): string {
  if (Number.isNaN(value)) return mode === "yaml" ? ".nan" : "NaN";
  if (value === Infinity) return mode === "yaml" ? ".inf" : "+Inf";
  if (value === -Infinity) return mode === "yaml" ? "-.inf" : "-Inf";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (value === 0) return `${sign}0`;
  const [mantissa = "0", exponentText = "0"] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exponent = Number.parseInt(exponentText, 10);
  const pointPosition = exponent + 1;
  // Shortest formatting switches to %e outside [1e-4, 1e6), exactly like Go.
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const magnitude = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (pointPosition <= 0) return `${sign}0.${"0".repeat(-pointPosition)}${digits}`;
  if (pointPosition >= digits.length) return `${sign}${digits}${"0".repeat(pointPosition - digits.length)}`;
  return `${sign}${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
}
