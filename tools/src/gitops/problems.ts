/**
 * The generator's error catalogue. Every problem carries a stable code so that the troubleshooting
 * table in the docs, the tests and CI logs all point at the same thing; the message says what is
 * wrong and `fix` says what to do.
 */
import { compareText } from "../text/compare-text.js";

export const PROBLEM_CATALOG = {
  GEN001: { title: "Malformed YAML", fix: "Fix the YAML syntax at the reported line and column (indentation, a missing colon, an unclosed quote or bracket)." },
  GEN002: { title: "Duplicate key", fix: "Keep one of the two entries: a YAML mapping may not repeat a key (the second would silently win elsewhere)." },
  GEN003: { title: "Schema violation", fix: "Change the value so that it matches the schema; hover the key in an editor with the YAML language server for its description." },
  GEN004: { title: "Unknown key", fix: "Rename the key to the suggested one, or remove it: the schema does not allow it." },
  GEN005: { title: "Missing environment file", fix: "Create environments/<env>/environment.yaml (copy another environment's file) or delete the directory." },
  GEN006: { title: "Environment name mismatch", fix: "Make `name` in environment.yaml equal to the name of its directory under environments/." },
  GEN007: { title: "Input file leaves the repository", fix: "Replace the symbolic link with the file itself (or a link to a file inside the repository): the generator reads only regular files of the repository it generates." },
  GEN008: { title: "Input file too large", fix: "Keep each environment.yaml, values file and chart values file under 1 MiB (1,048,576 bytes); split large settings or move data out of the values." },
  GEN009: { title: "Input file is not UTF-8", fix: "Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`) and check the reported line for stray bytes." },
  GEN017: { title: "Too many YAML aliases", fix: "Write the values out instead of repeating an anchor: an alias may expand to at most 100 copies of its anchor (an \"alias bomb\" would exhaust memory)." },
  GEN018: { title: "Pod Security labels written by hand", fix: "Remove the pod-security.kubernetes.io/* keys from destination.namespaceLabels: every namespace gets enforce/audit/warn \"restricted\", or the weaker level a component deployed there declares (`podSecurity` in its x-upstream block), and apps/<env>/README.md lists each exception with its reason." },
  GEN019: { title: "Component kinds missing or malformed", fix: "List the kinds the component renders in schemas/component-kinds.json: `npx vitest run test/render/component-kinds.test.ts` prints the exact entry of every component whose renders and entry differ." },
  GEN010: { title: "Invalid component metadata", fix: "Fix the chart's Chart.yaml (name equal to its directory; the platform.mcp-security.io/layer, /group and /dependencies annotations well-formed) or the x-upstream block of schemas/upstream/<name>.json." },
  GEN011: { title: "Unknown component", fix: "Use the name of a chart under charts/ or of an upstream component under schemas/upstream/ (or add it first)." },
  GEN012: { title: "Component not listed in environment (warning)", fix: "List the chart under `components:` in the environment: enable it with chartRevision and imageTag, or `<name>: {enabled: false}` to record that it stays out." },
  GEN013: { title: "Missing values file", fix: "Create environments/<env>/values/<component>.yaml (start it with the `# yaml-language-server: $schema=` modeline) or disable the component." },
  GEN014: { title: "Missing or wrong schema modeline", fix: "Make the first line of the values file `# yaml-language-server: $schema=../../../charts/<component>/values.schema.json`." },
  GEN015: { title: "Chart schema or defaults missing", fix: "Run `nx run generate:schemas` so the chart has values.schema.json and values.yaml." },
  GEN016: { title: "Generated value set by hand", fix: "Remove the key from the values file: the generator fills it (callers come from the calling components' dependencies; Argo CD's own settings from environment.yaml)." },
  GEN020: { title: "Unknown dependency", fix: "Fix the name in the chart's platform.mcp-security.io/dependencies annotation, or add the missing chart." },
  GEN021: { title: "Dependency cycle", fix: "Remove one dependency of the reported chain from a chart's platform.mcp-security.io/dependencies annotation." },
  GEN022: { title: "Dependency disabled", fix: "Enable the dependency in this environment, or disable the component that needs it." },
  GEN023: { title: "Infrastructure depends on a later layer", fix: "An infrastructure component may depend only on infrastructure components, which come up first; move one of them to another layer or drop the dependency." },
  GEN024: { title: "Sync window Argo CD would refuse or misread", fix: "Write the window as Argo CD v3.4.4 reads it: schedule in five robfig/cron fields (day of week 0-6, Sunday is 0 or sun; no @daily, L, W or #), duration a positive Go duration (48h, 90m), timeZone an exact IANA name (Europe/Berlin)." },
  GEN030: { title: "Production chart revision is not a commit SHA", fix: "Pin `chartRevision` to a full 40-character commit SHA of main (`git rev-parse main`); promote it from staging." },
  GEN031: { title: "Mutable image tag in production", fix: "Pin `imageTag` to a release tag (v1.2.3); promote it from staging." },
  GEN032: { title: "Missing image tag", fix: "Give every enabled chart whose values have `image.tag` an `imageTag` in environment.yaml." },
  GEN033: { title: "Image tag that has no effect", fix: "Remove `imageTag`: the chart has no `image.tag` value (an upstream chart is pinned by x-upstream.version in schemas/upstream/<name>.json)." },
  GEN034: {
    title: "Pin not found in the repository",
    fix: "Pin a commit of main's history (`git rev-parse main` prints a full SHA). If the commit, tag or branch exists upstream, fetch it: `git fetch origin --tags`; a shallow clone (CI checkouts are shallow by default) lacks older commits: `git fetch --unshallow`, or actions/checkout with fetch-depth: 0.",
  },
  GEN035: { title: "Production pin not on the default branch", fix: "Promote a commit that is in the history of `repository.revision` (main): merge the change first, then promote its commit from staging; if your local main is behind, `git fetch origin main`." },
  GEN036: { title: "Pins cannot be verified", fix: "Run the generator inside a Git clone of this repository with its history (not an exported archive or a copy of the files), with git on PATH; or pass `--root` a directory inside such a clone." },
  GEN037: { title: "Production image without a digest", fix: "Add `imageDigest: sha256:<64 hex>` (the digest the image build pushed for the tag, e.g. `crane digest <image>:<tag>`) to the component in staging and promote it: production pulls images by digest, not by a tag that can be pushed again." },
  GEN038: { title: "Image digest that has no effect", fix: "Remove `imageDigest`: the component's chart has no `image.digest` value (an upstream chart is pinned by x-upstream.version in schemas/upstream/<name>.json)." },
  GEN040: { title: "Invalid generated name", fix: "Shorten the environment, cluster or component name: generated names are `<env>-<component>` (`<env>-<cluster>-<component>` in a cluster other than the first) and must be DNS labels of at most 63 characters." },
  GEN041: { title: "Duplicate generated name", fix: "Rename one of the components (or the environment) so that every generated Application and AppProject name is unique." },
  GEN042: { title: "Duplicate cluster name", fix: "Give every entry of `clusters:` its own name: the name is the directory of its values overlays and part of its Applications' and Argo CD cluster's names." },
  GEN043: { title: "Values overlay for an unknown cluster", fix: "Rename environments/<env>/clusters/<cluster>/ after an entry of `clusters:` in environment.yaml, add the cluster there, or delete the directory." },
  GEN044: { title: "Values overlay for a component the cluster does not run", fix: "Delete the overlay, or enable the component in environment.yaml. Components deployed into Argo CD's namespace run in the first cluster only (where Argo CD runs)." },
  GEN045: { title: "Cluster API server missing or wrong", fix: "The first cluster is where Argo CD runs: leave its `server` out (it is `destination.server`). Give every other cluster its own API server URL, neither https://kubernetes.default.svc nor another cluster's." },
  GEN046: { title: "Cluster credentials missing or without effect", fix: "Give every cluster but the first `credentials: {secretStore, key}` (the store key holding `bearer-token` and `ca-data`, docs/clusters.md); the first cluster needs none (Argo CD reaches its own cluster through its ServiceAccount)." },
  GEN047: { title: "Values overlay not yet at the component's pin (warning)", fix: "Nothing to do now: Argo CD reads value files at the component's chartRevision, which does not contain the overlay yet, so its Applications leave it out. Promote a commit that contains it (the overlay takes effect with that promotion), then regenerate." },
  GEN048: { title: "Cluster pins for a component that does not run there", fix: "Remove the entry from the cluster's `pins:` (progressive promotions write and remove them), or enable the component; components deployed into Argo CD's namespace run only in the first cluster." },
  GEN090: { title: "Invalid command line", fix: "Run `nx run generate:gitops -- --help` for the usage." },
  GEN091: { title: "Unknown environment", fix: "Pass the name of a directory under environments/ to --env." },
  GEN092: { title: "Generated environment without a source", fix: "apps/<env>/ exists but environments/<env>/ does not (renamed or deleted?): restore the directory, or run again with --prune-environments to delete apps/<env>/." },
} as const satisfies Record<string, { title: string; fix: string }>;

export type ProblemCode = keyof typeof PROBLEM_CATALOG;

/**
 * Codes that warn instead of failing the run. A chart no environment lists yet is simply not
 * deployed there (the safe default) while its authors are still writing it; the warning keeps the
 * gap visible until each environment records its decision.
 */
export const WARNING_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(["GEN012", "GEN047"]);

export interface SourceLocation {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface Problem {
  code: ProblemCode;
  /** Path relative to the repository (or `--root`) directory. */
  file: string;
  location?: SourceLocation;
  /** Where in the document, as a dotted path (`components.mcp-server.imageTag`, `resources.limits`, `items[2]`). */
  path?: string;
  /** What is wrong. */
  message: string;
  /** What to do; defaults to the catalogue's advice for the code. */
  fix: string;
}

export function problem(code: ProblemCode, file: string, message: string, extra: { location?: SourceLocation; path?: string; fix?: string } = {}): Problem {
  return { code, file, message, location: extra.location, path: extra.path || undefined, fix: extra.fix ?? PROBLEM_CATALOG[code].fix };
}

/** `file:line:column: CODE message` (`warning: CODE` for warnings), then where and what to do, indented. */
export function formatProblem(p: Problem): string {
  const where = p.location ? `${p.file}:${p.location.line}:${p.location.column}` : p.file;
  const lines = [`${where}: ${WARNING_CODES.has(p.code) ? "warning: " : ""}${p.code} ${p.message}`];
  if (p.path) lines.push(`    at ${p.path}`);
  lines.push(`    fix: ${p.fix}`);
  return lines.join("\n");
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** Dotted display form of a path inside a document: `a.b[0].c`; keys that are not identifiers are quoted. */
export function displayPath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
