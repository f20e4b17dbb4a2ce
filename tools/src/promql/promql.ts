import { parser } from "@prometheus-io/lezer-promql";

type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

/** What one PromQL expression uses and what is wrong with it. */
export interface PromqlAnalysis {
  /** Metric names the expression selects (by name or by a `__name__="..."` matcher), sorted. */
  metrics: string[];
  /** Syntax and type problems, each with the character offset it starts at; empty when valid. */
  problems: string[];
}

/**
 * Functions that take a range vector, and which argument it is. The parser only knows syntax:
 * `rate(x)` parses, but Prometheus refuses it at load time, so the analysis checks it too.
 */
const RANGE_ARGUMENT: Readonly<Record<string, number>> = {
  rate: 0,
  irate: 0,
  increase: 0,
  delta: 0,
  idelta: 0,
  deriv: 0,
  changes: 0,
  resets: 0,
  predict_linear: 0,
  holt_winters: 0,
  double_exponential_smoothing: 0,
  avg_over_time: 0,
  min_over_time: 0,
  max_over_time: 0,
  sum_over_time: 0,
  count_over_time: 0,
  stddev_over_time: 0,
  stdvar_over_time: 0,
  last_over_time: 0,
  present_over_time: 0,
  absent_over_time: 0,
  mad_over_time: 0,
  first_over_time: 0,
  ts_of_max_over_time: 0,
  ts_of_min_over_time: 0,
  ts_of_last_over_time: 0,
  quantile_over_time: 1,
};

const RANGE_NODES = new Set(["MatrixSelector", "SubqueryExpr"]);

/**
 * Parses an expression with the Prometheus project's own grammar (@prometheus-io/lezer-promql, the
 * parser of the Prometheus UI) and checks that range vectors appear exactly where a function takes one.
 */
export function analyzePromql(expr: string): PromqlAnalysis {
  const problems: string[] = [];
  const metrics = new Set<string>();
  if (expr.trim() === "") return { metrics: [], problems: ["the expression is empty"] };
  const tree = parser.parse(expr);
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to);
  tree.iterate({
    enter: (ref) => {
      const node = ref.node;
      if (node.type.isError) {
        const near = expr.slice(node.from, node.from + 20) || "end of expression";
        problems.push(`syntax error at offset ${node.from} (near "${near}")`);
        return false;
      }
      if (node.name === "VectorSelector") {
        const identifier = node.getChild("Identifier");
        if (identifier) metrics.add(text(identifier));
        for (const matcher of node.getChild("LabelMatchers")?.getChildren("UnquotedLabelMatcher") ?? []) {
          const label = matcher.getChild("LabelName");
          const op = matcher.getChild("MatchOp");
          const value = matcher.getChild("StringLiteral");
          if (label && op && value && text(label) === "__name__" && text(op) === "=") metrics.add(text(value).slice(1, -1));
        }
      }
      if (node.name === "FunctionCall") problems.push(...rangeArgumentProblems(node, text));
      if (RANGE_NODES.has(node.name) && !isRangeArgument(node, text)) {
        problems.push(`"${text(node)}" at offset ${node.from} is a range vector where an instant vector is expected; only functions such as rate() or *_over_time() take one`);
      }
      return undefined;
    },
  });
  return { metrics: [...metrics].sort(), problems };
}

function functionName(call: SyntaxNode, text: (node: SyntaxNode) => string): string {
  const identifier = call.getChild("FunctionIdentifier");
  return identifier ? text(identifier) : "";
}

function argumentsOf(call: SyntaxNode): SyntaxNode[] {
  const body = call.getChild("FunctionCallBody");
  const args: SyntaxNode[] = [];
  for (let child = body?.firstChild ?? null; child; child = child.nextSibling) args.push(child);
  return args;
}

function rangeArgumentProblems(call: SyntaxNode, text: (node: SyntaxNode) => string): string[] {
  const name = functionName(call, text);
  const index = RANGE_ARGUMENT[name];
  if (index === undefined) return [];
  const arg = argumentsOf(call)[index];
  if (arg && RANGE_NODES.has(arg.name)) return [];
  return [`${name}() at offset ${call.from} needs a range vector as argument ${index + 1} (e.g. metric[5m]), got "${arg ? text(arg) : "nothing"}"`];
}

function isRangeArgument(node: SyntaxNode, text: (node: SyntaxNode) => string): boolean {
  const body = node.parent;
  const call = body?.parent;
  if (body?.name !== "FunctionCallBody" || call?.name !== "FunctionCall") return false;
  const index = RANGE_ARGUMENT[functionName(call, text)];
  return index !== undefined && argumentsOf(call)[index]?.from === node.from;
}

/**
 * A Grafana panel query as Prometheus would receive it: Grafana's interval variables become a
 * duration and dashboard variables (`$namespace`, `${datasource}`) a plain word, so the query parses.
 */
export function expandGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$__(rate_interval|interval|range)\b/g, "5m")
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(:[a-z]+)?\}/g, "placeholder")
    .replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, "placeholder");
}
