/**
 * The order every sorted list the tools write is in: strings compared by UTF-16 code unit, which
 * is how ECMAScript's own `Array.prototype.sort` compares strings without a comparator (ECMA-262,
 * IsLessThan on two Strings compares code units) and what `a < b` does.
 *
 * Not `String.prototype.localeCompare`: without a locale argument it collates with ICU's default
 * locale, which Node takes from the environment (LANG, LC_ALL), so the same inputs sorted
 * differently on different machines. Seen with Node 20: `["j", "y", "aa", "z"]` sorts as
 * `aa j y z` under C.UTF-8, `aa y j z` under lt_LT.UTF-8 (Lithuanian sorts y with i) and
 * `j y z aa` under da_DK.UTF-8 (Danish reads aa as å), and the generated apps/, the chart schemas,
 * the chart index and the promotion's tables followed. The first such call also loads ICU's
 * collation data (8-13 ms of every generator run that planned anything). ESLint refuses
 * `localeCompare` in this repository (eslint.config.js) and points here.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `record` whose keys are in compareText order (what JSON and YAML output then keep). */
export function sortKeys<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}
