/**
 * Go's `path/filepath.Match` on Unix, which Argo CD uses to match AppProject resource lists
 * (argo-cd v3.4.4 pkg/apis/application/v1alpha1/types.go isResourceInList/isNamedResourceInList).
 * Hand-written because no npm glob library has its exact semantics (no braces or globstars, `*`
 * and `?` never cross `/`, `[^…]` classes, backslash escapes, and any syntax error anywhere in the
 * pattern is an error, i.e. no match for Argo CD): a port of golang/go src/path/filepath/match.go,
 * proven by the table of golang/go src/path/filepath/match_test.go in go-filepath-match.test.ts.
 */
export class BadPatternError extends Error {
  constructor() {
    super("syntax error in pattern");
  }
}

function scanChunk(pattern: string): { star: boolean; chunk: string; rest: string } {
  let star = false;
  while (pattern.length > 0 && pattern[0] === "*") {
    pattern = pattern.slice(1);
    star = true;
  }
  let inRange = false;
  let i = 0;
  scan: for (; i < pattern.length; i++) {
    switch (pattern[i]) {
      case "\\":
        if (i + 1 < pattern.length) i++;
        break;
      case "[":
        inRange = true;
        break;
      case "]":
        inRange = false;
        break;
      case "*":
        if (!inRange) break scan;
        break;
    }
  }
  return { star, chunk: pattern.slice(0, i), rest: pattern.slice(i) };
}

/** A possibly escaped character of a class; throws on a syntax error. Works on code points. */
function getEsc(chunk: string[]): { r: string; rest: string[] } {
  if (chunk.length === 0 || chunk[0] === "-" || chunk[0] === "]") throw new BadPatternError();
  if (chunk[0] === "\\") {
    chunk = chunk.slice(1);
    if (chunk.length === 0) throw new BadPatternError();
  }
  const r = chunk[0] as string;
  const rest = chunk.slice(1);
  if (rest.length === 0) throw new BadPatternError();
  return { r, rest };
}

/**
 * Whether chunk matches the start of s, and the remainder; `failed` keeps parsing after a
 * mismatch so that syntax errors are still reported (as Go 1.16+ does).
 */
function matchChunk(chunkText: string, sText: string): { rest: string[]; ok: boolean } {
  let chunk = [...chunkText];
  let s = [...sText];
  let failed = false;
  while (chunk.length > 0) {
    if (!failed && s.length === 0) failed = true;
    switch (chunk[0]) {
      case "[": {
        let r = "";
        if (!failed) {
          r = s[0] as string;
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
        let negated = false;
        if (chunk.length > 0 && chunk[0] === "^") {
          negated = true;
          chunk = chunk.slice(1);
        }
        let match = false;
        let ranges = 0;
        for (;;) {
          if (chunk.length > 0 && chunk[0] === "]" && ranges > 0) {
            chunk = chunk.slice(1);
            break;
          }
          const lo = getEsc(chunk);
          chunk = lo.rest;
          let hi = lo.r;
          if (chunk[0] === "-") {
            const high = getEsc(chunk.slice(1));
            hi = high.r;
            chunk = high.rest;
          }
          if ((lo.r.codePointAt(0) as number) <= (r.codePointAt(0) ?? -1) && (r.codePointAt(0) ?? -1) <= (hi.codePointAt(0) as number)) match = true;
          ranges++;
        }
        if (match === negated) failed = true;
        break;
      }
      case "?":
        if (!failed) {
          if (s[0] === "/") failed = true;
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
        break;
      default:
        if (chunk[0] === "\\") {
          chunk = chunk.slice(1);
          if (chunk.length === 0) throw new BadPatternError();
        }
        if (!failed) {
          if (chunk[0] !== s[0]) failed = true;
          s = s.slice(1);
        }
        chunk = chunk.slice(1);
    }
  }
  return failed ? { rest: [], ok: false } : { rest: s, ok: true };
}

/** Go's filepath.Match(pattern, name) with '/' as separator; throws BadPatternError like Go's ErrBadPattern. */
export function goFilepathMatch(pattern: string, name: string): boolean {
  let n = [...name];
  pattern: while (pattern.length > 0) {
    const { star, chunk, rest } = scanChunk(pattern);
    pattern = rest;
    if (star && chunk === "") return !n.includes("/");
    const first = matchChunk(chunk, n.join(""));
    if (first.ok && (first.rest.length === 0 || pattern.length > 0)) {
      n = first.rest;
      continue;
    }
    if (star) {
      for (let i = 0; i < n.length && n[i] !== "/"; i++) {
        const attempt = matchChunk(chunk, n.slice(i + 1).join(""));
        if (attempt.ok) {
          if (pattern.length === 0 && attempt.rest.length > 0) continue;
          n = attempt.rest;
          continue pattern;
        }
      }
    }
    // Before returning false, check that the rest of the pattern is well formed.
    while (pattern.length > 0) {
      const next = scanChunk(pattern);
      pattern = next.rest;
      matchChunk(next.chunk, "");
    }
    return false;
  }
  return n.length === 0;
}

/** `ok && err == nil` as Argo CD reads Match's result: a malformed pattern matches nothing. */
export function goMatches(pattern: string, name: string): boolean {
  try {
    return goFilepathMatch(pattern, name);
  } catch (error) {
    if (error instanceof BadPatternError) return false;
    throw error;
  }
}
