import { readFileSync } from "node:fs";
import { cachedCrdRegistry } from "./crd-catalog.js";
import type { CrdRegistry, CustomResourceDefinition } from "./crd-schema.js";
import { bundleFile, CRD_COMPONENTS, GENERATE_COMMAND, parseBundle } from "./upstream-crds.js";

let registry: CrdRegistry | undefined;

/** The CRDs of every committed bundle (tools/src/kubernetes/upstream-crds/), in CRD_COMPONENTS order. */
export function upstreamCrds(): CustomResourceDefinition[] {
  return CRD_COMPONENTS.flatMap(({ component }) => {
    const file = bundleFile(component);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new Error(`${file}: cannot read the committed CRDs of ${component} (${(error as Error).message}); restore it from git or regenerate it with \`${GENERATE_COMMAND}\``, { cause: error });
    }
    return parseBundle(text, file).crds;
  });
}

/**
 * Validators of the committed upstream CRDs, built on first use; their compiled code is kept on disk by
 * cachedCrdRegistry (crd-catalog.ts), so only the first process after a change compiles them.
 */
export function upstreamCrdRegistry(): CrdRegistry {
  registry ??= cachedCrdRegistry(upstreamCrds());
  return registry;
}
