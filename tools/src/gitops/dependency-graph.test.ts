import { describe, expect, it } from "vitest";
import type { CatalogComponent } from "../catalog/chart-metadata.js";
import type { Layer } from "../catalog/layers.js";
import { orderByDependencies } from "./dependency-graph.js";

function component(name: string, layer: Layer, dependencies: string[] = []): CatalogComponent {
  return { name, definedIn: `charts/${name}/Chart.yaml`, source: { kind: "chart", path: `charts/${name}` }, valuesSchemaFile: `charts/${name}/values.schema.json`, serverSideApply: false, version: "0.1.0", description: "", layer, group: "g", dependencies, locateDependencies: () => ({ line: 7, column: 43 }) };
}

describe("orderByDependencies", () => {
  it("gives each component one wave more than its deepest dependency", () => {
    const { waves, problems } = orderByDependencies([
      component("cert-manager", "infrastructure"),
      component("istio", "infrastructure", ["cert-manager"]),
      component("gateway", "platform", ["istio", "cert-manager"]),
      component("mcp-server", "platform", ["gateway"]),
      component("console", "application", ["mcp-server"]),
      component("standalone", "application"),
    ]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(waves)).toEqual({ "cert-manager": 0, istio: 1, gateway: 2, "mcp-server": 3, console: 4, standalone: 0 });
  });

  it("rejects an unknown dependency, naming the chart and the edge", () => {
    const { problems } = orderByDependencies([component("mcp-server", "platform", ["authentication"])]);
    expect(problems).toEqual([
      expect.objectContaining({ code: "GEN020", file: "charts/mcp-server/Chart.yaml", location: { line: 7, column: 43 }, message: 'mcp-server depends on "authentication", which is not a component of the catalog (charts/ or schemas/upstream/) (mcp-server → authentication).' }),
    ]);
  });

  it("rejects a cycle once, naming the whole chain", () => {
    const { problems } = orderByDependencies([component("a", "platform", ["b"]), component("b", "platform", ["c"]), component("c", "platform", ["a"])]);
    expect(problems.map((p) => [p.code, p.message])).toEqual([["GEN021", "dependency cycle: a → b → c → a."]]);
  });

  it("lets a platform component call an application component without ordering it after it", () => {
    const { problems, waves } = orderByDependencies([component("gateway", "platform", ["auth", "portal"]), component("auth", "platform"), component("portal", "application", ["auth"])]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(waves)).toEqual({ gateway: 1, auth: 0, portal: 1 });
  });

  it("rejects an infrastructure component depending on a later layer", () => {
    const { problems } = orderByDependencies([component("operator", "infrastructure", ["portal"]), component("portal", "application")]);
    expect(problems.map((p) => [p.code, p.message])).toEqual([["GEN023", "operator (infrastructure layer) depends on portal (application layer), which is brought up after it."]]);
  });

  it("checks only what is deployed when told which components some environment enables", () => {
    const catalog = [component("mcp-server", "platform", ["authentication"]), component("scanner", "application", ["notification"])];
    expect(orderByDependencies(catalog, new Set(["scanner"])).problems.map((p) => p.message)).toEqual(['scanner depends on "notification", which is not a component of the catalog (charts/ or schemas/upstream/) (scanner → notification).']);
    expect(orderByDependencies(catalog, new Set()).problems).toEqual([]);
  });
});
