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

/**
 * Packages whose engines.node excludes the documented Node, each with why no version that supports it
 * can be used. Every entry must still be installed and still exclude it (so the list only shrinks).
 */
const NODE_22_MODEL_PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/apimachinery",
  "@kubernetes-models/argo-cd",
  "@kubernetes-models/argo-rollouts",
  "@kubernetes-models/base",
  "@kubernetes-models/cert-manager",
  "@kubernetes-models/cloudnative-pg",
  "@kubernetes-models/external-secrets",
  "@kubernetes-models/gateway-api",
  "@kubernetes-models/istio",
  "@kubernetes-models/validate",
];
const EXCEPTIONS: ReadonlyMap<string, string> = new Map(
  NODE_22_MODEL_PACKAGES.map((name) => [
    name,
    "The kubernetes-models family (tools/src/kubernetes/model-packages.ts) declares node >=22 from its releases on " +
      "@kubernetes-models/base 6 and validate 5 on, and its packages share those two, so they move together. The last " +
      "releases without that bound (base 5, validate 4: external-secrets 0.5.2, istio 2.3.0, argo-rollouts 0.3.2) have no " +
      "external-secrets.io/v1, the API every chart's ExternalSecret uses, so downgrading would drop its validation. " +
      "The installed code uses no API newer than Node 20 and the suite runs it on Node 20; the way out is Node 22.",
  ]),
);

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

  it(`every engines.node covers ${documented} (run \`npm ci\` if node_modules is older than package-lock.json)`, () => {
    const problems = unsupported(documented, installed).filter((p) => !EXCEPTIONS.has(p.name));
    expect(problems.map(describePackage)).toEqual([]);
  });

  it("each listed exception is still installed and still excludes it (remove the ones that do not)", () => {
    const failing = new Set(unsupported(documented, installed).map((p) => p.name));
    expect([...EXCEPTIONS.keys()].filter((name) => !failing.has(name))).toEqual([]);
  });

  it("the check itself: a package needing a newer major, or a later minor, fails; one covering the range passes", () => {
    const fake = (node: string): Installed => ({ name: "x", version: "1.0.0", dir: join(repoRoot, "node_modules", "x"), node });
    expect(unsupported("^20.19.0", [fake(">=22")])).toHaveLength(1);
    expect(unsupported("^20.19.0", [fake(">=20.20.0")])).toHaveLength(1);
    expect(unsupported("^20.19.0", [fake("^20.19.0 || ^22.13.0 || >=24")])).toHaveLength(0);
    expect(unsupported("^20.19.0", [fake(">=18")])).toHaveLength(0);
  });
});
