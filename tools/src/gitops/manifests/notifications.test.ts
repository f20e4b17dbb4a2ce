import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { NotificationTrigger } from "../environment-model.js";
import { helmTemplate } from "../../helm/helm.js";
import { toYaml } from "../serialize.js";
import { applicationStates, generatedApplications, type Loose, revisionsOf } from "./application-test-fixtures.js";
import { notificationsConfig, TRIGGERS } from "./notifications.js";

/*
 * Trigger conditions and oncePer are expr-lang expressions (github.com/expr-lang/expr v1.17.8 in
 * Argo CD v3.4.4's go.mod). The npm registry has no evaluator of expr-lang (`expr-lang` and
 * `@expr-lang/expr` do not exist there; the packages named expr-eval evaluate another, arithmetic
 * language), and Argo CD's Go toolchain is not on the machines that run these tests. So the tests
 * evaluate a translation of the few constructs the triggers use, each with expr's runtime semantics
 * (source at v1.17.8), and anything else is refused rather than guessed:
 * - `a.b`: a map lookup, nil for a missing key; an error on nil ("cannot fetch b from <nil>",
 *   vm/runtime/runtime.go:21-70). `a?.b`: nil when `a` is nil, and the rest of the chain skipped
 *   (docs/language-definition.md "Optional chaining"; expr_test.go TestExpr_optional_chaining).
 * - `==`, `!=`: runtime.Equal (vm/runtime/helpers[generated].go:11-690): numbers, strings and
 *   booleans by value, nil equal to nil, lists and maps by reflect.DeepEqual.
 * - `>=`, `<=`, `>`, `<`: numbers or strings of the same type, else an error ("invalid operation").
 * - `in [..]`: runtime.In (runtime.go:209-238): Equal against each item; a nil list holds nothing.
 * - `??`: the left side unless it is nil (docs "Nil coalescing").
 * - `and`, `or`: short-circuit over booleans (precedences 15 and 10, `==`/`in`/`>=` 20, `??` 500:
 *   parser/operator/operator.go).
 * - `any(list, {predicate})` with `.field` for `#.field` (docs "Predicate", "any").
 * oncePer values are formatted as notifications-engine does, with Go's `%v`
 * (pkg/triggers/service.go:96-103): nil as `<nil>`, a list as `[a b]`.
 */

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
type Node =
  | { kind: "literal"; value: Value }
  | { kind: "variable"; name: string }
  | { kind: "element" }
  | { kind: "chain"; base: Node; steps: Array<{ name: string; optional: boolean }> }
  | { kind: "list"; items: Node[] }
  | { kind: "binary"; operator: string; left: Node; right: Node }
  | { kind: "any"; list: Node; predicate: Node };

const PRECEDENCE: Record<string, number> = { or: 10, and: 15, "==": 20, "!=": 20, ">=": 20, "<=": 20, ">": 20, "<": 20, in: 20, "??": 500 };
const TOKEN = /\s*(?:(\?\?|\?\.|==|!=|>=|<=|[><.,()[\]{}])|'([^'\\]*)'|"([^"\\]*)"|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.trimEnd().length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new Error(`unsupported expr syntax at ${start} in: ${source}`);
    tokens.push(match[1] ?? match[4] ?? `'${match[2] ?? match[3] ?? ""}`);
  }
  return tokens;
}

function parseExpr(source: string): Node {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const take = (expected?: string): string => {
    const token = tokens[position++];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new Error(`expected ${expected ?? "more"} at token ${position} in: ${source}`);
    return token;
  };
  const primary = (): Node => {
    const token = take();
    if (token === "(") {
      const inner = expression(0);
      take(")");
      return inner;
    }
    if (token === "[") {
      const items: Node[] = [];
      while (peek() !== "]") {
        items.push(expression(0));
        if (peek() === ",") take(",");
      }
      take("]");
      return { kind: "list", items };
    }
    if (token === ".") return { kind: "chain", base: { kind: "element" }, steps: [{ name: take(), optional: false }] };
    if (token.startsWith("'")) return { kind: "literal", value: token.slice(1) };
    if (token === "nil") return { kind: "literal", value: null };
    if (token === "true" || token === "false") return { kind: "literal", value: token === "true" };
    if (token === "any" && peek() === "(") {
      take("(");
      const list = expression(0);
      take(",");
      take("{");
      const predicate = expression(0);
      take("}");
      take(")");
      return { kind: "any", list, predicate };
    }
    if (/^[A-Za-z_]\w*$/.test(token) && !(token in PRECEDENCE) && peek() !== "(") return { kind: "variable", name: token };
    throw new Error(`unsupported expr syntax "${token}" in: ${source}`);
  };
  const postfix = (): Node => {
    let node = primary();
    while (peek() === "." || peek() === "?.") {
      const optional = take() === "?.";
      const step = { name: take(), optional };
      node = node.kind === "chain" ? { ...node, steps: [...node.steps, step] } : { kind: "chain", base: node, steps: [step] };
    }
    return node;
  };
  const expression = (minimum: number): Node => {
    let left = postfix();
    for (let operator = peek(); operator !== undefined && PRECEDENCE[operator] !== undefined && (PRECEDENCE[operator] as number) > minimum; operator = peek()) {
      take();
      left = { kind: "binary", operator, left, right: expression(PRECEDENCE[operator] as number) };
    }
    return left;
  };
  const tree = expression(0);
  if (position !== tokens.length) throw new Error(`unsupported expr syntax "${tokens[position]}" in: ${source}`);
  return tree;
}

function isMap(value: Value): value is { [key: string]: Value } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function equal(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => equal(item, b[index] as Value));
  const [left, right] = [a as Record<string, Value>, b as Record<string, Value>];
  return Object.keys(left).length === Object.keys(right).length && Object.keys(left).every((key) => key in right && equal(left[key] as Value, right[key] as Value));
}

function evaluate(node: Node, scope: { env: Record<string, Value>; element?: Value }): Value {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "variable":
      if (!(node.name in scope.env)) throw new Error(`unknown name ${node.name}`);
      return scope.env[node.name] as Value;
    case "element":
      if (scope.element === undefined) throw new Error("`.field` outside a predicate");
      return scope.element;
    case "list":
      return node.items.map((item) => evaluate(item, scope));
    case "chain": {
      let value = evaluate(node.base, scope);
      for (const step of node.steps) {
        if (value === null && step.optional) return null;
        if (!isMap(value)) throw new Error(`cannot fetch ${step.name} from ${value === null ? "<nil>" : typeof value}`);
        value = value[step.name] ?? null;
      }
      return value;
    }
    case "any": {
      const list = evaluate(node.list, scope);
      if (!Array.isArray(list)) throw new Error(`any() of a ${list === null ? "nil" : typeof list}`);
      return list.some((element) => {
        const result = evaluate(node.predicate, { ...scope, element });
        if (typeof result !== "boolean") throw new Error("any() predicate is not a boolean");
        return result;
      });
    }
    case "binary": {
      const left = evaluate(node.left, scope);
      if (node.operator === "and" || node.operator === "or") {
        if (typeof left !== "boolean") throw new Error(`${node.operator} of a non-boolean`);
        if ((node.operator === "and") !== left) return left;
        const right = evaluate(node.right, scope);
        if (typeof right !== "boolean") throw new Error(`${node.operator} of a non-boolean`);
        return right;
      }
      if (node.operator === "??") return left ?? evaluate(node.right, scope);
      const right = evaluate(node.right, scope);
      switch (node.operator) {
        case "==":
          return equal(left, right);
        case "!=":
          return !equal(left, right);
        case "in":
          if (right === null) return false;
          if (Array.isArray(right)) return right.some((item) => equal(item, left));
          if (isMap(right) && typeof left === "string") return left in right;
          throw new Error(`cannot use in on ${typeof right}`);
        default: {
          if (!((typeof left === "string" && typeof right === "string") || (typeof left === "number" && typeof right === "number"))) throw new Error(`invalid operation: ${left === null ? "<nil>" : typeof left} ${node.operator} ${right === null ? "<nil>" : typeof right}`);
          const order = left < right ? -1 : left > right ? 1 : 0;
          return { ">=": order >= 0, "<=": order <= 0, ">": order > 0, "<": order < 0 }[node.operator] as boolean;
        }
      }
    }
  }
}

function evalExpr(source: string, env: Record<string, unknown>): Value {
  return evaluate(parseExpr(source), { env: env as Record<string, Value> });
}

/** Go's `fmt.Sprintf("%v", value)` for the values an oncePer can take here. */
function goFormat(value: Value): string {
  if (value === null) return "<nil>";
  if (Array.isArray(value)) return `[${value.map(goFormat).join(" ")}]`;
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  throw new Error(`no %v formatting of a ${typeof value} here`);
}

describe("the expr-lang subset the tests evaluate triggers with, against expr's own tests and docs", () => {
  it.each([
    ["foo?.bar.baz", { foo: null }, null], // expr_test.go TestExpr_optional_chaining
    ["foo.bar?.baz", { foo: {} }, null], // expr_test.go TestExpr_optional_chaining_property
    ['foo.bar ?? "default"', { foo: { bar: "value" } }, "value"], // expr_test.go TestRun_NilCoalescingOperator
    ['foo.baz ?? "default"', { foo: { bar: "value" } }, "default"],
    ['foo?.bar ?? "default"', { foo: null }, "default"],
    ['"John" in ["John", "Jane"]', {}, true], // docs/language-definition.md, Membership Operator
    ["nil in ['a']", {}, false],
    ["nil == nil", {}, true],
    ["a == b", { a: ["x", "y"], b: ["x", "y"] }, true],
    ["a == b", { a: ["x", "y"], b: ["y", "x"] }, false],
    ["a == b", { a: "", b: null }, false],
    ["'2026-11-30T09:01:10Z' >= '2026-11-30T09:00:42Z'", {}, true],
    ["any(xs, {.type in ['b']})", { xs: [{ type: "a" }, { type: "b" }] }, true],
    ["any(xs ?? [], {.type == 'b'})", { xs: null }, false],
    ["a == 'x' or b.c == 'y' and false", { a: "x", b: null }, true],
  ])("%s over %j is %j", (source, env, expected) => {
    expect(evalExpr(source, env)).toEqual(expected);
  });

  it.each([
    ["foo.bar.baz", { foo: {} }, /cannot fetch baz from <nil>/], // runtime.Fetch on nil
    ["a >= 'x'", { a: null }, /invalid operation/], // runtime MoreOrEqual
    ["any(xs, {.type == 'b'})", { xs: null }, /any\(\) of a nil/],
    ["not a", { a: true }, /unsupported/],
    ["a matches 'x'", { a: "x" }, /unsupported/],
    ["len(a) > 0", { a: [] }, /unsupported/],
  ])("%s over %j fails", (source, env, error) => {
    expect(() => evalExpr(source, env)).toThrow(error);
  });
});

/**
 * Which triggers each state fires (the condition holds: notifications-engine then sends once per
 * change of the condition, or once per oncePer value, pkg/controller/state.go:20-69).
 */
const FIRES: Record<string, NotificationTrigger[]> = {
  "no status yet": [],
  "Synced and Healthy at its sources": ["on-deployed", "on-sync-succeeded"],
  "new sources not compared yet": ["on-deployed", "on-sync-succeeded"],
  "OutOfSync at new revisions": ["on-sync-succeeded"],
  "sync requested": ["on-sync-succeeded"],
  "sync Running": [],
  "sync retrying after a failed attempt": [],
  "sync blocked by a sync window": [],
  "sync Failed": ["on-sync-failed"],
  "sync Error": ["on-sync-failed"],
  "failed sync superseded by a Synced revision": ["on-sync-failed"],
  "sync finished, not compared since": ["on-sync-succeeded"],
  "Synced and Healthy at new revisions": ["on-deployed", "on-sync-succeeded"],
  ComparisonError: ["on-sync-failed", "on-sync-status-unknown", "on-sync-succeeded"],
  InvalidSpecError: ["on-sync-failed", "on-sync-status-unknown", "on-sync-succeeded"],
  "resources Missing": [],
  "Synced, health Missing": ["on-sync-succeeded"],
  "Synced, health Unknown": ["on-sync-succeeded"],
  "Synced, Suspended": ["on-sync-succeeded"],
  "Synced, Progressing": ["on-sync-succeeded"],
  "Synced, Degraded": ["on-health-degraded", "on-sync-succeeded"],
};

const ALL_TRIGGERS = Object.keys(TRIGGERS).sort() as NotificationTrigger[];
const applications = generatedApplications();
const APPS = [
  ["a component Application of a chart in this repository (multi-source)", applications.chartComponent],
  ["a component Application of an upstream chart (multi-source)", applications.upstreamComponent],
  ["a layer Application (single source)", applications.layer],
] as const;

describe.each(APPS)("the triggers on %s", (_kind, app) => {
  const states = applicationStates(app);
  const firing = (trigger: NotificationTrigger) => Object.keys(states).filter((state) => evalExpr(TRIGGERS[trigger].when, { app: states[state] }) === true);
  const expectedFiring = (trigger: NotificationTrigger) => Object.keys(FIRES).filter((state) => FIRES[state]?.includes(trigger));

  it.each(ALL_TRIGGERS)("%s fires in exactly the states it is meant for, and evaluates without error in every state", (trigger) => {
    expect(Object.keys(states).sort()).toEqual(Object.keys(FIRES).sort());
    expect(expectedFiring(trigger).length).toBeGreaterThan(0);
    expect(firing(trigger)).toEqual(expectedFiring(trigger));
    if (trigger !== "on-deployed") return;
    // once per set of revisions: the same value for a refresh of the same revisions, a new one for new revisions
    const oncePer = (state: string) => goFormat(evalExpr(TRIGGERS[trigger].oncePer as string, { app: states[state] }));
    const [before, after] = [oncePer("Synced and Healthy at its sources"), oncePer("Synced and Healthy at new revisions")];
    const revisions = revisionsOf(states["Synced and Healthy at its sources"]);
    expect(before).toBe(app.spec.sources ? `[${revisions.join(" ")}]` : revisions[0]);
    expect(oncePer("new sources not compared yet")).toBe(before);
    expect(after).not.toBe(before);
  });
});

/*
 * Templates are Go text/template with sprig. They are rendered here by Helm's `tpl` (Helm 4.1),
 * which runs the same text/template and the same sprig (v3.3.0 in both go.mod files; Helm removes
 * env/expandenv as notifications-engine does: helm pkg/engine/funcs.go:46-48, notifications-engine
 * pkg/templates/service.go:20-22). Two differences, both making Helm the stricter judge, are why
 * each rendering is compared with the whole expected text rather than searched for `<no value>`:
 * - Helm runs tpl with missingkey=zero and deletes every `<no value>` from its output
 *   (pkg/engine/engine.go:160-167 and 192-193 at v4.1.4); notifications-engine parses templates
 *   with the default option (pkg/services/services.go:279, pkg/services/pagerdutyv2.go:29-54) and
 *   prints `<no value>` for a missing field. A missing field is therefore an empty string here.
 * - Under missingkey=zero, a field of a missing map (`.a.b` without `.a`) is an error ("nil pointer
 *   evaluating interface {}.b"), where notifications-engine prints `<no value>`.
 * Helm adds functions notifications-engine lacks (include, tpl, required, lookup, toYaml, ...), and
 * Argo CD adds variables Helm lacks (context, serviceType, repo, time, strings): the templates may
 * use only Go's builtins and the sprig functions both have (checked below).
 */

const ENVIRONMENT = "production";
const ARGOCD_URL = "https://argocd.mcp.example.com";
const config = notificationsConfig(
  ALL_TRIGGERS.map((trigger) => ({ trigger, service: "pagerdutyv2" as const, recipients: ["platform"] })),
  { argocdUrl: ARGOCD_URL, environment: ENVIRONMENT },
  toYaml,
);

interface TemplateFields {
  message: string;
  pagerdutyv2: { summary: string; severity: string; source: string };
}
const templateOf = (trigger: NotificationTrigger): TemplateFields => parse(config[`template.${TRIGGERS[trigger].template}`] as string) as TemplateFields;

/** What each template must say, from the facts of the Application it is about. */
function expectedSummary(trigger: NotificationTrigger, app: Loose): string {
  const name = app.metadata.name as string;
  const status = app.status;
  const operation = status.operationState;
  const operationRevisions = (operation?.syncResult?.revisions ?? [operation?.syncResult?.revision]).join(", ");
  const blocking = (status.conditions ?? []).filter((c: Loose) => ["ComparisonError", "InvalidSpecError"].includes(c.type));
  switch (trigger) {
    case "on-deployed":
      return `${name} is running revisions ${revisionsOf(app).join(", ")}.`;
    case "on-health-degraded":
      return `${name} is Degraded at revisions ${revisionsOf(app).join(", ")} (sync status ${status.sync.status}).`;
    case "on-sync-failed": {
      const causes = [...(["Failed", "Error"].includes(operation?.phase) ? [`sync ${operation.phase} at revisions ${operationRevisions}: ${operation.message}`] : []), ...blocking.map((c: Loose) => `${c.type}: ${c.message}`)];
      return `${name} cannot sync: ${causes.join("; ")}`;
    }
    case "on-sync-succeeded":
      return `${name} synced revisions ${operationRevisions}.`;
    case "on-sync-status-unknown":
      return `Sync status of ${name} is Unknown: ${status.conditions.map((c: Loose) => `${c.type}: ${c.message}`).join("; ")}`;
  }
}

interface RenderCase {
  id: string;
  template: string;
  app: Loose;
}

const RENDER_CHART_TEMPLATE = [
  "{{- $results := list }}",
  "{{- range .Values.renders }}",
  '{{- $results = append $results (dict "id" .id "text" (tpl .template (dict "app" .app))) }}',
  "{{- end }}",
  "apiVersion: v1",
  "kind: ConfigMap",
  "metadata:",
  "  name: rendered",
  "data:",
  "  results.json: {{ toJson $results | quote }}",
  "",
].join("\n");

/** Renders every case in one `helm template` of a throwaway chart whose template applies `tpl` to each. */
function renderWithHelmTpl(cases: readonly RenderCase[]): Map<string, string> {
  const chart = mkdtempSync(join(tmpdir(), "notification-templates-"));
  try {
    mkdirSync(join(chart, "templates"));
    writeFileSync(join(chart, "Chart.yaml"), "apiVersion: v2\nname: notification-templates\nversion: 0.1.0\n");
    writeFileSync(join(chart, "templates", "rendered.yaml"), RENDER_CHART_TEMPLATE);
    // Beside the chart, not in it: Helm refuses a chart file over 5 MiB, which the cases of every Application state exceed.
    writeFileSync(`${chart}.values.json`, JSON.stringify({ renders: cases }));
    const result = helmTemplate("helm", chart, { valuesFiles: [`${chart}.values.json`], apiVersions: [] });
    if (result.status !== 0) throw new Error(`helm template of the notification templates failed: ${result.stderr}`);
    const rendered = parse(result.stdout) as { data: { "results.json": string } };
    return new Map((JSON.parse(rendered.data["results.json"]) as Array<{ id: string; text: string }>).map(({ id, text }) => [id, text]));
  } finally {
    rmSync(chart, { recursive: true, force: true });
    rmSync(`${chart}.values.json`, { force: true });
  }
}

/** Go's text/template actions and builtins, and the sprig functions both Helm and notifications-engine have, that the templates may use. */
const PORTABLE_IDENTIFIERS = new Set(["if", "else", "end", "with", "range", "and", "or", "not", "eq", "ne", "join"]);

/** Function names a template calls that are not in PORTABLE_IDENTIFIERS. */
function unportableNames(template: string): string[] {
  return (template.match(/{{.*?}}/g) ?? []).flatMap((action) => action.replace(/"[^"]*"/g, "").match(/(?<![.$\w])[A-Za-z_]\w*/g) ?? []).filter((name) => !PORTABLE_IDENTIFIERS.has(name));
}

const FIELDS = ["message", "pagerdutyv2.summary", "pagerdutyv2.severity", "pagerdutyv2.source"] as const;
const fieldOf = (fields: TemplateFields, field: (typeof FIELDS)[number]): string => (field === "message" ? fields.message : fields.pagerdutyv2[field.slice("pagerdutyv2.".length) as "summary" | "severity" | "source"]);

describe("the notification templates, rendered with Helm's tpl", () => {
  const cases: Array<{ id: string; trigger: NotificationTrigger; expected: Record<(typeof FIELDS)[number], string> }> = [];
  const renders: RenderCase[] = [];
  for (const [, app] of APPS) {
    const states = applicationStates(app);
    for (const [state, triggers] of Object.entries(FIRES)) {
      for (const trigger of triggers) {
        const object = states[state];
        const summary = expectedSummary(trigger, object);
        const link = `${ARGOCD_URL}/applications/${object.metadata.name as string}`;
        const id = `${object.metadata.name as string} / ${state} / ${trigger}`;
        cases.push({ id, trigger, expected: { message: `[${ENVIRONMENT}] ${summary} ${link}`, "pagerdutyv2.summary": `[${ENVIRONMENT}] ${summary}`, "pagerdutyv2.severity": TRIGGERS[trigger].severity, "pagerdutyv2.source": link } });
        for (const field of FIELDS) renders.push({ id: `${id} / ${field}`, template: fieldOf(templateOf(trigger), field), app: object });
      }
    }
  }
  const rendered = renderWithHelmTpl(renders);

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, { id, trigger, expected }) => {
    for (const field of FIELDS) {
      expect(unportableNames(fieldOf(templateOf(trigger), field)), `${trigger} ${field} calls functions only Helm has`).toEqual([]);
      const text = rendered.get(`${id} / ${field}`);
      expect(text, field).not.toMatch(/<no value>|<nil>/);
      expect(text, field).toBe(expected[field]);
    }
  });
});
