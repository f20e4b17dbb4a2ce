/**
 * TypeScript types of the Argo CD objects the generator writes, from the CRDs of the pinned argo-cd chart
 * (argocd-types.generated.ts, see upstream-crds.ts), with names for the parts the generator builds on its own.
 */
import type { IApplication, IAppProject } from "./argocd-types.generated.js";

export type { IApplication, IAppProject };
export type IApplicationSource = NonNullable<IApplication["spec"]["source"]>;
export type ISyncPolicy = NonNullable<IApplication["spec"]["syncPolicy"]>;
export type IAppProjectSpec = IAppProject["spec"];
export type IProjectRole = NonNullable<IAppProjectSpec["roles"]>[number];
export type ISyncWindow = NonNullable<IAppProjectSpec["syncWindows"]>[number];
