export { runChartSuites, discoverSuiteFiles, type RunOptions } from "./runner.js";
export { formatResults } from "./format.js";
export type { SuiteResult, TestResult, AssertionResult } from "./results.js";
export { ASSERTION_TYPES } from "./assertion-types.js";
