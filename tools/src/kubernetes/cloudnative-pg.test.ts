import { describe, expect, it } from "vitest";
import { formatProblems, validateRendered } from "./index.js";

// CloudNativePG has no CRD of its own in the cluster schemas; its model package is one of the registry's packages.
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
        "    spec.instances: must be integer [schema/invalid]",
        '    spec.managed.roles[0].passwordSecrett: unknown field "passwordSecrett" (not a field of RoleConfiguration); did you mean "passwordSecret"? [schema/unknown-field]',
        "  Database/postgresql-authentication",
        '    spec.databaseReclaimPolicy: must be equal to one of the allowed values: "delete", "retain" [schema/invalid]',
        "3 problems found.",
      ].join("\n"),
    );
  });

});
