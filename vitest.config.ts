import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./test/support/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "tools/**/*.test.ts"],
    // Helm renders are CPU-bound child processes; two workers keep the 2-core CI machines busy (three
    // were slower there: 133 s against 117 s for the chart harness).
    pool: "forks",
    maxWorkers: 2,
    // Each worker runs file after file in one process: the modules every file imports (the validators,
    // the Kubernetes models, the renders' parsed objects memoised by test/support) load once per worker
    // instead of once per file, which was about a third of the CPU of the render and gitops files
    // (43 files: 104 s isolated, 67 s shared). Test files keep their own state; nothing they import may
    // hold state one file could leave behind for the next, and the suite passes in either mode
    // (`npx vitest run --isolate` runs it isolated).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ["default"],
    globalSetup: ["test/support/global-setup.ts"],
    sequence: { sequencer: LongestFirstSequencer },
  },
});
