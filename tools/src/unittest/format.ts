import type { AssertionResult, SuiteResult, TestResult } from "./results.js";

/**
 * A helm-unittest style report: one PASS/FAIL line per suite with its time, one line per test, the
 * plugin's failure blocks (`- asserts[0] `equal` fail` + Template/Path/Expected/Actual) and totals.
 */
export function formatResults(results: readonly SuiteResult[]): string {
  const lines: string[] = [];
  for (const suite of results) {
    lines.push(`${suite.passed ? " PASS " : " FAIL "} ${suite.name}\t${suite.file}\t(${suite.durationMs} ms)`);
    if (suite.error) lines.push(...indent(["- Execution Error:", ...indent(suite.error.split("\n"), 1)], 1));
    for (const test of suite.tests) lines.push(...formatTest(test));
    lines.push("");
  }
  lines.push(...summary(results));
  return `${lines.join("\n")}\n`;
}

function formatTest(test: TestResult): string[] {
  if (test.skipped) return indent([`- SKIP ${test.name}${test.skipReason ? ` (${test.skipReason})` : ""}`], 1);
  const header = indent([`${test.passed ? "✓" : "✗"} ${test.name}\t(${test.durationMs} ms)`], 1);
  if (test.passed) return header;
  const details: string[] = [];
  if (test.error) details.push(...indent([`Error: ${test.error}`.split("\n")].flat(), 2));
  for (const assertion of test.assertions) if (!assertion.passed) details.push(...formatAssertion(assertion));
  return [...header, ...details];
}

function formatAssertion(assertion: AssertionResult): string[] {
  const title = `- asserts[${assertion.index}]${assertion.not ? " NOT" : ""} \`${assertion.type}\` fail`;
  return [...indent([title], 2), ...indent(assertion.failInfo, 3), ""];
}

function indent(lines: readonly string[], depth: number): string[] {
  return lines.map((line) => `${"\t".repeat(depth)}${line}`);
}

function count(label: string, passed: number, failed: number, extra = "", uncounted = 0): string {
  const parts = [failed > 0 ? `${failed} failed` : "", `${passed} passed`, extra, `${passed + failed + uncounted} total`].filter(Boolean);
  return `${label.padEnd(13)}${parts.join(", ")}`;
}

function summary(results: readonly SuiteResult[]): string[] {
  const tests = results.flatMap((suite) => suite.tests);
  const ran = tests.filter((test) => !test.skipped);
  const skipped = tests.length - ran.length;
  const snapshotTotal = results.reduce((sum, suite) => sum + suite.snapshots.total, 0);
  const snapshotFailed = results.reduce((sum, suite) => sum + suite.snapshots.failed, 0);
  const snapshotCreated = results.reduce((sum, suite) => sum + suite.snapshots.created, 0);
  const time = results.reduce((sum, suite) => sum + suite.durationMs, 0);
  return [
    count("Test Suites:", results.filter((suite) => suite.passed).length, results.filter((suite) => !suite.passed).length),
    count("Tests:", ran.filter((test) => test.passed).length, ran.filter((test) => !test.passed).length, skipped > 0 ? `${skipped} skipped` : "", skipped),
    count("Snapshot:", snapshotTotal - snapshotFailed, snapshotFailed, snapshotCreated > 0 ? `${snapshotCreated} created` : ""),
    `Time:        ${time} ms`,
  ];
}
