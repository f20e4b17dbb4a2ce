/** Types for verify-binary.mjs (plain JavaScript so that `npm ci` runs it with Node alone). */
export function sha256(data: Uint8Array): string;
export interface ChecksumCheck {
  name: string;
  source: string;
  data: Uint8Array;
  expected: string;
  checksumsFile: string;
}
export function assertChecksum(check: ChecksumCheck): void;
export function writeVerifiedBinary(check: ChecksumCheck & { target: string }): void;
export function isVerified(target: string, expected: string): boolean;
