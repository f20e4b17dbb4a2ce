import { compile } from "json-schema-to-typescript";
import type { JsonSchema } from "./json-schema.js";

/** TypeScript declarations for a bundled schema, so the generator reads values with real types. */
export async function schemaToTypeScript(schema: JsonSchema, typeName: string, source: string): Promise<string> {
  return compile(structuredClone(schema) as Parameters<typeof compile>[0], typeName, {
    bannerComment: `/* GENERATED from ${source} by \`nx run generate:schemas\`. Do not edit. */`,
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: false, printWidth: 120 },
  });
}
