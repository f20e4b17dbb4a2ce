import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../tools/src/paths.js";

/**
 * One documented Node version: package.json `engines.node` is the range, and the README, .nvmrc and
 * every workflow's actions/setup-node agree with it. Every installed package must support all of that
 * range (semver.subset), which is what keeps `npm ci` free of EBADENGINE warnings: npm warns when
 * `semver.satisfies(node, engines.node, { includePrerelease: true })` fails (npm 11.19.1,
 * node_modules/npm-install-checks/lib/index.js:5-13).
 */
const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { engines?: { node?: string } };
const documented = manifest.engines?.node ?? "";
const documentedMajor = semver.validRange(documented) === null ? undefined : semver.minVersion(documented)?.major;

interface Installed {
  name: string;
  version: string;
  dir: string;
  node: string;
}

/** Every package under node_modules, nested ones too, with a string engines.node. */
function installedWithNodeEngines(dir: string, found: Installed[] = []): Installed[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (entry.startsWith("@")) {
      installedWithNodeEngines(path, found);
      continue;
    }
    let pkg: { name?: string; version?: string; engines?: { node?: unknown } };
    try {
      pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8")) as typeof pkg;
    } catch {
      continue;
    }
    if (typeof pkg.engines?.node === "string") found.push({ name: pkg.name ?? entry, version: pkg.version ?? "?", dir: path, node: pkg.engines.node });
    installedWithNodeEngines(join(path, "node_modules"), found);
  }
  return found;
}

/** Packages whose engines.node does not cover the whole documented range. */
function unsupported(range: string, packages: readonly Installed[]): Installed[] {
  return packages.filter((p) => semver.validRange(p.node) === null || !semver.subset(range, p.node, { includePrerelease: true }));
}

const describePackage = (p: Installed) => `${p.name}@${p.version} (engines.node ${JSON.stringify(p.node)}, ${p.dir.slice(repoRoot.length + 1)})`;

describe("the documented Node version", () => {
  it("package.json engines.node is a range within one major", () => {
    expect(semver.validRange(documented), `engines.node ${JSON.stringify(documented)}`).not.toBeNull();
    expect(documentedMajor).toBeDefined();
    expect(semver.intersects(documented, `>=${(documentedMajor ?? 0) + 1}.0.0-0`), "engines.node reaches past one major; document one").toBe(false);
  });

  it("is the one the README names", () => {
    const min = semver.minVersion(documented);
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    expect(readme).toContain(`Node.js ${min?.major}`);
    expect(readme).toContain(`${min?.major}.${min?.minor}`);
  });

  it(".nvmrc selects it", () => {
    const nvmrc = readFileSync(join(repoRoot, ".nvmrc"), "utf8").trim();
    expect(semver.validRange(nvmrc)).not.toBeNull();
    expect(semver.minVersion(nvmrc)?.major).toBe(documentedMajor);
    expect(semver.intersects(nvmrc, documented)).toBe(true);
  });

  it("every workflow's actions/setup-node uses it", () => {
    const dir = join(repoRoot, ".github", "workflows");
    const uses: string[] = [];
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      const workflow = parseYaml(readFileSync(join(dir, file), "utf8")) as { jobs?: Record<string, { steps?: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
      for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
        for (const step of steps.filter((s) => s.uses?.startsWith("actions/setup-node@"))) {
          const version = step.with?.["node-version"] !== undefined ? String(step.with["node-version"]) : step.with?.["node-version-file"] === ".nvmrc" ? readFileSync(join(repoRoot, ".nvmrc"), "utf8").trim() : "";
          uses.push(`${file} ${job}: ${version}`);
          expect(semver.validRange(version), `${file} jobs.${job}: node-version ${JSON.stringify(version)}`).not.toBeNull();
          expect(semver.minVersion(version)?.major, `${file} jobs.${job}`).toBe(documentedMajor);
          expect(semver.intersects(version, documented), `${file} jobs.${job}`).toBe(true);
        }
      }
    }
    expect(uses.length).toBeGreaterThan(0);
  });
});

describe("installed packages support the documented Node version", () => {
  const installed = installedWithNodeEngines(join(repoRoot, "node_modules"));

  it("reads the installed packages", () => {
    expect(installed.length).toBeGreaterThan(100);
    expect(installed.map((p) => p.name)).toContain("eslint");
  });

  // No exceptions: a package that needs a newer Node is replaced by a version that supports this one, or the
  // documented Node changes everywhere at once (package.json engines, .nvmrc, README, workflows).
  it(`every engines.node covers ${documented} (run \`npm ci\` if node_modules is older than package-lock.json)`, () => {
    expect(unsupported(documented, installed).map(describePackage)).toEqual([]);
  });

  it("the check itself: a package needing a newer major, or a later minor, fails; one covering the range passes", () => {
    const fake = (node: string): Installed => ({ name: "x", version: "1.0.0", dir: join(repoRoot, "node_modules", "x"), node });
    expect(unsupported("^20.19.0", [fake(">=22")])).toHaveLength(1);
    expect(unsupported("^20.19.0", [fake(">=20.20.0")])).toHaveLength(1);
    expect(unsupported("^20.19.0", [fake("^20.19.0 || ^22.13.0 || >=24")])).toHaveLength(0);
    expect(unsupported("^20.19.0", [fake(">=18")])).toHaveLength(0);
  });
});
