import { formatGoFloat, isGoMap, type GoValue } from "./go-values.js";
import { canEncodeStringPlain } from "./goyaml-resolve.js";

/**
 * Byte-for-byte what helm-unittest's `TrustedMarshalYAML` produces (gopkg.in/yaml.v3 Encoder with
 * SetIndent(2)): snapshot files written here are compared as strings by the real plugin in CI, so
 * key order, quoting, block scalars and 80-column folding must all match. This is a port of the
 * libyaml emitter states yaml.v3 reaches for maps, sequences and scalars (no anchors, tags or comments).
 */
export function marshalGoYaml(value: EmitValue): string {
  const emitter = new Emitter();
  emitter.emitNode(value, { root: true, simpleKey: false, parentIsSequenceItem: false });
  emitter.writeIndent();
  return emitter.output();
}

/** A mapping whose keys may be integers (the snapshot file maps test name -> index -> snapshot). */
export class KeyedMap {
  constructor(readonly entries: ReadonlyArray<readonly [bigint | string, EmitValue]>) {}
}
export type EmitValue = GoValue | KeyedMap | EmitValue[];

type ScalarStyle = "plain" | "single" | "double" | "literal";

interface NodeContext {
  root: boolean;
  simpleKey: boolean;
  /** libyaml's "states top is BLOCK_SEQUENCE_ITEM": nested blocks then indent by 2 instead of a full level. */
  parentIsSequenceItem: boolean;
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const MAX_SIMPLE_KEY_BYTES = 128;

class Emitter {
  private readonly chunks: string[] = [];
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  output(): string {
    return this.chunks.join("");
  }

  emitNode(value: EmitValue, context: NodeContext): void {
    if (value instanceof KeyedMap) {
      const entries = [...value.entries].sort(([a], [b]) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
      this.emitMapping(entries, context);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) this.emitEmptyFlow("[", "]", context);
      else this.emitBlockSequence(value, context);
      return;
    }
    if (isGoMap(value)) {
      const keys = Object.keys(value).sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
      this.emitMapping(
        keys.map((key) => [key, value[key] as GoValue] as const),
        context,
      );
      return;
    }
    const { text, style } = scalarPresentation(value);
    this.emitScalar(text, style, context);
  }

  private emitMapping(entries: ReadonlyArray<readonly [bigint | string, EmitValue]>, context: NodeContext): void {
    if (entries.length === 0) {
      this.emitEmptyFlow("{", "}", context);
      return;
    }
    this.increaseIndent(false, context.parentIsSequenceItem);
    for (const [key, value] of entries) {
      this.writeIndent();
      const { text, style } = scalarPresentation(key);
      const analysis = analyzeScalar([...text]);
      const simple = !analysis.multiline && Buffer.byteLength(text, "utf8") <= MAX_SIMPLE_KEY_BYTES;
      if (simple) {
        this.emitScalar(text, style, { root: false, simpleKey: true, parentIsSequenceItem: false });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.emitScalar(text, style, { root: false, simpleKey: false, parentIsSequenceItem: false });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.emitNode(value, { root: false, simpleKey: false, parentIsSequenceItem: false });
    }
    this.popIndent();
  }

  private emitBlockSequence(items: readonly EmitValue[], context: NodeContext): void {
    this.increaseIndent(false, context.parentIsSequenceItem);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.emitNode(item, { root: false, simpleKey: false, parentIsSequenceItem: true });
    }
    this.popIndent();
  }

  private emitEmptyFlow(open: string, close: string, context: NodeContext): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, context.parentIsSequenceItem);
    this.popIndent();
    if (this.column === 0) this.writeIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitScalar(text: string, requested: ScalarStyle, context: NodeContext): void {
    const value = [...text];
    const style = selectScalarStyle(requested, analyzeScalar(value), context.simpleKey);
    this.increaseIndent(true, context.parentIsSequenceItem);
    switch (style) {
      case "plain":
        this.writePlain(value, !context.simpleKey);
        break;
      case "single":
        this.writeSingleQuoted(value, !context.simpleKey);
        break;
      case "double":
        this.writeDoubleQuoted(value, !context.simpleKey);
        break;
      case "literal":
        this.writeLiteral(value);
        break;
    }
    this.popIndent();
  }

  private increaseIndent(flow: boolean, parentIsSequenceItem: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (parentIsSequenceItem) this.indent += 2;
    else this.indent = BEST_INDENT * Math.floor((this.indent + BEST_INDENT) / BEST_INDENT);
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private put(text: string): void {
    this.chunks.push(text);
    this.column++;
  }

  private putBreak(): void {
    this.chunks.push("\n");
    this.column = 0;
    this.indention = true;
  }

  private writeBreak(character: string): void {
    if (character === "\n") {
      this.putBreak();
      return;
    }
    this.chunks.push(character);
    this.column = 0;
    this.indention = true;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const character of indicator) this.put(character);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(value: string[], allowBreaks: boolean): void {
    if (value.length > 0 && !this.whitespace) this.put(" ");
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; i++) {
      const character = value[i] as string;
      if (character === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && value[i + 1] !== " ") this.writeIndent();
        else this.put(character);
        spaces = true;
      } else if (isBreak(character)) {
        if (!breaks && character === "\n") this.putBreak();
        this.writeBreak(character);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(character);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (value.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < value.length; i++) {
      const character = value[i] as string;
      if (character === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < value.length - 1 && value[i + 1] !== " ") this.writeIndent();
        else this.put(character);
        spaces = true;
      } else if (isBreak(character)) {
        if (!breaks && character === "\n") this.putBreak();
        this.writeBreak(character);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (character === "'") this.put("'");
        this.put(character);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < value.length; i++) {
      const character = value[i] as string;
      const codePoint = character.codePointAt(0) ?? 0;
      if (!isPrintable(codePoint) || codePoint === 0xfeff || isBreak(character) || character === '"' || character === "\\") {
        this.put("\\");
        const short = DOUBLE_QUOTE_ESCAPES.get(codePoint);
        if (short !== undefined) this.put(short);
        else {
          const [marker, width] = codePoint <= 0xff ? ["x", 2] : codePoint <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(marker as string);
          for (const digit of codePoint
            .toString(16)
            .toUpperCase()
            .padStart(width as number, "0"))
            this.put(digit);
        }
        spaces = false;
      } else if (character === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < value.length - 1) {
          this.writeIndent();
          if (value[i + 1] === " ") this.put("\\");
        } else this.put(character);
        spaces = true;
      } else {
        this.put(character);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string[]): void {
    this.writeIndicator("|", true, false, false);
    const first = value[0];
    if (first !== undefined && (first === " " || isBreak(first))) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const chomp = chompIndicator(value);
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.whitespace = true;
    let breaks = true;
    for (const character of value) {
      if (isBreak(character)) {
        this.writeBreak(character);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(character);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function chompIndicator(value: string[]): string {
  const last = value[value.length - 1];
  if (last === undefined || !isBreak(last)) return "-";
  if (value.length === 1) return "+";
  return isBreak(value[value.length - 2] as string) ? "+" : "";
}

const DOUBLE_QUOTE_ESCAPES = new Map<number, string>([
  [0x00, "0"],
  [0x07, "a"],
  [0x08, "b"],
  [0x09, "t"],
  [0x0a, "n"],
  [0x0b, "v"],
  [0x0c, "f"],
  [0x0d, "r"],
  [0x1b, "e"],
  [0x22, '"'],
  [0x5c, "\\"],
  [0x85, "N"],
  [0xa0, "_"],
  [0x2028, "L"],
  [0x2029, "P"],
]);

function scalarPresentation(value: GoValue | bigint | string): { text: string; style: ScalarStyle } {
  if (value === null) return { text: "null", style: "plain" };
  if (typeof value === "boolean") return { text: value ? "true" : "false", style: "plain" };
  if (typeof value === "bigint") return { text: value.toString(), style: "plain" };
  if (typeof value === "number") return { text: formatGoFloat(value), style: "plain" };
  if (typeof value === "string") {
    if (value.includes("\n")) return { text: value, style: "literal" };
    return { text: value, style: canEncodeStringPlain(value) ? "plain" : "double" };
  }
  throw new Error("collections cannot be mapping keys");
}

function selectScalarStyle(requested: ScalarStyle, analysis: ScalarAnalysis, simpleKey: boolean): ScalarStyle {
  let style = requested;
  if (simpleKey && analysis.multiline) style = "double";
  if (style === "plain" && !analysis.blockPlainAllowed) style = "single";
  if (style === "single" && !analysis.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!analysis.blockAllowed || simpleKey)) style = "double";
  return style;
}

function isBreak(character: string): boolean {
  return character === "\n" || character === "\r" || character === "\u0085" || character === "\u2028" || character === "\u2029";
}

function isBlank(character: string | undefined): boolean {
  return character === " " || character === "\t";
}

/** libyaml's is_printable on UTF-8; note that code points above U+FFFF count as non-printable. */
function isPrintable(codePoint: number): boolean {
  return codePoint === 0x0a || (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd && codePoint !== 0xfeff);
}

function analyzeScalar(value: string[]): ScalarAnalysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const head = value.slice(0, 3).join("");
  if (value.length >= 3 && (head === "---" || head === "...")) blockIndicators = true;
  let precededByWhitespace = true;
  for (let i = 0; i < value.length; i++) {
    const character = value[i] as string;
    const followedByWhitespace = i + 1 >= value.length || isBlank(value[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(character)) blockIndicators = true;
      else if ((character === "?" || character === ":" || character === "-") && followedByWhitespace) blockIndicators = true;
    } else if ((character === ":" && followedByWhitespace) || (character === "#" && precededByWhitespace)) {
      blockIndicators = true;
    }
    const codePoint = character.codePointAt(0) ?? 0;
    if (character === "\t") tabCharacters = true;
    else if (!isPrintable(codePoint)) specialCharacters = true;
    if (character === " ") {
      if (i === 0) leadingSpace = true;
      if (i === value.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(character)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === value.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(character) || isBreak(character) || character === "\0";
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

/** yaml.v3's keyList.Less: numbers before strings, digit runs compared numerically, punctuation before letters. */
export function goKeyLess(a: bigint | string, b: bigint | string): boolean {
  if (typeof a === "bigint" || typeof b === "bigint") {
    if (typeof a === "bigint" && typeof b === "bigint") return a < b;
    return typeof a === "bigint";
  }
  const ar = [...a];
  const br = [...b];
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) {
      digits = DIGIT.test(ac);
      continue;
    }
    const aLetter = LETTER.test(ac);
    const bLetter = LETTER.test(bc);
    if (aLetter && bLetter) return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
    if (aLetter || bLetter) return digits ? aLetter : bLetter;
    let an = 0n;
    let bn = 0n;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && DIGIT.test(ar[j] as string); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && DIGIT.test(ar[ai] as string); ai++) an = an * 10n + BigInt((ar[ai]?.codePointAt(0) ?? 48) - 48);
    let bi = i;
    for (; bi < br.length && DIGIT.test(br[bi] as string); bi++) bn = bn * 10n + BigInt((br[bi]?.codePointAt(0) ?? 48) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}
