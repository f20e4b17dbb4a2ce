import { setFlagsFromString } from "node:v8";

/**
 * Keeps V8's young generation at its initial size for the rest of the process: a generator run
 * that renders everything allocates briefly-living objects at a rate that makes V8 double its
 * semi-spaces up to their 16 MiB maximum (new space 32 MiB, a quarter of this repository's full
 * run's peak RSS), although what survives fits in a few MiB. `--max-semi-space-size` would say
 * so directly, but V8 reads it only when the heap is set up (before any JavaScript runs); the
 * growth factor is read each time the new space grows: in V8 11's src/heap/new-spaces.cc (Node 20
 * ships V8 11.3), `SemiSpaceNewSpace::Grow` asks for `min(MaximumCapacity(),
 * v8_flags.semi_space_growth_factor * TotalCapacity())` and `SemiSpace::GrowTo` adds
 * `(new - current) / page size` pages, none for a factor of 1 (its DCHECK that the capacity grows
 * is compiled out of release builds). So a factor of 1 set now stops the growth; the test checks
 * it on the Node that runs it (young-generation.test.ts). More scavenges follow, each of a small
 * space; their CPU cost stayed within the benchmark's noise on this repository and the 200 x 10
 * catalog (tools/bench/gitops-bench.ts).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}
