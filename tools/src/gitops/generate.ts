import type { GeneratorInputs } from "./inputs.js";
import { planGitops } from "./plan.js";
import type { Problem } from "./problems.js";
import { recordingLookup, type GeneratorRun, type ResultCache } from "./result-cache.js";
import type { ValidatorCache } from "./validator-cache.js";
import type { WorkCache } from "./work-cache.js";

/** A run's outcome: the files of every environment, or the problems that stop it (then `environments` is empty). */
export interface GenerateOutcome extends GeneratorRun {
  problems: Problem[];
  /** Whether the outcome is a stored run of the same inputs (see ResultCache). */
  cached: boolean;
}

/**
 * Plans every environment of `inputs` (planGitops), or takes the stored outcome of a run with the
 * same inputs, code and Git answers from `resultCache`; a successful run is stored there. Only
 * successful runs are stored: a run with problems is the one being fixed. Planning reuses what
 * `workCache` kept of earlier runs (parsed texts, values found valid, rendered environments).
 */
export function generate(inputs: GeneratorInputs, options: { validatorCache?: ValidatorCache; resultCache?: ResultCache; workCache?: WorkCache } = {}): GenerateOutcome {
  const stored = options.resultCache?.load(inputs);
  if (stored) return { ...stored, problems: [], cached: true };
  const recorder = recordingLookup(inputs.revisions);
  const plan = planGitops({ ...inputs, revisions: recorder.lookup }, { validatorCache: options.validatorCache, workCache: options.workCache });
  options.validatorCache?.saveCompiledCode?.();
  options.workCache?.save();
  if (plan.problems.length > 0) return { problems: plan.problems, warnings: plan.warnings, environments: [], cached: false };
  const run: GeneratorRun = { warnings: plan.warnings, environments: plan.environments.map((output) => ({ name: output.name, summary: output.summary, files: output.files })) };
  options.resultCache?.store(inputs, run, recorder.questions);
  return { ...run, problems: [], cached: false };
}
