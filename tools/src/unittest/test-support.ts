import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repoRoot } from "../paths.js";
import type { SuiteResult, TestResult } from "./results.js";

/** The self-contained chart the runner's tests render (test/fixtures/unittest-chart). */
export const FIXTURE_CHART = join(repoRoot, "test", "fixtures", "unittest-chart");

const created: string[] = [];

/**
 * A private copy of the fixture chart, named like the fixture so keys read `unittest-fixture/...`.
 * `withFixtureTests` keeps the fixture's own tests/ (and committed snapshots); `files` adds or
 * replaces files relative to the chart (e.g. `tests/x_test.yaml`).
 */
export function fixtureCopy(files: Record<string, string> = {}, withFixtureTests = false): string {
  const root = mkdtempSync(join(tmpdir(), "unittest-fixture-"));
  created.push(root);
  const chart = join(root, "unittest-chart");
  cpSync(FIXTURE_CHART, chart, { recursive: true, filter: (source) => withFixtureTests || !source.startsWith(join(FIXTURE_CHART, "tests")) });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(chart, path)), { recursive: true });
    writeFileSync(join(chart, path), content);
  }
  return chart;
}

export function removeFixtureCopies(): void {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function testNamed(results: readonly SuiteResult[], name: string): TestResult {
  const test = results.flatMap((suite) => suite.tests).find((candidate) => candidate.name === name);
  if (!test) throw new Error(`no test named "${name}" in the results`);
  return test;
}

/** All failure lines of a test: its error plus every failed assertion's lines. */
export function failureLines(test: TestResult): string[] {
  return [...(test.error ? [test.error] : []), ...test.assertions.filter((assertion) => !assertion.passed).flatMap((assertion) => assertion.failInfo)];
}
