import { describe, expect, it } from "vitest";
import { ManifestParseError, objectLabel, parseManifests, sourceOf } from "./manifests.js";
import { readFixture } from "./test-fixtures.js";

describe("parseManifests", () => {
  it("splits a helm template stream, skips empty documents and keeps each # Source", () => {
    const text = [
      "---",
      "# Source: app/templates/a.yaml",
      "apiVersion: v1",
      "kind: ConfigMap",
      "metadata:",
      "  name: a",
      "---",
      "# Source: app/templates/disabled.yaml",
      "---",
      "",
      "---",
      "# Source: app/templates/b.yaml",
      "# a second comment line",
      "apiVersion: v1",
      "kind: Service",
      "metadata:",
      "  name: b",
      "",
    ].join("\n");
    const objects = parseManifests(text, "release");
    expect(objects.map(objectLabel)).toEqual(["ConfigMap/a", "Service/b"]);
    expect(objects.map((o) => sourceOf(o))).toEqual(["app/templates/a.yaml", "app/templates/b.yaml"]);
  });

  it("falls back to the given source for documents without a # Source comment", () => {
    const [obj] = parseManifests("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n", "apps/dev.yaml");
    expect(sourceOf(obj!)).toBe("apps/dev.yaml");
  });

  it("does not add the source to the object itself", () => {
    const [obj] = parseManifests("# Source: x/templates/ns.yaml\napiVersion: v1\nkind: Namespace\n");
    expect(Object.keys(obj!)).toEqual(["apiVersion", "kind"]);
  });

  it("reads values the way the API server's YAML 1.1 decoder does", () => {
    const [obj] = parseManifests(
      "apiVersion: v1\nkind: ConfigMap\ndata:\n  enabled: on\n  mode: 0644\n  time: 12:30\n  date: 2024-01-02\n",
    );
    expect(obj!.data).toEqual({ enabled: true, mode: 420, time: "12:30", date: "2024-01-02" });
  });

  it("parses the shared fixture", () => {
    expect(parseManifests(readFixture()).map((o) => o.kind)).toContain("Deployment");
  });

  it("names the template and line of invalid YAML", () => {
    const text = "# Source: app/templates/broken.yaml\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n";
    expect(() => parseManifests(text)).toThrowError(ManifestParseError);
    expect(() => parseManifests(text)).toThrowError(/app\/templates\/broken\.yaml \(document 1\): invalid YAML/);
  });

  it("rejects duplicate keys, which the API server's decoder rejects too", () => {
    expect(() => parseManifests("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n", "dup.yaml")).toThrowError(
      /dup\.yaml \(document 1\): invalid YAML.*unique/,
    );
  });

  it("rejects documents that are not Kubernetes objects", () => {
    expect(() => parseManifests("- a\n- b\n", "list.yaml")).toThrowError(/list\.yaml \(document 1\): expected a Kubernetes object/);
    expect(() => parseManifests("metadata:\n  name: x\n", "bare.yaml")).toThrowError(
      /<no kind>\/x has no string apiVersion and kind/,
    );
  });
});
