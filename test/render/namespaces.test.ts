import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPodSecurity } from "../../tools/src/kubernetes/pod-security-admission.js";
import { repoRoot } from "../../tools/src/paths.js";
import { environmentNames, generatedObjects } from "../gitops/support/generated.js";
import { componentApplications } from "../support/component-renders.js";
import { placements, type Placement } from "./support.js";

/**
 * Issue 18.5: every namespace an environment deploys into carries Pod Security enforce, audit and
 * warn labels (Argo CD's managedNamespaceMetadata on the Applications deploying there), at
 * "restricted" unless a component declares that it needs less, and then only where one of that
 * component's pods really fails "restricted". The per-pod check against the namespace's level is in
 * component-checks.ts.
 */

const MODES = ["enforce", "audit", "warn"] as const;

/** The labels each Application gives its destination namespace. */
function namespaceLabels(env: string): Map<string, { labels: Record<string, string>; from: string }[]> {
  const byNamespace = new Map<string, { labels: Record<string, string>; from: string }[]>();
  for (const { file, object } of generatedObjects(env).filter((o) => o.object.kind === "Application" && o.file.includes("/layers/"))) {
    const spec = object.spec as { destination: { namespace: string }; syncPolicy?: { managedNamespaceMetadata?: { labels?: Record<string, string> } } };
    const namespace = spec.destination.namespace;
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), { labels: spec.syncPolicy?.managedNamespaceMetadata?.labels ?? {}, from: file }]);
  }
  return byNamespace;
}

/** The components that declare a weaker level (x-upstream.podSecurity of schemas/upstream/<name>.json). */
function declaredExceptions(): Map<string, string> {
  const dir = join(repoRoot, "schemas", "upstream");
  return new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .flatMap((f) => {
        const podSecurity = (JSON.parse(readFileSync(join(dir, f), "utf8")) as { "x-upstream"?: { podSecurity?: { level: string } } })["x-upstream"]?.podSecurity;
        return podSecurity ? [[f.replace(/\.json$/, ""), podSecurity.level] as const] : [];
      }),
  );
}

function renderedPlacements(env: string): { component: string; placement: Placement }[] {
  return componentApplications()
    .filter((app) => app.env === env)
    .flatMap((app) => {
      try {
        return placements(app).map((placement) => ({ component: app.component, placement }));
      } catch {
        return []; // a component that does not render fails its own render test
      }
    });
}

describe.each(environmentNames())("%s: Pod Security on every namespace", (env) => {
  it("every Application gives its namespace enforce, audit and warn at one level, and all Applications of a namespace agree", () => {
    const problems: string[] = [];
    for (const [namespace, entries] of namespaceLabels(env)) {
      for (const { labels, from } of entries) {
        const levels = MODES.map((mode) => labels[`pod-security.kubernetes.io/${mode}`]);
        if (levels.some((level) => level === undefined)) problems.push(`${from}: namespace ${namespace} lacks ${MODES.filter((_, i) => levels[i] === undefined).join(", ")}`);
        else if (new Set(levels).size !== 1) problems.push(`${from}: namespace ${namespace} has enforce/audit/warn ${levels.join("/")}`);
      }
      const distinct = new Set(entries.map((e) => JSON.stringify(e.labels)));
      if (distinct.size > 1) problems.push(`namespace ${namespace}: its Applications set different labels (${entries.map((e) => e.from).join(", ")}); Argo CD would flip them on every sync`);
    }
    expect(problems).toEqual([]);
  });

  it("every namespace a rendered object lands in is one Argo CD creates and labels", () => {
    const labelled = namespaceLabels(env);
    const unlabelled = [...new Set(renderedPlacements(env).flatMap(({ component, placement }) => (placement.namespace && !labelled.has(placement.namespace) ? [`${placement.namespace} (${component} ${placement.kind}/${placement.name})`] : [])))];
    expect(unlabelled, "namespaces no Application targets run at the cluster default (privileged)").toEqual([]);
  });

  it('a namespace runs below "restricted" only where a component declared it and one of its pods fails "restricted"', () => {
    const exceptions = declaredExceptions();
    const rendered = renderedPlacements(env);
    const weaker = [...namespaceLabels(env)].filter(([, entries]) => entries[0]?.labels["pod-security.kubernetes.io/enforce"] !== "restricted");
    const problems: string[] = [];
    for (const [namespace, entries] of weaker) {
      const level = entries[0]?.labels["pod-security.kubernetes.io/enforce"];
      const needing = rendered.filter(({ component, placement }) => placement.namespace === namespace && exceptions.get(component) === level && checkPodSecurity(placement.object, { level: "restricted" }).length > 0);
      if (needing.length === 0) problems.push(`namespace ${namespace} runs at ${level}, but no pod of a component declaring ${level} there fails restricted`);
    }
    expect(problems).toEqual([]);
    // The exception this platform has today: node-exporter's host namespaces in monitoring.
    expect(weaker.map(([namespace]) => namespace)).toEqual(["monitoring"]);
  });
});
