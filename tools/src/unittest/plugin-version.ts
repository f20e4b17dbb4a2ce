/**
 * The helm-unittest release CI runs (.github/workflows/ci.yml builds it from source at this commit)
 * and that conformance.test.ts is written from: tag v1.1.0 of github.com/helm-unittest/helm-unittest,
 * a lightweight tag on commit 0b6e19bf… (`git rev-parse v1.1.0^{commit}`), whose plugin.yaml says
 * version "1.1.0". It is the newest tag of the repository's history up to 2026-05-14. Move all three
 * together, and re-check the conformance table against the new tag's source.
 */
export const HELM_UNITTEST = {
  version: "1.1.0",
  tag: "v1.1.0",
  commit: "0b6e19bf10e2bea8b1ab46271a80682383c55a53",
} as const;
