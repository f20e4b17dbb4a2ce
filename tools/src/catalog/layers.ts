/** The deployment layers, in the order Argo CD brings them up (layer Applications get these sync waves). */
export const LAYERS = ["infrastructure", "platform", "application"] as const;

export type Layer = (typeof LAYERS)[number];

export function isLayer(value: unknown): value is Layer {
  return typeof value === "string" && (LAYERS as readonly string[]).includes(value);
}

/** 0 for infrastructure, 1 for platform, 2 for application: a layer may only depend on layers at or below its own index. */
export function layerIndex(layer: Layer): number {
  return LAYERS.indexOf(layer);
}
