import { describe, expect, it } from "vitest";
import { failFormat, splitInfo } from "./fail-info.js";
import { cleanHelmError, parseRenderError } from "./render-error.js";
import { TemplateWrapError, wrapTemplate } from "./template-wrap.js";
import { unifiedDiff } from "./unified-diff.js";

describe("wrapTemplate", () => {
  it("wraps the whole text in one define and prints it as JSON", () => {
    expect(wrapTemplate("kind: A\n", "c/templates/a.yaml")).toBe(
      '{{ define "unittest-raw:c/templates/a.yaml#0" }}kind: A\n{{ end }}{{ (include "unittest-raw:c/templates/a.yaml#0" .) | toJson | printf "unittestRaw: %s" }}\n',
    );
  });

  it("keeps top-level defines outside the wrapper and carries their whitespace trimming over", () => {
    const text = 'a: 1\n{{- define "x" -}}\n{{ if .A }}X{{ end }}\n{{- end -}}\nb: "{{ "}}" }}"\n';
    const wrapped = wrapTemplate(text, "c/templates/t.yaml");
    expect(wrapped).toContain('{{ define "unittest-raw:c/templates/t.yaml#0" }}a: 1\n{{- end }}{{- define "x" -}}');
    expect(wrapped).toContain('{{- end -}}{{ define "unittest-raw:c/templates/t.yaml#1" -}}\nb: "{{ "}}" }}"\n{{ end }}');
    expect(wrapped).toContain('list (include "unittest-raw:c/templates/t.yaml#0" .) (include "unittest-raw:c/templates/t.yaml#1" .) | join ""');
  });

  it("refuses {{ block }}, which cannot be isolated", () => {
    expect(() => wrapTemplate('{{ block "b" . }}x{{ end }}', "c/templates/b.yaml")).toThrow(TemplateWrapError);
  });
});

describe("cleanHelmError", () => {
  const sources = new Map([["c/templates/NOTES.txt.unittest.yaml", "c/templates/NOTES.txt"]]);

  it("drops Helm's prefix, hint and the wrapper's include layer (Helm 3 form)", () => {
    const stderr =
      'Error: template: c/templates/x.yaml:14:12: executing "c/templates/x.yaml" at <include "unittest-raw:c/templates/x.yaml#0" .>: error calling include: template: c/templates/x.yaml:3:41: executing "unittest-raw:c/templates/x.yaml#0" at <.Values.a.b>: nil pointer evaluating interface {}.b\n\nUse --debug flag to render out invalid YAML\n';
    expect(cleanHelmError(stderr, sources)).toBe('template: c/templates/x.yaml:3:41: executing "c/templates/x.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b');
  });

  it("rewrites Helm 4's indented trace into Helm 3's one-line form, drops the wrapper layer and maps renamed NOTES wrappers back", () => {
    const stderr =
      'Error: c/templates/NOTES.txt.unittest.yaml:2:12\n  executing "c/templates/NOTES.txt.unittest.yaml" at <include "unittest-raw:c/templates/NOTES.txt#0" .>:\n    error calling include:\nc/templates/NOTES.txt.unittest.yaml:1:3\n  executing "unittest-raw:c/templates/NOTES.txt#0" at <.Values.a.b>:\n    nil pointer evaluating interface {}.b\n\nUse --debug flag to render out invalid YAML\n';
    expect(cleanHelmError(stderr, sources)).toBe('template: c/templates/NOTES.txt:1:3: executing "c/templates/NOTES.txt" at <.Values.a.b>: nil pointer evaluating interface {}.b');
  });
});

describe("parseRenderError (helm-unittest's error pattern)", () => {
  it("extracts the template and the message of fail/required", () => {
    expect(parseRenderError("execution error at (c/templates/a.yaml:4:7): boom: value x: required")).toEqual({ filePath: "c/templates/a.yaml", content: "boom: value x: required" });
  });

  it("extracts the innermost message of a template error", () => {
    expect(parseRenderError('template: c/templates/x.yaml:3:41: executing "c/templates/x.yaml" at <.Values.a.b>: nil pointer evaluating interface {}.b')).toEqual({
      filePath: "c/templates/x.yaml",
      content: "nil pointer evaluating interface {}.b",
    });
  });

  it("finds nothing in errors without a template location", () => {
    expect(parseRenderError("values don't meet the specifications of the schema(s) in the following chart(s):\nc:\n- replicas: Invalid type")).toEqual({ filePath: "", content: "" });
  });
});

describe("failure text helpers", () => {
  it("formats like splitInfof + setFailFormat", () => {
    const format = failFormat({ not: false, path: true, actual: true, diff: false, customize: " to equal" });
    expect(splitInfo(format, 0, 1, "metadata.name", "a\n", "b\nc\n")).toEqual(["DocumentIndex:\t0", "ValuesIndex:\t1", "Path:\tmetadata.name", "Expected to equal:", "\ta", "Actual:", "\tb", "\tc"]);
    expect(splitInfo(failFormat({ not: true, path: false, actual: false, diff: false, customize: " to be kind" }), -1, -1, "Pod")).toEqual(["Expected NOT to be kind:", "\tPod"]);
  });

  it("diffs like go-difflib with one line of context", () => {
    expect(unifiedDiff("wrong\n", "right\n")).toBe("--- Expected\n+++ Actual\n@@ -1,2 +1,2 @@\n-wrong\n+right\n \n");
    expect(unifiedDiff("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n")).toBe("--- Expected\n+++ Actual\n@@ -2,3 +2,3 @@\n b\n-c\n+X\n d\n");
    expect(unifiedDiff("same\n", "same\n")).toBe("");
  });
});
