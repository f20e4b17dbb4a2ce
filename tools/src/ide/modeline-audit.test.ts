import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaBoundYamlFiles } from "./editable-yaml.js";
import { modelineProblems } from "./modeline-audit.js";
import { schemaAssociationsFor } from "./schema-associations.js";

function repoWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "ide-audit-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const associations = schemaAssociationsFor({ charts: ["app"], hasEnvironmentSchema: true });
const schemas = {
  "charts/app/values.schema.json": "{}",
  "environments/environment.schema.json": "{}",
  "schemas/vendor/helm-unittest.schema.json": "{}",
};

describe("schemaBoundYamlFiles", () => {
  it("finds files with a modeline or a mapping, skipping fixtures, dependencies and unrelated YAML", () => {
    const root = repoWith({
      ...schemas,
      "charts/app/values.yaml": "# yaml-language-server: $schema=values.schema.json\na: 1\n",
      "charts/app/templates/deployment.yaml": "kind: Deployment\n",
      "environments/prod/values/app.yaml": "a: 2\n",
      "docs/example.yaml": "# yaml-language-server: $schema=../charts/app/values.schema.json\n",
      ".github/workflows/ci.yaml": "on: push\n",
      "test/fixtures/ide/broken.yaml": "# yaml-language-server: $schema=nowhere.json\n",
      "node_modules/pkg/values.yaml": "# yaml-language-server: $schema=x.json\n",
    });
    expect(schemaBoundYamlFiles(root, associations)).toEqual([
      { path: "charts/app/values.yaml", modeline: "values.schema.json", mappedSchema: "charts/app/values.schema.json" },
      { path: "docs/example.yaml", modeline: "../charts/app/values.schema.json" },
      { path: "environments/prod/values/app.yaml", mappedSchema: "charts/app/values.schema.json" },
    ]);
  });
});

describe("modelineProblems", () => {
  it("accepts modelines that agree with the settings mapping", () => {
    const root = repoWith({
      ...schemas,
      "charts/app/values.yaml": "# yaml-language-server: $schema=values.schema.json\n",
      "environments/prod/values/app.yaml": "# yaml-language-server: $schema=../../../charts/app/values.schema.json\n",
      "environments/prod/environment.yaml": "# yaml-language-server: $schema=../environment.schema.json\n",
      "charts/app/tests/a_test.yaml": "# yaml-language-server: $schema=../../../schemas/vendor/helm-unittest.schema.json\n",
    });
    const files = schemaBoundYamlFiles(root, associations);
    expect(files).toHaveLength(4);
    expect(modelineProblems(root, files)).toEqual([]);
  });

  it("reports a missing modeline with the exact line to add", () => {
    const root = repoWith({ ...schemas, "environments/prod/values/app.yaml": "a: 1\n" });
    expect(modelineProblems(root, schemaBoundYamlFiles(root, associations))).toEqual([
      "environments/prod/values/app.yaml: has no schema modeline. Make `# yaml-language-server: $schema=../../../charts/app/values.schema.json` its first line (for generated files, fix the generator and rerun it).",
    ]);
  });

  it("reports a modeline to a missing file, to another schema than the mapping, or to a URL", () => {
    const root = repoWith({
      ...schemas,
      "charts/app/values.yaml": "# yaml-language-server: $schema=value.schema.json\n",
      "environments/prod/environment.yaml": "# yaml-language-server: $schema=../../charts/app/values.schema.json\n",
      "charts/app/tests/a_test.yaml": "# yaml-language-server: $schema=https://example.com/helm-testsuite.json\n",
    });
    const problems = modelineProblems(root, schemaBoundYamlFiles(root, associations));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^charts\/app\/tests\/a_test.yaml: .*a URL/);
    expect(problems[1]).toMatch(/^charts\/app\/values.yaml: its modeline points at value.schema.json, which does not exist .*\$schema=values.schema.json/);
    expect(problems[2]).toMatch(/^environments\/prod\/environment.yaml: its modeline names charts\/app\/values.schema.json but .vscode\/settings.json maps it to environments\/environment.schema.json/);
  });
});
