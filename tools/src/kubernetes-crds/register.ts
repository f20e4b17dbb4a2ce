/**
 * Side-effect import that teaches the Kubernetes validator (tools/src/kubernetes) the CRD kinds which have
 * no entry in its MODEL_PACKAGES, today CloudNativePG:
 *
 *   import "../../tools/src/kubernetes-crds/register.js";
 */
import { registerCloudNativePgKinds } from "./cloudnative-pg.js";

registerCloudNativePgKinds();
