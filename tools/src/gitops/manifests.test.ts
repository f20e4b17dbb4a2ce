import { describe, expect, it } from "vitest";
import type { EnvironmentSpec } from "./environment-model.js";
import type { EnvironmentPlan, PlannedComponent } from "./environment-plan.js";
import { componentApplication, layerApplication, rootApplication, subscriptionAnnotations } from "./manifests/applications.js";
import { APPLICATION_HEALTH_LUA } from "./manifests/application-health.js";
import { APPLICATION_HEALTH_KEY, argocdChartValues, argocdCmData, argocdNotificationsData, argocdRbacData } from "./manifests/argocd-config.js";
import { bootstrapHelmArgs, bootstrapScript } from "./manifests/argocd-bootstrap.js";
import { APPPROJECT_DESCRIPTION_MAX_LENGTH } from "./manifests/conventions.js";
import { gitopsProject, layerProject, lockedDefaultProject } from "./manifests/projects.js";
import { planNamespaces } from "./namespace-plan.js";
import { environmentObjects, renderEnvironment } from "./render-environment.js";

const environment: EnvironmentSpec = {
  name: "prod",
  description: "",
  tier: "production",
  repository: { url: "https://example.com/repo.git", revision: "main", upstreamChartRepositories: ["https://charts.jetstack.io"] },
  destination: { server: "https://prod.example.com", namespaces: { infrastructure: "infrastructure", platform: "platform", application: "applications" }, namespaceLabels: { "istio-injection": "enabled" } },
  domain: "example.com",
  argocd: {
    version: "v3.4.4",
    highAvailability: true,
    oidc: { name: "SSO", issuer: "https://login.example.com", clientID: "argocd", clientSecretKey: "oidc.clientSecret", requestedScopes: ["openid", "groups"] },
    rbac: { defaultRole: "", adminGroups: ["admins"], readOnlyGroups: ["devs"], deployerGroups: ["release"] },
  },
  syncPolicy: { automated: true, prune: true, selfHeal: true, retry: { limit: 5, duration: "5s", factor: 2, maxDuration: "3m" } },
  syncWindows: [{ kind: "deny", schedule: "0 0 * * 6", duration: "48h", timeZone: "UTC", manualSync: true, description: "weekend" }],
  notifications: {
    subscriptions: [
      { trigger: "on-sync-failed", service: "slack", recipients: ["alerts"] },
      { trigger: "on-sync-failed", service: "slack", recipients: ["team", "alerts"] },
      { trigger: "on-health-degraded", service: "pagerdutyv2", recipients: ["platform"] },
    ],
  },
  components: {},
};

const component = (overrides: Partial<PlannedComponent>): PlannedComponent => ({
  name: "mcp-server",
  description: "",
  layer: "platform",
  group: "core",
  dependencies: ["gateway"],
  wave: 3,
  namespace: "platform",
  source: { kind: "chart", path: "charts/mcp-server" },
  chartPath: "charts/mcp-server",
  chartRevision: "v1.2.3",
  imageTag: "v1.2.3",
  imageDigest: "",
  serverSideApply: false,
  replicasManagedByAutoscaler: false,
  trafficManagedByRollout: false,
  calledBy: [],
  generatedValues: {},
  kinds: { namespaced: [{ group: "apps", kind: "Deployment" }], cluster: [] },
  ...overrides,
});

/** A plan of these components, with the namespaces the generator would plan for them. */
const planOf = (env: EnvironmentSpec, components: PlannedComponent[]): EnvironmentPlan => ({ environment: env, components, namespaces: planNamespaces(env, components) });

const plan: EnvironmentPlan = planOf(environment, [component({ name: "cert-manager", layer: "infrastructure", namespace: "infrastructure", wave: 0, dependencies: [] }), component({ replicasManagedByAutoscaler: true })]);

describe("component Application", () => {
  const app = componentApplication(plan, plan.components[1] as PlannedComponent);

  it("reads the chart at the pinned revision with its values from a second ref source at the same revision", () => {
    expect(app.spec.sources).toEqual([
      {
        repoURL: "https://example.com/repo.git",
        targetRevision: "v1.2.3",
        path: "charts/mcp-server",
        helm: { releaseName: "mcp-server", valueFiles: ["$values/environments/prod/values/mcp-server.yaml"], parameters: [{ name: "image.tag", value: "v1.2.3", forceString: true }] },
      },
      { repoURL: "https://example.com/repo.git", targetRevision: "v1.2.3", ref: "values" },
    ]);
    expect(app.spec.source).toBeUndefined();
  });

  it("passes the image digest pin as image.digest beside image.tag, both as strings", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    const pinned = componentApplication(plan, component({ imageDigest: digest }));
    expect(pinned.spec.sources?.[0]?.helm?.parameters).toEqual([
      { name: "image.tag", value: "v1.2.3", forceString: true },
      { name: "image.digest", value: digest, forceString: true },
    ]);
  });

  it("is named per environment, belongs to its layer's project, cascades deletion and carries its sync wave", () => {
    expect(app.metadata.name).toBe("prod-mcp-server");
    expect(app.spec.project).toBe("prod-platform");
    expect(app.metadata.finalizers).toEqual(["resources-finalizer.argocd.argoproj.io"]);
    expect(app.metadata.annotations?.["argocd.argoproj.io/sync-wave"]).toBe("3");
    expect(app.spec.destination).toEqual({ server: "https://prod.example.com", namespace: "platform" });
  });

  it("subscribes to the environment's notifications, recipients merged", () => {
    expect(app.metadata.annotations).toMatchObject({ "notifications.argoproj.io/subscribe.on-sync-failed.slack": "alerts;team", "notifications.argoproj.io/subscribe.on-health-degraded.pagerdutyv2": "platform" });
    expect(subscriptionAnnotations([])).toEqual({});
  });

  it("ignores replica differences only when an autoscaler owns them", () => {
    expect(app.spec.ignoreDifferences).toEqual([
      { group: "apps", kind: "Deployment", jsonPointers: ["/spec/replicas"] },
      { group: "apps", kind: "StatefulSet", jsonPointers: ["/spec/replicas"] },
      { group: "argoproj.io", kind: "Rollout", jsonPointers: ["/spec/replicas"] },
    ]);
    expect(app.spec.syncPolicy?.syncOptions).toContain("RespectIgnoreDifferences=true");
    const fixed = componentApplication(plan, component({ replicasManagedByAutoscaler: false }));
    expect(fixed.spec.ignoreDifferences).toBeUndefined();
    expect(fixed.spec.syncPolicy?.syncOptions).not.toContain("RespectIgnoreDifferences=true");
  });

  it("leaves the route weights of a canary to Argo Rollouts", () => {
    const canary = componentApplication(plan, component({ trafficManagedByRollout: true }));
    expect(canary.spec.ignoreDifferences).toEqual([
      { group: "networking.istio.io", kind: "DestinationRule", jsonPointers: ["/spec/subsets"] },
      { group: "networking.istio.io", kind: "VirtualService", jsonPointers: ["/spec/http"] },
    ]);
  });

  it("syncs automatically with retries, creates its labelled namespace, and uses server-side apply for infrastructure", () => {
    expect(app.spec.syncPolicy).toMatchObject({ automated: { prune: true, selfHeal: true }, retry: { limit: 5, backoff: { duration: "5s", factor: 2, maxDuration: "3m" } }, managedNamespaceMetadata: { labels: { "istio-injection": "enabled", "pod-security.kubernetes.io/audit": "restricted", "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted" } } });
    expect(app.spec.syncPolicy?.syncOptions).toContain("CreateNamespace=true");
    expect(app.spec.syncPolicy?.syncOptions).not.toContain("ServerSideApply=true");
    expect(componentApplication(plan, plan.components[0] as PlannedComponent).spec.syncPolicy?.syncOptions).toContain("ServerSideApply=true");
  });

  it("leaves syncing to people when automated sync is off", () => {
    const manual = componentApplication({ ...plan, environment: { ...environment, syncPolicy: { ...environment.syncPolicy, automated: false } } }, component({}));
    expect(manual.spec.syncPolicy?.automated).toBeUndefined();
    expect(manual.spec.syncPolicy?.retry).toBeDefined();
  });
});

describe("app-of-apps Applications", () => {
  it("root tracks the environment branch in the Argo CD namespace of its own cluster", () => {
    const root = rootApplication(environment);
    expect(root.spec).toMatchObject({ project: "prod-gitops", source: { path: "apps/prod/root", targetRevision: "main" }, destination: { server: "https://kubernetes.default.svc", namespace: "argocd" } });
  });

  it("layer Applications are ordered infrastructure, platform, application by sync wave", () => {
    expect((["infrastructure", "platform", "application"] as const).map((layer) => layerApplication(environment, layer).metadata.annotations?.["argocd.argoproj.io/sync-wave"])).toEqual(["0", "1", "2"]);
    expect(layerApplication(environment, "platform").spec.source?.path).toBe("apps/prod/layers/platform");
  });
});

describe("AppProjects", () => {
  it("locks the default project down and keeps it from being pruned", () => {
    const project = lockedDefaultProject(environment);
    expect(project.spec).toMatchObject({ sourceRepos: [], destinations: [], clusterResourceBlacklist: [{ group: "*", kind: "*" }], namespaceResourceBlacklist: [{ group: "*", kind: "*" }] });
    expect(project.metadata.annotations?.["argocd.argoproj.io/sync-options"]).toBe("Prune=false,Delete=false");
  });

  it("lets the gitops project create only Applications and AppProjects in the Argo CD namespace", () => {
    const project = gitopsProject(environment);
    expect(project.spec).toMatchObject({ destinations: [{ server: "https://kubernetes.default.svc", namespace: "argocd" }], clusterResourceWhitelist: [], sourceRepos: ["https://example.com/repo.git"] });
  });

  it("gives a layer exactly its components' namespaces, by name, and its sync windows and roles", () => {
    const project = layerProject(plan, "platform");
    expect(project.spec.destinations).toEqual([{ server: "https://prod.example.com", namespace: "platform" }]);
    expect(project.spec.clusterResourceWhitelist?.[0]).toEqual({ group: "", kind: "Namespace", name: "platform" });
    expect(project.spec.namespaceResourceWhitelist?.some((gk) => gk.kind === "Secret")).toBe(false);
    expect(project.spec.sourceRepos).toEqual(["https://charts.jetstack.io", "https://example.com/repo.git"]);
    expect(project.spec.syncWindows).toEqual([{ kind: "deny", schedule: "0 0 * * 6", duration: "48h", timeZone: "UTC", manualSync: true, applications: ["*"], description: "weekend" }]);
    expect(project.spec.roles?.map((r) => [r.name, r.groups])).toEqual([["deployer", ["release"]], ["read-only", ["devs"]]]);
    expect(layerProject(plan, "application").spec.destinations).toEqual([]);
  });
});

describe("AppProjects within Argo CD's CRD, with the environment's freeze windows", () => {
  /** The longest name schemas/environment.json allows (`^[a-z]([-a-z0-9]{0,18}[a-z0-9])?$`: 20 characters). */
  const longEnvironment: EnvironmentSpec = { ...environment, name: `e${"x".repeat(18)}z` };
  /** Many components with the longest names Kubernetes allows (63-character DNS labels), in every layer. */
  const crowded: EnvironmentPlan = planOf(
    longEnvironment,
    (["infrastructure", "platform", "application"] as const).flatMap((layer) =>
      Array.from({ length: 120 }, (_, i) => component({ name: `${layer.slice(0, 3)}-${String(i).padStart(3, "0")}-${"c".repeat(63 - 8)}`, layer, namespace: layer })),
    ),
  );
  const projects = (p: EnvironmentPlan) => environmentObjects(p).filter((o) => o.object.kind === "AppProject").map((o) => o.object as ReturnType<typeof gitopsProject>);

  it(`keeps every description within the CRD's maxLength (${APPPROJECT_DESCRIPTION_MAX_LENGTH}) however many components a layer has`, () => {
    expect(crowded.components[0]?.name).toHaveLength(63);
    const descriptions = projects(crowded).map((p) => p.spec.description ?? "");
    expect(descriptions).toHaveLength(5);
    for (const description of descriptions) expect(description.length, description).toBeLessThanOrEqual(APPPROJECT_DESCRIPTION_MAX_LENGTH);
    // The components are listed in the environment's README instead.
    expect(layerProject(crowded, "platform").spec.description).toBe(`${longEnvironment.name}: platform layer, 120 components; listed in apps/${longEnvironment.name}/README.md.`);
  });

  it("puts the environment's sync windows on every project but the locked default, the gitops project included", () => {
    const windows = [{ kind: "deny", schedule: "0 0 * * 6", duration: "48h", timeZone: "UTC", manualSync: true, applications: ["*"], description: "weekend" }];
    const byName = Object.fromEntries(projects(plan).map((p) => [p.metadata.name, p.spec.syncWindows]));
    expect(byName).toEqual({ default: undefined, "prod-gitops": windows, "prod-infrastructure": windows, "prod-platform": windows, "prod-application": windows });
    const unfrozen = { ...plan, environment: { ...environment, syncWindows: [] } };
    expect(projects(unfrozen).map((p) => p.spec.syncWindows)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("a Helm chart from an OCI registry: the bare registry path plus chart, and exactly that repoURL in the layer's sourceRepos", () => {
    const certManager = component({ name: "cert-manager", layer: "infrastructure", namespace: "cert-manager", source: { kind: "upstream", repoURL: "quay.io/jetstack/charts", chart: "cert-manager", version: "v1.21.1" } });
    const oci: EnvironmentPlan = planOf({ ...environment, repository: { ...environment.repository, upstreamChartRepositories: [] } }, [certManager]);
    const source = componentApplication(oci, certManager).spec.sources?.[0];
    expect(source).toMatchObject({ repoURL: "quay.io/jetstack/charts", chart: "cert-manager", targetRevision: "v1.21.1" });
    expect(source?.path).toBeUndefined();
    expect(layerProject(oci, "infrastructure").spec.sourceRepos).toEqual(["https://example.com/repo.git", "quay.io/jetstack/charts"]);
  });
});

describe("Argo CD configuration", () => {
  const cm = { data: argocdCmData(environment) };
  const rbac = { data: argocdRbacData(environment) };
  const notifications = { data: argocdNotificationsData(environment) };

  it("disables the admin user, configures OIDC by secret reference and restores the Application health check", () => {
    expect(cm?.data?.["admin.enabled"]).toBe("false");
    expect(cm?.data?.url).toBe("https://argocd.example.com");
    expect(cm?.data?.["oidc.config"]).toContain("clientSecret: $oidc.clientSecret");
    expect(cm?.data?.[APPLICATION_HEALTH_KEY]).toBe(APPLICATION_HEALTH_LUA);
  });

  it("maps groups to roles and denies by default", () => {
    expect(rbac?.data).toMatchObject({ "policy.default": "", "policy.csv": "g, admins, role:admin\ng, devs, role:readonly\n", scopes: "[groups]" });
  });

  it("configures the services, triggers and templates the subscriptions use, and nothing else", () => {
    expect(Object.keys(notifications?.data ?? {}).sort()).toEqual(["service.pagerdutyv2", "service.slack", "template.app-health-degraded", "template.app-sync-failed", "trigger.on-health-degraded", "trigger.on-sync-failed"]);
    expect(notifications?.data?.["template.app-sync-failed"]).toContain("[prod] "); // the environment's name, whatever the wording (notifications.test.ts owns that)
    expect(notifications?.data?.["template.app-sync-failed"]).toContain("https://argocd.example.com/applications/{{.app.metadata.name}}");
    expect(notifications?.data?.["service.pagerdutyv2"]).toBe("serviceKeys:\n  platform: $pagerduty-key-platform\n");
  });

  it("hands the same configuration to the argo-cd chart through which Argo CD manages itself", () => {
    const values = argocdChartValues(environment) as { global: unknown; configs: { cm: Record<string, string>; rbac: Record<string, string> }; notifications: Record<string, Record<string, string>> };
    expect(values.global).toEqual({ image: { tag: "v3.4.4" } });
    expect(values.configs.cm).toEqual(cm?.data);
    expect(values.configs.rbac).toEqual(rbac?.data);
    expect({ ...values.notifications.notifiers, ...values.notifications.templates, ...values.notifications.triggers }).toEqual(notifications?.data);
    expect(Object.keys(values.notifications.notifiers ?? {}).every((key) => key.startsWith("service."))).toBe(true);
  });

  it("does not cascade-delete Argo CD when the Application of its own chart goes", () => {
    const self = componentApplication(plan, component({ name: "argo-cd", layer: "infrastructure", source: { kind: "upstream", repoURL: "https://argoproj.github.io/argo-helm", chart: "argo-cd", version: "10.8.2" } }));
    expect(self.metadata.finalizers).toBeUndefined();
    expect(self.spec.sources?.[0]).toMatchObject({ repoURL: "https://argoproj.github.io/argo-helm", chart: "argo-cd", targetRevision: "10.8.2" });
    expect(self.spec.sources?.[0]?.helm?.parameters).toBeUndefined();
    expect(componentApplication(plan, component({})).metadata.finalizers).toEqual(["resources-finalizer.argocd.argoproj.io"]);
  });

  it("bootstraps with the same chart, version, release name, namespace and values as the self-managing Application", () => {
    const digest = `sha256:${"a".repeat(64)}`;
    const self = component({ name: "argo-cd", layer: "infrastructure", namespace: "argocd", source: { kind: "upstream", repoURL: "https://argoproj.github.io/argo-helm", chart: "argo-cd", version: "10.1.1", digest } });
    const ociSelf = { ...self, source: { kind: "upstream" as const, repoURL: "ghcr.io/argoproj/argo-helm", chart: "argo-cd", version: "10.1.1", digest } };
    expect(bootstrapHelmArgs(plan, self)).toEqual(["upgrade", "--install", "argo-cd", "argo-cd", "--repo", "https://argoproj.github.io/argo-helm", "--version", "10.1.1", "--namespace", "argocd", "--create-namespace", "--values", "environments/prod/values/argo-cd.yaml", "--values", "apps/prod/bootstrap/argo-cd-values.yaml"]);
    expect(bootstrapHelmArgs(plan, ociSelf).slice(3, 6)).toEqual(["oci://ghcr.io/argoproj/argo-helm/argo-cd", "--version", "10.1.1"]);
    const script = bootstrapScript(plan, self, "GENERATED");
    expect(script.split("\n")[0]).toBe("#!/bin/sh");
    expect(script).toContain('"$helm" pull argo-cd --repo https://argoproj.github.io/argo-helm --version 10.1.1 --destination "$work"\n');
    expect(script).toContain(`expected=${"a".repeat(64)}\n`);
    expect(script).toContain('"$helm" upgrade --install argo-cd "$package" --namespace argocd --create-namespace ');
    expect(bootstrapScript(plan, ociSelf, "GENERATED")).toContain('"$helm" pull oci://ghcr.io/argoproj/argo-helm/argo-cd --version 10.1.1 --destination "$work"\n');
    // Without a recorded digest there is nothing to verify the package against: the generator refuses it (GEN010, plan.ts).
    expect(() => bootstrapScript(plan, { ...self, source: { ...self.source, digest: undefined } as typeof self.source }, "GENERATED")).toThrow(/no x-upstream.digest/);
  });
});

describe("renderEnvironment", () => {
  it("writes one file per object plus the kustomizations and README, every YAML file with the generated-by header", () => {
    const files = renderEnvironment(plan);
    expect(files.filter((f) => f.path.endsWith(".yaml")).every((f) => f.content.startsWith("# GENERATED by `nx run generate:gitops`"))).toBe(true);
    expect(environmentObjects(plan)).toHaveLength(1 + 5 + 3 + 2);
    const kustomization = files.find((f) => f.path === "apps/prod/layers/platform/kustomization.yaml")?.content;
    expect(kustomization).toContain("resources:\n  - prod-mcp-server.yaml\n");
  });
});
