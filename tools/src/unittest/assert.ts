import { goDeepEqual, type GoMap, type GoValue } from "./go-values.js";
import { findAtPath } from "./jsonpath.js";
import type { AssertionResult } from "./results.js";
import type { SnapshotComparison } from "./snapshot-cache.js";
import type { AssertionDefinition, DocumentSelector } from "./suite-file.js";
import { VALIDATORS } from "./validators/index.js";

export interface RenderedTemplates {
  /** helm-unittest key -> documents; a key is absent when the template was not rendered at all. */
  documents: Map<string, GoMap[]>;
  succeeded: boolean;
  /** An error that could not be attributed to a template (then failedTemplate checks the whole text). */
  error?: string;
  /** The raw output per template before parsing (what a post-renderer receives). */
  files?: Map<string, string>;
  /** A post-renderer produced `documents`. */
  postRendered?: boolean;
  /** Keys of the chart's CRD files, when the suite sets includeCrds. */
  crdKeys?: string[];
}

export interface SnapshotHooks {
  compare: (content: GoValue) => SnapshotComparison;
  describeMissing: (index: number) => string;
}

/**
 * helm-unittest's Assertion.Assert: pick the templates, narrow them with documentIndex or
 * documentSelector, refuse mismatched render outcomes, then run the validator per template.
 */
export function runAssertion(
  assertion: AssertionDefinition,
  index: number,
  templates: readonly string[],
  documentIndex: number,
  selector: DocumentSelector | undefined,
  rendered: RenderedTemplates,
  snapshots: SnapshotHooks,
): AssertionResult {
  const result: AssertionResult = { index, type: assertion.type, not: assertion.not, passed: false, failInfo: [] };
  const candidates = new Map<string, GoMap[] | undefined>(templates.map((template) => [template, rendered.documents.get(template)]));
  let selected: Map<string, GoMap[]>;
  try {
    selected = selectDocuments(candidates, documentIndex, selector);
  } catch (error) {
    result.failInfo.push("Error:", (error as Error).message);
    return result;
  }
  const { requireRenderSuccess } = assertion.spec;
  const validate = (docs: GoMap[], selectedDocs: GoMap[]) =>
    VALIDATORS[assertion.spec.validator](assertion.params, {
      docs,
      selectedDocs,
      negative: assertion.not !== assertion.spec.antonym,
      renderError: rendered.error,
      compareToSnapshot: snapshots.compare,
      describeMissingSnapshot: snapshots.describeMissing,
    });
  const keys = [...selected.keys()].sort();
  // shouldSkipAssertion (assertion.go:81-95): skipEmptyTemplates with nothing selected skips the assertion, which passes.
  if (keys.length === 0 && selector?.skipEmptyTemplates) {
    result.passed = true;
    return result;
  }
  if (keys.length === 0) {
    if (requireRenderSuccess !== rendered.succeeded) result.failInfo.push("Error: rendered manifest is empty");
    else {
      const outcome = validate([], []);
      result.passed = outcome.passed;
      result.failInfo.push(...(outcome.passed || outcome.failInfo.length > 0 ? outcome.failInfo : ["Error:", "\tno manifest found: no template had a document to check"]));
    }
    return result;
  }
  for (const [position, key] of keys.entries()) {
    const documents = rendered.documents.get(key);
    if (documents === undefined && requireRenderSuccess) {
      result.failInfo.push("Error:", `\ttemplate "${key}" not exists or not selected in test suite`);
      result.passed = false;
      break;
    }
    if (requireRenderSuccess !== rendered.succeeded) {
      const first = documents?.[0]?.raw;
      if (requireRenderSuccess) result.failInfo.push(typeof first === "string" ? `Error: Invalid rendering: ${first}` : "Error: rendered manifest is empty");
      else result.failInfo.push(`Template:\t${key}`, "Error: the template rendered without an error, but failedTemplate expects the render to fail");
      break;
    }
    const selectedDocs = selected.get(key) ?? [];
    const outcome = validate(documents ?? [], selectedDocs);
    result.passed = position === 0 ? outcome.passed : result.passed && outcome.passed;
    // Some plugin validators fail silently when there is nothing to look at; say why.
    const explanation =
      outcome.failInfo.length > 0 ? outcome.failInfo : ["Error:", selectedDocs.length === 0 ? "\tno manifest found: the template rendered no documents" : "\tnothing found at the given path(s)"];
    result.failInfo.push(...(outcome.passed ? outcome.failInfo : [`Template:\t${key}`, ...explanation]));
  }
  return result;
}

function selectDocuments(candidates: Map<string, GoMap[] | undefined>, documentIndex: number, selector: DocumentSelector | undefined): Map<string, GoMap[]> {
  if (selector && selector.path !== "") return selectBySelector(candidates, selector);
  const selected = new Map<string, GoMap[]>();
  for (const [template, documents] of candidates) {
    const docs = documents ?? [];
    if (documentIndex === -1) selected.set(template, docs);
    else if (documentIndex < 0 || documentIndex >= docs.length) {
      throw new Error(`document index ${documentIndex} is out of range: ${template} rendered ${docs.length} document${docs.length === 1 ? "" : "s"}`);
    } else selected.set(template, [docs[documentIndex] as GoMap]);
  }
  return selected;
}

function selectBySelector(candidates: Map<string, GoMap[] | undefined>, selector: DocumentSelector): Map<string, GoMap[]> {
  const selected = new Map<string, GoMap[]>();
  let total = 0;
  for (const template of [...candidates.keys()].sort()) {
    const matching: GoMap[] = [];
    for (const document of candidates.get(template) ?? []) {
      if (!findAtPath(document, selector.path).some((value) => goDeepEqual(selector.value, value))) continue;
      if (!selector.matchMany && matching.length > 0) throw new Error("multiple indexes found");
      matching.push(document);
    }
    if (matching.length === 0 && !selector.skipEmptyTemplates) throw new Error(`document not found: no document of ${template} has ${selector.path} equal to the selector value`);
    total += matching.length;
    if (!selector.matchMany && total > 1) throw new Error("multiple indexes found");
    if (matching.length > 0 || !selector.skipEmptyTemplates) selected.set(template, matching);
  }
  return selected;
}
