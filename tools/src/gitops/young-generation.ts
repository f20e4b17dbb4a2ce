import { setFlagsFromString } from "node:v8";

/**
 * Keeps V8's young generation at its initial size for the rest of the process: a generator run
 * that renders everything allocates briefly-living objects at a rate that makes V8 double its
 * semi-spaces up to their 16 MiB maximum (new space 32 MiB, a quarter of this repository's full
 * run's peak RSS), although what survives fits in a few MiB. `--max-semi-space-size` would say
 * so directly, but V8 reads it only when the heap is set up (before any JavaScript runs); the
 * growth factor is read each time the new space grows (V8's SemiSpaceNewSpace::Grow multiplies
 * the capacity by `v8_flags.semi_space_growth_factor`, deps/v8/src/heap/new-spaces.cc in Node's
 * source), so a factor of 1 set now stops the growth. More scavenges follow, each of a small
 * space: the benchmark's CPU time did not move beyond its noise (tools/bench/gitops-bench.ts).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}
