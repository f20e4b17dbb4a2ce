import { problem, type Problem } from "../gitops/problems.js";
import { parseYamlSource } from "../gitops/yaml-source.js";
import { compareText } from "../text/compare-text.js";

/**
 * schemas/component-kinds.json: the Kubernetes kinds each component renders, namespaced and
 * cluster-scoped. The generator derives every AppProject's resource whitelists from it, so a
 * project permits exactly what its components render (issue 18.1); test/render/component-kinds.test.ts
 * keeps it equal to the renders of every environment.
 */
export const COMPONENT_KINDS_FILE = "schemas/component-kinds.json";

/** An Argo CD AppProject whitelist entry: `group` is "" for the core API group. */
export interface GroupKind {
  group: string;
  kind: string;
}

export interface ComponentKinds {
  namespaced: GroupKind[];
  cluster: GroupKind[];
}

/** `apps/Deployment`, or `ConfigMap` for the core group: a DNS-subdomain group and a Kind in UpperCamelCase. */
const GROUP_KIND = /^(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)\/)?([A-Z][A-Za-z0-9]*)$/;

export function parseGroupKind(text: string): GroupKind | undefined {
  const match = GROUP_KIND.exec(text);
  return match ? { group: match[1] ?? "", kind: match[5] as string } : undefined;
}

export const formatGroupKind = ({ group, kind }: GroupKind): string => (group === "" ? kind : `${group}/${kind}`);

export function sortGroupKinds<T extends GroupKind>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareText(a.group, b.group) || compareText(a.kind, b.kind));
}

/** Reads the file; every malformed entry is a GEN019 problem at its line. */
export function parseComponentKinds(file: string, text: string): { kinds: Map<string, ComponentKinds>; problems: Problem[] } {
  const source = parseYamlSource(file, text);
  if (source.problems.length > 0) return { kinds: new Map(), problems: source.problems };
  const at = (path: (string | number)[]) => ({ location: source.locate(path, "value").location, path: path.join(".") });
  const components = (source.data as { components?: unknown } | undefined)?.components;
  if (!isRecord(components)) return { kinds: new Map(), problems: [problem("GEN019", file, 'the file has no "components" object mapping each component to {"namespaced": [...], "cluster": [...]}.', at([]))] };
  const problems: Problem[] = [];
  const kinds = new Map<string, ComponentKinds>();
  for (const [name, entry] of Object.entries(components)) {
    if (!isRecord(entry) || Object.keys(entry).some((key) => key !== "namespaced" && key !== "cluster")) {
      problems.push(problem("GEN019", file, `components.${name} must be {"namespaced": [...], "cluster": [...]}.`, at(["components", name])));
      continue;
    }
    const scopes: ComponentKinds = { namespaced: [], cluster: [] };
    for (const scope of ["namespaced", "cluster"] as const) {
      const list = entry[scope] ?? [];
      if (!Array.isArray(list)) {
        problems.push(problem("GEN019", file, `components.${name}.${scope} must be a list of group/Kind strings.`, at(["components", name, scope])));
        continue;
      }
      list.forEach((item, index) => {
        const parsed = typeof item === "string" ? parseGroupKind(item) : undefined;
        if (parsed) scopes[scope].push(parsed);
        else problems.push(problem("GEN019", file, `components.${name}.${scope}[${index}] is ${JSON.stringify(item)}, not a group/Kind such as "apps/Deployment" (or "ConfigMap" for the core group).`, at(["components", name, scope, index])));
      });
    }
    kinds.set(name, { namespaced: sortGroupKinds(scopes.namespaced), cluster: sortGroupKinds(scopes.cluster) });
  }
  return { kinds, problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
