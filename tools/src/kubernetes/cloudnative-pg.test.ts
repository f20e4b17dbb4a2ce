import { describe, expect, it } from "vitest";
import { formatProblems, validateRendered } from "./index.js";

// CloudNativePG's kinds are validated against the CRDs of the pinned cloudnative-pg chart (upstream-crds.ts).
const cluster = `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: postgresql
  namespace: data
spec:
  instances: 3
  storage:
    size: 20Gi
  managed:
    roles:
      - name: authentication
        ensure: present
        login: true
        passwordSecret:
          name: postgresql-authentication-credentials
---
apiVersion: postgresql.cnpg.io/v1
kind: Database
metadata:
  name: postgresql-authentication
  namespace: data
spec:
  cluster:
    name: postgresql
  name: authentication
  owner: authentication
  databaseReclaimPolicy: retain
`;

describe("CloudNativePG kinds (postgresql.cnpg.io)", () => {
  it("validate a correct Cluster and Database with no problems", () => {
    expect(formatProblems(validateRendered(cluster, "charts/postgresql"))).toBe("");
  });

  it("report wrong types, enum values and unknown fields, with a suggestion", () => {
    const broken = cluster
      .replace("instances: 3", 'instances: "three"')
      .replace("passwordSecret:", "passwordSecrett:")
      .replace("databaseReclaimPolicy: retain", "databaseReclaimPolicy: keep");
    expect(formatProblems(validateRendered(broken, "charts/postgresql"))).toBe(
      [
        "charts/postgresql",
        "  Cluster/postgresql",
        // The scale subresource's check (specReplicasPath .spec.instances) and the schema's type both fail it.
        '    spec.instances: must be an integer (the scale subresource reads it), got "three" [schema/invalid]',
        `    spec.instances: must be an integer, got "three"; fix the value's type (clusters.postgresql.cnpg.io v1) [schema/invalid]`,
        '    spec.managed.roles[0].passwordSecrett: unknown field "passwordSecrett": clusters.postgresql.cnpg.io v1 does not declare it (the API server prunes it; kubectl apply --validate=strict rejects it); did you mean "passwordSecret"? [schema/unknown-field]',
        "  Database/postgresql-authentication",
        '    spec.databaseReclaimPolicy: must be one of "delete", "retain", got "keep" (databases.postgresql.cnpg.io v1) [schema/invalid]',
        "4 problems found.",
      ].join("\n"),
    );
  });

});
