import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { MAX_INPUT_BYTES, readInputFile } from "../files/read-input-file.js";
import { readChartManifests, readUpstreamSchemas, type ChartManifestText, type UpstreamSchemaText } from "../catalog/catalog.js";
import { COMPONENT_KINDS_FILE } from "../catalog/component-kinds.js";
import type { JsonSchema } from "../schemas/json-schema.js";
import { gitRevisionLookup, type RevisionLookup } from "./git-revisions.js";
import { problem, type Problem } from "./problems.js";

/** A file's repository-relative path and its text (undefined when it does not exist). */
export interface InputFile {
  file: string;
  text: string | undefined;
}

export interface EnvironmentInput {
  /** The directory name under environments/. */
  name: string;
  environment: InputFile;
  /** Every `values/<component>.yaml` of the environment. */
  valuesFiles: { component: string; file: string; text: string }[];
  /** Every `clusters/<cluster>/values/<component>.yaml` of the environment (absent: none). */
  clusterValuesFiles?: { cluster: string; component: string; file: string; text: string }[];
}

/** Everything the generator reads, so that planning itself is pure and testable in memory. */
export interface GeneratorInputs {
  charts: ChartManifestText[];
  /** schemas/upstream/<name>.json: upstream components (catalog entry and values schema in one). */
  upstream: UpstreamSchemaText[];
  /** Per chart directory: its bundled values.schema.json and its values.yaml. */
  chartValues: Map<string, { schema: InputFile; values: InputFile }>;
  environmentSchema: { file: string; schema: JsonSchema };
  environments: EnvironmentInput[];
  /** schemas/component-kinds.json: the kinds each component renders (the AppProjects' whitelists). */
  componentKinds: InputFile;
  /** Answers what the environments' pins name in the Git repository (the only input read after planning starts). */
  revisions: RevisionLookup;
}

export const ENVIRONMENT_SCHEMA = "schemas/environment.json";

/** Input files the generator refused to read (links leaving the repository, oversized or non-UTF-8 files): planning does not start. */
export class InputProblems extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`${problems.length} input file(s) refused`);
    this.name = "InputProblems";
    this.problems = problems;
  }
}

/**
 * Reads the inputs of a checkout (or of a `--root` copy). `only` limits the environments read.
 * Pins are verified in the Git repository containing `options.repository` (default: `root`); a
 * promotion plans in a snapshot directory and passes its clone.
 */
export function readGeneratorInputs(root: string, only?: string, options: { repository?: string } = {}): GeneratorInputs {
  const refused: Problem[] = [];
  const realRoot = realpathSync.native(root);
  const readInput = (file: string) => readChecked(root, file, refused, realRoot);
  const charts = readChartManifests(root);
  const chartValues = new Map(
    charts.map((chart) => [
      chart.directoryName,
      { schema: readInput(`charts/${chart.directoryName}/values.schema.json`), values: readInput(`charts/${chart.directoryName}/values.yaml`) },
    ]),
  );
  const schemaText = readFileSync(join(root, ENVIRONMENT_SCHEMA), "utf8");
  const environments = listEnvironmentNames(root)
    .filter((name) => only === undefined || name === only)
    .map((name) => readEnvironmentInput(root, name, readInput));
  const componentKinds = readInput(COMPONENT_KINDS_FILE);
  if (refused.length > 0) throw new InputProblems(refused);
  return {
    componentKinds,
    charts,
    upstream: readUpstreamSchemas(root),
    chartValues,
    environmentSchema: { file: ENVIRONMENT_SCHEMA, schema: JSON.parse(schemaText) as JsonSchema },
    environments,
    revisions: gitRevisionLookup(options.repository ?? root),
  };
}

/** Directories under environments/ (each is an environment, whether or not its environment.yaml exists yet). */
export function listEnvironmentNames(root: string): string[] {
  const dir = join(root, "environments");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

function readEnvironmentInput(root: string, name: string, readInput: (file: string) => InputFile): EnvironmentInput {
  const valuesDir = join(root, "environments", name, "values");
  const valuesFiles = existsSync(valuesDir)
    ? readdirSync(valuesDir)
        .filter((file) => file.endsWith(".yaml"))
        .sort()
        .map((file) => ({ component: file.slice(0, -".yaml".length), ...readInput(`environments/${name}/values/${file}`) }))
        .map(({ component, file, text }) => ({ component, file, text: text ?? "" }))
    : [];
  return { name, environment: readInput(`environments/${name}/environment.yaml`), valuesFiles, clusterValuesFiles: readClusterValuesFiles(root, name, readInput) };
}

/** `environments/<env>/clusters/<cluster>/values/*.yaml`: the per-cluster overlays, by cluster directory. */
function readClusterValuesFiles(root: string, name: string, readInput: (file: string) => InputFile): NonNullable<EnvironmentInput["clusterValuesFiles"]> {
  const clustersDir = join(root, "environments", name, "clusters");
  if (!existsSync(clustersDir)) return [];
  return readdirSync(clustersDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort()
    .flatMap((cluster) => {
      const valuesDir = join(clustersDir, cluster, "values");
      if (!existsSync(valuesDir)) return [];
      return readdirSync(valuesDir)
        .filter((file) => file.endsWith(".yaml"))
        .sort()
        .map((file) => ({ cluster, component: file.slice(0, -".yaml".length), ...readInput(`environments/${name}/clusters/${cluster}/values/${file}`) }))
        .map(({ cluster: c, component, file, text }) => ({ cluster: c, component, file, text: text ?? "" }));
    });
}

/** A file's text, or undefined when it is absent or refused (the refusal is added to `refused`). */
function readChecked(root: string, file: string, refused: Problem[], realRoot: string): InputFile {
  const read = readInputFile(root, file, MAX_INPUT_BYTES, realRoot);
  if (read.kind === "text") return { file, text: read.text };
  if (read.kind === "refused") {
    const { refusal } = read;
    if (refusal.reason === "outside") refused.push(problem("GEN007", file, `${refusal.message}; it was not read.`));
    else if (refusal.reason === "too-large") refused.push(problem("GEN008", file, `${refusal.message} (${MAX_INPUT_BYTES / 1024} KiB); it was not read.`));
    else refused.push(problem("GEN009", file, `${refusal.message}.`, { location: { line: refusal.line, column: 1 } }));
  }
  return { file, text: undefined };
}
