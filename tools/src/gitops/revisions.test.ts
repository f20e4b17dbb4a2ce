import { describe, expect, it } from "vitest";
import { isImmutableRevision, isReleaseImageTag } from "./revisions.js";

describe("immutable pins", () => {
  it("accepts release tags and full commit SHAs as chart revisions", () => {
    for (const revision of ["v0.1.0", "v1.2.3-rc.1", "4f1c2a8d9e0b7c6a5f4e3d2c1b0a9f8e7d6c5b4a"]) expect(isImmutableRevision(revision)).toBe(true);
  });

  it("rejects branches, HEAD, short SHAs and unprefixed versions", () => {
    for (const revision of ["main", "HEAD", "release/1.2", "4f1c2a8", "1.2.3", "v1.2", "V1.2.3"]) expect(isImmutableRevision(revision)).toBe(false);
  });

  it("accepts release image tags and rejects floating ones", () => {
    for (const tag of ["v0.1.0", "1.4.0", "1.5.0-rc.1"]) expect(isReleaseImageTag(tag)).toBe(true);
    for (const tag of ["latest", "main", "stable", "1.4"]) expect(isReleaseImageTag(tag)).toBe(false);
  });
});
