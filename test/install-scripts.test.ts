import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../tools/src/paths.js";

/**
 * npm 11 runs no dependency's install script unless package.json's `allowScripts` allows it
 * (`npm help install-scripts`: "Dependency install scripts are blocked by default"), and ends every
 * `npm ci` with a list of the packages it skipped. Each one is decided here, so a new dependency with an
 * install script is a reviewed decision, not a warning on every install. The lockfile marks each
 * package that has one (`hasInstallScript`).
 */
const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
};
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> };

/** Dependencies with an install script, as `name@version` (the root package's own postinstall is ours). */
function packagesWithInstallScripts(packages: Record<string, { version?: string; hasInstallScript?: boolean }>): string[] {
  const found = new Set<string>();
  for (const [path, entry] of Object.entries(packages)) {
    if (path === "" || entry.hasInstallScript !== true) continue;
    found.add(`${path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length)}@${entry.version ?? "?"}`);
  }
  return [...found].sort();
}

/** Whether an allowScripts entry decides a package: a name-only entry, or one pinned to its version. */
function decided(allowScripts: Record<string, boolean>, nameAtVersion: string): boolean {
  const name = nameAtVersion.slice(0, nameAtVersion.lastIndexOf("@"));
  return name in allowScripts || nameAtVersion in allowScripts;
}

describe("dependency install scripts", () => {
  const scripted = packagesWithInstallScripts(lock.packages);

  it("the lockfile lists the packages with install scripts", () => {
    // renovate's native helpers, esbuild, nx, ...: an empty list would mean the lockfile lost the marks.
    expect(scripted.length).toBeGreaterThan(0);
  });

  it("each one is allowed or denied in package.json's allowScripts (`npm install-scripts ls` lists none)", () => {
    const allowScripts = manifest.allowScripts ?? {};
    expect(scripted.filter((p) => !decided(allowScripts, p))).toEqual([]);
  });

  it("a package missing from allowScripts is reported; a name-only or version-pinned entry decides it", () => {
    expect(packagesWithInstallScripts({ "": { hasInstallScript: true }, "node_modules/a": { version: "1.0.0", hasInstallScript: true }, "node_modules/b": { version: "2.0.0" }, "node_modules/x/node_modules/@s/c": { version: "3.0.0", hasInstallScript: true } })).toEqual(["@s/c@3.0.0", "a@1.0.0"]);
    expect(decided({ a: false }, "a@1.0.0")).toBe(true);
    expect(decided({ "@s/c@3.0.0": true }, "@s/c@3.0.0")).toBe(true);
    expect(decided({ "@s/c@2.0.0": true }, "@s/c@3.0.0")).toBe(false);
    expect(decided({}, "a@1.0.0")).toBe(false);
  });
});
