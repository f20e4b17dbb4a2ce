/**
 * Validation of custom resources against the CustomResourceDefinitions that serve them, the way the API server
 * of Kubernetes 1.33 (k8s.io/apiextensions-apiserver v0.33.0, k8s.io/kube-openapi c8a335a9a2ff) applies them:
 *
 *   const registry = compileCrds(crdObjects);           // pure: CRD objects in, validators out
 *   const problems = validateAgainstCrds(objects, registry);
 *
 * For each object whose group and kind a CRD serves, in the API server's order:
 * - the version must be served (`crd/unknown-version`);
 * - `status` is dropped when the version has the status subresource (customresource/strategy.go PrepareForCreate);
 * - non-nullable nulls without a default are dropped and `default`s are applied (schema/defaulting/prunenulls.go,
 *   algorithm.go), since both happen while decoding, before validation;
 * - every field the structural schema would prune is an error (`crd/unknown-field`), as `kubectl apply
 *   --validate=strict` makes it (schema/pruning/algorithm.go), except under `x-kubernetes-preserve-unknown-fields`
 *   and in `apiVersion`, `kind` and `metadata` of the root and of `x-kubernetes-embedded-resource` objects;
 * - the openAPIV3Schema's value validations (`crd/invalid`), with the types, `nullable`, `x-kubernetes-int-or-string`
 *   and the formats the API server checks (apiserver/validation/validation.go ConvertJSONSchemaPropsWithPostProcess,
 *   formats.go); ajv does this part, on a JSON Schema translated from the openAPIV3Schema;
 * - embedded resources' apiVersion and kind (schema/objectmeta/validation.go);
 * - uniqueness in `x-kubernetes-list-type: set` and `map` lists (`crd/duplicate-item`, schema/listtype/validation.go);
 * - `spec.replicas` of the scale subresource (customresource/validator.go ValidateScaleSpec).
 *
 * Each served version compiles on first use; `compiledCode()` gives ajv standalone code for all of them, which
 * `compileCrds(crds, { compiledCode })` loads instead of compiling (crd-catalog.ts keeps it on disk).
 *
 * Not done: `x-kubernetes-validations` (CEL) rules are NOT evaluated; `unevaluatedCelRules` lists where they are.
 * Root metadata is only checked for being an object with string name, generateName and namespace (and the
 * CRD's own restrictions on name and generateName): the rest of ObjectMeta is apimachinery's, not the CRD's.
 */
import { createRequire } from "node:module";
import { _, Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { RE2JS } from "re2js";
import { decodePointerSegment } from "../schemas/json-schema.js";
import { suggestField } from "./field-schema.js";
import { isRecord, objectLabel, sourceOf, type KubeObject } from "./manifests.js";
import { formatPath, type PathSegment, type Problem } from "./problem.js";

/** An openAPIV3Schema node as written in a CRD (apiextensions.k8s.io/v1 JSONSchemaProps). */
export type JSONSchemaProps = Record<string, unknown>;

/** The parts of an apiextensions.k8s.io/v1 CustomResourceDefinition this module reads. */
export interface CustomResourceDefinition {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [field: string]: unknown };
  spec: {
    group: string;
    names: { kind: string; [field: string]: unknown };
    scope: string;
    versions: CustomResourceDefinitionVersion[];
    [field: string]: unknown;
  };
}

export interface CustomResourceDefinitionVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  schema?: { openAPIV3Schema?: JSONSchemaProps };
  subresources?: { status?: object; scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string } };
  [field: string]: unknown;
}

/** A CRD this module cannot compile, named with where in it the trouble is. */
export class CrdSchemaError extends Error {
  constructor(
    readonly crd: string,
    readonly where: string,
    detail: string,
  ) {
    super(`CustomResourceDefinition ${crd}${where ? ` at ${where}` : ""}: ${detail}`);
    this.name = "CrdSchemaError";
  }
}

/** One served (group, version, kind). */
export interface ServedKind {
  crd: string;
  group: string;
  version: string;
  kind: string;
  deprecated: boolean;
}

/** Where a served CRD version has `x-kubernetes-validations` rules, which validateAgainstCrds does not evaluate. */
export interface UnevaluatedRules {
  crd: string;
  version: string;
  kind: string;
  /** Schema paths of the nodes carrying rules, e.g. `spec.provider.aws`, `spec.items[*]`. */
  paths: string[];
  /** Number of rules over all those nodes. */
  rules: number;
}

/** Where a served CRD version uses a format the API server checks but this module does not (see FORMAT_CHECKS). */
export interface UncheckedFormat {
  crd: string;
  version: string;
  format: string;
  path: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Formats. apiextensions-apiserver v0.33.0 pkg/apiserver/validation/formats.go keeps only these formats (after
// removing "-", as kube-openapi's DefaultNameNormalizer does) and strips every other one, e.g. int32, int64,
// float, double: those are never checked. The checks below are kube-openapi's (pkg/validation/strfmt).

/** Formats the API server validates (formats.go supportedVersionedFormats, Kubernetes >= 1.0). */
const API_SERVER_FORMATS = new Set([
  "bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6", "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5",
  "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor", "rgbcolor", "byte", "password", "date", "duration", "datetime",
]);

const re2 = (pattern: string) => {
  const compiled = RE2JS.compile(pattern);
  return (value: string) => compiled.test(value);
};

/** strfmt/time.go IsDateTime: a date, "t", then DateTimePattern; hour, minute and second compared as text. */
const DATE_TIME_PATTERN = re2(`^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$`);
function isDateTime(value: string): boolean {
  if (value.length < 4) return false;
  const parts = value.toLowerCase().split("t");
  if (parts.length < 2 || !isDate(parts[0]!)) return false;
  const match = /^([0-9]{2}):([0-9]{2}):([0-9]{2})/.exec(parts[1]!);
  return DATE_TIME_PATTERN(parts[1]!) && match !== null && match[1]! <= "23" && match[2]! <= "59" && match[3]! <= "59";
}

/** strfmt/date.go IsDate: Go's time.Parse("2006-01-02"), which also rejects days the month does not have. */
function isDate(value: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The formats checked here; the API server's others appear in no CRD of the upstream charts (see uncheckedFormats). */
const FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  datetime: isDateTime,
  date: isDate,
  // kube-openapi pkg/internal/third_party/govalidator/patterns.go Base64, Hexcolor; strfmt/default.go UUID patterns.
  byte: re2(`^(?:[A-Za-z0-9+\\/]{4})*(?:[A-Za-z0-9+\\/]{2}==|[A-Za-z0-9+\\/]{3}=|[A-Za-z0-9+\\/]{4})$`),
  hexcolor: re2(`^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`),
  uuid: re2(`(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$`),
  uuid3: re2(`(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$`),
  uuid4: re2(`(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$`),
  uuid5: re2(`(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$`),
  // strfmt/bson.go IsBSONObjectID: primitive.ObjectIDFromHex, 24 hexadecimal digits.
  bsonobjectid: re2(`^[0-9a-fA-F]{24}$`),
  password: () => true,
};

/** The formats as ajv format definitions; compiled code reads them as `formats.<name>`. */
const FORMATS = Object.fromEntries(Object.entries(FORMAT_CHECKS).map(([name, validate]) => [name, { type: "string" as const, validate }]));

// ---------------------------------------------------------------------------------------------------------------
// The structural schema, read once from the openAPIV3Schema (schema/structural.go, convert.go).

interface Node {
  /** Where in the object this node applies, for messages: `spec.items[*].name`. */
  at: string;
  type?: string;
  nullable: boolean;
  intOrString: boolean;
  preserveUnknownFields: boolean;
  embeddedResource: boolean;
  listType?: string;
  listMapKeys: string[];
  hasDefault: boolean;
  default?: unknown;
  properties: Map<string, Node>;
  /** A schema, or the boolean form (`true`: any key, with object values pruned to nothing; `false`: none). */
  additionalProperties?: Node | boolean;
  items?: Node;
  /** Value validations: enum, maxLength, pattern, allOf/anyOf/oneOf/not, ... as written. */
  raw: JSONSchemaProps;
  celRules: number;
}

/** Keywords of JSONSchemaProps the API server rejects in a v1 CRD (apis/apiextensions/validation/validation.go:1455-1483). */
const FORBIDDEN = ["id", "$ref", "definitions", "patternProperties", "dependencies", "additionalItems"] as const;

function readNode(crd: string, raw: unknown, at: string): Node {
  if (!isRecord(raw)) throw new CrdSchemaError(crd, at || "(root)", `a schema must be an object, got ${JSON.stringify(raw)}`);
  for (const keyword of FORBIDDEN) {
    if (raw[keyword] !== undefined) throw new CrdSchemaError(crd, at || "(root)", `"${keyword}" is not supported in CRD schemas; the API server rejects this CRD`);
  }
  if (raw.uniqueItems === true) throw new CrdSchemaError(crd, at || "(root)", "uniqueItems: true is forbidden in CRD schemas; the API server rejects this CRD");
  if (Array.isArray(raw.items)) throw new CrdSchemaError(crd, at || "(root)", "items must be a schema, not a list; the API server rejects this CRD");
  const properties = new Map<string, Node>();
  if (raw.properties !== undefined) {
    if (!isRecord(raw.properties)) throw new CrdSchemaError(crd, at || "(root)", "properties must be a map of schemas");
    for (const [name, child] of Object.entries(raw.properties)) properties.set(name, readNode(crd, child, joinAt(at, name)));
  }
  let additionalProperties: Node | boolean | undefined;
  if (typeof raw.additionalProperties === "boolean") additionalProperties = raw.additionalProperties;
  else if (raw.additionalProperties !== undefined) additionalProperties = readNode(crd, raw.additionalProperties, `${at}[*]`);
  if (properties.size > 0 && (isRecord(raw.additionalProperties) || raw.additionalProperties === false)) {
    throw new CrdSchemaError(crd, at || "(root)", "additionalProperties and properties are mutually exclusive; the API server rejects this CRD");
  }
  const validations = raw["x-kubernetes-validations"];
  return {
    at,
    ...(typeof raw.type === "string" ? { type: raw.type } : {}),
    nullable: raw.nullable === true,
    intOrString: raw["x-kubernetes-int-or-string"] === true,
    preserveUnknownFields: raw["x-kubernetes-preserve-unknown-fields"] === true,
    embeddedResource: raw["x-kubernetes-embedded-resource"] === true,
    ...(typeof raw["x-kubernetes-list-type"] === "string" ? { listType: raw["x-kubernetes-list-type"] } : {}),
    listMapKeys: Array.isArray(raw["x-kubernetes-list-map-keys"]) ? raw["x-kubernetes-list-map-keys"].map(String) : [],
    hasDefault: raw.default !== undefined,
    ...(raw.default !== undefined ? { default: raw.default } : {}),
    properties,
    ...(additionalProperties !== undefined ? { additionalProperties } : {}),
    ...(raw.items !== undefined ? { items: readNode(crd, raw.items, `${at}[*]`) } : {}),
    raw,
    celRules: Array.isArray(validations) ? validations.length : 0,
  };
}

const joinAt = (at: string, name: string) => (at === "" ? name : `${at}.${name}`);

// ---------------------------------------------------------------------------------------------------------------
// Translation into a JSON Schema (draft-07) ajv compiles.

type JsonSchema = Record<string, unknown>;

/** Value-validation keywords copied as they are; exclusiveMaximum/Minimum are OpenAPI 3.0 booleans and translated. */
const VALUE_KEYWORDS = ["enum", "maximum", "minimum", "multipleOf", "maxLength", "minLength", "pattern", "maxItems", "minItems", "maxProperties", "minProperties", "required"] as const;

interface Translation {
  /** Replaces a large schema by a reference to one shared copy, so each distinct subtree compiles once. */
  share: (schema: JsonSchema) => JsonSchema;
}

/** Context of a structural node: the items of a preserving list keep their unknown fields too (pruning skipPrune). */
interface Place {
  preservedByList: boolean;
}

const JUNCTIONS = ["allOf", "anyOf", "oneOf", "not"] as const;

/**
 * The JSON Schema of a structural node: its value validations, the type (with null when nullable, integer and
 * string for int-or-string), and `additionalProperties: false` wherever the API server would prune unknown fields.
 */
function structuralSchema(node: Node, place: Place, t: Translation, resourceRoot = false): JsonSchema {
  const out: JsonSchema = valueValidations(node.raw);
  // kube-openapi checks only type and enum of a null (validate/schema.go SchemaValidator.Validate, data == nil).
  const junctions = JUNCTIONS.filter((keyword) => out[keyword] !== undefined);
  if (junctions.length > 0) {
    out.if = { type: "null" };
    out.else = Object.fromEntries(junctions.map((keyword) => [keyword, out[keyword]]));
    for (const keyword of junctions) delete out[keyword];
  }
  const types = node.intOrString ? ["integer", "string"] : node.type ? [node.type] : [];
  if (types.length > 0) out.type = node.nullable ? [...types, "null"] : types.length === 1 ? types[0] : types;
  const keepsUnknown = node.preserveUnknownFields || place.preservedByList;
  const isResource = resourceRoot || node.embeddedResource;
  const properties: Record<string, JsonSchema> = {};
  for (const [name, child] of node.properties) {
    if (isResource && name === "metadata") properties[name] = metadataSchema(child, resourceRoot, t);
    else properties[name] = structuralSchema(child, { preservedByList: false }, t);
  }
  if (isResource) {
    // apiVersion, kind and metadata of a resource are never pruned (pruning/algorithm.go metaFields).
    properties.apiVersion ??= { type: "string" };
    properties.kind ??= { type: "string" };
    properties.metadata ??= metadataSchema(undefined, resourceRoot, t);
  }
  if (Object.keys(properties).length > 0) out.properties = properties;
  if (node.items) {
    const preservedByList = node.preserveUnknownFields || place.preservedByList; // pruning/algorithm.go skipPrune
    out.items = structuralSchema(node.items, { preservedByList }, t);
  }
  if (node.additionalProperties !== undefined) {
    const additional = node.additionalProperties;
    if (additional === false) out.additionalProperties = false;
    else if (additional === true) out.additionalProperties = { $ref: PRUNED_ID };
    else out.additionalProperties = structuralSchema(additional, { preservedByList: false }, t);
  } else if (!keepsUnknown && (node.type === "object" || isResource)) {
    out.additionalProperties = false;
  }
  return resourceRoot ? out : t.share(out);
}

/**
 * Metadata of a resource: at the root the CRD may only restrict name and generateName (schema/validation.go:197-225);
 * name, generateName and namespace must be strings to decode as ObjectMeta. Nothing in metadata is pruned (its
 * other fields are apimachinery's ObjectMeta, not the CRD's), so there is no additionalProperties here.
 */
function metadataSchema(declared: Node | undefined, atRoot: boolean, t: Translation): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of ["name", "generateName", "namespace"]) {
    const child = declared?.properties.get(field);
    const own = child && (atRoot ? field !== "namespace" : true) ? structuralSchema(child, { preservedByList: false }, t) : {};
    properties[field] = { ...own, type: "string" };
  }
  return { type: "object", properties };
}

/** Value validations of a node or of a nested allOf/anyOf/oneOf/not schema (which the API server keeps as they are). */
function valueValidations(raw: JSONSchemaProps): JsonSchema {
  const out: JsonSchema = {};
  for (const keyword of VALUE_KEYWORDS) if (raw[keyword] !== undefined) out[keyword] = raw[keyword];
  if (raw.exclusiveMaximum === true && typeof raw.maximum === "number") {
    out.exclusiveMaximum = raw.maximum;
    delete out.maximum;
  }
  if (raw.exclusiveMinimum === true && typeof raw.minimum === "number") {
    out.exclusiveMinimum = raw.minimum;
    delete out.minimum;
  }
  if (typeof raw.format === "string" && FORMAT_CHECKS[normalizedFormat(raw.format)]) out.format = normalizedFormat(raw.format);
  for (const junctor of ["allOf", "anyOf", "oneOf"] as const) {
    const list = raw[junctor];
    if (Array.isArray(list)) out[junctor] = list.map(nestedSchema);
  }
  if (raw.not !== undefined) out.not = nestedSchema(raw.not);
  return out;
}

/** A schema under allOf/anyOf/oneOf/not: value validations only (a `type` there is the int-or-string pattern). */
function nestedSchema(raw: unknown): JsonSchema {
  if (!isRecord(raw)) return {};
  const out = valueValidations(raw);
  if (typeof raw.type === "string") out.type = raw.type;
  if (isRecord(raw.properties)) {
    out.properties = Object.fromEntries(Object.entries(raw.properties).map(([name, child]) => [name, nestedSchema(child)]));
  }
  if (raw.items !== undefined) out.items = nestedSchema(raw.items);
  if (isRecord(raw.additionalProperties)) out.additionalProperties = nestedSchema(raw.additionalProperties);
  return out;
}

/** What `additionalProperties: true` leaves of a value: the API server prunes every field of object values (s == nil). */
const PRUNED_ID = "crd:pruned";
const PRUNED_SCHEMA: JsonSchema = { additionalProperties: false, items: { $ref: PRUNED_ID } };

/** Schemas shorter than this (as JSON) are compiled where they are used: sharing them would cost more than it saves. */
const SHARE_MIN_LENGTH = 200;

// ---------------------------------------------------------------------------------------------------------------
// Compilation.

/** ajv's RegExp engine: RE2 (re2js), the syntax and semantics of Go's regexp that kube-openapi matches patterns with. */
const re2Cache = new Map<string, { test: (value: string) => boolean; toString: () => string }>();
/** kube-openapi's DefaultNameNormalizer: `date-time` is `datetime`. */
const normalizedFormat = (format: string) => format.replaceAll("-", "");

/** Formats of a schema (and of its allOf/anyOf/oneOf/not) the API server checks and this module does not. */
function uncheckedFormatsOf(raw: unknown, at: string, found: { format: string; path: string }[] = []): { format: string; path: string }[] {
  if (Array.isArray(raw)) raw.forEach((entry) => uncheckedFormatsOf(entry, at, found));
  if (!isRecord(raw)) return found;
  if (typeof raw.format === "string" && API_SERVER_FORMATS.has(normalizedFormat(raw.format)) && !FORMAT_CHECKS[normalizedFormat(raw.format)]) found.push({ format: raw.format, path: at || "(root)" });
  if (isRecord(raw.properties)) for (const [name, child] of Object.entries(raw.properties)) uncheckedFormatsOf(child, joinAt(at, name), found);
  for (const keyword of ["items", "additionalProperties"]) uncheckedFormatsOf(raw[keyword], `${at}[*]`, found);
  for (const keyword of JUNCTIONS) uncheckedFormatsOf(raw[keyword], at, found);
  return found;
}

const re2Engine = Object.assign(
  (pattern: string) => {
    let compiled = re2Cache.get(pattern);
    if (!compiled) {
      const regex = RE2JS.compile(pattern);
      compiled = { test: (value: string) => regex.test(value), toString: () => pattern };
      re2Cache.set(pattern, compiled);
    }
    return compiled;
  },
  { code: "re2Engine" },
);

/** What ajv's standalone code of this module refers to by name: the RE2 engine, the formats, ajv's runtime. */
const requireFromHere = createRequire(import.meta.url);


interface CompiledVersion {
  served: ServedKind;
  root: Node;
  statusSubresource: boolean;
  scale?: { specReplicasPath: string };
  uncheckedFormats: UncheckedFormat[];
  validate?: ValidateFunction;
}

/** The name a version's validator has in compiled code: `<crd name>/<version>`. */
const codeName = (served: ServedKind) => `${served.crd}/${served.version}`;

export interface CompileOptions {
  /**
   * ajv standalone code from `compiledCode()` of a registry of the SAME CRDs: its validators are used instead of
   * compiling. Code of other CRDs would validate against those; key any cache of it by the CRDs (crd-catalog.ts).
   */
  compiledCode?: string;
}

/** The CRD serving one group and kind, with its versions. */
interface Definition {
  crd: string;
  group: string;
  kind: string;
  versions: Map<string, CompiledVersion>;
  /** The CRD's spec as canonical JSON, to tell a repeated CRD from a conflicting one. */
  spec: string;
}

/** Validators of every served (group, version, kind) of a set of CRDs; each version compiles on first use. */
export class CrdRegistry {
  private readonly definitions = new Map<string, Definition>();
  /** Shared subschemas (see Translation.share): their JSON and the id ajv knows them by. */
  private readonly shared = new Map<string, string>();
  private ajvInstance: Ajv | undefined;

  constructor(crds: readonly unknown[], options: CompileOptions = {}) {
    for (const [index, value] of crds.entries()) this.add(value, index);
    if (options.compiledCode !== undefined) this.load(options.compiledCode);
  }

  /** The validator state of apiVersion + kind: `undefined` when no CRD serves the group and kind. */
  lookup(apiVersion: string, kind: string): { definition: Definition; version?: CompiledVersion } | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    const definition = this.definitions.get(`${group}/${kind}`);
    if (!definition) return undefined;
    const compiled = definition.versions.get(version);
    return compiled ? { definition, version: compiled } : { definition };
  }

  /** Every served (group, version, kind), sorted. */
  servedKinds(): ServedKind[] {
    return [...this.definitions.values()].flatMap((d) => [...d.versions.values()].map((v) => v.served)).sort(byKey((k) => `${k.group}/${k.kind}/${k.version}`));
  }

  /** CRD versions whose schema has `x-kubernetes-validations` (CEL) rules: these rules are not evaluated here. */
  unevaluatedCelRules(): UnevaluatedRules[] {
    const found: UnevaluatedRules[] = [];
    for (const definition of this.definitions.values()) {
      for (const version of definition.versions.values()) {
        const paths: string[] = [];
        let rules = 0;
        visit(version.root, (node) => {
          if (node.celRules === 0) return;
          paths.push(node.at || "(root)");
          rules += node.celRules;
        });
        if (rules > 0) found.push({ crd: definition.crd, version: version.served.version, kind: definition.kind, paths: paths.sort(), rules });
      }
    }
    return found.sort(byKey((r) => `${r.crd}/${r.version}`));
  }

  /** Formats the API server would check that this module does not, per CRD version. */
  uncheckedFormats(): UncheckedFormat[] {
    return [...this.definitions.values()].flatMap((d) => [...d.versions.values()].flatMap((v) => v.uncheckedFormats));
  }

  /** Compiles every served version now, e.g. to measure it; otherwise each compiles when first used. */
  compileAll(): void {
    for (const definition of this.definitions.values()) for (const version of definition.versions.values()) this.validatorOf(definition, version);
  }

  /** ajv standalone code (CommonJS) of every served version, for `compileCrds(sameCrds, { compiledCode })`. */
  compiledCode(): string {
    this.compileAll();
    const roots = Object.fromEntries([...this.definitions.values()].flatMap((d) => [...d.versions.values()].map((v) => [codeName(v.served), rootId(v.served)])));
    const standaloneCode = (requireFromHere("ajv/dist/standalone") as { default: (ajv: Ajv, refs: Record<string, string>) => string }).default;
    return standaloneCode(this.ajv(), roots);
  }

  /** Takes the validators of compiled code for the versions it has; throws when the code does not load. */
  private load(code: string): void {
    const module = { exports: {} as Record<string, unknown> };
    const evaluate = new Function("module", "exports", "require", "re2Engine", "formats", code) as (...args: unknown[]) => void;
    evaluate(module, module.exports, requireFromHere, re2Engine, FORMATS);
    for (const definition of this.definitions.values()) {
      for (const version of definition.versions.values()) {
        const validate = module.exports[codeName(version.served)];
        if (typeof validate === "function") version.validate = validate as ValidateFunction;
      }
    }
  }

  /** The compiled ajv validator of one version (compiled on first call, then kept); used by validateAgainstCrds. */
  validatorOf(definition: Definition, version: CompiledVersion): ValidateFunction {
    if (version.validate) return version.validate;
    const ajv = this.ajv();
    const share = (schema: JsonSchema): JsonSchema => {
      const json = JSON.stringify(schema);
      if (json.length < SHARE_MIN_LENGTH) return schema;
      let id = this.shared.get(json);
      if (!id) {
        id = `crd:shared-${this.shared.size}`;
        this.shared.set(json, id);
        ajv.addSchema(schema, id);
      }
      return { $ref: id };
    };
    const root = version.statusSubresource ? { ...version.root, properties: new Map([...version.root.properties].filter(([name]) => name !== "status")) } : version.root;
    const schema = structuralSchema(root, { preservedByList: false }, { share }, true);
    try {
      ajv.addSchema(schema, rootId(version.served));
      const validate = ajv.getSchema(rootId(version.served));
      if (!validate) throw new Error(`ajv lost the schema ${rootId(version.served)}`);
      version.validate = validate;
    } catch (error) {
      ajv.removeSchema(rootId(version.served));
      throw new CrdSchemaError(definition.crd, `versions[${version.served.version}]`, `its schema does not compile: ${(error as Error).message}`);
    }
    return version.validate;
  }

  private ajv(): Ajv {
    if (this.ajvInstance) return this.ajvInstance;
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: false,
      allowUnionTypes: true,
      validateSchema: false,
      addUsedSchema: false,
      inlineRefs: false,
      code: { regExp: re2Engine, optimize: false, source: true, formats: _`formats` },
    });
    for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
    ajv.addSchema(PRUNED_SCHEMA, PRUNED_ID);
    this.ajvInstance = ajv;
    return ajv;
  }

  private add(value: unknown, index: number): void {
    const crd = readDefinition(value, index);
    const { group } = crd.spec;
    const kind = crd.spec.names.kind;
    const key = `${group}/${kind}`;
    const existing = this.definitions.get(key);
    if (existing) {
      // The same CRD from two charts (or two renders) is one CRD in the cluster; two different ones overwrite each other.
      if (existing.crd === crd.metadata.name && existing.spec === canonical(crd.spec)) return;
      throw new CrdSchemaError(crd.metadata.name, "spec", `${kind} of ${group} is already served by a different CustomResourceDefinition ${existing.crd}; install only one of them`);
    }
    const versions = new Map<string, CompiledVersion>();
    for (const [i, version] of crd.spec.versions.entries()) {
      if (!version.served) continue;
      const schema = version.schema?.openAPIV3Schema;
      if (schema === undefined) throw new CrdSchemaError(crd.metadata.name, `spec.versions[${i}].schema.openAPIV3Schema`, "missing; apiextensions.k8s.io/v1 requires a schema for every version");
      const root = readNode(crd.metadata.name, schema, "");
      const scale = version.subresources?.scale;
      versions.set(version.name, {
        served: { crd: crd.metadata.name, group, version: version.name, kind, deprecated: version.deprecated === true },
        root,
        statusSubresource: isRecord(version.subresources?.status),
        ...(scale && typeof scale.specReplicasPath === "string" ? { scale: { specReplicasPath: scale.specReplicasPath } } : {}),
        uncheckedFormats: uncheckedFormatsOf(schema, "").map((found) => ({ crd: crd.metadata.name, version: version.name, ...found })),
      });
    }
    this.definitions.set(key, { crd: crd.metadata.name, group, kind, versions, spec: canonical(crd.spec) });
  }
}

/** Reads CRD objects (as rendered or decoded from YAML) into validators; throws CrdSchemaError for one it cannot use. */
export function compileCrds(crds: readonly unknown[], options: CompileOptions = {}): CrdRegistry {
  return new CrdRegistry(crds, options);
}

/** The id of a version's root schema in ajv. */
const rootId = (served: ServedKind) => `crd:root:${codeName(served)}`;

function readDefinition(value: unknown, index: number): CustomResourceDefinition {
  const name = isRecord(value) && isRecord(value.metadata) && typeof value.metadata.name === "string" ? value.metadata.name : `#${index + 1}`;
  if (!isRecord(value) || value.kind !== "CustomResourceDefinition") throw new CrdSchemaError(name, "", "not a CustomResourceDefinition");
  if (value.apiVersion !== "apiextensions.k8s.io/v1") {
    throw new CrdSchemaError(name, "apiVersion", `${String(value.apiVersion)} is not served by Kubernetes >= 1.22; only apiextensions.k8s.io/v1 CRDs can be read`);
  }
  const spec = value.spec;
  if (!isRecord(spec) || typeof spec.group !== "string" || !isRecord(spec.names) || typeof spec.names.kind !== "string" || !Array.isArray(spec.versions)) {
    throw new CrdSchemaError(name, "spec", "needs group, names.kind and versions");
  }
  if (spec.preserveUnknownFields === true) {
    // apis/apiextensions/validation/validation.go validatePreserveUnknownFields: a v1 CRD cannot be created with it.
    throw new CrdSchemaError(name, "spec.preserveUnknownFields", "cannot be true; the API server rejects this CRD (set x-kubernetes-preserve-unknown-fields in the schema instead)");
  }
  return value as unknown as CustomResourceDefinition;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function visit(node: Node, fn: (node: Node) => void): void {
  fn(node);
  for (const child of node.properties.values()) visit(child, fn);
  if (node.items) visit(node.items, fn);
  if (typeof node.additionalProperties === "object") visit(node.additionalProperties, fn);
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

// ---------------------------------------------------------------------------------------------------------------
// What the API server does to an object before it validates it.

/** schema/defaulting/prunenulls.go PruneNonNullableNullsWithoutDefaults, then algorithm.go Default; in place. */
function pruneNullsAndDefault(value: unknown, node: Node | undefined): void {
  pruneNulls(value, node);
  applyDefaults(value, node);
}

function fieldSchema(node: Node | undefined, field: string): Node | undefined {
  if (!node) return undefined;
  return node.properties.get(field) ?? (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
}

function pruneNulls(value: unknown, node: Node | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) pruneNulls(item, node?.items);
  } else if (isRecord(value)) {
    for (const [field, child] of Object.entries(value)) {
      const schema = fieldSchema(node, field);
      if (child === null && schema && !schema.nullable && !schema.hasDefault) delete value[field];
      else pruneNulls(child, schema);
    }
  }
}

function applyDefaults(value: unknown, node: Node | undefined): void {
  if (!node) return;
  const isNonNullableNull = (v: unknown, schema: Node | undefined) => v === null && schema !== undefined && !schema.nullable;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (isNonNullableNull(value[i], node.items) && node.items?.hasDefault) value[i] = structuredClone(node.items.default);
      applyDefaults(value[i], node.items);
    }
  } else if (isRecord(value)) {
    for (const [field, schema] of node.properties) {
      if (!schema.hasDefault) continue;
      if (!(field in value) || isNonNullableNull(value[field], schema)) value[field] = structuredClone(schema.default);
    }
    const additional = typeof node.additionalProperties === "object" ? node.additionalProperties : undefined;
    for (const field of Object.keys(value)) {
      const schema = node.properties.get(field);
      if (schema) applyDefaults(value[field], schema);
      else if (additional) {
        if (isNonNullableNull(value[field], additional) && additional.hasDefault) value[field] = structuredClone(additional.default);
        applyDefaults(value[field], additional);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Validation.

interface Issue {
  path: PathSegment[];
  message: string;
  rule: string;
}

/**
 * Problems of every object a CRD of the registry serves (other objects are left to the other validators):
 * rules `crd/unknown-version`, `crd/unknown-field`, `crd/invalid`, `crd/duplicate-item`. Objects are not modified.
 */
export function validateAgainstCrds(objects: readonly KubeObject[], registry: CrdRegistry): Problem[] {
  const problems: Problem[] = [];
  for (const obj of objects) {
    const found = registry.lookup(obj.apiVersion, obj.kind);
    if (!found) continue;
    const source = sourceOf(obj);
    const object = objectLabel(obj);
    for (const issue of validateCustomResource(obj, found.definition, found.version, registry)) {
      problems.push({ object, ...(source ? { source } : {}), path: formatPath(issue.path), message: issue.message, rule: issue.rule });
    }
  }
  return problems;
}

function validateCustomResource(obj: KubeObject, definition: Definition, version: CompiledVersion | undefined, registry: CrdRegistry): Issue[] {
  if (!version) {
    const served = [...definition.versions.keys()].map((v) => `${definition.group}/${v}`).join(", ") || "none";
    return [{ path: ["apiVersion"], rule: "crd/unknown-version", message: `${obj.apiVersion} is not served by CustomResourceDefinition ${definition.crd} (served: ${served}); use a served apiVersion` }];
  }
  const crd = `${definition.crd} ${version.served.version}`;
  const copy = structuredClone(obj) as Record<string, unknown>;
  if (version.statusSubresource) delete copy.status; // strategy.go PrepareForCreate: status is set through /status only
  pruneNullsAndDefault(copy, version.root);
  const validate = registry.validatorOf(definition, version);
  const issues: Issue[] = [];
  if (!validate(copy)) issues.push(...ajvIssues(validate.errors ?? [], copy, crd));
  issues.push(...embeddedResourceIssues(copy, version.root, []));
  issues.push(...listIssues(copy, version.root, [], crd));
  if (version.scale) issues.push(...scaleIssues(copy, version.scale.specReplicasPath));
  return issues;
}

/**
 * ajv's errors as issues. An anyOf/oneOf error folds in the errors of its alternatives: ajv reports those just
 * before it, under its schema path and at or below its data path (alternatives hold value validations only, never
 * a shared reference, so they are compiled in the same function as the anyOf/oneOf).
 */
function ajvIssues(errors: readonly ErrorObject[], data: unknown, crd: string): Issue[] {
  const branchesOf = new Map<ErrorObject, ErrorObject[]>();
  const folded = new Set<ErrorObject>();
  errors.forEach((error, index) => {
    if (error.keyword !== "anyOf" && error.keyword !== "oneOf") return;
    const branches: ErrorObject[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const e = errors[i]!;
      const below = e.instancePath === error.instancePath || e.instancePath.startsWith(`${error.instancePath}/`);
      if (!below || !e.schemaPath.startsWith(`${error.schemaPath}/`) || folded.has(e)) break;
      branches.unshift(e);
    }
    for (const branch of branches) folded.add(branch);
    branchesOf.set(error, branches);
  });
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === "type" && !folded.has(e)).map((e) => e.instancePath));
  const issues: Issue[] = [];
  for (const error of errors) {
    if (folded.has(error) || error.keyword === "if") continue; // "if" only says its "else" failed, which is reported
    const path = pointerToPath(error.instancePath, data);
    if (error.keyword === "additionalProperties") {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      const declared = isRecord(error.parentSchema) && isRecord(error.parentSchema.properties) ? Object.keys(error.parentSchema.properties) : [];
      const suggestion = suggestField(field, declared);
      const hint = suggestion ? `did you mean "${suggestion}"?` : declared.length > 0 ? `known fields here: ${declared.sort().join(", ")}` : "this object takes no fields";
      issues.push({
        path: [...path, field],
        rule: "crd/unknown-field",
        message: `unknown field "${field}": ${crd} does not declare it (the API server prunes it; kubectl apply --validate=strict rejects it); ${hint}`,
      });
      continue;
    }
    // x-kubernetes-int-or-string: the type error already says "an integer or a string"; its anyOf adds nothing.
    if ((error.keyword === "anyOf" || error.keyword === "oneOf") && typeErrorAt.has(error.instancePath)) continue;
    if (error.keyword === "required") {
      const field = String((error.params as { missingProperty: string }).missingProperty);
      issues.push({ path: [...path, field], rule: "crd/invalid", message: `required by ${crd} but missing; set it` });
      continue;
    }
    issues.push({ path, rule: "crd/invalid", message: `${describeError(error, branchesOf.get(error) ?? [])} (${crd})` });
  }
  return issues;
}

function describeError(error: ErrorObject, branches: readonly ErrorObject[]): string {
  const params = error.params as Record<string, unknown>;
  const got = describeValue(error.data);
  switch (error.keyword) {
    case "type": {
      const expected = String(params.type).split(",").filter((t) => t !== "null");
      return `must be ${expected.map((t) => (t === "integer" ? "an integer" : t === "object" || t === "array" ? `an ${t}` : `a ${t}`)).join(" or ")}, got ${got}; fix the value's type`;
    }
    case "maxLength":
      return `must be at most ${String(params.limit)} characters long (maxLength), but is ${[...String(error.data)].length}; shorten it`;
    case "minLength":
      return `must be at least ${String(params.limit)} characters long (minLength), got ${got}`;
    case "pattern":
      return `must match the pattern ${String(params.pattern)}, got ${got}`;
    case "format":
      return `must be a valid ${String(params.format)}, got ${got}`;
    case "enum":
      return `must be one of ${(error.schema as unknown[]).map((v) => JSON.stringify(v)).join(", ")}, got ${got}`;
    case "maximum":
    case "minimum":
    case "exclusiveMaximum":
    case "exclusiveMinimum":
      return `must be ${String(params.comparison)} ${String(params.limit)} (${error.keyword}), got ${got}`;
    case "multipleOf":
      return `must be a multiple of ${String(params.multipleOf)}, got ${got}`;
    case "maxItems":
    case "minItems":
      return `must have ${error.keyword === "maxItems" ? "at most" : "at least"} ${String(params.limit)} items (${error.keyword}), has ${Array.isArray(error.data) ? error.data.length : "?"}`;
    case "maxProperties":
    case "minProperties":
      return `must have ${error.keyword === "maxProperties" ? "at most" : "at least"} ${String(params.limit)} fields (${error.keyword})`;
    case "anyOf":
    case "oneOf": {
      const reasons = [...new Set(branches.map((b) => b.message ?? b.keyword))].join("; ");
      const how = error.keyword === "anyOf" ? "at least one" : "exactly one";
      return `must satisfy ${how} of the ${error.keyword} alternatives, got ${got}${reasons ? ` (${reasons})` : ""}`;
    }
    case "not":
      return `must not match ${JSON.stringify(error.schema)}, got ${got}`;
    default:
      return `${error.message ?? error.keyword}, got ${got}`;
  }
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `/spec/items/0/name` as path segments, array indices as numbers (looked up in the data). */
function pointerToPath(pointer: string, data: unknown): PathSegment[] {
  if (pointer === "") return [];
  const path: PathSegment[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const token = decodePointerSegment(raw);
    if (Array.isArray(current)) {
      path.push(Number(token));
      current = current[Number(token)];
    } else {
      path.push(token);
      current = isRecord(current) ? current[token] : undefined;
    }
  }
  return path;
}

/** schema/objectmeta/validation.go validateEmbeddedResource: apiVersion and kind of x-kubernetes-embedded-resource objects. */
function embeddedResourceIssues(value: unknown, node: Node | undefined, path: PathSegment[]): Issue[] {
  if (!node) return [];
  const issues: Issue[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => issues.push(...embeddedResourceIssues(item, node.items, [...path, i])));
    return issues;
  }
  if (!isRecord(value)) return issues;
  if (node.embeddedResource) {
    for (const field of ["apiVersion", "kind"] as const) {
      const v = value[field];
      if (v === undefined) issues.push({ path: [...path, field], rule: "crd/invalid", message: "required in an embedded resource but missing; set it" });
      else if (typeof v !== "string" || v === "") issues.push({ path: [...path, field], rule: "crd/invalid", message: `must be a non-empty string, got ${describeValue(v)}` });
    }
    const { apiVersion, kind } = value;
    if (typeof apiVersion === "string" && apiVersion.split("/").length > 2) {
      issues.push({ path: [...path, "apiVersion"], rule: "crd/invalid", message: `unexpected GroupVersion string ${JSON.stringify(apiVersion)}; use group/version or version` });
    }
    if (typeof kind === "string" && kind !== "" && !/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(kind.toLowerCase())) {
      issues.push({ path: [...path, "kind"], rule: "crd/invalid", message: `may have mixed case, but should otherwise be a DNS-1035 label, got ${JSON.stringify(kind)}` });
    }
  }
  for (const [field, child] of Object.entries(value)) {
    if (node.embeddedResource && field === "metadata") continue;
    issues.push(...embeddedResourceIssues(child, fieldSchema(node, field), [...path, field]));
  }
  return issues;
}

/** schema/listtype/validation.go: set items and map keys must be unique; the first repetition of each is reported. */
function listIssues(value: unknown, node: Node | undefined, path: PathSegment[], crd: string): Issue[] {
  if (!node) return [];
  const issues: Issue[] = [];
  if (Array.isArray(value)) {
    if (node.listType === "set") {
      for (const i of firstRepeats(value.map(canonical))) {
        issues.push({ path: [...path, i], rule: "crd/duplicate-item", message: `duplicate entry ${describeValue(value[i])}: the list is x-kubernetes-list-type set in ${crd}; remove the repetition` });
      }
    } else if (node.listType === "map") {
      const notObject = value.findIndex((item) => item !== null && !isRecord(item));
      if (notObject >= 0) {
        issues.push({ path: [...path, notObject], rule: "crd/invalid", message: `must be an object for an array of list-type map (${crd})` });
      } else {
        const keys = value.map((item) => canonical(Object.fromEntries(node.listMapKeys.filter((k) => isRecord(item) && k in item).map((k) => [k, (item as Record<string, unknown>)[k]]))));
        for (const i of firstRepeats(keys)) {
          issues.push({
            path: [...path, i],
            rule: "crd/duplicate-item",
            message: `duplicate entry ${keys[i]}: the list is x-kubernetes-list-type map keyed by ${node.listMapKeys.join(", ")} in ${crd}; merge the entries or change the key`,
          });
        }
      }
    }
    value.forEach((item, i) => issues.push(...listIssues(item, node.items, [...path, i], crd)));
  } else if (isRecord(value)) {
    for (const [field, child] of Object.entries(value)) issues.push(...listIssues(child, fieldSchema(node, field), [...path, field], crd));
  }
  return issues;
}

/** Indices of the second occurrence of each repeated value. */
function firstRepeats(values: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const repeats: number[] = [];
  values.forEach((value, i) => {
    const times = seen.get(value) ?? 0;
    if (times === 1) repeats.push(i);
    seen.set(value, times + 1);
  });
  return repeats;
}

/** JSON with sorted keys, as Go's json.Marshal writes maps. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** customresource/validator.go ValidateScaleSpec: the replicas the scale subresource reads is an int32 >= 0. */
function scaleIssues(value: Record<string, unknown>, specReplicasPath: string): Issue[] {
  const path = specReplicasPath.replace(/^\./, "").split(".");
  let current: unknown = value;
  for (const field of path) current = isRecord(current) ? current[field] : undefined;
  if (current === undefined) return [];
  if (typeof current !== "number" || !Number.isInteger(current)) return [{ path, rule: "crd/invalid", message: `must be an integer (the scale subresource reads it), got ${describeValue(current)}` }];
  if (current < 0) return [{ path, rule: "crd/invalid", message: `should be a non-negative integer, got ${current}` }];
  if (current > 2147483647) return [{ path, rule: "crd/invalid", message: `should be less than or equal to 2147483647, got ${current}` }];
  return [];
}
