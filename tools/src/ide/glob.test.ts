import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { globMatches, globsMatch } from "./glob.js";

interface ServerAssociation {
  matchesPattern(fileName: string): boolean;
}

/** yaml-language-server's own FilePatternAssociation, from the installed package (the version package.json pins). */
const { FilePatternAssociation } = createRequire(import.meta.url)("yaml-language-server/lib/umd/languageservice/services/yamlSchemaService.js") as {
  FilePatternAssociation: new (patterns: string[], folderUri: string | undefined, uris: string[]) => ServerAssociation;
};

/** What the server decides for a file of a clone at /work/repo, which it sees as a file URI. */
function serverMatches(patterns: string[], relativePath: string): boolean {
  return new FilePatternAssociation(patterns, undefined, ["schema.json"]).matchesPattern(`file:///work/repo/${relativePath}`);
}

const CASES: Array<[patterns: string[], path: string, matches: boolean]> = [
  // The repository's own yaml.schemas patterns (tools/src/ide/schema-associations.ts).
  [["environments/*/values/mcp-server.yaml"], "environments/production/values/mcp-server.yaml", true],
  [["environments/*/values/mcp-server.yaml"], "environments/a/b/values/mcp-server.yaml", false],
  [["environments/*/values/mcp-server.yaml"], "environments/production/values/mcp-server-extra.yaml", false],
  [["charts/*/tests/*_test.yaml"], "charts/x/tests/deployment_test.yaml", true],
  [["charts/*/tests/*_test.yaml"], "charts/x/tests/deployment.yaml", false],
  [["charts/x/values.yaml"], "nested/charts/x/values.yaml", true],
  [["charts/x/values.yaml"], "mycharts/x/values.yaml", false],
  [["/charts/x/values.yaml"], "charts/x/values.yaml", true],
  [["**/templates/**"], "charts/x/templates/a/b.yaml", true],
  [["a?.yaml"], "ab.yaml", true],
  [["a.yaml"], "aXyaml", false],
  // picomatch features the server inherits: braces, classes, extglobs, negation, dot files.
  [["charts/{a,b}/values.yaml"], "charts/b/values.yaml", true],
  [["charts/{a,b}/values.yaml"], "charts/c/values.yaml", false],
  [["charts/[ab]/values.yaml"], "charts/a/values.yaml", true],
  [["charts/*/values.yaml", "!charts/legacy/values.yaml"], "charts/legacy/values.yaml", false],
  [["charts/*/values.yaml", "!charts/legacy/values.yaml"], "charts/web/values.yaml", true],
  [["!charts/legacy/values.yaml"], "charts/web/values.yaml", false],
  [["environments/*/values/*.yaml"], "environments/.staging/values/a.yaml", false],
  [["*.yaml"], ".hidden.yaml", false],
  [["**/.github/ISSUE_TEMPLATE/!(config).yml"], ".github/ISSUE_TEMPLATE/bug_report.yml", true],
  [["**/.github/ISSUE_TEMPLATE/!(config).yml"], "project/.github/ISSUE_TEMPLATE/custom.yml", true],
  [["**/.github/ISSUE_TEMPLATE/!(config).yml"], ".github/ISSUE_TEMPLATE/config.yml", false],
  [["**/.github/ISSUE_TEMPLATE/!(config).yml"], "nested/repo/.github/ISSUE_TEMPLATE/config.yml", false],
];

describe("globsMatch: yaml.schemas patterns as yaml-language-server matches them", () => {
  it.each(CASES)("%j ~ %s → %s", (patterns, path, matches) => {
    expect(globsMatch(patterns, path)).toBe(matches);
  });

  it.each(CASES)("agrees with the server's FilePatternAssociation: %j ~ %s", (patterns, path) => {
    expect(globsMatch(patterns, path)).toBe(serverMatches(patterns, path));
  });

  it("follows the server's own test of an extglob (yaml-language-server test/yamlSchemaService.test.ts:870-897)", () => {
    const patterns = ["**/.github/ISSUE_TEMPLATE/!(config).yml", "**/.github/ISSUE_TEMPLATE/!(config).yaml"];
    expect(globsMatch(patterns, ".github/ISSUE_TEMPLATE/bug_report.yml")).toBe(true);
    expect(globsMatch(patterns, ".github/ISSUE_TEMPLATE/feature_request.yaml")).toBe(true);
    expect(globsMatch(patterns, "project/.github/ISSUE_TEMPLATE/custom.yml")).toBe(true);
    expect(globsMatch(patterns, ".github/ISSUE_TEMPLATE/config.yml")).toBe(false);
    expect(globsMatch(patterns, ".github/ISSUE_TEMPLATE/config.yaml")).toBe(false);
    expect(globsMatch(patterns, "nested/repo/.github/ISSUE_TEMPLATE/config.yml")).toBe(false);
  });

  it("takes Windows separators in the path", () => {
    expect(globMatches("charts/*/values.yaml", "charts\\web\\values.yaml")).toBe(true);
  });

  it("a clone inside a dot folder matches nothing in the server, though the relative path does", () => {
    const association = new FilePatternAssociation(["charts/*/values.yaml"], undefined, ["schema.json"]);
    expect(association.matchesPattern("file:///home/me/.cache/repo/charts/web/values.yaml")).toBe(false);
    expect(globMatches("charts/*/values.yaml", "charts/web/values.yaml")).toBe(true);
  });
});
