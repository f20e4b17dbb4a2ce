import { afterEach, describe, expect, it } from "vitest";
import { parseManifests } from "./manifests.js";
import { registerKind } from "./model-registry.js";
import { formatProblems, type Problem } from "./problem.js";
import { fixtureObject, readFixture, type Loose } from "./test-fixtures.js";
import { validateObject, validateRendered } from "./validate.js";

const brief = (problems: Problem[]) => problems.map((p) => ({ path: p.path, rule: p.rule, message: p.message }));

describe("validateObject on valid objects", () => {
  it.each([
    ["Deployment"],
    ["Service"],
    ["ServiceMonitor"],
    ["AuthorizationPolicy"],
    ["Rollout"],
    ["Application"],
    ["Job"],
    ["ConfigMap"],
    ["ServiceAccount"],
  ])("%s has no problems", (kind) => {
    expect(validateObject(fixtureObject(kind))).toEqual([]);
  });

  it("accepts both forms of IntOrString and Quantity fields", () => {
    const deployment: Loose = fixtureObject("Deployment");
    const container = deployment.spec.template.spec.containers[0];
    container.livenessProbe.httpGet.port = 8080;
    container.readinessProbe.httpGet.port = "http";
    container.resources.limits.cpu = 2;
    container.resources.limits.memory = "1Gi";
    deployment.spec.strategy.rollingUpdate.maxSurge = 1;
    expect(validateObject(deployment)).toEqual([]);
  });

  it("treats labels, annotations and ConfigMap data as maps with any keys", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.metadata.labels["anything.example.com/at-all"] = "yes";
    deployment.metadata.annotations["another.example.com/key"] = "value";
    const configMap: Loose = fixtureObject("ConfigMap");
    configMap.data["some-file.json"] = "{}";
    expect([...validateObject(deployment), ...validateObject(configMap)]).toEqual([]);
  });

  it("treats preserve-unknown-fields objects of CRDs as open (Argo CD helm.valuesObject)", () => {
    const application: Loose = fixtureObject("Application");
    application.spec.source.helm.valuesObject = { any: { nested: ["structure", { at: "all" }] } };
    expect(validateObject(application)).toEqual([]);
  });

  it("ignores fields set to null, which the API server treats as unset", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.metadata.creationTimestamp = null;
    deployment.spec.template.metadata.creationTimestamp = null;
    deployment.spec.replicas = null;
    expect(validateObject(deployment)).toEqual([]);
  });
});

describe("unknown fields", () => {
  it("at the top level of the object", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.sepc = {};
    expect(brief(validateObject(deployment))).toEqual([
      {
        path: "sepc",
        rule: "schema/unknown-field",
        message: 'unknown field "sepc" (not a field of Deployment); did you mean "spec"?',
      },
    ]);
  });

  it("in metadata and spec", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.metadata.labelz = { a: "b" };
    deployment.spec.replicaz = 3;
    expect(brief(validateObject(deployment))).toEqual([
      {
        path: "metadata.labelz",
        rule: "schema/unknown-field",
        message: 'unknown field "labelz" (not a field of ObjectMeta); did you mean "labels"?',
      },
      {
        path: "spec.replicaz",
        rule: "schema/unknown-field",
        message: 'unknown field "replicaz" (not a field of DeploymentSpec); did you mean "replicas"?',
      },
    ]);
  });

  it("nested in a container, with and without a close valid name", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.spec.template.spec.containers[0].bogus = true;
    expect(brief(validateObject(deployment))).toEqual([
      {
        path: "spec.template.spec.containers[0].bogus",
        rule: "schema/unknown-field",
        message: 'unknown field "bogus" (not a field of Container); remove it or check the field name',
      },
    ]);
    const other: Loose = fixtureObject("Deployment");
    other.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem = true;
    expect(brief(validateObject(other))).toEqual([
      {
        path: "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem",
        rule: "schema/unknown-field",
        message:
          'unknown field "readOnlyRootFileSystem" (not a field of SecurityContext); did you mean "readOnlyRootFilesystem"?',
      },
    ]);
  });

  it("in a CRD: ServiceMonitor endpoint `intervall`", () => {
    const serviceMonitor: Loose = fixtureObject("ServiceMonitor");
    serviceMonitor.spec.endpoints[0].intervall = "10s";
    const problems = validateObject(serviceMonitor);
    expect(brief(problems)).toEqual([
      {
        path: "spec.endpoints[0].intervall",
        rule: "schema/unknown-field",
        message:
          'unknown field "intervall": servicemonitors.monitoring.coreos.com v1 does not declare it (the API server prunes it; kubectl apply --validate=strict rejects it); did you mean "interval"?',
      },
    ]);
    expect(problems[0]!.object).toBe("ServiceMonitor/gateway");
  });

  it("in the inline types of Istio CRDs", () => {
    const policy: Loose = fixtureObject("AuthorizationPolicy");
    policy.spec.rules[0].to[0].operation.method = ["GET"];
    expect(brief(validateObject(policy))).toEqual([
      {
        path: "spec.rules[0].to[0].operation.method",
        rule: "schema/unknown-field",
        message:
          'unknown field "method": authorizationpolicies.security.istio.io v1 does not declare it (the API server prunes it; kubectl apply --validate=strict rejects it); did you mean "methods"?',
      },
    ]);
  });

  it("in map values and array items of Argo CD and Argo Rollouts CRDs", () => {
    const application: Loose = fixtureObject("Application");
    application.spec.syncPolicy.automated.selfheal = true;
    const rollout: Loose = fixtureObject("Rollout");
    rollout.spec.strategy.canary.steps[1].pause.durration = "1m";
    expect(validateObject(application).map((p) => p.path)).toEqual(["spec.syncPolicy.automated.selfheal"]);
    expect(validateObject(rollout).map((p) => p.path)).toEqual(["spec.strategy.canary.steps[1].pause.durration"]);
  });
});

describe("model and CRD validation", () => {
  it("fails a wrong type", () => {
    const deployment: Loose = fixtureObject("Deployment");
    deployment.spec.replicas = "two";
    expect(brief(validateObject(deployment))).toEqual([
      { path: "spec.replicas", rule: "schema/invalid", message: "must be integer" },
    ]);
  });

  it("fails an object where IntOrString is expected, naming both allowed types", () => {
    const service: Loose = fixtureObject("Service");
    service.spec.ports[0].targetPort = { name: "http" };
    expect(brief(validateObject(service))).toEqual([
      { path: "spec.ports[0].targetPort", rule: "schema/invalid", message: "must be string or integer" },
    ]);
  });

  it("fails a missing required field and an enum value", () => {
    const deployment: Loose = fixtureObject("Deployment");
    delete deployment.spec.selector;
    deployment.spec.template.spec.containers[0].imagePullPolicy = "Sometimes";
    expect(brief(validateObject(deployment))).toEqual([
      { path: "spec", rule: "schema/invalid", message: "must have required property selector" },
      {
        path: "spec.template.spec.containers[0].imagePullPolicy",
        rule: "schema/invalid",
        message: 'must be equal to one of the allowed values: "Always", "IfNotPresent", "Never"',
      },
    ]);
  });

  it("fails a wrong type in a CRD", () => {
    const serviceMonitor: Loose = fixtureObject("ServiceMonitor");
    serviceMonitor.spec.endpoints = { port: "metrics" };
    expect(brief(validateObject(serviceMonitor))).toEqual([
      {
        path: "spec.endpoints",
        rule: "schema/invalid",
        message: `must be an array, got {"port":"metrics"}; fix the value's type (servicemonitors.monitoring.coreos.com v1)`,
      },
    ]);
  });
});

describe("unknown kinds", () => {
  it("fails an unknown kind and suggests the closest one", () => {
    const problems = validateObject({ apiVersion: "apps/v1", kind: "Deploymnet", metadata: { name: "x" } });
    expect(brief(problems)).toEqual([
      {
        path: "",
        rule: "schema/unknown-kind",
        message:
          "no schema for apps/v1 Deploymnet; fix the apiVersion or kind, or add the chart that installs its CRD to CRD_COMPONENTS (tools/src/kubernetes/upstream-crds.ts). Did you mean kind Deployment?",
      },
    ]);
  });

  it("fails a kind under the wrong apiVersion and lists where it exists", () => {
    const [problem] = validateObject({ apiVersion: "monitoring.coreos.com/v2", kind: "ServiceMonitor" });
    expect(problem?.message).toBe(
      "no schema for monitoring.coreos.com/v2 ServiceMonitor; fix the apiVersion or kind, or add the chart that installs its CRD to CRD_COMPONENTS (tools/src/kubernetes/upstream-crds.ts). " +
        "ServiceMonitor exists as apiVersion monitoring.coreos.com/v1.",
    );
  });

  it("fails a document that is not a Kubernetes object", () => {
    expect(validateObject({ kind: "Service" }).map((p) => p.rule)).toEqual(["schema/type-meta"]);
  });
});

describe("registerKind", () => {
  let unregister: (() => void) | undefined;
  afterEach(() => unregister?.());

  it("validates a kind without a model or committed CRD through the registered validator", () => {
    const widget = { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "db" }, spec: { instances: 0 } };
    expect(validateObject(widget).map((p) => p.rule)).toEqual(["schema/unknown-kind"]);
    unregister = registerKind("example.com/v1", "Widget", (obj) =>
      (obj.spec as { instances?: number }).instances! >= 1
        ? []
        : [{ path: "spec.instances", message: "must be at least 1", rule: "example/instances" }],
    );
    expect(validateObject(widget)).toEqual([
      { object: "Widget/db", path: "spec.instances", message: "must be at least 1", rule: "example/instances" },
    ]);
    expect(validateObject({ ...widget, spec: { instances: 3 } })).toEqual([]);
    unregister();
    unregister = undefined;
    expect(validateObject(widget).map((p) => p.rule)).toEqual(["schema/unknown-kind"]);
  });

  it("runs a registered validator in addition to the model's checks", () => {
    unregister = registerKind("v1", "ConfigMap", (obj) =>
      obj.metadata?.name?.endsWith("-config") ? [] : [{ path: "metadata.name", message: "must end in -config" }],
    );
    const configMap: Loose = fixtureObject("ConfigMap");
    configMap.metadata.name = "settings";
    configMap.datta = {};
    expect(validateObject(configMap).map((p) => [p.path, p.rule])).toEqual([
      ["datta", "schema/unknown-field"],
      ["metadata.name", "custom/ConfigMap"],
    ]);
  });
});

describe("validateRendered", () => {
  it("passes the valid fixture release", () => {
    expect(validateRendered(readFixture(), "valid-release.yaml")).toEqual([]);
  });

  it("names the template of each problem and finds schema and pod problems together", () => {
    const text = readFixture()
      .replace("  replicas: 2\n  revisionHistoryLimit", "  replicaz: 2\n  revisionHistoryLimit")
      .replace("            readOnlyRootFilesystem: true\n            capabilities:\n              drop: [\"ALL\"]\n              add", "            capabilities:\n              drop: [\"ALL\"]\n              add");
    const problems = validateRendered(text);
    expect(problems.map((p) => [p.source, p.object, p.path, p.rule])).toEqual([
      ["gateway/templates/deployment.yaml", "Deployment/gateway", "spec.replicaz", "schema/unknown-field"],
      [
        "gateway/templates/deployment.yaml",
        "Deployment/gateway",
        "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem",
        "project/read-only-root-filesystem",
      ],
    ]);
  });

  it("reports YAML that does not parse as a problem", () => {
    const problems = validateRendered("# Source: app/templates/x.yaml\nkind: [\n", "app");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "yaml/parse", source: "app/templates/x.yaml (document 1)" });
  });

  it("reports an object rendered twice", () => {
    const service = parseManifests(readFixture()).find((o) => o.kind === "Service")!;
    const text = `# Source: a/templates/svc.yaml\n${JSON.stringify(service)}\n---\n# Source: b/templates/svc.yaml\n${JSON.stringify(service)}\n`;
    expect(brief(validateRendered(text))).toEqual([
      {
        path: "metadata.name",
        rule: "manifest/duplicate-object",
        message:
          "rendered more than once (also by a/templates/svc.yaml); names must be unique per kind and namespace",
      },
    ]);
  });
});

describe("formatProblems", () => {
  it("groups problems by template and object", () => {
    const report = formatProblems([
      { object: "Deployment/api", source: "c/templates/d.yaml", path: "spec.replicaz", message: "unknown", rule: "r1" },
      { object: "Service/api", source: "c/templates/s.yaml", path: "", message: "no schema", rule: "r2" },
      { object: "Deployment/api", source: "c/templates/d.yaml", path: "metadata.labelz", message: "unknown" },
    ]);
    expect(report).toBe(
      [
        "c/templates/d.yaml",
        "  Deployment/api",
        "    metadata.labelz: unknown",
        "    spec.replicaz: unknown [r1]",
        "c/templates/s.yaml",
        "  Service/api",
        "    (object): no schema [r2]",
        "3 problems found.",
      ].join("\n"),
    );
    expect(formatProblems([])).toBe("");
  });
});
