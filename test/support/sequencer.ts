import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, longest first (a path prefix each), from the per-file durations of
 * a cold run on the 2-core machine. vitest starts the longest files first when it has timings of an
 * earlier run (node_modules/.vite/vitest); a clean clone has none, and it would start the largest
 * files first, which leaves these (four-line files, most of them) to the end, one worker busy with
 * them while the other idles. A file missing here only starts later; none is left out.
 */
export const LONGEST_FIRST = [
  "test/docs/commands.test.ts",
  "test/nx/pass-through.test.ts",
  "test/charts/chart-harness-",
  "test/nx/",
  "test/gitops/bad-inputs.test.ts",
  "test/promote/robustness.test.ts",
  "test/promote/doctor-and-cli.test.ts",
  "test/promote/promotion.test.ts",
  "tools/src/cli/arguments.test.ts",
  "test/promote/",
  "test/renovate/config.test.ts",
  "test/package.test.ts",
  "test/infrastructure/environments.test.ts",
  "test/render/component-renders-",
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = (spec: TestSpecification) => this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(root, spec.moduleId)}`) !== undefined;
    if (sorted.every(timed)) return sorted;
    const rank = (spec: TestSpecification) => {
      const path = relative(root, spec.moduleId);
      const index = LONGEST_FIRST.findIndex((prefix) => path.startsWith(prefix));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    return sorted.map((spec, order) => ({ spec, order, rank: rank(spec) })).sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ spec }) => spec);
  }
}
