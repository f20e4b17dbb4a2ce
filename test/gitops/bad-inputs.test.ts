import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyRepository, fixtureGit, removeTree } from "./support/fixture-repo.js";
import { errorsIn, runGenerator, treeDigest } from "./support/generated.js";

/**
 * The generator on a copy of this repository, broken one way at a time: each run must fail with
 * exit code 1 and its exact problem, and leave apps/ byte-identical.
 */
/**
 * Each test breaks a fresh copy, always at the same path in this worker: the generator keeps what it
 * derived from unchanged inputs per repository root, keyed by their content
 * (tools/src/gitops/work-cache.ts), so each run derives again only what the test broke, as a
 * developer's next run does, instead of every chart and environment (a new root every test).
 */
const root = join(tmpdir(), `gitops-bad-inputs-${process.pid}`);
let appsBefore: Record<string, string>;

beforeEach(() => {
  removeTree(root);
  copyRepository(root);
  appsBefore = treeDigest(join(root, "apps"));
});
afterEach(() => removeTree(root));

const edit = (path: string, change: (text: string) => string) => {
  const before = readFileSync(join(root, path), "utf8");
  const after = change(before);
  expect(after, `the edit of ${path} changes it`).not.toBe(before);
  writeFileSync(join(root, path), after);
};
/** 1-based line of a component's key in an environment.yaml of the copy. */
const lineOf = (env: string, component: string, key: string) => {
  const lines = readFileSync(join(root, `environments/${env}/environment.yaml`), "utf8").split("\n");
  const start = lines.indexOf(`  ${component}:`);
  const index = lines.findIndex((line, i) => i > start && line.startsWith(`    ${key}: `));
  expect(start, `${component} in environments/${env}/environment.yaml`).toBeGreaterThanOrEqual(0);
  return index + 1;
};
/** Replaces a pin of one component in an environment.yaml. */
const setPin = (env: string, component: string, key: "chartRevision" | "imageTag" | "imageDigest", value: string) =>
  edit(`environments/${env}/environment.yaml`, (text) => text.replace(new RegExp(`(\n  ${component}:\n(?:    .*\n)*?    ${key}: ).*`), `$1${value}`));

function expectFailure(expected: string[]) {
  const result = runGenerator([], root);
  expect(result.status, result.stdout + result.stderr).toBe(1);
  for (const text of expected) expect(result.stderr).toContain(text);
  expect(result.stderr).toMatch(/generate-gitops: \d+ problem\(s\) in \d+ file\(s\); nothing was written\.\n$/);
  expect(treeDigest(join(root, "apps"))).toEqual(appsBefore);
  return result.stderr;
}

describe("the copy is a valid starting point", () => {
  it("generates without changes", () => {
    const result = runGenerator([], root);
    expect(errorsIn(result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/generate-gitops: 3 environment\(s\): 0 written, \d+ unchanged, 0 removed\.\n$/);
    expect(treeDigest(join(root, "apps"))).toEqual(appsBefore);
  });
});

describe("bad inputs", () => {
  it("malformed YAML: GEN001 with file, line and column", () => {
    edit("environments/staging/environment.yaml", (text) => text.replace("tier: staging\n", "tier: staging\nrepository: [\n"));
    expectFailure(["environments/staging/environment.yaml:", "GEN001 malformed YAML:"]);
  });

  it("schema violation in a values file: GEN003 at the value", () => {
    edit("environments/production/values/mcp-server.yaml", (text) => text.replace("replicaCount: 3", 'replicaCount: "three"'));
    const line = readFileSync(join(root, "environments/production/values/mcp-server.yaml"), "utf8").split("\n").findIndex((l) => l.startsWith("replicaCount:")) + 1;
    expectFailure([`environments/production/values/mcp-server.yaml:${line}:15: GEN003 replicaCount must be of type integer (got "three").`, "    at replicaCount"]);
  });

  it("misspelled key: GEN004 with the closest valid key", () => {
    edit("environments/staging/values/mcp-server.yaml", (text) => text.replace("replicaCount: 2", "replicaCont: 2"));
    expectFailure(['GEN004 unknown key "replicaCont" in the top level of environments/staging/values/mcp-server.yaml. Did you mean "replicaCount"?', '    fix: Rename "replicaCont" to "replicaCount".']);
  });

  it("misspelled nested key: GEN004 at the nested key", () => {
    edit("environments/staging/values/mcp-server.yaml", (text) => text.replace("  minReplicas: 2", "  minReplica: 2"));
    expectFailure(['GEN004 unknown key "minReplica" in autoscaling. Did you mean "minReplicas"?', "    at autoscaling.minReplica"]);
  });

  it("unknown component in environment.yaml: GEN011 with a suggestion", () => {
    edit("environments/development/environment.yaml", (text) => `${text}  mcp-servr:\n    enabled: false\n`);
    expectFailure(['GEN011 component "mcp-servr" is neither a chart under charts/ nor an upstream component under schemas/upstream/ (did you mean "mcp-server"?).']);
  });

  it("dependency cycle: GEN021 naming the chain", () => {
    cpSync(join(root, "charts/mcp-server"), join(root, "charts/mcp-gateway"), { recursive: true });
    edit("charts/mcp-gateway/Chart.yaml", (text) => text.replace("name: mcp-server", "name: mcp-gateway").replace(/dependencies: .*/, "dependencies: mcp-server"));
    edit("charts/mcp-server/Chart.yaml", (text) => text.replace(/dependencies: .*/, "dependencies: mcp-gateway"));
    expectFailure(["GEN021 dependency cycle: mcp-server → mcp-gateway → mcp-server."]);
  });

  it("branch or tag pin in production: GEN030", () => {
    setPin("production", "mcp-server", "chartRevision", "main");
    setPin("production", "gateway", "chartRevision", "v0.1.0");
    expectFailure([
      `environments/production/environment.yaml:${lineOf("production", "mcp-server", "chartRevision")}:20: GEN030 chartRevision "main" of mcp-server is not a full commit SHA; production runs only 40-character commit SHAs of main`,
      `environments/production/environment.yaml:${lineOf("production", "gateway", "chartRevision")}:20: GEN030 chartRevision "v0.1.0" of gateway is not a full commit SHA;`,
      "    at components.mcp-server.chartRevision",
    ]);
  });

  it("a pin naming no commit of the clone: GEN034 at its line, with how to fix it", () => {
    setPin("staging", "mcp-server", "chartRevision", "v9.9.9");
    setPin("production", "gateway", "chartRevision", "0123456789abcdef0123456789abcdef01234567");
    expectFailure([
      `environments/staging/environment.yaml:${lineOf("staging", "mcp-server", "chartRevision")}:20: GEN034 chartRevision "v9.9.9" of mcp-server names no commit in this repository (no such commit, tag, branch or origin/v9.9.9).`,
      `environments/production/environment.yaml:${lineOf("production", "gateway", "chartRevision")}:20: GEN034 chartRevision "0123456789abcdef0123456789abcdef01234567" of gateway names no commit in this repository`,
      "    fix: Pin a commit of main's history (`git rev-parse main` prints a full SHA).",
    ]);
  });

  it("a production commit that is not on main: GEN035", () => {
    const side = fixtureGit(["commit-tree", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "-m", "never merged"], root).trim();
    setPin("production", "mcp-server", "chartRevision", side);
    expectFailure([`environments/production/environment.yaml:${lineOf("production", "mcp-server", "chartRevision")}:20: GEN035 chartRevision ${side} of mcp-server is not in the history of main`]);
  });

  it("outside a Git repository: GEN036, the pins cannot be verified", () => {
    rmSync(join(root, ".git"), { recursive: true, force: true });
    expectFailure(["GEN036 ", "cannot be verified: git cat-file failed in", "fatal: not a git repository", "    fix: Run the generator inside a Git clone of this repository"]);
  });

  it("duplicate names: a repeated component key is GEN002", () => {
    edit("environments/staging/environment.yaml", (text) => `${text}  mcp-server:\n    enabled: false\n`);
    expectFailure(['GEN002 duplicate key: "mcp-server" is defined more than once in the same mapping.']);
  });

  it("duplicate names: a component that would reuse a generated Application name is GEN041", () => {
    cpSync(join(root, "charts/mcp-server"), join(root, "charts/root"), { recursive: true });
    edit("charts/root/Chart.yaml", (text) => text.replace("name: mcp-server", "name: root").replace(/\n.*dependencies: .*/, ""));
    for (const env of ["development", "staging", "production"]) {
      const revision = /\n {4}chartRevision: (\S+)\n/.exec(readFileSync(join(root, `environments/${env}/environment.yaml`), "utf8"))?.[1];
      edit(`environments/${env}/environment.yaml`, (text) => `${text}  root:\n    enabled: true\n    chartRevision: ${revision}\n    imageTag: v0.1.0\n`);
      cpSync(join(root, `environments/${env}/values/mcp-server.yaml`), join(root, `environments/${env}/values/root.yaml`));
      edit(`environments/${env}/values/root.yaml`, (text) => text.replace("charts/mcp-server/", "charts/root/"));
    }
    expectFailure(['GEN041 component root would be the Application "production-root", which is already the name of the root Application.']);
  });

  it("Pod Security labels in destination.namespaceLabels: GEN018 at the key (the generator labels every namespace itself)", () => {
    edit("environments/staging/environment.yaml", (text) => text.replace("  namespaceLabels:\n    istio-injection: enabled\n", "  namespaceLabels:\n    istio-injection: enabled\n    pod-security.kubernetes.io/enforce: baseline\n"));
    const line = readFileSync(join(root, "environments/staging/environment.yaml"), "utf8").split("\n").indexOf("    pod-security.kubernetes.io/enforce: baseline") + 1;
    expectFailure([`environments/staging/environment.yaml:${line}:5: GEN018 destination.namespaceLabels sets pod-security.kubernetes.io/enforce; the generator sets the Pod Security labels of every namespace itself`]);
  });

  it("a sync window Argo CD would refuse or misread: GEN024 at the schedule (7 for Sunday) and at the timeZone (wrong case)", () => {
    // robfig/cron, Argo CD v3.4.4's cron parser, bounds day of week to 0-6 (spec.go:40); Go's LoadLocation
    // opens tz names as case-sensitive file names and Argo CD falls back to UTC (types.go:2926-2933).
    edit("environments/production/environment.yaml", (text) => text.replace('schedule: "0 0 * * 6"', 'schedule: "0 0 * * 7"').replace("timeZone: Etc/UTC", "timeZone: etc/utc"));
    const lines = readFileSync(join(root, "environments/production/environment.yaml"), "utf8").split("\n");
    const schedule = lines.indexOf('    schedule: "0 0 * * 7"') + 1;
    const timeZone = lines.indexOf("    timeZone: etc/utc") + 1;
    const stderr = expectFailure([
      `environments/production/environment.yaml:${schedule}:15: GEN024 syncWindows[0] (deny) schedule "0 0 * * 7" is refused by Argo CD's cron parser (robfig/cron): end of range (7) above maximum (6): 7 (day of week field "7").`,
      "    at syncWindows[0].schedule\n    fix: Write Sunday as 0 or sun: Argo CD's day of week runs 0-6 (sun-sat); 7 is refused.",
      `environments/production/environment.yaml:${timeZone}:15: GEN024 syncWindows[0] (deny) timeZone "etc/utc" is not a time zone Argo CD can load`,
      '    at syncWindows[0].timeZone\n    fix: Write "Etc/UTC".',
    ]);
    expect(stderr).toContain("2 problem(s) in 1 file(s)");
  });

  it("a production image without its digest: GEN037 at the component, with where the digest comes from", () => {
    edit("environments/production/environment.yaml", (text) => text.replace(/(\n {2}mcp-server:\n(?: {4}.*\n)*?) {4}imageDigest: .*\n/, "$1"));
    const line = lineOf("production", "mcp-server", "enabled");
    const stderr = expectFailure([
      `environments/production/environment.yaml:${line}:14: GEN037 mcp-server runs image tag 1.4.0 without imageDigest; production pins every image of this repository's charts by digest (a tag can be pushed again to another image).`,
      "    at components.mcp-server.enabled\n    fix: Add `imageDigest: sha256:<64 hex>` to components.mcp-server: the digest the image build pushed for tag 1.4.0 (`crane digest <image>:<tag>`), recorded in staging first and promoted from there.",
    ]);
    expect(stderr).toContain("1 problem(s) in 1 file(s)");
  });

  it("a malformed image digest: GEN003 at the pin (the schema's sha256:<64 lowercase hex>)", () => {
    setPin("staging", "gateway", "imageDigest", `sha256:${"F".repeat(64)}`);
    expectFailure([`environments/staging/environment.yaml:${lineOf("staging", "gateway", "imageDigest")}:18: GEN003 components.gateway.imageDigest must match the pattern ^$|^sha256:[0-9a-f]{64}$`]);
  });

  it("an image digest on an upstream component: GEN038, not silently ignored", () => {
    edit("environments/staging/environment.yaml", (text) => text.replace(/(\n {2}argo-cd:\n(?: {4}.*\n)*? {4}chartRevision: .*\n)/, `$1    imageDigest: sha256:${"0".repeat(64)}\n`));
    expectFailure([`environments/staging/environment.yaml:${lineOf("staging", "argo-cd", "imageDigest")}:18: GEN038 argo-cd takes no imageDigest: an upstream chart (argo-cd `]);
  });

  it("a component without its kinds in schemas/component-kinds.json: GEN019 (its AppProject would permit none of its objects)", () => {
    edit("schemas/component-kinds.json", (text) => {
      const document = JSON.parse(text) as { components: Record<string, unknown> };
      delete document.components["web-ui"];
      return `${JSON.stringify(document, null, 2)}\n`;
    });
    expectFailure(["schemas/component-kinds.json:1:1: GEN019 component web-ui has no entry, so its AppProject would permit none of the objects it renders."]);
  });

  it("missing values file: GEN013", () => {
    rmSync(join(root, "environments/staging/values/mcp-server.yaml"));
    expectFailure(["GEN013 mcp-server is enabled but environments/staging/values/mcp-server.yaml does not exist."]);
  });

  it("every problem of every file is reported in one run", () => {
    edit("environments/staging/values/mcp-server.yaml", (text) => text.replace("replicaCount: 2", "replicaCont: 2"));
    setPin("production", "mcp-server", "imageTag", "latest");
    rmSync(join(root, "environments/development/values/mcp-server.yaml"));
    const stderr = expectFailure(["GEN004", "GEN031", "GEN013"]);
    expect(stderr).toContain("3 problem(s) in 3 file(s)");
  });
});

describe("command line", () => {
  it("exits 2 on an unknown argument or environment", () => {
    const unknown = runGenerator(["--frobnicate"], root);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('GEN090 unknown argument "--frobnicate".');
    const env = runGenerator(["--env", "qa"], root);
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('GEN091 no environment "qa" under environments/ (known: development, production, staging).');
  });

  it("--env regenerates one environment and leaves the others alone", () => {
    rmSync(join(root, "apps/development"), { recursive: true });
    edit("apps/staging/README.md", (text) => `${text}edited\n`);
    const result = runGenerator(["--env", "development"], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^generate-gitops: development: \d+ component\(s\) enabled/m);
    expect(result.stdout).not.toContain("staging");
    expect(existsSync(join(root, "apps/development/kustomization.yaml"))).toBe(true);
    expect(readFileSync(join(root, "apps/staging/README.md"), "utf8")).toMatch(/edited\n$/);
  });

  it("--check fails with a diff when apps/ was edited, and passes again after a run", () => {
    edit("apps/production/root/projects/default.yaml", (text) => text.replace("sourceRepos: []", "sourceRepos:\n    - '*'"));
    mkdirSync(join(root, "apps/retired"), { recursive: true });
    writeFileSync(join(root, "apps/retired/old.yaml"), "old: true\n");
    writeFileSync(join(root, "apps/staging/stray.yaml"), "stray: true\n");
    const check = runGenerator(["--check"], root);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("--- a/apps/production/root/projects/default.yaml");
    expect(check.stderr).toContain("+  sourceRepos: []");
    expect(check.stderr).toContain("apps/production/root/projects/default.yaml (changed)");
    expect(check.stderr).toContain("apps/retired/old.yaml (stale)");
    expect(check.stderr).toContain("apps/staging/stray.yaml (stale)");
    expect(check.stderr).toContain("fix: run `nx run generate:gitops -- --prune-environments` and commit apps/.");
    expect(readFileSync(join(root, "apps/production/root/projects/default.yaml"), "utf8")).toContain("'*'");

    const write = runGenerator(["--prune-environments"], root);
    expect(write.status).toBe(0);
    expect(write.stdout).toMatch(/^generate-gitops: production: \d+ component\(s\) enabled/m);
    expect(write.stdout).toContain("  wrote apps/production/root/projects/default.yaml");
    expect(write.stdout).toContain("  removed apps/staging/stray.yaml");
    expect(write.stdout).toContain("generate-gitops: retired: no longer under environments/: 1 removed.");
    expect(write.stdout).toMatch(/generate-gitops: 3 environment\(s\): 1 written, \d+ unchanged, 2 removed\.\n$/);
    expect(treeDigest(join(root, "apps"))).toEqual(appsBefore);
    expect(runGenerator(["--check"], root).status).toBe(0);
  });
});

describe("an apps/ that cannot be written", () => {
  it("fails with the file system's error, names apps/, and changes nothing under it", () => {
    // Every environment changes, and apps/production is a file where a directory must be.
    for (const env of ["development", "staging", "production"]) edit(`environments/${env}/environment.yaml`, (text) => text.replace(/\ndomain: (\S+)/, "\ndomain: changed.$1"));
    const apps = join(root, "apps");
    rmSync(join(apps, "production"), { recursive: true });
    writeFileSync(join(apps, "production"), "not a directory");
    const before = treeDigest(apps);
    const result = runGenerator([], root);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain(`generate-gitops: could not write ${apps}: `);
    expect(result.stderr).toContain("nothing under apps/ was changed.");
    expect(treeDigest(apps)).toEqual(before);
  });
});

/**
 * Hostile inputs (issue 17): each must end in its code with the file (and line where there is one),
 * exit 1 within a time bound, never echo what a link points at, and leave apps/ byte-identical.
 */
describe("hostile inputs", () => {
  const VALUES = "environments/staging/values/mcp-server.yaml";
  const timed = (args: string[] = []) => {
    const started = Date.now();
    const result = runGenerator(args, root);
    return { ...result, ms: Date.now() - started };
  };
  const expectRefused = (expected: string[], args: string[] = []) => {
    const result = timed(args);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    for (const text of expected) expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/\n\s+at .*\.(m?js|ts):\d+/);
    expect(result.stderr).toMatch(/nothing was written\.\n$/);
    expect(result.ms).toBeLessThan(20_000);
    expect(treeDigest(join(root, "apps"))).toEqual(appsBefore);
    return result;
  };

  it("a values file or environment file that links out of the repository is refused unread (GEN007)", () => {
    const outside = mkdtempSync(join(tmpdir(), "outside-"));
    try {
      writeFileSync(join(outside, "secret.yaml"), "replicaCount: 2\nSECRET_CANARY_4711: x\n");
      rmSync(join(root, VALUES));
      symlinkSync(join(outside, "secret.yaml"), join(root, VALUES));
      rmSync(join(root, "environments/production/environment.yaml"));
      symlinkSync("/proc/self/environ", join(root, "environments/production/environment.yaml"));
      const result = expectRefused([`${VALUES}: GEN007 is a symbolic link`, "environments/production/environment.yaml: GEN007 is a symbolic link"]);
      expect(result.stderr).not.toContain("SECRET_CANARY_4711");
      expect(result.stderr).not.toContain("PATH=");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("a YAML alias bomb is GEN017 at the first alias, in a values file and in environment.yaml", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    edit(VALUES, (text) => `${text}\n${bomb}\n`);
    edit("environments/development/environment.yaml", (text) => `${text}\n${bomb.replace(/^a:/, "x-bomb:")}\n`);
    const line = readFileSync(join(root, VALUES), "utf8").split("\n").findIndex((l) => l.startsWith("b: &b")) + 1;
    expectRefused([`${VALUES}:${line}:`, "GEN017 aliases expand to more than 100 copies", "environments/development/environment.yaml:"]);
  });

  it("an oversized values file is refused before it is read (GEN008)", () => {
    edit(VALUES, (text) => `${text}# ${"x".repeat(1024 * 1024)}\n`);
    expectRefused([`${VALUES}: GEN008 is `, "the limit is 1048576 bytes"]);
  });

  it("bytes that are not UTF-8 are refused with their line, not replaced (GEN009)", () => {
    const text = readFileSync(join(root, "environments/staging/environment.yaml"));
    const lines = text.toString("utf8").split("\n").length;
    writeFileSync(join(root, "environments/staging/environment.yaml"), Buffer.concat([text, Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    expectRefused([`environments/staging/environment.yaml:${lines}:1: GEN009 contains bytes that are not UTF-8.`]);
  });

  it("a renamed environment keeps its old output until --prune-environments (GEN092)", () => {
    renameSync(join(root, "environments/development"), join(root, "environments/dev"));
    edit("environments/dev/environment.yaml", (text) => text.replace(/^name: development$/m, "name: dev"));
    const result = timed();
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toContain("apps/development: GEN092 apps/development/ was generated for environments/development/, which no longer exists; it is kept.");
    expect(result.stderr).toContain("--prune-environments");
    expect(treeDigest(join(root, "apps"))).toEqual(appsBefore);
    const pruned = runGenerator(["--prune-environments"], root);
    expect(pruned.status, pruned.stdout + pruned.stderr).toBe(0);
    expect(pruned.stdout).toMatch(/generate-gitops: development: no longer under environments\/: \d+ removed\./);
    expect(existsSync(join(root, "apps/development"))).toBe(false);
    expect(existsSync(join(root, "apps/dev/README.md"))).toBe(true);
  });
});
