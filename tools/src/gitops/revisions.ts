const RELEASE_TAG = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;
const IMAGE_RELEASE_TAG = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * A Git revision that can never move: a release tag (`v1.2.3`) or a full commit SHA. Branch names
 * (and anything else) are moving references; production must not use them.
 */
export function isImmutableRevision(revision: string): boolean {
  return RELEASE_TAG.test(revision) || COMMIT_SHA.test(revision);
}

/** An image tag that names a release (`v1.2.3` or `1.2.3`) rather than a floating tag such as `latest` or `main`. */
export function isReleaseImageTag(tag: string): boolean {
  return IMAGE_RELEASE_TAG.test(tag);
}
