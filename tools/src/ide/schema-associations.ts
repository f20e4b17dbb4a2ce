import { existsSync } from "node:fs";
import { join } from "node:path";
import { applicationCharts } from "../charts/discover.js";
import { globsMatch } from "./glob.js";

/** One schema and the repository-relative glob patterns of the YAML files it validates. */
export interface SchemaAssociation {
  /** Repository-relative, `/`-separated path of the schema file. */
  schema: string;
  files: string[];
}

export const HELM_UNITTEST_SCHEMA = "schemas/vendor/helm-unittest.schema.json";
export const ENVIRONMENT_SCHEMA = "environments/environment.schema.json";
/** The source the schema pipeline bundles into ENVIRONMENT_SCHEMA. */
const ENVIRONMENT_SCHEMA_SOURCE = "schemas/environment.json";

/** What decides the associations; `schemaAssociationsFor` is pure so generators and tests agree. */
export interface AssociationInputs {
  /** Application charts (library charts have no values of their own). */
  charts: readonly string[];
  hasEnvironmentSchema: boolean;
}

/**
 * Which schema validates which editable YAML file. The single source for both the modelines the
 * generators write and the `yaml.schemas` mapping of `.vscode/settings.json`:
 * - a chart's values.yaml, its `ci/*-values.yaml` scenarios and every environment's override of
 *   that chart → the chart's bundled `values.schema.json`;
 * - `environments/<env>/environment.yaml` → the bundled environment schema;
 * - helm-unittest suites → the vendored helm-unittest schema.
 */
export function schemaAssociationsFor(inputs: AssociationInputs): SchemaAssociation[] {
  const associations: SchemaAssociation[] = [...inputs.charts]
    .sort()
    .map((chart) => ({
      schema: `charts/${chart}/values.schema.json`,
      files: [`charts/${chart}/values.yaml`, `charts/${chart}/ci/*-values.yaml`, `environments/*/values/${chart}.yaml`],
    }));
  if (inputs.hasEnvironmentSchema) associations.push({ schema: ENVIRONMENT_SCHEMA, files: ["environments/*/environment.yaml"] });
  associations.push({ schema: HELM_UNITTEST_SCHEMA, files: ["charts/*/tests/*_test.yaml"] });
  return associations;
}

/** The associations of the repository at `root`, from its charts and schema sources. */
export function schemaAssociations(root: string): SchemaAssociation[] {
  return schemaAssociationsFor({
    charts: applicationCharts(root).map((chart) => chart.name),
    hasEnvironmentSchema: existsSync(join(root, ENVIRONMENT_SCHEMA_SOURCE)) || existsSync(join(root, ENVIRONMENT_SCHEMA)),
  });
}

/** The repository-relative schema a file must be validated against, or undefined when none applies. */
export function schemaForFile(associations: readonly SchemaAssociation[], relativePath: string): string | undefined {
  return associations.find((association) => globsMatch(association.files, relativePath))?.schema;
}
