import { describe, expect, it } from "vitest";
import { decodeGoYaml } from "./goyaml-parse.js";
import { findAtPath, PathSyntaxError } from "./jsonpath.js";
import { buildValueOfSetPath, mergeTables, SetPathError } from "./set-values.js";
import { isTemplateSelected, templateKey } from "./template-selection.js";

const manifest = decodeGoYaml(
  `metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
    tier: front
spec:
  containers:
    - name: app
      image: app:1
      ports: [{containerPort: 80}, {containerPort: 443}]
    - name: sidecar
      image: proxy:2
      ports: [{containerPort: 9090}]
  nothing: null
`,
  "manifest.yaml",
);

describe("findAtPath (yaml-jsonpath subset)", () => {
  it.each<[string, unknown[]]>([
    ["metadata.name", ["web"]],
    ["$.metadata.name", ["web"]],
    ['metadata.labels["app.kubernetes.io/name"]', ["web"]],
    ["metadata.labels['tier']", ["front"]],
    ["spec.containers[1].image", ["proxy:2"]],
    ["spec.containers[-1].name", ["sidecar"]],
    ["spec.containers[*].name", ["app", "sidecar"]],
    ["spec.containers[0:1].name", ["app"]],
    ['spec.containers[?(@.name == "sidecar")].image', ["proxy:2"]],
    ["spec.containers[?(@.image =~ /^app/)].name", ["app"]],
    ["spec.containers[?(@.ports[1])].name", ["app"]],
    ['spec.containers[?(@.name != "app" && @.image)].name', ["sidecar"]],
    ["spec.containers[0].ports[?(@.containerPort > 100)].containerPort", [443n]],
    ["..containerPort", [80n, 443n, 9090n]],
    ["metadata.labels.*", ["web", "front"]],
    ["spec.nothing", [null]],
    ["spec.missing", []],
    ["spec.containers[5].name", []],
    ["metadata.name.deeper", []],
  ])("%s", (path, expected) => {
    expect(findAtPath(manifest, path)).toEqual(expected);
  });

  it("returns the whole document for an empty path", () => {
    expect(findAtPath(manifest, "")).toEqual([manifest]);
  });

  it("rejects malformed paths with the path in the message", () => {
    expect(() => findAtPath(manifest, "spec.containers[abc]")).toThrow(PathSyntaxError);
    expect(() => findAtPath(manifest, 'metadata.labels["unterminated')).toThrow(/metadata\.labels/);
  });
});

describe("buildValueOfSetPath and mergeTables (helm-unittest `set`)", () => {
  it("builds nested maps, lists and dotted keys", () => {
    expect(buildValueOfSetPath("v", "image.tag")).toEqual({ image: { tag: "v" } });
    expect(buildValueOfSetPath("x", "list[1].name")).toEqual({ list: [null, { name: "x" }] });
    expect(buildValueOfSetPath("y", "annotations.[example.com/key]")).toEqual({ annotations: { "example.com/key": "y" } });
    expect(buildValueOfSetPath({ a: 1n }, "whole")).toEqual({ whole: { a: 1n } });
  });

  it("rejects paths strvals rejects", () => {
    expect(() => buildValueOfSetPath("v", "a=b")).toThrow(SetPathError);
    expect(() => buildValueOfSetPath("v", "list[x]")).toThrow(/not a list index/);
    expect(() => buildValueOfSetPath("v", "")).toThrow(/empty/);
  });

  it("merges newer values over older ones, maps recursively, lists replaced", () => {
    const older = { image: { repository: "r", tag: "1" }, list: [1n, 2n] };
    expect(mergeTables({ image: { tag: "2" }, list: [3n] }, older)).toEqual({ image: { repository: "r", tag: "2" }, list: [3n] });
  });
});

describe("template selection", () => {
  it("prefixes templates/ and the chart name like getTemplateFileName", () => {
    expect(templateKey("app", "deployment.yaml")).toBe("app/templates/deployment.yaml");
    expect(templateKey("app", "templates/web/service.yaml")).toBe("app/templates/web/service.yaml");
  });

  it("matches wildcards and honours excludeTemplates", () => {
    expect(isTemplateSelected("app/templates/web/service.yaml", "app", ["web/*"], [])).toBe(true);
    expect(isTemplateSelected("app/templates/deployment.yaml", "app", ["web/*"], [])).toBe(false);
    expect(isTemplateSelected("app/templates/deployment.yaml", "app", [], [])).toBe(true);
    expect(isTemplateSelected("app/templates/deployment.yaml", "app", ["*.yaml"], ["deployment.yaml"])).toBe(false);
    expect(isTemplateSelected("app/templates/deploymentXyaml", "app", ["deployment.yaml"], [])).toBe(false);
  });
});
