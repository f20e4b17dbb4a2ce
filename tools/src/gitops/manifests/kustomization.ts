/** The subset of a kustomization the generator writes. */
export interface Kustomization {
  apiVersion: "kustomize.config.k8s.io/v1beta1";
  kind: "Kustomization";
  namespace?: string;
  resources: string[];
  components?: string[];
}

/** A reusable bundle of patches applied to whatever the including kustomization has built. */
export interface KustomizeComponent {
  apiVersion: "kustomize.config.k8s.io/v1alpha1";
  kind: "Component";
  patches: { path: string }[];
}

export function kustomization(resources: readonly string[], extra: { namespace?: string; components?: string[] } = {}): Kustomization {
  return { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", ...extra, resources: [...resources] };
}

export function patchComponent(paths: readonly string[]): KustomizeComponent {
  return { apiVersion: "kustomize.config.k8s.io/v1alpha1", kind: "Component", patches: paths.map((path) => ({ path })) };
}
