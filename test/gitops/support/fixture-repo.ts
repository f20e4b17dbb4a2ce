import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { COMPONENT_KINDS_FILE } from "../../../tools/src/catalog/component-kinds.js";
import { repoRoot } from "../../../tools/src/paths.js";

/**
 * git with a fixed identity and clock and without the user's or the system's configuration (no
 * signing, no hooks), so a fixture's commits have the same SHA on every machine.
 */
export function fixtureGit(args: readonly string[], cwd: string): string {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_AUTHOR_NAME: "Fixture",
    GIT_AUTHOR_EMAIL: "fixture@example.com",
    GIT_COMMITTER_NAME: "Fixture",
    GIT_COMMITTER_EMAIL: "fixture@example.com",
    GIT_AUTHOR_DATE: "2025-01-01T00:00:00Z",
    GIT_COMMITTER_DATE: "2025-01-01T00:00:00Z",
  };
  const result = spawnSync("git", args, { cwd, encoding: "utf8", env });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${result.stderr}`);
  return result.stdout;
}

/** Makes `root` a Git repository whose branch `main` is one empty commit (the same SHA everywhere: fixtureCommit()). */
function initFixtureGit(root: string): string {
  fixtureGit(["init", "--quiet", "--initial-branch=main"], root);
  fixtureGit(["commit", "--quiet", "--allow-empty", "--no-verify", "--message", "fixture"], root);
  return fixtureGit(["rev-parse", "HEAD"], root).trim();
}

let cachedFixtureCommit: string | undefined;

/**
 * The commit `main` points at in every writeFixtureRepo() repository: an empty commit with a fixed
 * identity, date and message, so its SHA is known before the files that pin it are written.
 */
export function fixtureCommit(): string {
  if (cachedFixtureCommit === undefined) {
    const scratch = mkdtempSync(join(tmpdir(), "gitops-fixture-commit-"));
    try {
      cachedFixtureCommit = initFixtureGit(scratch);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return cachedFixtureCommit;
}

/** A small chart for generator tests: the catalog annotations, a strict schema and one Deployment. */
export interface FixtureChart {
  name: string;
  layer?: string;
  group?: string;
  dependencies?: string;
  type?: "application" | "library";
}

export const FIXTURE_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: false,
  properties: {
    global: { type: "object", default: {}, additionalProperties: true },
    replicaCount: { type: "integer", minimum: 1, default: 1 },
    image: {
      type: "object",
      additionalProperties: false,
      properties: {
        repository: { type: "string", default: "example/app" },
        tag: { type: "string", pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", default: "latest" },
        digest: { type: "string", pattern: "^$|^sha256:[a-f0-9]{64}$", default: "" },
      },
    },
    autoscaling: {
      type: "object",
      additionalProperties: false,
      properties: { enabled: { type: "boolean", default: false }, maxReplicas: { type: "integer", minimum: 1, default: 3 } },
    },
    mode: { type: "string", enum: ["mock", "real"], default: "real" },
    networkPolicy: {
      type: "object",
      additionalProperties: false,
      properties: {
        enabled: { type: "boolean", default: true },
        allowedCallers: {
          type: "array",
          default: [],
          items: { type: "object", additionalProperties: false, required: ["app"], properties: { app: { type: "string" }, namespace: { type: "string" } } },
        },
      },
    },
  },
} as const;

const FIXTURE_VALUES = "replicaCount: 1\nimage:\n  repository: example/app\n  tag: latest\nautoscaling:\n  enabled: false\n  maxReplicas: 3\nmode: real\nnetworkPolicy:\n  enabled: true\n  allowedCallers: []\n";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
    spec:
      containers:
        - name: app
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;

export function chartFiles(chart: FixtureChart): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (chart.layer !== undefined) annotations["platform.mcp-security.io/layer"] = chart.layer;
  if (chart.group !== undefined) annotations["platform.mcp-security.io/group"] = chart.group;
  if (chart.dependencies !== undefined) annotations["platform.mcp-security.io/dependencies"] = chart.dependencies;
  const manifest = { apiVersion: "v2", name: chart.name, description: `The ${chart.name} fixture.`, type: chart.type ?? "application", version: "0.1.0", annotations };
  const base = `charts/${chart.name}`;
  if (chart.type === "library") return { [`${base}/Chart.yaml`]: stringify(manifest) };
  return {
    [`${base}/Chart.yaml`]: stringify(manifest),
    [`${base}/values.yaml`]: FIXTURE_VALUES,
    [`${base}/values.schema.json`]: `${JSON.stringify(FIXTURE_SCHEMA, null, 2)}\n`,
    [`${base}/templates/deployment.yaml`]: DEPLOYMENT,
  };
}

/** An upstream component: schemas/upstream/<name>.json with its x-upstream catalog entry and a small strict schema. */
export function upstreamFiles(upstream: { name: string; layer?: string; dependencies?: string[]; namespace?: string; repoURL?: string; version?: string }): Record<string, string> {
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: `${upstream.name} values`,
    description: `The ${upstream.name} upstream fixture.`,
    "x-upstream": {
      repoURL: upstream.repoURL ?? "https://charts.example.com",
      chart: upstream.name,
      version: upstream.version ?? "1.2.3",
      layer: upstream.layer ?? "infrastructure",
      group: "upstream",
      dependencies: upstream.dependencies ?? [],
      namespace: upstream.namespace ?? upstream.name,
      serverSideApply: true,
    },
    type: "object",
    additionalProperties: false,
    properties: { replicaCount: { type: "integer", minimum: 1, description: "Replicas." }, crds: { type: "object", additionalProperties: false, description: "CRDs.", properties: { enabled: { type: "boolean", description: "Install them." } } } },
  };
  return { [`schemas/upstream/${upstream.name}.json`]: `${JSON.stringify(schema, null, 2)}\n` };
}

export interface FixtureEnvironment {
  name: string;
  tier?: "development" | "staging" | "production";
  components: Record<string, { enabled: boolean; chartRevision?: string; imageTag?: string; imageDigest?: string }>;
  /** Components that are upstream charts (their default values file points at schemas/upstream/). */
  upstream?: string[];
  /** Values file text per component; an enabled component without an entry gets a minimal valid file. */
  values?: Record<string, string>;
  extra?: Record<string, unknown>;
}

export function modeline(component: string, upstream = false): string {
  return upstream ? `# yaml-language-server: $schema=../../../schemas/upstream/${component}.json` : `# yaml-language-server: $schema=../../../charts/${component}/values.schema.json`;
}

export function environmentFiles(environment: FixtureEnvironment): Record<string, string> {
  const document = {
    name: environment.name,
    tier: environment.tier ?? "development",
    repository: { url: "https://example.com/platform.git" },
    destination: { server: "https://kubernetes.default.svc" },
    domain: `${environment.name}.example.com`,
    ...environment.extra,
    components: environment.components,
  };
  const files: Record<string, string> = {
    [`environments/${environment.name}/environment.yaml`]: `# yaml-language-server: $schema=../environment.schema.json\n${stringify(document)}`,
  };
  for (const [component, pin] of Object.entries(environment.components)) {
    const text = environment.values?.[component] ?? (pin.enabled ? `${modeline(component, environment.upstream?.includes(component))}\nreplicaCount: 1\n` : undefined);
    if (text !== undefined) files[`environments/${environment.name}/values/${component}.yaml`] = text;
  }
  return files;
}

/** schemas/component-kinds.json for the fixture's charts (not library charts) and upstream components: one Deployment each. */
export function fixtureComponentKinds(files: Record<string, string>): string {
  const names = Object.entries(files).flatMap(([path, text]) => {
    const chart = /^charts\/([^/]+)\/Chart\.yaml$/.exec(path);
    if (chart) return /\btype: library\b/.test(text) ? [] : [chart[1] as string];
    const upstream = /^schemas\/upstream\/([^/]+)\.json$/.exec(path);
    return upstream ? [upstream[1] as string] : [];
  });
  const components = Object.fromEntries([...new Set(names)].sort().map((name) => [name, { namespaced: ["apps/Deployment"], cluster: [] }]));
  return `${JSON.stringify({ components }, null, 2)}\n`;
}

/**
 * A temporary repository root holding the real environment schema and the given files. It is a Git
 * repository (the generator verifies pins in it) whose `main` is fixtureCommit(), with `tags`
 * (if any) on that commit; the files themselves stay uncommitted, as in a working tree.
 */
export function writeFixtureRepo(files: Record<string, string>, options: { tags?: readonly string[]; git?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), "gitops-fixture-"));
  if (options.git !== false) {
    const commit = initFixtureGit(root);
    if (commit !== fixtureCommit()) throw new Error(`the fixture commit is ${commit} in ${root} but ${fixtureCommit()} elsewhere: git is not deterministic here`);
    for (const tag of options.tags ?? []) fixtureGit(["tag", tag], root);
  }
  mkdirSync(join(root, "schemas"), { recursive: true });
  cpSync(join(repoRoot, "schemas", "environment.json"), join(root, "schemas", "environment.json"));
  // The kinds of every fixture component (each renders one Deployment), unless the test brings its own file.
  if (!(COMPONENT_KINDS_FILE in files)) writeFileSync(join(root, COMPONENT_KINDS_FILE), fixtureComponentKinds(files));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/**
 * A copy of this repository's generator inputs and committed output, to break in a test without
 * touching the real tree. It is a Git repository that borrows this repository's objects
 * (objects/info/alternates: nothing is copied) with `main` at this checkout's HEAD, so the pins
 * resolve, and are on `main`, exactly as in the checkout.
 */
export function copyRepository(into?: string): string {
  // `into`: a path of the caller's (created here), for a caller that wants the same root every time.
  const root = into ?? mkdtempSync(join(tmpdir(), "gitops-copy-"));
  if (into) mkdirSync(into, { recursive: true });
  for (const dir of ["charts", "environments", "apps", "schemas"]) cpSync(join(repoRoot, dir), join(root, dir), { recursive: true });
  const objects = fixtureGit(["rev-parse", "--path-format=absolute", "--git-common-dir"], repoRoot).trim();
  const head = fixtureGit(["rev-parse", "HEAD"], repoRoot).trim();
  fixtureGit(["init", "--quiet", "--initial-branch=main"], root);
  writeFileSync(join(root, ".git", "objects", "info", "alternates"), `${join(objects, "objects")}\n`);
  fixtureGit(["update-ref", "refs/heads/main", head], root);
  return root;
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), "utf8");
}
