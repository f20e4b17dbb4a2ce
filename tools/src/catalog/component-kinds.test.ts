import { describe, expect, it } from "vitest";
import { formatGroupKind, parseComponentKinds, parseGroupKind } from "./component-kinds.js";

const FILE = "schemas/component-kinds.json";

describe("parseGroupKind", () => {
  it.each([
    ["ConfigMap", { group: "", kind: "ConfigMap" }],
    ["apps/Deployment", { group: "apps", kind: "Deployment" }],
    ["rbac.authorization.k8s.io/RoleBinding", { group: "rbac.authorization.k8s.io", kind: "RoleBinding" }],
  ])("reads %s", (text, expected) => {
    expect(parseGroupKind(text)).toEqual(expected);
    expect(formatGroupKind(expected)).toBe(text);
  });

  it.each(["*", "apps/*", "*/Deployment", "apps/deployment", "Apps/Deployment", "apps/v1/Deployment", ""])("refuses %j (a whitelist entry must name one group and one kind)", (text) => {
    expect(parseGroupKind(text)).toBeUndefined();
  });
});

describe("parseComponentKinds", () => {
  it("reads each component's kinds, sorted by group and kind", () => {
    const text = JSON.stringify({ components: { web: { namespaced: ["apps/Deployment", "Service", "ConfigMap"], cluster: [] }, operator: { namespaced: [], cluster: ["apiextensions.k8s.io/CustomResourceDefinition"] } } }, null, 2);
    const { kinds, problems } = parseComponentKinds(FILE, text);
    expect(problems).toEqual([]);
    expect(kinds.get("web")?.namespaced.map(formatGroupKind)).toEqual(["ConfigMap", "Service", "apps/Deployment"]);
    expect(kinds.get("operator")?.cluster).toEqual([{ group: "apiextensions.k8s.io", kind: "CustomResourceDefinition" }]);
  });

  it("GEN019 for a malformed entry, at its line", () => {
    const text = JSON.stringify({ components: { web: { namespaced: ["apps/Deployment", "*"], cluster: [] }, api: { namespaced: "apps/Deployment" }, worker: { pods: [] } } }, null, 2);
    const { problems } = parseComponentKinds(FILE, text);
    expect(problems.map((p) => [p.code, p.location?.line, p.message])).toEqual([
      ["GEN019", 6, 'components.web.namespaced[1] is "*", not a group/Kind such as "apps/Deployment" (or "ConfigMap" for the core group).'],
      ["GEN019", 11, "components.api.namespaced must be a list of group/Kind strings."],
      ["GEN019", 13, 'components.worker must be {"namespaced": [...], "cluster": [...]}.'],
    ]);
  });

  it("GEN019 when the file has no components object", () => {
    expect(parseComponentKinds(FILE, "{}").problems.map((p) => p.code)).toEqual(["GEN019"]);
  });
});
