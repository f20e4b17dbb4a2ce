import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { helmTemplate } from "../../tools/src/helm/helm.js";
import { repoRoot } from "../../tools/src/paths.js";

/**
 * The services connect to the databases and roles the postgresql chart creates: each service's
 * `postgresql.database` and `postgresql.username` must be a database and owner that chart declares
 * in the same environment, read from the Database objects the chart renders with that environment's values.
 */
const ENVIRONMENTS = ["development", "staging", "production"];
const read = (file: string): Record<string, unknown> => (parse(readFileSync(file, "utf8")) ?? {}) as Record<string, unknown>;
function declaredDatabases(env: string): { databases: Set<string>; owners: Set<string> } {
  const chart = join(repoRoot, "charts", "postgresql");
  const render = helmTemplate("helm", chart, { releaseName: "postgresql", namespace: "data", valuesFiles: [join(repoRoot, "environments", env, "values", "postgresql.yaml")], showOnly: ["templates/databases.yaml"] });
  expect(render.status, render.stderr).toBe(0);
  const specs = parseAllDocuments(render.stdout)
    .map((d) => d.toJS() as { kind?: string; spec?: { name: string; owner: string } } | null)
    .filter((o) => o?.kind === "Database")
    .map((o) => o?.spec as { name: string; owner: string });
  return { databases: new Set(specs.map((s) => s.name)), owners: new Set(specs.map((s) => s.owner)) };
}

function serviceConnections(env: string): Array<{ service: string; database: string; username: string }> {
  const dir = join(repoRoot, "environments", env, "values");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && f !== "postgresql.yaml")
    .map((f) => ({ service: f.slice(0, -5), postgresql: read(join(dir, f)).postgresql as { database?: string; username?: string } | undefined }))
    .filter((s) => typeof s.postgresql?.database === "string")
    .map((s) => ({ service: s.service, database: s.postgresql?.database as string, username: s.postgresql?.username ?? "" }));
}

describe.each(ENVIRONMENTS)("%s: services and the postgresql chart agree on databases and roles", (env) => {
  it("every service's database and user are declared by the postgresql chart", () => {
    const { databases, owners } = declaredDatabases(env);
    const connections = serviceConnections(env);
    expect(connections.length).toBeGreaterThanOrEqual(3);
    const wrong = connections.filter((c) => !databases.has(c.database) || !owners.has(c.username)).map((c) => `${c.service}: database ${c.database}, user ${c.username}`);
    expect(wrong, `declared databases: ${[...databases].join(", ")}; owners: ${[...owners].join(", ")}`).toEqual([]);
  });
});
