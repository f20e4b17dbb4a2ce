/**
 * Kubernetes RBAC, evaluated offline: whether a set of PolicyRules allows a request, and whether it
 * covers another rule (what the API server's escalation prevention demands of whoever creates a Role
 * or RoleBinding). Semantics of kubernetes/kubernetes:
 * - pkg/apis/rbac/v1/evaluation_helpers.go: VerbMatches, APIGroupMatches, ResourceMatches ("*", an
 *   exact `resource` or `resource/subresource`, and "*\/subresource" for a subresource of any
 *   resource), ResourceNameMatches (an empty list matches every name);
 * - plugin/pkg/auth/authorizer/rbac/rbac.go RuleAllows: a resource request is allowed when one rule
 *   matches verb, group, resource and name;
 * - staging/src/k8s.io/component-helpers/auth/rbac/validation/policy_comparator.go Covers: every
 *   (group, resource, verb, name) the new rule names must be allowed by the owner's rules.
 * "Privilege escalation prevention and bootstrapping" (kubernetes.io/docs/reference/access-authn-authz/rbac/):
 * a user can create or update a Role only when it already holds every permission the Role grants
 * (or has the `escalate` verb), and a RoleBinding only when it holds the permissions of the role
 * it refers to (or has the `bind` verb on it).
 */

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A request on the API: `resource` may carry a subresource (`pods/log`); `name` is absent for create, list and watch. */
export interface ResourceRequest {
  verb: string;
  apiGroup: string;
  resource: string;
  name?: string;
}

const ALL = "*";

const verbMatches = (rule: PolicyRule, verb: string) => rule.verbs.some((v) => v === ALL || v === verb);
const groupMatches = (rule: PolicyRule, group: string) => (rule.apiGroups ?? []).some((g) => g === ALL || g === group);

function resourceMatches(rule: PolicyRule, combined: string): boolean {
  const slash = combined.indexOf("/");
  const subresource = slash >= 0 ? combined.slice(slash + 1) : "";
  return (rule.resources ?? []).some((r) => r === ALL || r === combined || (subresource !== "" && r === `*/${subresource}`));
}

const nameMatches = (rule: PolicyRule, name: string | undefined) => (rule.resourceNames ?? []).length === 0 || (name !== undefined && (rule.resourceNames ?? []).includes(name));

/** Whether one rule allows the request (RuleAllows for a resource request). */
export function ruleAllows(rule: PolicyRule, request: ResourceRequest): boolean {
  return verbMatches(rule, request.verb) && groupMatches(rule, request.apiGroup) && resourceMatches(rule, request.resource) && nameMatches(rule, request.name);
}

/** Whether any rule allows the request. */
export function rulesAllow(rules: readonly PolicyRule[], request: ResourceRequest): boolean {
  return rules.some((rule) => ruleAllows(rule, request));
}

/**
 * The parts of `rule` the owner's rules do not cover, as readable requests (empty when covered).
 * Like Covers, a rule is broken down into one (group, resource, verb[, name]) at a time; a wildcard
 * in the new rule is covered only by the same wildcard held by the owner.
 */
export function uncoveredBy(owner: readonly PolicyRule[], rule: PolicyRule): string[] {
  if ((rule.nonResourceURLs ?? []).length > 0) return [`non-resource URLs ${(rule.nonResourceURLs ?? []).join(", ")}`];
  const names = (rule.resourceNames ?? []).length > 0 ? (rule.resourceNames as string[]) : [undefined];
  const missing: string[] = [];
  for (const apiGroup of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs)
        for (const name of names) {
          const held = owner.some(
            (o) =>
              (o.verbs.includes(ALL) || o.verbs.includes(verb)) &&
              ((o.apiGroups ?? []).includes(ALL) || (o.apiGroups ?? []).includes(apiGroup)) &&
              ((o.resources ?? []).includes(ALL) || (o.resources ?? []).includes(resource) || (resource.includes("/") && (o.resources ?? []).includes(`*/${resource.slice(resource.indexOf("/") + 1)}`))) &&
              ((o.resourceNames ?? []).length === 0 || (name !== undefined && (o.resourceNames ?? []).includes(name))),
          );
          if (!held) missing.push(`${verb} ${apiGroup === "" ? "core" : apiGroup}/${resource}${name === undefined ? "" : ` ${name}`}`);
        }
  return missing;
}
