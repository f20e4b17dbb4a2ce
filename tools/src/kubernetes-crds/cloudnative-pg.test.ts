import { afterEach, describe, expect, it } from "vitest";
import { formatProblems, lookupKind, validateRendered } from "../kubernetes/index.js";
import { cloudNativePgKinds, registerCloudNativePgKinds } from "./cloudnative-pg.js";

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

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe("CloudNativePG kinds", () => {
  it("come from the model package, lists excluded", () => {
    const kinds = cloudNativePgKinds().map((k) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(["Backup", "Cluster", "Database", "Pooler", "ScheduledBackup"]));
    expect(kinds.filter((k) => k.endsWith("List"))).toEqual([]);
  });

  it("are unknown to the validator until registered, and known afterwards", () => {
    expect(lookupKind("postgresql.cnpg.io/v1", "Cluster")).toBeUndefined();
    expect(formatProblems(validateRendered(cluster))).toMatch(/no schema for postgresql.cnpg.io\/v1 Cluster/);
    unregister = registerCloudNativePgKinds();
    expect(lookupKind("postgresql.cnpg.io/v1", "Cluster")?.validators).toHaveLength(1);
    expect(formatProblems(validateRendered(cluster))).toBe("");
  });

  it("report wrong types, enum values and unknown fields, with a suggestion", () => {
    unregister = registerCloudNativePgKinds();
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

  it("unregisters cleanly", () => {
    registerCloudNativePgKinds()();
    expect(lookupKind("postgresql.cnpg.io/v1", "Database")).toBeUndefined();
  });
});
