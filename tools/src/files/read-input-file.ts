import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

/** Inputs larger than this are refused before they are read: the largest committed one is about 110 KiB. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type InputRefusal =
  /** A symbolic link (of the file or of a directory above it) that resolves outside the repository, or to something that is not a regular file. */
  | { reason: "outside"; message: string }
  | { reason: "too-large"; message: string }
  | { reason: "not-utf8"; message: string; line: number };

export type InputRead = { kind: "text"; text: string } | { kind: "missing" } | { kind: "refused"; refusal: InputRefusal };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * Reads a repository file as UTF-8 text, refusing before any byte is read: a path whose real
 * location (symbolic links resolved) is outside `root` or is not a regular file (a FIFO or a device
 * would block or never end), and a file over `maxBytes`. Bytes that are not UTF-8 are refused with
 * the line they are on instead of being replaced by U+FFFD. Refusals never quote the file's content.
 * A caller reading many files passes `realRoot` (the root's real path) so that it is resolved once.
 */
export function readInputFile(root: string, file: string, maxBytes = MAX_INPUT_BYTES, realRoot?: string): InputRead {
  const absolute = join(root, file);
  try {
    lstatSync(absolute);
  } catch {
    return { kind: "missing" };
  }
  let real: string;
  try {
    real = realpathSync.native(absolute);
  } catch {
    return { kind: "refused", refusal: { reason: "outside", message: "is a symbolic link that points at nothing" } };
  }
  const fromRoot = relative(realRoot ?? realpathSync.native(root), real);
  if (fromRoot === "" || fromRoot === ".." || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    return { kind: "refused", refusal: { reason: "outside", message: "is a symbolic link (or sits under one) that leaves the repository" } };
  }
  const descriptor = openSync(real, "r");
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { kind: "refused", refusal: { reason: "outside", message: "is not a regular file" } };
    if (stats.size > maxBytes) return { kind: "refused", refusal: { reason: "too-large", message: `is ${stats.size} bytes; the limit is ${maxBytes} bytes` } };
    // One byte more than the limit is read, so a file that grows after fstat is still caught.
    const buffer = scratchBuffer(maxBytes + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { kind: "refused", refusal: { reason: "too-large", message: `is over ${maxBytes} bytes` } };
    return decode(buffer.subarray(0, length));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * One buffer for every read (they are synchronous, and decoding copies the bytes into a string),
 * not a zero-filled MiB per file: a run reads hundreds of files, and allocating and clearing
 * their buffers cost the generator a tenth of its time and most of its peak memory.
 */
let scratch: Buffer | undefined;
function scratchBuffer(size: number): Buffer {
  if (scratch?.length !== size) scratch = Buffer.allocUnsafe(size);
  return scratch;
}

function decode(bytes: Uint8Array): InputRead {
  try {
    return { kind: "text", text: decoder.decode(bytes) };
  } catch {
    return { kind: "refused", refusal: { reason: "not-utf8", message: "contains bytes that are not UTF-8", line: firstBadLine(bytes) } };
  }
}

/** A newline byte is never part of a multi-byte UTF-8 sequence, so each line decodes on its own. */
function firstBadLine(bytes: Uint8Array): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      decoder.decode(slice);
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
}
