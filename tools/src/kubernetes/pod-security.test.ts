import { describe, expect, it } from "vitest";
import { checkPodSpecs } from "./pod-security.js";
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
    ["a privileged container", (_p, main) => (main.securityContext.privileged = true), "pss/privileged", `${MAIN}.securityContext.privileged`],
    ["a missing readiness probe", (_p, main) => delete main.readinessProbe, "project/probes", MAIN],
    ["a missing liveness probe", (_p, main) => delete main.livenessProbe, "project/probes", MAIN],
    ["missing limits", (_p, main) => delete main.resources.limits, "project/resources", `${MAIN}.resources`],
    ["a missing memory request", (_p, main) => delete main.resources.requests.memory, "project/resources", `${MAIN}.resources`],
    ["init container without resources", (_p, _m, init) => delete init.resources, "project/resources", `${INIT}.resources`],
    ["a root pod user", (pod) => (pod.securityContext.runAsUser = 0), "pss/run-as-user", `${POD}.securityContext.runAsUser`],
    ["a root container user", (_p, main) => (main.securityContext.runAsUser = 0), "pss/run-as-user", `${MAIN}.securityContext.runAsUser`],
    ["a container that may run as root", (_p, main) => (main.securityContext.runAsNonRoot = false), "pss/run-as-non-root", `${MAIN}.securityContext.runAsNonRoot`],
    ["a hostPath volume", (pod) => pod.volumes.push({ name: "docker", hostPath: { path: "/var/run/docker.sock" } }), "pss/host-path", `${POD}.volumes[2].hostPath`],
    ["a disallowed volume type", (pod) => pod.volumes.push({ name: "share", nfs: { server: "nfs", path: "/" } }), "pss/volume-types", `${POD}.volumes[2].nfs`],
    ["privilege escalation not disabled", (_p, main) => delete main.securityContext.allowPrivilegeEscalation, "pss/privilege-escalation", `${MAIN}.securityContext.allowPrivilegeEscalation`],
    ["privilege escalation in an init container", (_p, _m, init) => (init.securityContext.allowPrivilegeEscalation = true), "pss/privilege-escalation", `${INIT}.securityContext.allowPrivilegeEscalation`],
    ["capabilities not dropped", (_p, main) => (main.securityContext.capabilities.drop = ["NET_RAW"]), "pss/capabilities", `${MAIN}.securityContext.capabilities.drop`],
    ["an added capability", (_p, main) => main.securityContext.capabilities.add.push("SYS_ADMIN"), "pss/capabilities", `${MAIN}.securityContext.capabilities.add`],
    ["an unconfined seccomp profile", (_p, main) => (main.securityContext.seccompProfile = { type: "Unconfined" }), "pss/seccomp", `${MAIN}.securityContext.seccompProfile.type`],
    ["the host network", (pod) => (pod.hostNetwork = true), "pss/host-namespaces", `${POD}.hostNetwork`],
    ["the host PID namespace", (pod) => (pod.hostPID = true), "pss/host-namespaces", `${POD}.hostPID`],
    ["a host port", (_p, main) => (main.ports[0].hostPort = 8080), "pss/host-ports", `${MAIN}.ports[0].hostPort`],
    ["a writable root filesystem", (_p, _m, init) => (init.securityContext.readOnlyRootFilesystem = false), "project/read-only-root-filesystem", `${INIT}.securityContext.readOnlyRootFilesystem`],
    ["an unsafe sysctl", (pod) => (pod.securityContext.sysctls = [{ name: "kernel.msgmax", value: "1" }]), "pss/sysctls", `${POD}.securityContext.sysctls[0].name`],
    ["a custom SELinux type", (_p, main) => (main.securityContext.seLinuxOptions = { type: "spc_t" }), "pss/selinux", `${MAIN}.securityContext.seLinuxOptions.type`],
    ["an unconfined AppArmor profile", (pod) => (pod.securityContext.appArmorProfile = { type: "Unconfined" }), "pss/apparmor", `${POD}.securityContext.appArmorProfile.type`],
    [
      "an unconfined AppArmor annotation",
      (_p, _m, _i, deployment) =>
        (deployment.spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/gateway"] = "unconfined"),
      "pss/apparmor",
      'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/gateway"]',
    ],
    ["an unmasked /proc", (_p, main) => (main.securityContext.procMount = "Unmasked"), "pss/proc-mount", `${MAIN}.securityContext.procMount`],
    ["a host process container", (_p, main) => (main.securityContext.windowsOptions = { hostProcess: true }), "pss/host-process", `${MAIN}.securityContext.windowsOptions.hostProcess`],
  ];

  it.each(cases)("%s", (_name, change, rule, path) => {
    expect(brief(checkPodSpecs(deploymentWith(change)))).toEqual([{ rule, path }]);
  });

  it("names the container and the rule in the message", () => {
    const [problem] = checkPodSpecs(deploymentWith((_p, main) => (main.securityContext.privileged = true)));
    expect(problem).toMatchObject({
      object: "Deployment/gateway",
      message: 'container "gateway": privileged must be false or unset',
      rule: "pss/privileged",
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
      { rule: "pss/seccomp", path: `${INIT}.securityContext.seccompProfile` },
      { rule: "pss/seccomp", path: `${MAIN}.securityContext.seccompProfile` },
      { rule: "pss/run-as-non-root", path: `${INIT}.securityContext.runAsNonRoot` },
      { rule: "pss/run-as-non-root", path: `${MAIN}.securityContext.runAsNonRoot` },
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
      { rule: "pss/privileged", path: "spec.template.spec.containers[0].securityContext.privileged" },
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
