import { describe, expect, it } from "vitest";
import { isFullCommitSha, isReleaseImageTag } from "./revisions.js";

describe("pin formats", () => {
  it("accepts only full lowercase commit SHAs as production chart revisions", () => {
    expect(isFullCommitSha("4f1c2a8d9e0b7c6a5f4e3d2c1b0a9f8e7d6c5b4a")).toBe(true);
    for (const revision of ["v0.1.0", "v1.2.3-rc.1", "main", "HEAD", "release/1.2", "4f1c2a8", "4F1C2A8D9E0B7C6A5F4E3D2C1B0A9F8E7D6C5B4A", "4f1c2a8d9e0b7c6a5f4e3d2c1b0a9f8e7d6c5b4a0"]) {
      expect(isFullCommitSha(revision), revision).toBe(false);
    }
  });

  it("accepts release image tags and rejects floating ones", () => {
    for (const tag of ["v0.1.0", "1.4.0", "1.5.0-rc.1"]) expect(isReleaseImageTag(tag)).toBe(true);
    for (const tag of ["latest", "main", "stable", "1.4"]) expect(isReleaseImageTag(tag)).toBe(false);
  });
});
