/**
 * Helm's merge of a values file over a chart's values.yaml: maps merge key by key, lists and
 * scalars replace, and a null in the override deletes the key. Inputs are not modified.
 */
export function mergeHelmValues(base: unknown, override: unknown): unknown {
  if (override === undefined) return cloneData(base);
  if (!isPlainObject(base) || !isPlainObject(override)) return stripNulls(override);
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(base)) if (!Object.hasOwn(override, key)) merged[key] = cloneData(base[key]);
  for (const key of Object.keys(override)) {
    const value = override[key];
    if (value === null) continue;
    merged[key] = Object.hasOwn(base, key) ? mergeHelmValues(base[key], value) : stripNulls(value);
  }
  return merged;
}

/** A deep copy of plain data (what YAML and JSON produce), much cheaper than structuredClone for it. */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = cloneData(value[key]);
  return copy as T;
}

/** Sets a dotted Helm parameter (`image.tag`) the way `--set`/Argo CD `helm.parameters` does, creating maps on the way. */
export function setHelmParameter(values: unknown, name: string, value: unknown): Record<string, unknown> {
  return setHelmParameterInPlace(isPlainObject(values) ? cloneData(values) : {}, name, value);
}

/** setHelmParameter on values the caller owns (no copy). */
export function setHelmParameterInPlace(root: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const keys = name.split(".");
  let current = root;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(current[key])) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[keys[keys.length - 1] as string] = value;
  return root;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A null nested in a value that has nothing below it to delete simply disappears, as in Helm. */
function stripNulls(value: unknown): unknown {
  if (!isPlainObject(value)) return cloneData(value);
  const stripped: Record<string, unknown> = {};
  for (const key of Object.keys(value)) if (value[key] !== null) stripped[key] = stripNulls(value[key]);
  return stripped;
}
