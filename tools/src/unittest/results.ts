import type { SnapshotCounts } from "./snapshot-cache.js";

export interface AssertionResult {
  index: number;
  type: string;
  not: boolean;
  passed: boolean;
  /** helm-unittest's failure lines (Template, DocumentIndex, Path, Expected, Actual, Diff). */
  failInfo: string[];
}

export interface TestResult {
  name: string;
  passed: boolean;
  skipped: boolean;
  skipReason?: string;
  durationMs: number;
  /** The render or setup error that stopped the test before its assertions could judge it. */
  error?: string;
  assertions: AssertionResult[];
}

export interface SuiteResult {
  /** The suite file, shown relative to the chart's parent directory (e.g. `mychart/tests/x_test.yaml`). */
  file: string;
  name: string;
  passed: boolean;
  durationMs: number;
  /** A suite that could not be loaded or run at all (invalid file, unsupported feature). */
  error?: string;
  tests: TestResult[];
  snapshots: SnapshotCounts & { file: string; written: boolean };
}
