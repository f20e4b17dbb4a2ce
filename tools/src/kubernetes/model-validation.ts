import { decodePointerSegment } from "../schemas/json-schema.js";
import type { KubeObject } from "./manifests.js";
import type { ModelClass } from "./model-registry.js";
import { formatPath, type PathSegment } from "./problem.js";

/** The part of an Ajv error the model validators report. */
interface AjvError {
  instancePath: string;
  keyword: string;
  params?: Record<string, unknown>;
  message?: string;
}

export interface ModelIssue {
  path: string;
  message: string;
}

/**
 * Runs the model's own (Ajv) validation; one issue per offending path, messages of that path combined.
 * A field set to null is unset for the API server (`creationTimestamp: null` is common), so it is dropped
 * before validating rather than reported as having the wrong type.
 */
export function runModelValidation(model: ModelClass, obj: KubeObject): ModelIssue[] {
  const data = withoutNullFields(obj);
  try {
    new model(data as object).validate();
    return [];
  } catch (error) {
    const ajvErrors = (error as { errors?: unknown }).errors;
    if (!Array.isArray(ajvErrors)) {
      return [{ path: "", message: `model validation failed: ${(error as Error).message}` }];
    }
    return issuesFromAjvErrors(ajvErrors as AjvError[], data);
  }
}

export function withoutNullFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullFields);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, fieldValue]) => fieldValue !== null)
      .map(([field, fieldValue]) => [field, withoutNullFields(fieldValue)]),
  );
}

export function issuesFromAjvErrors(errors: readonly AjvError[], data: unknown): ModelIssue[] {
  const byPath = new Map<string, AjvError[]>();
  for (const error of errors) {
    const path = formatPath(pointerToSegments(error.instancePath, data));
    const list = byPath.get(path) ?? [];
    list.push(error);
    byPath.set(path, list);
  }
  return [...byPath].map(([path, pathErrors]) => ({ path, message: combineMessages(pathErrors) }));
}

function combineMessages(errors: readonly AjvError[]): string {
  const types = [...new Set(errors.filter((e) => e.keyword === "type").map((e) => String(e.params?.type)))];
  const messages: string[] = [];
  if (types.length > 0) messages.push(`must be ${types.join(" or ")}`);
  for (const error of errors) {
    if (error.keyword === "type") continue;
    messages.push(describe(error));
  }
  // "must match a schema in anyOf" only repeats the alternatives listed beside it.
  const specific = messages.filter((m, i) => messages.indexOf(m) === i);
  const withoutCombinators = specific.filter((m) => !/^must match (a|exactly one) schema in "?(anyOf|oneOf)"?$/.test(m));
  return (withoutCombinators.length > 0 ? withoutCombinators : specific).join("; ");
}

function describe(error: AjvError): string {
  const message = error.message ?? `fails ${error.keyword}`;
  if (error.keyword === "enum" && Array.isArray(error.params?.allowedValues)) {
    return `${message}: ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return message;
}

/** `/spec/containers/0/name` → ["spec", "containers", 0, "name"], numbers only where the data has an array. */
export function pointerToSegments(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const segments: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const token = decodePointerSegment(raw);
    if (Array.isArray(current) && /^\d+$/.test(token)) {
      const index = Number(token);
      segments.push(index);
      current = current[index];
    } else {
      segments.push(token);
      current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[token] : undefined;
    }
  }
  return segments;
}
