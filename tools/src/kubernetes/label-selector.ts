/**
 * Kubernetes label selectors (metav1.LabelSelector) evaluated against a set of labels, as the API
 * server and the network plugins evaluate a NetworkPolicy's podSelector and namespaceSelector:
 * `matchLabels` and every `matchExpressions` requirement are ANDed; an empty selector matches all
 * objects and a null one matches none (the LabelSelector API reference: "The result of matchLabels and
 * matchExpressions are ANDed. An empty label selector matches all objects. A null label selector
 * matches no objects."). Operators In, NotIn, Exists and DoesNotExist; In and NotIn need values,
 * Exists and DoesNotExist take none (apimachinery pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector,
 * which refuses the other forms, so a malformed selector throws here instead of matching by accident).
 */

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export class LabelSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LabelSelectorError";
  }
}

function requirementMatches(requirement: LabelSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const { key, operator, values = [] } = requirement;
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) throw new LabelSelectorError(`label selector requirement on ${JSON.stringify(key)}: operator ${operator} needs at least one value`);
      return operator === "In" ? has && values.includes(labels[key] as string) : !(has && values.includes(labels[key] as string));
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) throw new LabelSelectorError(`label selector requirement on ${JSON.stringify(key)}: operator ${operator} takes no values, got ${JSON.stringify(values)}`);
      return operator === "Exists" ? has : !has;
    default:
      throw new LabelSelectorError(`label selector requirement on ${JSON.stringify(key)}: unknown operator ${JSON.stringify(operator)} (In, NotIn, Exists or DoesNotExist)`);
  }
}

/** Whether `selector` selects an object with `labels`: null or undefined selects nothing, {} everything. */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (selector === null || selector === undefined) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value || !Object.prototype.hasOwnProperty.call(labels, key)) return false;
  }
  return (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}

/** Whether a selector selects every object (no matchLabels and no matchExpressions). */
export function selectsEverything(selector: LabelSelector | null | undefined): boolean {
  return selector !== null && selector !== undefined && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}
