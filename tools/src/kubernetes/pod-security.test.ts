import { describe, expect, it } from "vitest";
import { checkPodSecurity } from "./pod-security-admission.js";
import { checkPodSpecs, checkProjectPodRules } from "./pod-security.js";
import { podTemplateOf } from "./pod-templates.js";
import type { Problem } from "./problem.js";
import { fixtureObject, type Loose } from "./test-fixtures.js";

const brief = (problems: Problem[]) => problems.map((p) => ({ rule: p.rule, path: p.path }));
const POD = "spec.template.spec";
const MAIN = `${POD}.containers[0]`;
const INIT = `${POD}.initContainers[0]`;

/** The fixture Deployment (init container "migrate", container "gateway") with one thing changed. */
function deploymentWith(change: (pod: Loose, main: Loose, init: Loose, deployment: Loose) => void): Loose {
  const deployment: Loose = fixtureObject("Deployment");
  const pod = deployment.spec.template.spec;
  change(pod, pod.containers[0], pod.initContainers[0], deployment);
  return deployment;
}

describe("checkPodSpecs passes compliant pods", () => {
  it.each([["Deployment"], ["Rollout"], ["Job"]])("%s from the fixture", (kind) => {
    expect(checkPodSpecs(fixtureObject(kind))).toEqual([]);
  });

  it("a Job needs no probes", () => {
    const job: Loose = fixtureObject("Job");
    expect(job.spec.template.spec.containers[0].livenessProbe).toBeUndefined();
    expect(checkPodSpecs(job)).toEqual([]);
  });

  it("init containers need no probes", () => {
    const deployment: Loose = fixtureObject("Deployment");
    expect(deployment.spec.template.spec.initContainers[0].readinessProbe).toBeUndefined();
    expect(checkPodSpecs(deployment)).toEqual([]);
  });

  it("objects without a pod template yield nothing", () => {
    expect(checkPodSpecs(fixtureObject("Service"))).toEqual([]);
    const rollout: Loose = fixtureObject("Rollout");
    delete rollout.spec.template;
    rollout.spec.workloadRef = { apiVersion: "apps/v1", kind: "Deployment", name: "gateway" };
    expect(checkPodSpecs(rollout)).toEqual([]);
  });
});

describe("checkPodSpecs fails each rule on bad input", () => {
  const cases: [string, (pod: Loose, main: Loose, init: Loose, deployment: Loose) => void, string, string][] = [
    ["a privileged container", (_p, main) => (main.securityContext.privileged = true), "psa/privileged", `${MAIN}.securityContext.privileged`],
    ["a missing readiness probe", (_p, main) => delete main.readinessProbe, "project/probes", MAIN],
    ["a missing liveness probe", (_p, main) => delete main.livenessProbe, "project/probes", MAIN],
    ["missing limits", (_p, main) => delete main.resources.limits, "project/resources", `${MAIN}.resources`],
    ["a missing memory request", (_p, main) => delete main.resources.requests.memory, "project/resources", `${MAIN}.resources`],
    ["init container without resources", (_p, _m, init) => delete init.resources, "project/resources", `${INIT}.resources`],
    ["a root pod user", (pod) => (pod.securityContext.runAsUser = 0), "psa/runAsUser", `${POD}.securityContext.runAsUser`],
    ["a root container user", (_p, main) => (main.securityContext.runAsUser = 0), "psa/runAsUser", `${MAIN}.securityContext.runAsUser`],
    ["a container that may run as root", (_p, main) => (main.securityContext.runAsNonRoot = false), "psa/runAsNonRoot", `${MAIN}.securityContext.runAsNonRoot`],
    ["a hostPath volume", (pod) => pod.volumes.push({ name: "docker", hostPath: { path: "/var/run/docker.sock" } }), "psa/restrictedVolumes", `${POD}.volumes[2].hostPath`],
    ["a disallowed volume type", (pod) => pod.volumes.push({ name: "share", nfs: { server: "nfs", path: "/" } }), "psa/restrictedVolumes", `${POD}.volumes[2].nfs`],
    ["privilege escalation not disabled", (_p, main) => delete main.securityContext.allowPrivilegeEscalation, "psa/allowPrivilegeEscalation", `${MAIN}.securityContext.allowPrivilegeEscalation`],
    ["privilege escalation in an init container", (_p, _m, init) => (init.securityContext.allowPrivilegeEscalation = true), "psa/allowPrivilegeEscalation", `${INIT}.securityContext.allowPrivilegeEscalation`],
    ["capabilities not dropped", (_p, main) => (main.securityContext.capabilities.drop = ["NET_RAW"]), "psa/capabilities_restricted", `${MAIN}.securityContext.capabilities.drop`],
    ["an added capability", (_p, main) => main.securityContext.capabilities.add.push("SYS_ADMIN"), "psa/capabilities_restricted", `${MAIN}.securityContext.capabilities.add`],
    ["an unconfined seccomp profile", (_p, main) => (main.securityContext.seccompProfile = { type: "Unconfined" }), "psa/seccompProfile_restricted", `${MAIN}.securityContext.seccompProfile.type`],
    ["the host network", (pod) => (pod.hostNetwork = true), "psa/hostNamespaces", `${POD}.hostNetwork`],
    ["the host PID namespace", (pod) => (pod.hostPID = true), "psa/hostNamespaces", `${POD}.hostPID`],
    ["a host port", (_p, main) => (main.ports[0].hostPort = 8080), "psa/hostPorts", `${MAIN}.ports[0].hostPort`],
    ["a writable root filesystem", (_p, _m, init) => (init.securityContext.readOnlyRootFilesystem = false), "project/read-only-root-filesystem", `${INIT}.securityContext.readOnlyRootFilesystem`],
    ["an unsafe sysctl", (pod) => (pod.securityContext.sysctls = [{ name: "kernel.msgmax", value: "1" }]), "psa/sysctls", `${POD}.securityContext.sysctls[0].name`],
    ["a custom SELinux type", (_p, main) => (main.securityContext.seLinuxOptions = { type: "spc_t" }), "psa/seLinuxOptions", `${MAIN}.securityContext.seLinuxOptions.type`],
    ["an unconfined AppArmor profile", (pod) => (pod.securityContext.appArmorProfile = { type: "Unconfined" }), "psa/appArmorProfile", `${POD}.securityContext.appArmorProfile.type`],
    [
      "an unconfined AppArmor annotation",
      (_p, _m, _i, deployment) =>
        (deployment.spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/gateway"] = "unconfined"),
      "psa/appArmorProfile",
      'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/gateway"]',
    ],
    ["an unmasked /proc", (_p, main) => (main.securityContext.procMount = "Unmasked"), "psa/procMount_restricted", `${MAIN}.securityContext.procMount`],
    ["a host process container", (_p, main) => (main.securityContext.windowsOptions = { hostProcess: true }), "psa/windowsHostProcess", `${MAIN}.securityContext.windowsOptions.hostProcess`],
  ];

  it.each(cases)("%s", (_name, change, rule, path) => {
    expect(brief(checkPodSpecs(deploymentWith(change)))).toEqual([{ rule, path }]);
  });

  it("names the container and the rule in the message", () => {
    const [problem] = checkPodSpecs(deploymentWith((_p, main) => (main.securityContext.privileged = true)));
    expect(problem).toMatchObject({
      object: "Deployment/gateway",
      message: 'container "gateway": privileged must be false or unset',
      rule: "psa/privileged",
    });
    const [limits] = checkPodSpecs(deploymentWith((_p, main) => delete main.resources.limits));
    expect(limits!.message).toBe(
      'container "gateway": missing resources limits.cpu, limits.memory; every container needs cpu and memory requests and limits',
    );
  });

  it("requires runAsNonRoot and seccomp on every container when the pod does not set them", () => {
    const deployment = deploymentWith((pod) => {
      delete pod.securityContext.runAsNonRoot;
      delete pod.securityContext.seccompProfile;
    });
    expect(brief(checkPodSpecs(deployment))).toEqual([
      { rule: "psa/runAsNonRoot", path: `${INIT}.securityContext.runAsNonRoot` },
      { rule: "psa/runAsNonRoot", path: `${MAIN}.securityContext.runAsNonRoot` },
      { rule: "psa/seccompProfile_restricted", path: `${INIT}.securityContext.seccompProfile` },
      { rule: "psa/seccompProfile_restricted", path: `${MAIN}.securityContext.seccompProfile` },
    ]);
    const perContainer = deploymentWith((pod, main, init) => {
      delete pod.securityContext.runAsNonRoot;
      delete pod.securityContext.seccompProfile;
      for (const container of [main, init]) {
        container.securityContext.runAsNonRoot = true;
        container.securityContext.seccompProfile = { type: "Localhost", localhostProfile: "profiles/gateway.json" };
      }
    });
    expect(checkPodSpecs(perContainer)).toEqual([]);
  });
});

describe("pod templates of other workloads", () => {
  it("finds the pod of a CronJob under jobTemplate and needs no probes there", () => {
    const job: Loose = fixtureObject("Job");
    const cronJob: Loose = {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "nightly" },
      spec: { schedule: "0 3 * * *", jobTemplate: { spec: job.spec } },
    };
    expect(checkPodSpecs(cronJob)).toEqual([]);
    delete cronJob.spec.jobTemplate.spec.template.spec.containers[0].resources.limits;
    expect(brief(checkPodSpecs(cronJob))).toEqual([
      { rule: "project/resources", path: "spec.jobTemplate.spec.template.spec.containers[0].resources" },
    ]);
  });

  it("checks a Rollout's pod template", () => {
    const rollout: Loose = fixtureObject("Rollout");
    rollout.spec.template.spec.containers[0].securityContext.privileged = true;
    expect(brief(checkPodSpecs(rollout))).toEqual([
      { rule: "psa/privileged", path: "spec.template.spec.containers[0].securityContext.privileged" },
    ]);
  });

  it("requires probes of a restarting bare Pod but not of one that runs to completion", () => {
    const job: Loose = fixtureObject("Job");
    const pod: Loose = { apiVersion: "v1", kind: "Pod", metadata: { name: "once" }, spec: job.spec.template.spec };
    expect(checkPodSpecs(pod)).toEqual([]);
    pod.spec.restartPolicy = "Always";
    expect(brief(checkPodSpecs(pod))).toEqual([{ rule: "project/probes", path: "spec.containers[0]" }]);
  });

  it.each([
    ["apps/v1", "StatefulSet", ["spec", "template", "spec"], false],
    ["apps/v1", "DaemonSet", ["spec", "template", "spec"], false],
    ["apps/v1", "ReplicaSet", ["spec", "template", "spec"], false],
    ["v1", "ReplicationController", ["spec", "template", "spec"], false],
    ["batch/v1", "Job", ["spec", "template", "spec"], true],
  ])("locates the pod spec of %s %s", (apiVersion, kind, specPath, runsToCompletion) => {
    const obj = { apiVersion, kind, spec: { template: { spec: { containers: [] } } } };
    expect(podTemplateOf(obj)).toMatchObject({ specPath, runsToCompletion });
  });
});

describe("levels and rule families", () => {
  const psa = (obj: Loose, level: "privileged" | "baseline" | "restricted") => brief(checkPodSecurity(obj, { level }));

  it("checkPodSpecs is PSA restricted plus the project rules, reported under separate rule prefixes", () => {
    const deployment = deploymentWith((pod, main) => {
      pod.securityContext.runAsNonRoot = false;
      delete main.livenessProbe;
    });
    expect(psa(deployment, "restricted")).toEqual([{ rule: "psa/runAsNonRoot", path: `${POD}.securityContext.runAsNonRoot` }]);
    expect(brief(checkProjectPodRules(deployment))).toEqual([{ rule: "project/probes", path: MAIN }]);
    expect(brief(checkPodSpecs(deployment))).toEqual([...psa(deployment, "restricted"), ...brief(checkProjectPodRules(deployment))]);
  });

  it("a restricted-only violation passes baseline; a baseline violation fails both; privileged checks nothing", () => {
    const rootPod = deploymentWith((pod) => (pod.securityContext.runAsUser = 0));
    expect(psa(rootPod, "restricted")).toEqual([{ rule: "psa/runAsUser", path: `${POD}.securityContext.runAsUser` }]);
    expect(psa(rootPod, "baseline")).toEqual([]);
    const hostNetwork = deploymentWith((pod) => (pod.hostNetwork = true));
    expect(psa(hostNetwork, "baseline")).toEqual([{ rule: "psa/hostNamespaces", path: `${POD}.hostNetwork` }]);
    expect(psa(hostNetwork, "restricted")).toEqual([{ rule: "psa/hostNamespaces", path: `${POD}.hostNetwork` }]);
    expect(psa(hostNetwork, "privileged")).toEqual([]);
  });

  it("names a hostPath volume by the baseline check at baseline and by restrictedVolumes at restricted", () => {
    const deployment = deploymentWith((pod) => pod.volumes.push({ name: "docker", hostPath: { path: "/var/run/docker.sock" } }));
    expect(psa(deployment, "baseline")).toEqual([{ rule: "psa/hostPathVolumes", path: `${POD}.volumes[2].hostPath` }]);
    expect(psa(deployment, "restricted")).toEqual([{ rule: "psa/restrictedVolumes", path: `${POD}.volumes[2].hostPath` }]);
  });

  it("baseline allows the default capabilities and restricted only NET_BIND_SERVICE", () => {
    const deployment = deploymentWith((_p, main) => main.securityContext.capabilities.add.push("CHOWN"));
    expect(psa(deployment, "baseline")).toEqual([]);
    expect(psa(deployment, "restricted")).toEqual([{ rule: "psa/capabilities_restricted", path: `${MAIN}.securityContext.capabilities.add` }]);
    const netRaw = deploymentWith((_p, main) => main.securityContext.capabilities.add.push("NET_RAW"));
    expect(psa(netRaw, "baseline")).toEqual([{ rule: "psa/capabilities_baseline", path: `${MAIN}.securityContext.capabilities.add` }]);
  });

  it("relaxes runAsNonRoot, runAsUser and baseline procMount for a pod in a user namespace (hostUsers: false)", () => {
    const userNamespace = deploymentWith((pod, main) => {
      pod.hostUsers = false;
      pod.securityContext.runAsNonRoot = false;
      pod.securityContext.runAsUser = 0;
      main.securityContext.procMount = "Unmasked";
    });
    expect(psa(userNamespace, "baseline")).toEqual([]);
    expect(psa(userNamespace, "restricted")).toEqual([{ rule: "psa/procMount_restricted", path: `${MAIN}.securityContext.procMount` }]);
  });

  it("forbids a host in probes and lifecycle handlers", () => {
    const deployment = deploymentWith((_p, main) => {
      main.readinessProbe = { httpGet: { host: "example.com", path: "/ready", port: "http" } };
      main.lifecycle = { preStop: { tcpSocket: { host: "10.0.0.1", port: 8080 } } };
    });
    expect(psa(deployment, "baseline")).toEqual([
      { rule: "psa/hostProbesAndHostLifecycle", path: `${MAIN}.readinessProbe.httpGet.host` },
      { rule: "psa/hostProbesAndHostLifecycle", path: `${MAIN}.lifecycle.preStop.tcpSocket.host` },
    ]);
  });

  it("treats a set profile without a type as forbidden, and an empty AppArmor annotation as allowed", () => {
    const untyped = deploymentWith((_p, main) => {
      main.securityContext.seccompProfile = {};
      main.securityContext.appArmorProfile = {};
    });
    expect(psa(untyped, "baseline")).toEqual([
      { rule: "psa/appArmorProfile", path: `${MAIN}.securityContext.appArmorProfile.type` },
      { rule: "psa/seccompProfile_baseline", path: `${MAIN}.securityContext.seccompProfile.type` },
    ]);
    const emptyAnnotation = deploymentWith((_p, _m, _i, deployment) => {
      deployment.spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/gateway"] = "";
    });
    expect(psa(emptyAnnotation, "restricted")).toEqual([]);
  });

  it("allows a volume without a source (the API server defaults it to emptyDir) and the image volume type", () => {
    const deployment = deploymentWith((pod) => {
      pod.volumes.push({ name: "scratch" }, { name: "models", image: { reference: "registry.example.com/models:1" } });
    });
    expect(psa(deployment, "restricted")).toEqual([]);
  });

  it("allows the sysctls of policy 1.32", () => {
    const deployment = deploymentWith((pod) => (pod.securityContext.sysctls = [{ name: "net.ipv4.tcp_rmem", value: "4096 87380 16777216" }]));
    expect(psa(deployment, "restricted")).toEqual([]);
  });

  it("flags a Windows pod as a project rule, which PSA's restricted level admits", () => {
    const deployment = deploymentWith((pod) => (pod.os = { name: "windows" }));
    expect(psa(deployment, "restricted")).toEqual([]);
    expect(brief(checkProjectPodRules(deployment))).toEqual([{ rule: "project/linux-only", path: `${POD}.os.name` }]);
    expect(checkProjectPodRules(deploymentWith((pod) => (pod.os = { name: "linux" })))).toEqual([]);
  });
});
