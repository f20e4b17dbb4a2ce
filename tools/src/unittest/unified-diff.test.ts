import { structuredPatch } from "diff";
import { describe, expect, it } from "vitest";
import { failFormat, splitInfo } from "./fail-info.js";
import { unifiedDiff } from "./unified-diff.js";

const PLUGIN = "helm-unittest v1.1.0 pkg/unittest";

/** The failure lines of an `equal`-style assertion, built the way the validators build them. */
function equalFailure(path: string | undefined, expected: string, actual: string): string[] {
  const format = failFormat({ not: false, path: path !== undefined, actual: true, diff: true, customize: " to equal" });
  const values = [expected, actual, unifiedDiff(`${expected}\n`, `${actual}\n`)];
  return path === undefined ? splitInfo(format, -1, -1, ...values) : splitInfo(format, 0, 0, path, ...values);
}

function snapshotFailure(cached: string, fresh: string): string[] {
  return splitInfo(failFormat({ not: false, path: false, actual: false, diff: false, customize: " to match snapshot 0" }), -1, -1, unifiedDiff(cached, fresh));
}

/** jsdiff fed difflib's lines (SplitLines always ends with a "\n" line) and printed with difflib's headers. */
function jsdiffUnified(expected: string, actual: string): string {
  const range = (start: number, length: number): string => (length === 1 ? `${start}` : length === 0 ? `${start - 1},0` : `${start},${length}`);
  const patch = structuredPatch("Expected", "Actual", `${expected}\n`, `${actual}\n`, undefined, undefined, { context: 1 });
  if (patch.hunks.length === 0) return "";
  let out = "--- Expected\n+++ Actual\n";
  for (const hunk of patch.hunks) {
    out += `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@\n`;
    for (const line of hunk.lines) out += `${line}\n`;
  }
  return out;
}

describe("unifiedDiff prints what the plugin prints", () => {
  it(`equal (${PLUGIN}/validators/equal_validator_test.go:120-133)`, () => {
    expect(equalFailure("a.b[0]", "d: 321", "c: 123")).toEqual([
      "DocumentIndex:\t0",
      "ValuesIndex:\t0",
      "Path:\ta.b[0]",
      "Expected to equal:",
      "\td: 321",
      "Actual:",
      "\tc: 123",
      "Diff:",
      "\t--- Expected",
      "\t+++ Actual",
      "\t@@ -1,2 +1,2 @@",
      "\t-d: 321",
      "\t+c: 123",
    ]);
  });

  it(`equal without a manifest (${PLUGIN}/validators/equal_validator_test.go:344-355) and equalRaw (equal_raw_validator_test.go:39-50)`, () => {
    expect(equalFailure("a.b[0].c", "123", "no manifest found").slice(-5)).toEqual(["\t--- Expected", "\t+++ Actual", "\t@@ -1,2 +1,2 @@", "\t-123", "\t+no manifest found"]);
    expect(equalFailure(undefined, "Invalid text.", "This is a NOTES.txt document.")).toEqual([
      "Expected to equal:",
      "\tInvalid text.",
      "Actual:",
      "\tThis is a NOTES.txt document.",
      "Diff:",
      "\t--- Expected",
      "\t+++ Actual",
      "\t@@ -1,2 +1,2 @@",
      "\t-Invalid text.",
      "\t+This is a NOTES.txt document.",
    ]);
  });

  it(`matchSnapshot of a map (${PLUGIN}/validators/snapshot_validator_test.go:97-109) and matchSnapshotRaw (snapshot_raw_validator_test.go:77-84)`, () => {
    expect(snapshotFailure("a:\n  b: c\n", "x:\n  y: x\n")).toEqual(["Expected to match snapshot 0:", "\t--- Expected", "\t+++ Actual", "\t@@ -1,3 +1,3 @@", "\t-a:", "\t-  b: c", "\t+x:", "\t+  y: x"]);
    expect(snapshotFailure("b\n", "x\n")).toEqual(["Expected to match snapshot 0:", "\t--- Expected", "\t+++ Actual", "\t@@ -1,2 +1,2 @@", "\t-b", "\t+x"]);
  });

  it(`one line replaced by five (${PLUGIN}/.snapshots/TestV3RunnerOkWithFailedTests:445-453)`, () => {
    const expected =
      '"1. Get the application URL by running these commands:/n  export NODE_PORT=$(kubectl get --namespace NAMESPACE -o jsonpath=/"{.spec.ports[0].nodePort}/" services MY-RELEASE)/n  export NODE_IP=$(kubectl get nodes --namespace NAMESPACE -o jsonpath=/"{.items[0].status.addresses[0].address}/")/n  echo http://$NODE_IP:$NODE_PORT/n  /n"';
    const actual = [
      "|",
      "  1. Get the application URL by running these commands:",
      '    export NODE_PORT=$(kubectl get --namespace NAMESPACE -o jsonpath="{.spec.ports[0].nodePort}" services RELEASE-NAME-basic)',
      '    export NODE_IP=$(kubectl get nodes --namespace NAMESPACE -o jsonpath="{.items[0].status.addresses[0].address}")',
      "    echo http://$NODE_IP:$NODE_PORT",
    ];
    expect(equalFailure(undefined, expected, actual.join("\n")).slice(-9)).toEqual([
      "\t--- Expected",
      "\t+++ Actual",
      "\t@@ -1,2 +1,6 @@",
      `\t-${expected}`,
      ...actual.map((line) => `\t+${line}`),
    ]);
  });

  // Expected strings from Python's difflib.unified_diff(…, n=1) over go-difflib's SplitLines.
  it("keeps go-difflib's SplitLines, range format and hunk grouping", () => {
    expect(unifiedDiff("wrong\n", "right\n")).toBe("--- Expected\n+++ Actual\n@@ -1,2 +1,2 @@\n-wrong\n+right\n \n");
    expect(unifiedDiff("a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n")).toBe("--- Expected\n+++ Actual\n@@ -2,3 +2,3 @@\n b\n-c\n+X\n d\n");
    expect(unifiedDiff("a\nb\nc\nd\ne\nf\n", "X\nb\nc\nd\ne\nY\n")).toBe("--- Expected\n+++ Actual\n@@ -1,2 +1,2 @@\n-a\n+X\n b\n@@ -5,3 +5,3 @@\n e\n-f\n+Y\n \n");
    expect(unifiedDiff("", "a\n")).toBe("--- Expected\n+++ Actual\n@@ -1 +1,2 @@\n+a\n \n");
    expect(unifiedDiff("same\n", "same\n")).toBe("");
  });
});

describe("why this is not jsdiff: SequenceMatcher and Myers pair lines differently", () => {
  // Expected strings from Python's difflib.unified_diff(SplitLines(a), SplitLines(b), "Expected", "Actual", n=1),
  // the algorithm go-difflib ports line for line; see the comment at the top of unified-diff.ts.
  const cases = [
    {
      expected: "- web\n- web\n- db\n- web\n",
      actual: "- web\n- cache\n- web\n- web\n",
      difflib: "--- Expected\n+++ Actual\n@@ -1,5 +1,5 @@\n+- web\n+- cache\n - web\n - web\n-- db\n-- web\n \n",
      jsdiff: "--- Expected\n+++ Actual\n@@ -1,4 +1,4 @@\n - web\n+- cache\n - web\n-- db\n - web\n",
    },
    {
      expected: "- web\n- web\n",
      actual: "- web\n",
      difflib: "--- Expected\n+++ Actual\n@@ -1,2 +1 @@\n-- web\n - web\n",
      jsdiff: "--- Expected\n+++ Actual\n@@ -1,3 +1,2 @@\n - web\n-- web\n \n",
    },
  ];

  it.each(cases)("$expected → $actual", ({ expected, actual, difflib, jsdiff }) => {
    expect(unifiedDiff(expected, actual)).toBe(difflib);
    expect(jsdiffUnified(expected, actual)).toBe(jsdiff);
  });

  it("agree where only one pairing exists, so the difference is the algorithm, not the formatting", () => {
    for (const [expected, actual] of [
      ["d: 321\n", "c: 123\n"],
      ["a\nb\nc\nd\ne\n", "a\nb\nX\nd\ne\n"],
      ["a:\n  b: c\n", "x:\n  y: x\n"],
    ] as const) {
      expect(jsdiffUnified(expected, actual)).toBe(unifiedDiff(expected, actual));
    }
  });
});
