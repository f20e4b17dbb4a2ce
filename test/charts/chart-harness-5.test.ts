import { chartHarness } from "./support/chart-harness.js";

// Shard 5 of the chart harness (test/charts/support/chart-harness.ts): split so that both test workers share it.
chartHarness(5);
