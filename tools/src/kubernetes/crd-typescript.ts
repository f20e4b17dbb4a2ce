import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { CustomResourceDefinition } from "./crd-schema.js";
import { isRecord } from "./manifests.js";

/** One kind to declare: its CRD (from a bundle), the served version and the interface name. */
export interface CrdTypeRequest {
  crd: CustomResourceDefinition;
  version: string;
  /** Interface name, e.g. `IApplication`. */
  name: string;
}

/**
 * TypeScript declarations of custom resources, from their CRDs' openAPIV3Schema through json-schema-to-typescript.
 * What the API server keeps is what the types allow: fields not declared are errors (the API server prunes them),
 * except under `x-kubernetes-preserve-unknown-fields`; `x-kubernetes-int-or-string` is `number | string`; `apiVersion`
 * and `kind` are the literal values and `metadata` is kubernetes-models' ObjectMeta, as the API server validates it.
 */
export async function crdTypeScript(requests: readonly CrdTypeRequest[], banner: string): Promise<string> {
  const parts: string[] = [];
  for (const { crd, version, name } of requests) {
    const served = crd.spec.versions.find((v) => v.name === version && v.served);
    const schema = served?.schema?.openAPIV3Schema;
    if (!schema) throw new Error(`CustomResourceDefinition ${crd.metadata.name} serves no version ${version} with a schema`);
    const root = toJsonSchema(schema);
    const properties = (root.properties ?? {}) as Record<string, JSONSchema>;
    properties.apiVersion = { tsType: JSON.stringify(`${crd.spec.group}/${version}`) };
    properties.kind = { tsType: JSON.stringify(crd.spec.names.kind) };
    properties.metadata = { tsType: "IObjectMeta" };
    root.properties = properties;
    root.required = [...new Set(["apiVersion", "kind", "metadata", ...(Array.isArray(root.required) ? root.required : [])])];
    root.title = name;
    parts.push(
      await compile(root, name, {
        bannerComment: "",
        additionalProperties: false,
        strictIndexSignatures: false,
        unknownAny: true,
      }),
    );
  }
  // kubernetes-models' ObjectMeta, reached through a kind of the package itself: its apimachinery package is not a
  // dependency of this repository.
  const objectMeta = 'import type { IConfigMap } from "kubernetes-models/v1/ConfigMap";\n\ntype IObjectMeta = NonNullable<IConfigMap["metadata"]>;';
  return `${banner}\n${objectMeta}\n\n${parts.join("\n").trim()}\n`;
}

/**
 * openAPIV3Schema → JSON Schema for the type generator. Value validations (patterns, lengths, allOf/anyOf/oneOf/not)
 * are left out: they make no type, and validation (crd-schema.ts) checks them; the types are only ever looser there.
 */
function toJsonSchema(node: unknown): JSONSchema {
  if (!isRecord(node)) return {};
  const out: JSONSchema = {};
  if (typeof node.description === "string") out.description = node.description;
  if (node["x-kubernetes-int-or-string"] === true) return { ...out, anyOf: [{ type: "integer" }, { type: "string" }] };
  if (typeof node.type === "string") out.type = node.type as JSONSchema["type"];
  if (Array.isArray(node.enum)) out.enum = node.enum as JSONSchema["enum"];
  if (Array.isArray(node.required)) out.required = node.required as string[];
  if (isRecord(node.properties)) out.properties = Object.fromEntries(Object.entries(node.properties).map(([field, child]) => [field, toJsonSchema(child)]));
  if (node.items !== undefined) out.items = toJsonSchema(node.items);
  if (isRecord(node.additionalProperties)) out.additionalProperties = toJsonSchema(node.additionalProperties);
  else if (typeof node.additionalProperties === "boolean") out.additionalProperties = node.additionalProperties;
  if (node["x-kubernetes-preserve-unknown-fields"] === true || (node.type === "object" && out.properties === undefined && out.additionalProperties === undefined)) {
    // Kept as it is by the API server: any field.
    out.additionalProperties = true;
  }
  return out;
}
