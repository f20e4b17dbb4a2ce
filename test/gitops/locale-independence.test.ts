import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticRepository } from "../../tools/bench/synthetic-catalog.js";
import { toolSandbox } from "../../tools/bench/tool-sandbox.js";
import { run } from "../../tools/src/process/run.js";
import { compareText } from "../../tools/src/text/compare-text.js";
import { treeDigest } from "./support/generated.js";

/**
 * The generator writes the same apps/ whatever the locale of the machine that runs it. Node's
 * String.prototype.localeCompare collates with ICU's default locale, taken from LANG/LC_ALL: under
 * lt_LT.UTF-8 "y" sorts with "i" (before "j"), under da_DK.UTF-8 "aa" is "å" (after "z"). The
 * components here are named so that both would reorder what the generator sorts by name (the
 * catalog, namespaces, AppProjects' members, Applications of one wave); each locale runs in its own
 * copy with caches of its own (tools/bench/tool-sandbox.ts), so no run is a cache hit of another.
 */
const NAMES = ["aa-audit", "jaeger", "yara", "ja-agent", "ya-agent", "zz-portal", "aa-intake", "yb-scan", "jb-scan", "zz-export"];
const LOCALES = ["C.UTF-8", "lt_LT.UTF-8", "da_DK.UTF-8"] as const;

let base: string;
const apps = new Map<string, Record<string, string>>();
const outcomes = new Map<string, { status: number; stderr: string }>();

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "locale-independence-"));
  const template = join(base, "template");
  mkdirSync(template);
  writeSyntheticRepository(template, { components: NAMES.length, environments: 2, names: NAMES });
  for (const locale of LOCALES) {
    const root = join(base, locale);
    cpSync(template, root, { recursive: true });
    const sandbox = toolSandbox(join(base, `tool-${locale}`));
    const result = run(process.execPath, [sandbox.cli, "--root", root], { env: { ...process.env, LANG: locale, LC_ALL: locale } });
    outcomes.set(locale, result);
    apps.set(locale, treeDigest(join(root, "apps")));
  }
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("the generator's output does not depend on the locale", () => {
  it("the locales chosen would order these names differently (so the comparison below can fail)", () => {
    const sortedIn = (locale: string) => run(process.execPath, ["-e", `console.log(JSON.stringify(${JSON.stringify(NAMES)}.sort((a, b) => a.localeCompare(b))))`], { env: { ...process.env, LANG: locale, LC_ALL: locale } }).stdout;
    const orders = new Set(LOCALES.map(sortedIn));
    expect(orders.size).toBe(LOCALES.length);
  });

  it.each(LOCALES)("generates under %s", (locale) => {
    const outcome = outcomes.get(locale);
    expect(outcome?.status, outcome?.stderr).toBe(0);
  });

  it.each(LOCALES.slice(1))("writes byte for byte the same apps/ under %s as under C.UTF-8", (locale) => {
    expect(Object.keys(apps.get(locale) ?? {}).length).toBeGreaterThan(0);
    expect(apps.get(locale)).toEqual(apps.get("C.UTF-8"));
  });

  it("lists the Applications of one layer and wave by name in code unit order (compareText)", () => {
    const readme = readFileSync(join(base, "C.UTF-8", "apps", "env-00", "README.md"), "utf8");
    const rows = [...readme.matchAll(/^\| ([a-z][-a-z]*) \| (infrastructure|platform|application) \| (\d+) \|/gm)].map((m) => ({ name: m[1] as string, group: `${m[2]}/${m[3]}` }));
    expect(rows.map((row) => row.name).sort(compareText)).toEqual([...NAMES].sort(compareText));
    const groups = new Map<string, typeof rows>();
    for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
    expect([...groups.values()].some((group) => group.length > 1)).toBe(true);
    for (const [group, members] of groups) expect(members.map((m) => m.name), group).toEqual(members.map((m) => m.name).sort(compareText));
  });
});
