import { describe, expect, it } from "vitest";
import { modelineFor, modelineSchemaPath, readModeline, withModeline, withoutModeline, withRepositoryModeline } from "./modelines.js";
import { schemaAssociationsFor, schemaForFile } from "./schema-associations.js";

describe("withModeline", () => {
  it("inserts the modeline as the first line and keeps the rest byte for byte", () => {
    const text = "# Production overrides.\nreplicaCount: 2\n";
    expect(withModeline(text, "../chart/values.schema.json")).toBe("# yaml-language-server: $schema=../chart/values.schema.json\n# Production overrides.\nreplicaCount: 2\n");
  });

  it("is idempotent", () => {
    const once = withModeline("a: 1\n", "values.schema.json");
    expect(withModeline(once, "values.schema.json")).toBe(once);
  });

  it("replaces an outdated modeline wherever it sits in the header, and both of its spellings", () => {
    const text = "# header\n# yaml-language-server: $schema=old.json\n# $schema: older.json\na: 1\n";
    expect(withModeline(text, "new.json")).toBe("# yaml-language-server: $schema=new.json\n# header\na: 1\n");
  });

  it("leaves modeline-like comments below the first content alone", () => {
    const text = "a: 1\n# yaml-language-server: $schema=not-a-modeline.json\n";
    expect(withModeline(text, "s.json")).toBe(`# yaml-language-server: $schema=s.json\n${text}`);
  });

  it("keeps CRLF line endings and writes a lone modeline into an empty file", () => {
    expect(withModeline("a: 1\r\nb: 2\r\n", "s.json")).toBe("# yaml-language-server: $schema=s.json\r\na: 1\r\nb: 2\r\n");
    expect(withModeline("", "s.json")).toBe("# yaml-language-server: $schema=s.json\n");
  });

  it("refuses schema paths the language server would cut at a space, or Windows separators", () => {
    expect(() => withModeline("a: 1\n", "my schema.json")).toThrow(/without whitespace/);
    expect(() => modelineFor("..\\chart\\values.schema.json")).toThrow(/"\/" separators/);
    expect(() => modelineFor("")).toThrow(/non-empty/);
  });
});

describe("readModeline / withoutModeline", () => {
  it("reads the schema path from either spelling the language server accepts, only in the header", () => {
    expect(readModeline("# yaml-language-server: $schema=values.schema.json\na: 1\n")).toBe("values.schema.json");
    expect(readModeline("# intro\n\n# $schema: ../s.json\na: 1\n")).toBe("../s.json");
    expect(readModeline("a: 1\n# yaml-language-server: $schema=late.json\n")).toBeUndefined();
    expect(readModeline("# just a comment\na: 1\n")).toBeUndefined();
  });

  it("strips modelines and nothing else", () => {
    expect(withoutModeline("# yaml-language-server: $schema=s.json\n# keep\na: 1\n")).toBe("# keep\na: 1\n");
    expect(readModeline(withoutModeline(withModeline("a: 1\n", "s.json")))).toBeUndefined();
  });
});

describe("modelineSchemaPath", () => {
  it("is relative to the file's folder", () => {
    expect(modelineSchemaPath("charts/mcp-server/values.yaml", "charts/mcp-server/values.schema.json")).toBe("values.schema.json");
    expect(modelineSchemaPath("environments/production/values/mcp-server.yaml", "charts/mcp-server/values.schema.json")).toBe("../../../charts/mcp-server/values.schema.json");
    expect(modelineSchemaPath("environments/dev/environment.yaml", "environments/environment.schema.json")).toBe("../environment.schema.json");
    expect(modelineSchemaPath("charts/a/tests/deployment_test.yaml", "schemas/vendor/helm-unittest.schema.json")).toBe("../../../schemas/vendor/helm-unittest.schema.json");
    expect(modelineSchemaPath("top.yaml", "schemas/x.json")).toBe("schemas/x.json");
  });
});

describe("schemaAssociationsFor / schemaForFile", () => {
  const associations = schemaAssociationsFor({ charts: ["mcp-server", "gateway"], hasEnvironmentSchema: true });

  it("maps chart values, CI scenarios, environment overrides, environment files and test suites", () => {
    expect(associations.map((a) => a.schema)).toEqual([
      "charts/gateway/values.schema.json",
      "charts/mcp-server/values.schema.json",
      "environments/environment.schema.json",
      "schemas/vendor/helm-unittest.schema.json",
    ]);
    expect(schemaForFile(associations, "charts/mcp-server/values.yaml")).toBe("charts/mcp-server/values.schema.json");
    expect(schemaForFile(associations, "charts/mcp-server/ci/production-values.yaml")).toBe("charts/mcp-server/values.schema.json");
    expect(schemaForFile(associations, "environments/staging/values/gateway.yaml")).toBe("charts/gateway/values.schema.json");
    expect(schemaForFile(associations, "environments/staging/environment.yaml")).toBe("environments/environment.schema.json");
    expect(schemaForFile(associations, "charts/gateway/tests/service_test.yaml")).toBe("schemas/vendor/helm-unittest.schema.json");
  });

  it("maps nothing it does not know", () => {
    expect(schemaForFile(associations, "environments/staging/values/unknown-chart.yaml")).toBeUndefined();
    expect(schemaForFile(associations, "charts/mcp-server/templates/deployment.yaml")).toBeUndefined();
    expect(schemaForFile(associations, "charts/mcp-server/Chart.yaml")).toBeUndefined();
  });

  it("leaves out the environment schema until there is one", () => {
    const without = schemaAssociationsFor({ charts: [], hasEnvironmentSchema: false });
    expect(without.map((a) => a.schema)).toEqual(["schemas/vendor/helm-unittest.schema.json"]);
  });
});

describe("withRepositoryModeline", () => {
  const associations = schemaAssociationsFor({ charts: ["mcp-server"], hasEnvironmentSchema: true });

  it("writes the modeline the associations prescribe for the file", () => {
    expect(withRepositoryModeline("replicaCount: 3\n", "environments/production/values/mcp-server.yaml", associations)).toBe(
      "# yaml-language-server: $schema=../../../charts/mcp-server/values.schema.json\nreplicaCount: 3\n",
    );
    expect(withRepositoryModeline("name: dev\n", "environments/dev/environment.yaml", associations)).toBe("# yaml-language-server: $schema=../environment.schema.json\nname: dev\n");
  });

  it("refuses a file no schema is associated with", () => {
    expect(() => withRepositoryModeline("a: 1\n", "environments/dev/values/unknown.yaml", associations)).toThrow(/matches no schema/);
  });
});
