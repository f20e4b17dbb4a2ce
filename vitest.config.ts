import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "tools/**/*.test.ts"],
    // Helm renders are CPU-bound child processes; two workers match the 2-core CI machines.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    reporters: ["default"],
    globalSetup: ["test/support/bundle-setup.ts"],
  },
});
