/**
 * The unified diff helm-unittest prints under "Diff:": `difflib.GetUnifiedDiffString` of
 * github.com/pmezard/go-difflib (a port of Python's difflib; helm-unittest v1.1.0 go.mod pins commit
 * 5d4384e) over `SplitLines` of both texts, with "Expected"/"Actual" as file names and one line of
 * context (helm-unittest v1.1.0 pkg/unittest/validators/common.go:112-123).
 *
 * Not jsdiff (`diff`, a dependency): `structuredPatch(…, { context: 1 })` can be fed the same lines
 * and its hunks printed with difflib's headers, but it pairs lines by Myers' shortest edit script,
 * while difflib's SequenceMatcher anchors on the longest matching block first (go-difflib
 * difflib/difflib.go:221 findLongestMatch, :305 GetMatchingBlocks) and is not minimal, so the same
 * texts give different hunks. Expected "- web\n- web\n- db\n- web\n", actual
 * "- web\n- cache\n- web\n- web\n":
 *
 *   difflib (the plugin)    jsdiff
 *   @@ -1,5 +1,5 @@         @@ -1,4 +1,4 @@
 *   +- web                   - web
 *   +- cache                +- cache
 *    - web                   - web
 *    - web                  -- db
 *   -- db                    - web
 *   -- web
 *   (blank context line)
 *
 * Dropping a duplicate differs too: "- web\n- web\n" → "- web\n" is `@@ -1,2 +1 @@`, `-- web`,
 * ` - web` in difflib and `@@ -1,3 +1,2 @@`, ` - web`, `-- web`, blank in jsdiff. Both cases are in
 * unified-diff.test.ts, which fails if jsdiff ever agrees, so this module stays a port of difflib.
 */
export function unifiedDiff(expected: string, actual: string): string {
  const a = splitLines(expected);
  const b = splitLines(actual);
  const groups = groupedOpcodes(new SequenceMatcher(a, b).opcodes(), 1);
  if (groups.length === 0) return "";
  let out = "--- Expected\n+++ Actual\n";
  for (const group of groups) {
    const first = group[0] as Opcode;
    const last = group[group.length - 1] as Opcode;
    out += `@@ -${formatRange(first.i1, last.i2)} +${formatRange(first.j1, last.j2)} @@\n`;
    for (const { tag, i1, i2, j1, j2 } of group) {
      if (tag === "equal") {
        for (const line of a.slice(i1, i2)) out += ` ${line}`;
        continue;
      }
      if (tag === "replace" || tag === "delete") for (const line of a.slice(i1, i2)) out += `-${line}`;
      if (tag === "replace" || tag === "insert") for (const line of b.slice(j1, j2)) out += `+${line}`;
    }
  }
  return out;
}

/** go-difflib's SplitLines: keeps line endings and always ends with a (possibly empty) "\n" line. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  if (text === "") return ["\n"];
  const last = lines.length - 1;
  if (text.endsWith("\n")) lines.push("\n");
  else lines[last] = `${lines[last]}\n`;
  return lines;
}

function formatRange(start: number, stop: number): string {
  const beginning = start + 1;
  const length = stop - start;
  if (length === 1) return `${beginning}`;
  if (length === 0) return `${beginning - 1},0`;
  return `${beginning},${length}`;
}

interface Opcode {
  tag: "equal" | "replace" | "delete" | "insert";
  i1: number;
  i2: number;
  j1: number;
  j2: number;
}

class SequenceMatcher {
  private readonly b2j = new Map<string, number[]>();

  constructor(
    private readonly a: string[],
    private readonly b: string[],
  ) {
    b.forEach((line, index) => {
      const indices = this.b2j.get(line);
      if (indices) indices.push(index);
      else this.b2j.set(line, [index]);
    });
    // difflib's autojunk: in long inputs, lines occurring in more than 1% of b are ignored for anchoring.
    if (b.length >= 200) {
      const limit = Math.floor(b.length / 100) + 1;
      for (const [line, indices] of [...this.b2j]) if (indices.length > limit) this.b2j.delete(line);
    }
  }

  private longestMatch(alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
    let [bestI, bestJ, bestSize] = [alo, blo, 0];
    let lengths = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of this.b2j.get(this.a[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const size = (lengths.get(j - 1) ?? 0) + 1;
        next.set(j, size);
        if (size > bestSize) [bestI, bestJ, bestSize] = [i - size + 1, j - size + 1, size];
      }
      lengths = next;
    }
    // No junk function is configured, so matches simply extend over equal neighbours (popular lines included).
    while (bestI > alo && bestJ > blo && this.a[bestI - 1] === this.b[bestJ - 1]) {
      bestI--;
      bestJ--;
      bestSize++;
    }
    while (bestI + bestSize < ahi && bestJ + bestSize < bhi && this.a[bestI + bestSize] === this.b[bestJ + bestSize]) bestSize++;
    return [bestI, bestJ, bestSize];
  }

  private matchingBlocks(): Array<[number, number, number]> {
    const queue: Array<[number, number, number, number]> = [[0, this.a.length, 0, this.b.length]];
    const blocks: Array<[number, number, number]> = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
      const [i, j, k] = this.longestMatch(alo, ahi, blo, bhi);
      if (k === 0) continue;
      blocks.push([i, j, k]);
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
    blocks.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const merged: Array<[number, number, number]> = [];
    for (const block of blocks) {
      const previous = merged[merged.length - 1];
      if (previous && previous[0] + previous[2] === block[0] && previous[1] + previous[2] === block[1]) previous[2] += block[2];
      else merged.push([...block]);
    }
    merged.push([this.a.length, this.b.length, 0]);
    return merged;
  }

  opcodes(): Opcode[] {
    let i = 0;
    let j = 0;
    const codes: Opcode[] = [];
    for (const [ai, bj, size] of this.matchingBlocks()) {
      const tag = i < ai && j < bj ? "replace" : i < ai ? "delete" : j < bj ? "insert" : undefined;
      if (tag) codes.push({ tag, i1: i, i2: ai, j1: j, j2: bj });
      i = ai + size;
      j = bj + size;
      if (size > 0) codes.push({ tag: "equal", i1: ai, i2: i, j1: bj, j2: j });
    }
    return codes;
  }
}

function groupedOpcodes(input: Opcode[], context: number): Opcode[][] {
  const codes = input.length > 0 ? input.map((code) => ({ ...code })) : [{ tag: "equal" as const, i1: 0, i2: 1, j1: 0, j2: 1 }];
  const first = codes[0] as Opcode;
  if (first.tag === "equal") {
    first.i1 = Math.max(first.i1, first.i2 - context);
    first.j1 = Math.max(first.j1, first.j2 - context);
  }
  const last = codes[codes.length - 1] as Opcode;
  if (last.tag === "equal") {
    last.i2 = Math.min(last.i2, last.i1 + context);
    last.j2 = Math.min(last.j2, last.j1 + context);
  }
  const groups: Opcode[][] = [];
  let group: Opcode[] = [];
  for (const code of codes) {
    let { i1, j1 } = code;
    const { tag, i2, j2 } = code;
    if (tag === "equal" && i2 - i1 > context * 2) {
      group.push({ tag, i1, i2: Math.min(i2, i1 + context), j1, j2: Math.min(j2, j1 + context) });
      groups.push(group);
      group = [];
      i1 = Math.max(i1, i2 - context);
      j1 = Math.max(j1, j2 - context);
    }
    group.push({ tag, i1, i2, j1, j2 });
  }
  if (group.length > 0 && !(group.length === 1 && (group[0] as Opcode).tag === "equal")) groups.push(group);
  return groups;
}
