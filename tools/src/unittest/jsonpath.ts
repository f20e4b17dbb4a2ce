import { goKeyLess } from "./goyaml-emit.js";
import { formatGoFloat, isGoMap, type GoValue } from "./go-values.js";

/**
 * helm-unittest resolves every `path` with vmware-labs/yaml-jsonpath, which returns all matching
 * nodes. Supported here: optional `$`, `a.b.c`, `a["x.y"]` / `a['x.y']` (comma lists too), `[n]`
 * (negative from the end), `[start:end:step]`, `[*]`, `.*`, `..name` / `..*` recursive descent and
 * filters `[?(@.name == "x")]` with == != < <= > >=, `=~ /re/`, existence, `!`, `&&`, `||` and
 * parentheses. Anything else is rejected with a message naming the path.
 */
export class PathSyntaxError extends Error {}

type Segment =
  | { kind: "children"; names: string[] }
  | { kind: "wildcard" }
  | { kind: "indices"; indices: number[] }
  | { kind: "slice"; start?: number; end?: number; step: number }
  | { kind: "filter"; expression: FilterExpression }
  | { kind: "descend"; then: Segment | null };

type Operand = { kind: "path"; relative: boolean; segments: Segment[] } | { kind: "literal"; value: GoValue } | { kind: "regex"; regex: RegExp };
type FilterExpression =
  | { kind: "or" | "and"; left: FilterExpression; right: FilterExpression }
  | { kind: "not"; operand: FilterExpression }
  | { kind: "exists"; path: Operand }
  | { kind: "compare"; operator: string; left: Operand; right: Operand };

const compiledPaths = new Map<string, Segment[]>();

/** All values at `path` in `root` (empty when nothing matches); `""` is the document itself. */
export function findAtPath(root: GoValue, path: string): GoValue[] {
  if (path === "") return [root];
  let segments = compiledPaths.get(path);
  if (!segments) {
    segments = new PathParser(path).parsePath();
    compiledPaths.set(path, segments);
  }
  return applySegments([root], segments, root);
}

function applySegments(nodes: GoValue[], segments: Segment[], root: GoValue): GoValue[] {
  let current = nodes;
  for (const segment of segments) {
    current = current.flatMap((node) => applySegment(node, segment, root));
    if (current.length === 0) break;
  }
  return current;
}

function childrenOf(node: GoValue): GoValue[] {
  if (Array.isArray(node)) return node;
  if (isGoMap(node)) return sortedKeys(node).map((key) => node[key] as GoValue);
  return [];
}

// The plugin re-encodes each manifest before searching it, so map members are visited in yaml.v3 key order.
function sortedKeys(map: Record<string, GoValue>): string[] {
  return Object.keys(map).sort((a, b) => (goKeyLess(a, b) ? -1 : goKeyLess(b, a) ? 1 : 0));
}

function descendantsAndSelf(node: GoValue): GoValue[] {
  return [node, ...childrenOf(node).flatMap(descendantsAndSelf)];
}

function applySegment(node: GoValue, segment: Segment, root: GoValue): GoValue[] {
  switch (segment.kind) {
    case "children":
      if (!isGoMap(node)) return [];
      return segment.names.filter((name) => Object.prototype.hasOwnProperty.call(node, name)).map((name) => node[name] as GoValue);
    case "wildcard":
      return childrenOf(node);
    case "indices":
      if (!Array.isArray(node)) return [];
      return segment.indices.flatMap((index) => {
        const resolved = index < 0 ? node.length + index : index;
        return resolved >= 0 && resolved < node.length ? [node[resolved] as GoValue] : [];
      });
    case "slice":
      return Array.isArray(node) ? sliceOf(node, segment) : [];
    case "filter":
      return childrenOf(node).filter((child) => evaluateFilter(segment.expression, child, root));
    case "descend": {
      const all = descendantsAndSelf(node);
      return segment.then ? all.flatMap((candidate) => applySegment(candidate, segment.then as Segment, root)) : all.slice(1);
    }
  }
}

function sliceOf(items: GoValue[], slice: { start?: number; end?: number; step: number }): GoValue[] {
  const length = items.length;
  const normalize = (value: number) => (value < 0 ? Math.max(length + value, 0) : Math.min(value, length));
  const result: GoValue[] = [];
  if (slice.step > 0) {
    const start = normalize(slice.start ?? 0);
    const end = normalize(slice.end ?? length);
    for (let i = start; i < end; i += slice.step) result.push(items[i] as GoValue);
  } else if (slice.step < 0) {
    const start = slice.start === undefined ? length - 1 : Math.min(normalize(slice.start), length - 1);
    const end = slice.end === undefined ? -1 : normalize(slice.end);
    for (let i = start; i > end; i += slice.step) result.push(items[i] as GoValue);
  }
  return result;
}

function evaluateFilter(expression: FilterExpression, current: GoValue, root: GoValue): boolean {
  switch (expression.kind) {
    case "or":
      return evaluateFilter(expression.left, current, root) || evaluateFilter(expression.right, current, root);
    case "and":
      return evaluateFilter(expression.left, current, root) && evaluateFilter(expression.right, current, root);
    case "not":
      return !evaluateFilter(expression.operand, current, root);
    case "exists":
      return operandValues(expression.path, current, root).length > 0;
    case "compare": {
      if (expression.operator === "=~") {
        const regex = expression.right.kind === "regex" ? expression.right.regex : undefined;
        return regex !== undefined && operandValues(expression.left, current, root).some((value) => typeof value === "string" && regex.test(value));
      }
      const lefts = operandValues(expression.left, current, root);
      const rights = operandValues(expression.right, current, root);
      return lefts.some((left) => rights.some((right) => compareScalars(expression.operator, left, right)));
    }
  }
}

function operandValues(operand: Operand, current: GoValue, root: GoValue): GoValue[] {
  if (operand.kind === "literal") return [operand.value];
  if (operand.kind === "regex") return [];
  return applySegments([operand.relative ? current : root], operand.segments, root);
}

function numeric(value: GoValue): number | undefined {
  if (typeof value === "bigint") return Number(value);
  return typeof value === "number" ? value : undefined;
}

function scalarText(value: GoValue): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return formatGoFloat(value);
  if (typeof value === "boolean") return String(value);
  if (value === null) return "null";
  return undefined;
}

function compareScalars(operator: string, left: GoValue, right: GoValue): boolean {
  const leftNumber = numeric(left);
  const rightNumber = numeric(right);
  if (leftNumber !== undefined && rightNumber !== undefined) return compareOrdered(operator, leftNumber, rightNumber);
  const leftText = scalarText(left);
  const rightText = scalarText(right);
  if (leftText === undefined || rightText === undefined) return false;
  return compareOrdered(operator, leftText, rightText);
}

function compareOrdered<T extends number | string>(operator: string, left: T, right: T): boolean {
  switch (operator) {
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    default:
      return false;
  }
}

class PathParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parsePath(): Segment[] {
    if (this.peek() === "$") this.position++;
    else if (this.peek() !== "." && this.peek() !== "[" && this.peek() !== undefined) {
      // yaml-jsonpath allows the first child without a dot: `metadata.name`.
      const name = this.readDottedName();
      return [name === "*" ? { kind: "wildcard" } : { kind: "children", names: [name] }, ...this.parseSegments(false)];
    }
    return this.parseSegments(false);
  }

  private parseSegments(insideFilter: boolean): Segment[] {
    const segments: Segment[] = [];
    for (;;) {
      const character = this.peek();
      if (character === undefined) return segments;
      if (insideFilter && !(character === "." || character === "[")) return segments;
      if (character === ".") {
        if (this.text[this.position + 1] === ".") {
          this.position += 2;
          if (this.peek() === "[") segments.push({ kind: "descend", then: this.parseBracket() });
          else {
            const name = this.readDottedName();
            segments.push({ kind: "descend", then: name === "*" ? null : { kind: "children", names: [name] } });
          }
          continue;
        }
        this.position++;
        const name = this.readDottedName();
        segments.push(name === "*" ? { kind: "wildcard" } : { kind: "children", names: [name] });
        continue;
      }
      if (character === "[") {
        segments.push(this.parseBracket());
        continue;
      }
      throw this.error(`unexpected "${character}"`);
    }
  }

  private readDottedName(): string {
    const start = this.position;
    while (this.position < this.text.length && !".[]()=!<>&|, \t".includes(this.text[this.position] as string)) this.position++;
    if (this.position === start) throw this.error("expected a child name");
    return this.text.slice(start, this.position);
  }

  private parseBracket(): Segment {
    this.expect("[");
    this.skipSpaces();
    let segment: Segment;
    const character = this.peek();
    if (character === "'" || character === '"') {
      const names = [this.readQuoted()];
      this.skipSpaces();
      while (this.peek() === ",") {
        this.position++;
        this.skipSpaces();
        names.push(this.readQuoted());
        this.skipSpaces();
      }
      segment = { kind: "children", names };
    } else if (character === "*") {
      this.position++;
      segment = { kind: "wildcard" };
    } else if (character === "?") {
      this.position++;
      this.expect("(");
      const expression = this.parseOr();
      this.skipSpaces();
      this.expect(")");
      segment = { kind: "filter", expression };
    } else {
      segment = this.parseIndexOrSlice();
    }
    this.skipSpaces();
    this.expect("]");
    return segment;
  }

  private parseIndexOrSlice(): Segment {
    const body = /^[-+0-9: ,]*/.exec(this.text.slice(this.position))?.[0] ?? "";
    this.position += body.length;
    const trimmed = body.replaceAll(" ", "");
    if (trimmed.includes(":")) {
      const [start, end, step] = trimmed.split(":").map((part) => (part === "" ? undefined : Number.parseInt(part, 10)));
      if (step === 0) throw this.error("slice step must not be 0");
      return { kind: "slice", start, end, step: step ?? 1 };
    }
    const indices = trimmed.split(",").map((part) => {
      if (!/^[-+]?\d+$/.test(part)) throw this.error(`"${part}" is not an array index`);
      return Number.parseInt(part, 10);
    });
    return { kind: "indices", indices };
  }

  private parseOr(): FilterExpression {
    let left = this.parseAnd();
    for (;;) {
      this.skipSpaces();
      if (!this.text.startsWith("||", this.position)) return left;
      this.position += 2;
      left = { kind: "or", left, right: this.parseAnd() };
    }
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary();
    for (;;) {
      this.skipSpaces();
      if (!this.text.startsWith("&&", this.position)) return left;
      this.position += 2;
      left = { kind: "and", left, right: this.parseUnary() };
    }
  }

  private parseUnary(): FilterExpression {
    this.skipSpaces();
    if (this.peek() === "!" && this.text[this.position + 1] !== "=") {
      this.position++;
      return { kind: "not", operand: this.parseUnary() };
    }
    if (this.peek() === "(") {
      this.position++;
      const inner = this.parseOr();
      this.skipSpaces();
      this.expect(")");
      return inner;
    }
    const left = this.parseOperand();
    this.skipSpaces();
    const operator = /^(==|!=|<=|>=|=~|<|>)/.exec(this.text.slice(this.position))?.[0];
    if (!operator) {
      if (left.kind !== "path") throw this.error("a literal on its own is not a filter");
      return { kind: "exists", path: left };
    }
    this.position += operator.length;
    this.skipSpaces();
    return { kind: "compare", operator, left, right: this.parseOperand() };
  }

  private parseOperand(): Operand {
    const character = this.peek();
    if (character === "@" || character === "$") {
      this.position++;
      return { kind: "path", relative: character === "@", segments: this.parseSegments(true) };
    }
    if (character === "'" || character === '"') return { kind: "literal", value: this.readQuoted() };
    if (character === "/") {
      const end = this.text.indexOf("/", this.position + 1);
      if (end < 0) throw this.error("unterminated regular expression");
      const source = this.text.slice(this.position + 1, end);
      this.position = end + 1;
      return { kind: "regex", regex: new RegExp(source) };
    }
    const word = /^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)/.exec(this.text.slice(this.position))?.[0];
    if (!word) throw this.error("expected @, $, a quoted string, a number, true, false or null");
    this.position += word.length;
    if (word === "true" || word === "false") return { kind: "literal", value: word === "true" };
    if (word === "null") return { kind: "literal", value: null };
    return { kind: "literal", value: /^-?\d+$/.test(word) ? BigInt(word) : Number(word) };
  }

  private readQuoted(): string {
    const quote = this.peek();
    if (quote !== "'" && quote !== '"') throw this.error("expected a quoted name");
    this.position++;
    let value = "";
    while (this.position < this.text.length && this.text[this.position] !== quote) {
      if (this.text[this.position] === "\\" && this.position + 1 < this.text.length) this.position++;
      value += this.text[this.position];
      this.position++;
    }
    this.expect(quote);
    return value;
  }

  private skipSpaces(): void {
    while (this.peek() === " " || this.peek() === "\t") this.position++;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private expect(character: string): void {
    if (this.peek() !== character) throw this.error(`expected "${character}"`);
    this.position++;
  }

  private error(message: string): PathSyntaxError {
    return new PathSyntaxError(`invalid path ${JSON.stringify(this.text)} at offset ${this.position}: ${message}`);
  }
}
