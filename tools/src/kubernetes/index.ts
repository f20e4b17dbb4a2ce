/**
 * Validation of rendered Kubernetes manifests for the chart test harness and the Argo CD generator tests:
 *
 *   const problems = validateRendered(helmTemplateOutput, "charts/gateway");
 *   expect(formatProblems(problems)).toBe("");
 *
 * validateObject checks one object, unknown fields included: a core kind against kubernetes-models, a custom resource
 * against the CRD of the pinned upstream chart that installs it (upstream-crds.ts); checkPodSpecs applies Pod Security Admission
 * "restricted" and the project's pod rules; checkPodSecurity(obj, { level }) applies Pod Security Admission
 * alone at any level, checkProjectPodRules the project's rules alone. Models are loaded synchronously (require) on
 * first use; where a loader hook prevents that, `await preloadModels(objects)` first.
 */
export { parseManifests, sourceOf, setSourceOf, objectLabel, ManifestParseError, type KubeObject } from "./manifests.js";
export { validateObject, validateRendered, type ValidateOptions } from "./validate.js";
export { checkPodSpecs, checkProjectPodRules } from "./pod-security.js";
export {
  checkPodSecurity,
  isPodSecurityLevel,
  POD_SECURITY_LEVELS,
  PSA_POLICY_VERSION,
  type PodSecurityLevel,
  type PodSecurityOptions,
  type PsaCheckId,
} from "./pod-security-admission.js";
export { podTemplateOf, type PodTemplate } from "./pod-templates.js";
export {
  registerKind,
  lookupKind,
  knownKinds,
  preloadModels,
  type KindValidator,
  type KindIssue,
} from "./model-registry.js";
export { formatProblems, formatPath, sortProblems, type Problem } from "./problem.js";
export { loadFieldGraph } from "./field-schema-cache.js";
