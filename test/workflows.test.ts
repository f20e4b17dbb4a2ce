import { readdirSync, readFileSync } from "node:fs";
import { register } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../tools/src/paths.js";
import { HELM_UNITTEST } from "../tools/src/unittest/plugin-version.js";

// @actions/workflow-parser imports its schema JSON without `with { type: "json" }`, which Node's
// ESM loader rejects (bundlers accept it). This resolve hook adds the attribute for that package only.
const jsonAttributeHook = `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  return result.url.endsWith(".json") && result.url.includes("/@actions/workflow-parser/") ? { ...result, importAttributes: { type: "json" } } : result;
}`;
register(`data:text/javascript,${encodeURIComponent(jsonAttributeHook)}`);
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");

const workflowsDir = join(repoRoot, ".github", "workflows");
const workflowFiles = readdirSync(workflowsDir)
  .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
  .sort();

/** Schema and conversion errors GitHub's own parser reports for a workflow file (empty when valid). */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (parsed.value !== undefined) await convertWorkflowTemplate(parsed.context, parsed.value);
  if (parsed.value === undefined && parsed.context.errors.count === 0) return [`${name}: the parser produced no workflow`];
  return parsed.context.errors.getErrors().map((e) => e.message);
}

/** Least privilege: the workflow must say what its token may do, and not grant everything. */
function permissionProblems(name: string, content: string): string[] {
  const workflow = parseYaml(content) as Record<string, unknown> | null;
  const permissions = workflow?.permissions;
  if (permissions === undefined) return [`${name}: no top-level \`permissions\`; declare the least the jobs need, e.g. permissions: { contents: read }.`];
  if (typeof permissions === "string") return [`${name}: \`permissions: ${permissions}\` grants the token every scope; list the scopes the jobs need instead.`];
  return [];
}

/** Every remote action must be pinned to a full commit SHA, since tags can be moved. */
function unpinnedActions(name: string, content: string): string[] {
  const problems: string[] = [];
  for (const match of content.matchAll(/^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)/gm)) {
    const ref = match[1] ?? "";
    if (ref.startsWith("./") || ref.startsWith("docker://")) continue;
    if (!/@[0-9a-f]{40}$/.test(ref)) problems.push(`${name}: \`uses: ${ref}\` is not pinned to a 40-character commit SHA.`);
  }
  return problems;
}


type Job = { env?: Record<string, unknown>; environment?: unknown; steps?: Array<Record<string, unknown>>; permissions?: unknown };
type Workflow = { env?: Record<string, unknown>; jobs?: Record<string, Job> };

const SECRET_EXPRESSION = /\$\{\{[^}]*\bsecrets\./;

function jobsOf(content: string): Array<[string, Job]> {
  return Object.entries((parseYaml(content) as Workflow | null)?.jobs ?? {});
}

function usesSecrets(job: Job): boolean {
  return SECRET_EXPRESSION.test(JSON.stringify(job));
}

/** Secrets belong to the step that uses them: workflow- or job-level env reaches every step (and npm's scripts). */
function secretsInSharedEnv(name: string, content: string): string[] {
  const problems: string[] = [];
  const workflow = parseYaml(content) as Workflow | null;
  for (const [key, value] of Object.entries(workflow?.env ?? {})) {
    if (SECRET_EXPRESSION.test(String(value))) problems.push(`${name}: workflow-level env.${key} holds a secret; give it to the one step that uses it (steps[].env).`);
  }
  for (const [jobName, job] of jobsOf(content)) {
    for (const [key, value] of Object.entries(job.env ?? {})) {
      if (SECRET_EXPRESSION.test(String(value))) problems.push(`${name}: jobs.${jobName}.env.${key} holds a secret; give it to the one step that uses it (steps[].env).`);
    }
  }
  return problems;
}

/** A job that reads a secret runs in a GitHub environment, whose protection rules gate the secret. */
function secretJobsWithoutEnvironment(name: string, content: string): string[] {
  return jobsOf(content)
    .filter(([, job]) => usesSecrets(job) && job.environment === undefined)
    .map(([jobName]) => `${name}: jobs.${jobName} uses a secret but declares no \`environment:\`; run it in a protected environment and store the secret there.`);
}

/** In a job that holds secrets, no dependency's install script may run. */
function installScriptsInSecretJobs(name: string, content: string): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of jobsOf(content)) {
    if (!usesSecrets(job)) continue;
    for (const [index, step] of (job.steps ?? []).entries()) {
      const run = typeof step.run === "string" ? step.run : "";
      for (const line of run.split("\n")) {
        if (/\bnpm\s+(ci|install|i)\b/.test(line) && !line.includes("--ignore-scripts")) {
          problems.push(`${name}: jobs.${jobName}.steps[${index}] runs \`${line.trim()}\` with lifecycle scripts on in a job that holds secrets; use \`npm ci --ignore-scripts\` then \`node tools/install/extract-binaries.mjs\`.`);
        }
      }
    }
  }
  return problems;
}

function runScripts(job: Job): string {
  return (job.steps ?? []).map((step) => (typeof step.run === "string" ? step.run : "")).join("\n");
}

function usedActions(job: Job): string[] {
  return (job.steps ?? []).map((step) => (typeof step.uses === "string" ? step.uses.split("@")[0] ?? "" : "")).filter(Boolean);
}

/** Chart releases: signed (cosign keyless), with provenance, gated, and never replacing a published version. */
function releaseProblems(name: string, content: string): string[] {
  const problems: string[] = [];
  const publishing = jobsOf(content).filter(([, job]) => /\bhelm push\b/.test(runScripts(job)));
  if (publishing.length === 0) problems.push(`${name}: no job runs \`helm push\`.`);
  for (const [jobName, job] of publishing) {
    const script = runScripts(job);
    const where = `${name}: jobs.${jobName}`;
    if (job.environment === undefined) problems.push(`${where} publishes charts outside a protected \`environment:\`.`);
    if (!usedActions(job).includes("sigstore/cosign-installer") || !/\bcosign sign --yes\b[^\n]*@\$digest/.test(script)) problems.push(`${where} does not sign each pushed chart by digest with cosign (sigstore/cosign-installer + \`cosign sign --yes <repo>@<digest>\`).`);
    if (!usedActions(job).includes("actions/attest-build-provenance") && !/\bcosign attest\b/.test(script)) problems.push(`${where} attaches no build provenance (actions/attest-build-provenance or cosign attest).`);
    const permissions = (job.permissions ?? {}) as Record<string, unknown>;
    if (permissions["id-token"] !== "write") problems.push(`${where} lacks \`id-token: write\`, which keyless signing needs.`);
    const check = script.search(/helm show chart "oci:\/\/[^"]*" --version/);
    const push = script.search(/\bhelm push\b/);
    if (check === -1 || check > push) problems.push(`${where} pushes without first checking the registry for the chart version (\`helm show chart oci://… --version <v>\`).`);
  }
  return problems;
}

/** Plugins are installed with verification on, or from an artifact whose sha256 is pinned in the workflow. */
function unverifiedPluginInstalls(name: string, content: string): string[] {
  const problems: string[] = [];
  const workflow = parseYaml(content) as Workflow | null;
  for (const [jobName, job] of jobsOf(content)) {
    const env = { ...(workflow?.env ?? {}), ...(job.env ?? {}) };
    for (const [index, step] of (job.steps ?? []).entries()) {
      const run = typeof step.run === "string" ? step.run : "";
      const where = `${name}: jobs.${jobName}.steps[${index}]`;
      if (/helm plugin install[^\n]*--verify=false/.test(run)) problems.push(`${where} installs a Helm plugin with --verify=false; download the release tarball and check its sha256 instead.`);
      if (/helm-unittest/.test(run) && /\bcurl\b/.test(run)) {
        const pinned = Object.entries(env).some(([key, value]) => /SHA256$/.test(key) && /^[0-9a-f]{64}$/.test(String(value)) && run.includes(`$${key}`));
        if (!pinned || !/sha256sum --check/.test(run)) problems.push(`${where} downloads helm-unittest without checking a sha256 pinned in the workflow (\`sha256sum --check\`).`);
      }
    }
  }
  return problems;
}

/**
 * ci.yml's helm-unittest: the release the conformance table is written from (tools/src/unittest/plugin-version.ts),
 * built from a source checkout at its tag's commit, which the job checks after checking out; no
 * `helm plugin install` (its install hook downloads a release asset) and no download of a release.
 */
function helmUnittestProblems(name: string, content: string): string[] {
  const problems: string[] = [];
  const workflow = parseYaml(content) as Workflow | null;
  const env = workflow?.env ?? {};
  if (String(env.HELM_UNITTEST_VERSION) !== HELM_UNITTEST.version) problems.push(`${name}: env.HELM_UNITTEST_VERSION is ${JSON.stringify(env.HELM_UNITTEST_VERSION)}, not ${HELM_UNITTEST.version}, the release tools/src/unittest/conformance.test.ts is written from.`);
  if (String(env.HELM_UNITTEST_COMMIT) !== HELM_UNITTEST.commit) problems.push(`${name}: env.HELM_UNITTEST_COMMIT is ${JSON.stringify(env.HELM_UNITTEST_COMMIT)}, not ${HELM_UNITTEST.commit} (${HELM_UNITTEST.tag}^{commit}).`);
  const steps = jobsOf(content).flatMap(([, job]) => job.steps ?? []);
  const checkout = steps.find((step) => String(step.uses ?? "").startsWith("actions/checkout@") && (step.with as Record<string, unknown> | undefined)?.repository === "helm-unittest/helm-unittest");
  const checkoutWith = (checkout?.with ?? {}) as Record<string, unknown>;
  if (!checkout || checkoutWith.ref !== "${{ env.HELM_UNITTEST_COMMIT }}") problems.push(`${name}: no actions/checkout of helm-unittest/helm-unittest at ref \${{ env.HELM_UNITTEST_COMMIT }}.`);
  const path = String(checkoutWith.path ?? "");
  const build = steps.map((step) => (typeof step.run === "string" ? step.run : "")).find((run) => /\bgo build\b/.test(run) && run.includes("HELM_UNITTEST_COMMIT"));
  if (!build) problems.push(`${name}: no step builds helm-unittest (\`go build\`) after comparing the checkout with $HELM_UNITTEST_COMMIT.`);
  else {
    const verify = build.search(/git -C "?\$src"? rev-parse HEAD/);
    if (verify === -1 || verify > build.search(/\bgo build\b/)) problems.push(`${name}: the helm-unittest checkout's HEAD is not compared with $HELM_UNITTEST_COMMIT before \`go build\`.`);
    if (path === "" || !build.includes(path)) problems.push(`${name}: the build step does not use the checkout path ${JSON.stringify(path)}.`);
  }
  const scripts = steps.map((step) => (typeof step.run === "string" ? step.run : "")).join("\n");
  if (/helm plugin install[^\n]*helm-unittest/.test(scripts)) problems.push(`${name}: \`helm plugin install\` runs helm-unittest's install hook, which downloads a release asset; build from the pinned source instead.`);
  if (/releases\/download\/[^\n]*helm-unittest|helm-unittest[^\n]*releases\/download/.test(scripts)) problems.push(`${name}: downloads a helm-unittest release; build from the pinned source instead.`);
  return problems;
}

/** CI runs the README's test command, the type check and the linter. */
function missingChecks(name: string, content: string): string[] {
  const scripts = jobsOf(content).map(([, job]) => runScripts(job)).join("\n");
  return ["npm test", "npm run typecheck", "npm run lint"].filter((command) => !new RegExp(`^\\s*${command.replace(/ /g, "\\s+")}\\s*$`, "m").test(scripts)).map((command) => `${name}: no step runs \`${command}\`.`);
}

/**
 * renovate-regenerate.yml: runs for the bot's own branches only, regenerates what the drift check
 * compares (schemas, chart versions, apps/) and pushes with an App token that may write contents and
 * nothing else; the job token only reads and the private key reaches one step.
 */
function regenerateProblems(name: string, content: string): string[] {
  const problems: string[] = [];
  const workflow = parseYaml(content) as { on?: Record<string, unknown> } & Workflow;
  const events = Object.keys(workflow.on ?? {});
  if (events.join(",") !== "pull_request") problems.push(`${name}: runs on ${events.join(", ") || "nothing"}; it must run on pull_request only (never pull_request_target, which would hand a fork's code the secrets).`);
  const jobs = jobsOf(content);
  if (jobs.length !== 1) return [...problems, `${name}: expected one job, found ${jobs.length}.`];
  const [jobName, job] = jobs[0] as [string, Job & { if?: string }];
  const where = `${name}: jobs.${jobName}`;
  const condition = String(job.if ?? "");
  if (!condition.includes("startsWith(github.head_ref, 'renovate/')")) problems.push(`${where} does not limit itself to renovate/ branches (if: startsWith(github.head_ref, 'renovate/')).`);
  if (!condition.includes("github.event.pull_request.head.repo.full_name == github.repository")) problems.push(`${where} does not refuse pull requests from forks (head.repo.full_name == github.repository).`);
  const permissions = (job.permissions ?? {}) as Record<string, unknown>;
  if (Object.entries(permissions).some(([, level]) => level === "write")) problems.push(`${where} gives the job token write access; the push uses the App token minted with permission-contents: write only.`);
  const steps = job.steps ?? [];
  const mint = steps.filter((step) => String(step.uses ?? "").startsWith("actions/create-github-app-token@"));
  const scopes = mint.flatMap((step) => Object.entries((step.with ?? {}) as Record<string, unknown>).filter(([key]) => key.startsWith("permission-")));
  if (mint.length !== 1 || JSON.stringify(scopes) !== JSON.stringify([["permission-contents", "write"]])) problems.push(`${where} must mint one App token limited to permission-contents: write (found ${JSON.stringify(scopes)}).`);
  const keyHolders = steps.filter((step) => JSON.stringify(step).includes("secrets."));
  if (keyHolders.some((step) => !String(step.uses ?? "").startsWith("actions/create-github-app-token@"))) problems.push(`${where} gives a secret to a step other than the token minting.`);
  const checkout = steps.find((step) => String(step.uses ?? "").startsWith("actions/checkout@"));
  if ((checkout?.with as Record<string, unknown> | undefined)?.["persist-credentials"] !== false) problems.push(`${where} checks out with persisted credentials; set persist-credentials: false.`);
  const order = ["npm ci --ignore-scripts", "tools/install/extract-binaries.mjs", "tools/src/cli/generate-schemas.ts", "tools/src/cli/chart-versions.ts --bump", "tools/src/cli/generate-gitops.ts", "push origin"];
  const script = runScripts(job);
  const positions = order.map((command) => script.indexOf(command));
  order.forEach((command, i) => {
    if (positions[i] === -1) problems.push(`${where} never runs \`${command}\`.`);
  });
  if (positions.every((p) => p !== -1) && positions.some((p, i) => i > 0 && p < (positions[i - 1] as number))) problems.push(`${where} must run, in this order: ${order.join(" → ")}.`);
  return problems;
}

const VALID = `name: ok
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
      - run: echo hello
`;

describe("GitHub workflows in .github/workflows", () => {
  it("holds the CI and chart release workflows", () => {
    expect(workflowFiles).toEqual(expect.arrayContaining(["ci.yml", "release-charts.yml", "renovate-regenerate.yml"]));
  });

  it.each(workflowFiles)("%s passes GitHub's workflow parser", async (file) => {
    expect(await workflowErrors(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s declares least-privilege permissions", (file) => {
    expect(permissionProblems(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s pins every action to a commit SHA", (file) => {
    expect(unpinnedActions(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s keeps secrets out of workflow- and job-level env", (file) => {
    expect(secretsInSharedEnv(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s runs every job that uses a secret in a GitHub environment", (file) => {
    expect(secretJobsWithoutEnvironment(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s runs no dependency install script in a job that holds secrets", (file) => {
    expect(installScriptsInSecretJobs(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it.each(workflowFiles)("%s installs no Helm plugin unverified", (file) => {
    expect(unverifiedPluginInstalls(file, readFileSync(join(workflowsDir, file), "utf8"))).toEqual([]);
  });

  it("ci.yml builds helm-unittest from the verified commit of the release the conformance table is written from", () => {
    expect(helmUnittestProblems("ci.yml", readFileSync(join(workflowsDir, "ci.yml"), "utf8"))).toEqual([]);
  });

  it("ci.yml runs the tests, the type check and the linter", () => {
    expect(missingChecks("ci.yml", readFileSync(join(workflowsDir, "ci.yml"), "utf8"))).toEqual([]);
  });

  it("release-charts.yml signs, attests, is gated and never re-publishes a version", () => {
    expect(releaseProblems("release-charts.yml", readFileSync(join(workflowsDir, "release-charts.yml"), "utf8"))).toEqual([]);
  });

  it("renovate-regenerate.yml regenerates on the bot's branches only and pushes with a contents:write App token", () => {
    expect(regenerateProblems("renovate-regenerate.yml", readFileSync(join(workflowsDir, "renovate-regenerate.yml"), "utf8"))).toEqual([]);
  });

  it("promote.yml mints the App token in its own step, the only one given the private key", () => {
    const [, job] = jobsOf(readFileSync(join(workflowsDir, "promote.yml"), "utf8")).find(([name]) => name === "promote") ?? [];
    const holders = (job?.steps ?? []).filter((step) => JSON.stringify(step).includes("secrets.PROMOTION_APP_PRIVATE_KEY"));
    expect(holders.map((step) => String(step.uses).split("@")[0])).toEqual(["actions/create-github-app-token"]);
  });
});

describe("the workflow checks reject broken workflows", () => {
  it("accepts a minimal valid workflow (control)", async () => {
    expect(await workflowErrors("valid.yml", VALID)).toEqual([]);
    expect(permissionProblems("valid.yml", VALID)).toEqual([]);
    expect(unpinnedActions("valid.yml", VALID)).toEqual([]);
  });

  it("rejects an unknown job key (runs-onn)", async () => {
    const errors = await workflowErrors("typo.yml", VALID.replace("runs-on:", "runs-onn:"));
    expect(errors.join("\n")).toMatch(/runs-onn/);
  });

  it("rejects an unknown event under on", async () => {
    const errors = await workflowErrors("bad-on.yml", VALID.replace("on: push", "on: pushh"));
    expect(errors.join("\n")).toMatch(/pushh/);
  });

  it("rejects a malformed expression", async () => {
    const errors = await workflowErrors("bad-expr.yml", VALID.replace("echo hello", "echo ${{ github.ref == }}"));
    expect(errors).not.toEqual([]);
  });

  it("rejects a workflow without permissions, or with write-all", () => {
    expect(permissionProblems("none.yml", VALID.replace("permissions:\n  contents: read\n", ""))).toHaveLength(1);
    expect(permissionProblems("all.yml", VALID.replace("permissions:\n  contents: read\n", "permissions: write-all\n"))).toHaveLength(1);
  });

  it("rejects an action pinned to a tag", () => {
    expect(unpinnedActions("tag.yml", VALID.replace(/@[0-9a-f]{40}/, "@v4"))).toHaveLength(1);
  });
  const SECRET_JOB = `name: s
on: push
permissions:
  contents: read
jobs:
  deploy:
    runs-on: ubuntu-24.04
    environment:
      name: production
    steps:
      - run: npm ci --ignore-scripts
      - env:
          TOKEN: \${{ secrets.TOKEN }}
        run: ./deploy
`;

  it("accepts a secret given to one step of a job in an environment (control)", () => {
    expect(secretsInSharedEnv("s.yml", SECRET_JOB)).toEqual([]);
    expect(secretJobsWithoutEnvironment("s.yml", SECRET_JOB)).toEqual([]);
    expect(installScriptsInSecretJobs("s.yml", SECRET_JOB)).toEqual([]);
  });

  it("rejects a secret in workflow-level or job-level env", () => {
    expect(secretsInSharedEnv("wf.yml", SECRET_JOB.replace("jobs:\n", "env:\n  T: ${{ secrets.TOKEN }}\njobs:\n"))).toHaveLength(1);
    expect(secretsInSharedEnv("job.yml", SECRET_JOB.replace("    steps:\n", "    env:\n      T: ${{ secrets.TOKEN }}\n    steps:\n"))).toHaveLength(1);
  });

  it("rejects a job that uses a secret without an environment", () => {
    expect(secretJobsWithoutEnvironment("noenv.yml", SECRET_JOB.replace("    environment:\n      name: production\n", ""))).toHaveLength(1);
  });

  it("rejects npm ci with lifecycle scripts in a job that holds secrets", () => {
    expect(installScriptsInSecretJobs("scripts.yml", SECRET_JOB.replace("npm ci --ignore-scripts", "npm ci"))).toHaveLength(1);
  });

  it("rejects a helm plugin installed with --verify=false, or a tarball without a pinned sha256", () => {
    const install = (run: string, env = "") => `name: p\non: push\npermissions:\n  contents: read\n${env}jobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: ${run}\n`;
    expect(unverifiedPluginInstalls("v.yml", install("helm plugin install https://github.com/helm-unittest/helm-unittest --version 1.1.2 --verify=false"))).toHaveLength(1);
    const sha = "a".repeat(64);
    const good = install(`curl -o t https://github.com/helm-unittest/helm-unittest/releases/x.tgz && echo "$H_SHA256  t" | sha256sum --check`, `env:\n  H_SHA256: "${sha}"\n`);
    expect(unverifiedPluginInstalls("good.yml", good)).toEqual([]);
    expect(unverifiedPluginInstalls("nosum.yml", good.replace("sha256sum --check", "true"))).toHaveLength(1);
    expect(unverifiedPluginInstalls("shortsum.yml", good.replace(sha, "abc"))).toHaveLength(1);
  });

  it("rejects a helm-unittest pin that is not the conformance table's, unverified, installed by its hook or downloaded", () => {
    const ci = readFileSync(join(workflowsDir, "ci.yml"), "utf8");
    expect(helmUnittestProblems("ci.yml", ci)).toEqual([]);
    expect(helmUnittestProblems("v.yml", ci.replace(`HELM_UNITTEST_VERSION: "${HELM_UNITTEST.version}"`, 'HELM_UNITTEST_VERSION: "1.2.0"'))).toHaveLength(1);
    expect(helmUnittestProblems("c.yml", ci.replace(`HELM_UNITTEST_COMMIT: "${HELM_UNITTEST.commit}"`, `HELM_UNITTEST_COMMIT: "${"a".repeat(40)}"`))).toHaveLength(1);
    expect(helmUnittestProblems("ref.yml", ci.replace("ref: ${{ env.HELM_UNITTEST_COMMIT }}", "ref: v1.1.0"))).toHaveLength(1);
    expect(helmUnittestProblems("noverify.yml", ci.replace(/actual="\$\(git -C "\$src" rev-parse HEAD\)"/, 'actual="$HELM_UNITTEST_COMMIT"'))).toHaveLength(1);
    expect(helmUnittestProblems("hook.yml", ci.replace("helm plugin list |", "helm plugin install https://github.com/helm-unittest/helm-unittest --version 1.1.0 --verify=false; helm plugin list |"))).toHaveLength(1);
  });

  it("rejects a CI workflow that skips the linter or the type check", () => {
    const ci = readFileSync(join(workflowsDir, "ci.yml"), "utf8");
    expect(missingChecks("nolint.yml", ci.replace("run: npm run lint", "run: echo lint"))).toHaveLength(1);
    expect(missingChecks("notsc.yml", ci.replace("run: npm run typecheck", "run: echo tsc"))).toHaveLength(1);
  });

  it("rejects a chart release that is unsigned, unattested, ungated or re-publishes", () => {
    const release = readFileSync(join(workflowsDir, "release-charts.yml"), "utf8");
    expect(releaseProblems("r.yml", release)).toEqual([]);
    expect(releaseProblems("unsigned.yml", release.replace(/cosign sign --yes[^\n]*/, "true"))).toHaveLength(1);
    expect(releaseProblems("noprov.yml", release.replace(/actions\/attest-build-provenance/, "actions/upload-artifact"))).toHaveLength(1);
    expect(releaseProblems("noenv.yml", release.replace(/ {4}environment:\n {6}name: release\n/, ""))).toHaveLength(1);
    expect(releaseProblems("nocheck.yml", release.replace(/helm show chart "oci:/g, 'echo "oci:'))).toHaveLength(1);
  });
  it("rejects a regeneration workflow that runs for any branch or fork, writes with the job token, skips a step or widens the App token", () => {
    const regenerate = readFileSync(join(workflowsDir, "renovate-regenerate.yml"), "utf8");
    expect(regenerateProblems("r.yml", regenerate)).toEqual([]);
    expect(regenerateProblems("target.yml", regenerate.replace(/^ {2}pull_request:/m, "  pull_request_target:"))).toHaveLength(1);
    expect(regenerateProblems("anybranch.yml", regenerate.replace("startsWith(github.head_ref, 'renovate/') &&", ""))).toHaveLength(1);
    expect(regenerateProblems("fork.yml", regenerate.replace("github.event.pull_request.head.repo.full_name == github.repository &&", ""))).toHaveLength(1);
    expect(regenerateProblems("jobwrite.yml", regenerate.replace(/ {4}permissions:\n {6}contents: read\n/, "    permissions:\n      contents: write\n"))).toHaveLength(1);
    expect(regenerateProblems("wide.yml", regenerate.replace("permission-contents: write", "permission-contents: write\n          permission-workflows: write"))).toHaveLength(1);
    expect(regenerateProblems("nobump.yml", regenerate.replace("npx tsx tools/src/cli/chart-versions.ts --bump", "true"))).toHaveLength(1);
    expect(regenerateProblems("order.yml", regenerate.replace("run: npx tsx tools/src/cli/generate-schemas.ts", "run: echo later").replace("git add --", "npx tsx tools/src/cli/generate-schemas.ts\n          git add --"))).toHaveLength(1);
    expect(regenerateProblems("persist.yml", regenerate.replace("persist-credentials: false", "persist-credentials: true"))).toHaveLength(1);
  });
});
