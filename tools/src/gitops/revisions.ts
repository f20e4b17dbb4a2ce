const COMMIT_SHA = /^[0-9a-f]{40}$/;
const IMAGE_RELEASE_TAG = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * A full (40-hex, lowercase) commit SHA: the only revision that can neither move nor be missing
 * from a clone that has the branch it was merged into. Tags can be moved or deleted and are not
 * fetched by every clone; branch names move with every merge.
 */
export function isFullCommitSha(revision: string): boolean {
  return COMMIT_SHA.test(revision);
}

/** An image tag that names a release (`v1.2.3` or `1.2.3`) rather than a floating tag such as `latest` or `main`. */
export function isReleaseImageTag(tag: string): boolean {
  return IMAGE_RELEASE_TAG.test(tag);
}
