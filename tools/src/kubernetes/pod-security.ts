import { isRecord, objectLabel, sourceOf } from "./manifests.js";
import { podTemplateOf, type PodTemplate } from "./pod-templates.js";
import { formatPath, type PathSegment, type Problem } from "./problem.js";

// Pod Security Standards, https://kubernetes.io/docs/concepts/security/pod-security-standards/ ("restricted",
// which includes "baseline"). Windows pods are not exempted from the Linux-only controls: this project runs
// Linux nodes only.
const RESTRICTED_VOLUME_TYPES = new Set([
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "persistentVolumeClaim",
  "projected",
  "secret",
]);
const ADDABLE_CAPABILITIES = new Set(["NET_BIND_SERVICE"]);
const SECCOMP_TYPES = new Set(["RuntimeDefault", "Localhost"]);
const APPARMOR_TYPES = new Set(["RuntimeDefault", "Localhost"]);
const SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
]);
const HOST_NAMESPACE_FIELDS = ["hostNetwork", "hostPID", "hostIPC"] as const;
const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
const REQUIRED_RESOURCES = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] as const;

type ContainerRole = "container" | "init container" | "ephemeral container";

interface ContainerRef {
  container: Record<string, unknown>;
  securityContext: Record<string, unknown>;
  path: PathSegment[];
  role: ContainerRole;
  label: string;
}

type Report = (rule: string, path: PathSegment[], message: string) => void;

/**
 * Pod Security Standard "restricted" plus the project's rules (read-only root filesystem, cpu/memory
 * requests and limits, liveness and readiness probes for long-running pods) for the pod spec of a Pod or
 * workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, Rollout).
 * Objects without a pod template yield no problems.
 */
export function checkPodSpecs(obj: Record<string, unknown>, options: { source?: string } = {}): Problem[] {
  const pod = podTemplateOf(obj);
  if (!pod) return [];
  const problems: Problem[] = [];
  const object = objectLabel(obj);
  const source = options.source ?? sourceOf(obj);
  const report: Report = (rule, path, message) =>
    problems.push({ object, ...(source ? { source } : {}), path: formatPath(path), message, rule });

  const podSecurity = record(pod.spec.securityContext);
  const containers = containersOf(pod);
  checkHostNamespaces(pod, report);
  checkHostProcess(pod, podSecurity, containers, report);
  checkVolumes(pod, report);
  checkSysctls(pod, podSecurity, report);
  checkSeLinux(pod, podSecurity, containers, report);
  checkAppArmor(pod, podSecurity, containers, report);
  checkSeccomp(pod, podSecurity, containers, report);
  checkRunAsNonRoot(pod, podSecurity, containers, report);
  checkRunAsUser(pod, podSecurity, containers, report);
  for (const ref of containers) {
    checkPrivileged(ref, report);
    checkPrivilegeEscalation(ref, report);
    checkCapabilities(ref, report);
    checkHostPorts(ref, report);
    checkProcMount(ref, report);
    if (ref.role === "ephemeral container") continue;
    checkReadOnlyRootFilesystem(ref, report);
    checkResources(ref, report);
    if (ref.role === "container" && !pod.runsToCompletion) checkProbes(ref, report);
  }
  return problems;
}

function containersOf(pod: PodTemplate): ContainerRef[] {
  const lists: [string, ContainerRole][] = [
    ["initContainers", "init container"],
    ["containers", "container"],
    ["ephemeralContainers", "ephemeral container"],
  ];
  const refs: ContainerRef[] = [];
  for (const [field, role] of lists) {
    const list = pod.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container: unknown, index) => {
      if (!isRecord(container)) return;
      const name = typeof container.name === "string" ? container.name : `#${index}`;
      refs.push({
        container,
        securityContext: record(container.securityContext),
        path: [...pod.specPath, field, index],
        role,
        label: `${role} "${name}"`,
      });
    });
  }
  return refs;
}

const podPath = (pod: PodTemplate, ...rest: PathSegment[]): PathSegment[] => [...pod.specPath, ...rest];
const securityPath = (ref: ContainerRef, ...rest: PathSegment[]): PathSegment[] => [
  ...ref.path,
  "securityContext",
  ...rest,
];

function checkHostNamespaces(pod: PodTemplate, report: Report): void {
  for (const field of HOST_NAMESPACE_FIELDS) {
    if (pod.spec[field] === true) {
      report("pss/host-namespaces", podPath(pod, field), `${field} must be false or unset: pods may not share the host's namespaces`);
    }
  }
}

function checkHostProcess(pod: PodTemplate, podSecurity: Record<string, unknown>, containers: ContainerRef[], report: Report): void {
  const message = "windowsOptions.hostProcess must be false or unset: host process containers are forbidden";
  if (record(podSecurity.windowsOptions).hostProcess === true) {
    report("pss/host-process", podPath(pod, "securityContext", "windowsOptions", "hostProcess"), `pod ${message}`);
  }
  for (const ref of containers) {
    if (record(ref.securityContext.windowsOptions).hostProcess === true) {
      report("pss/host-process", securityPath(ref, "windowsOptions", "hostProcess"), `${ref.label}: ${message}`);
    }
  }
}

function checkVolumes(pod: PodTemplate, report: Report): void {
  const volumes = pod.spec.volumes;
  if (!Array.isArray(volumes)) return;
  volumes.forEach((volume: unknown, index) => {
    if (!isRecord(volume)) return;
    const label = `volume "${typeof volume.name === "string" ? volume.name : `#${index}`}"`;
    for (const type of Object.keys(volume)) {
      if (type === "name") continue;
      const path = podPath(pod, "volumes", index, type);
      if (type === "hostPath") {
        report("pss/host-path", path, `${label} is a hostPath volume, which is forbidden; use emptyDir, configMap, secret or a persistentVolumeClaim`);
      } else if (!RESTRICTED_VOLUME_TYPES.has(type)) {
        report("pss/volume-types", path, `${label} has type ${type}; allowed types: ${[...RESTRICTED_VOLUME_TYPES].join(", ")}`);
      }
    }
  });
}

function checkSysctls(pod: PodTemplate, podSecurity: Record<string, unknown>, report: Report): void {
  const sysctls = podSecurity.sysctls;
  if (!Array.isArray(sysctls)) return;
  sysctls.forEach((sysctl: unknown, index) => {
    const name = record(sysctl).name;
    if (typeof name === "string" && !SAFE_SYSCTLS.has(name)) {
      report("pss/sysctls", podPath(pod, "securityContext", "sysctls", index, "name"), `sysctl ${name} is not in the safe set: ${[...SAFE_SYSCTLS].join(", ")}`);
    }
  });
}

function checkSeLinux(pod: PodTemplate, podSecurity: Record<string, unknown>, containers: ContainerRef[], report: Report): void {
  const check = (options: unknown, path: PathSegment[], who: string) => {
    if (!isRecord(options)) return;
    if (typeof options.type === "string" && !SELINUX_TYPES.has(options.type)) {
      report("pss/selinux", [...path, "type"], `${who}: seLinuxOptions.type ${options.type} is not allowed; use one of ${[...SELINUX_TYPES].filter(Boolean).join(", ")}`);
    }
    for (const field of ["user", "role"] as const) {
      if (options[field] !== undefined && options[field] !== "") {
        report("pss/selinux", [...path, field], `${who}: seLinuxOptions.${field} must not be set`);
      }
    }
  };
  check(podSecurity.seLinuxOptions, podPath(pod, "securityContext", "seLinuxOptions"), "pod");
  for (const ref of containers) check(ref.securityContext.seLinuxOptions, securityPath(ref, "seLinuxOptions"), ref.label);
}

function checkAppArmor(pod: PodTemplate, podSecurity: Record<string, unknown>, containers: ContainerRef[], report: Report): void {
  const check = (profile: unknown, path: PathSegment[], who: string) => {
    const type = record(profile).type;
    if (type !== undefined && !APPARMOR_TYPES.has(String(type))) {
      report("pss/apparmor", [...path, "type"], `${who}: appArmorProfile.type ${String(type)} is not allowed; use RuntimeDefault or Localhost`);
    }
  };
  check(podSecurity.appArmorProfile, podPath(pod, "securityContext", "appArmorProfile"), "pod");
  for (const ref of containers) check(ref.securityContext.appArmorProfile, securityPath(ref, "appArmorProfile"), ref.label);
  for (const [key, value] of Object.entries(pod.annotations)) {
    if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
    if (value === "runtime/default" || (typeof value === "string" && value.startsWith("localhost/"))) continue;
    report("pss/apparmor", [...pod.annotationsPath, key], `AppArmor annotation ${key}=${String(value)} is not allowed; use runtime/default or localhost/<profile>`);
  }
}

function checkSeccomp(pod: PodTemplate, podSecurity: Record<string, unknown>, containers: ContainerRef[], report: Report): void {
  const podType = record(podSecurity.seccompProfile).type;
  const allowed = [...SECCOMP_TYPES].join(" or ");
  if (podType !== undefined && !SECCOMP_TYPES.has(String(podType))) {
    report("pss/seccomp", podPath(pod, "securityContext", "seccompProfile", "type"), `pod seccompProfile.type ${String(podType)} is not allowed; use ${allowed}`);
  }
  for (const ref of containers) {
    const type = record(ref.securityContext.seccompProfile).type;
    if (type !== undefined && !SECCOMP_TYPES.has(String(type))) {
      report("pss/seccomp", securityPath(ref, "seccompProfile", "type"), `${ref.label}: seccompProfile.type ${String(type)} is not allowed; use ${allowed}`);
    } else if (type === undefined && podType === undefined) {
      report("pss/seccomp", securityPath(ref, "seccompProfile"), `${ref.label}: no seccompProfile; set type ${allowed} in the pod's securityContext or the container's`);
    }
  }
}

function checkRunAsNonRoot(pod: PodTemplate, podSecurity: Record<string, unknown>, containers: ContainerRef[], report: Report): void {
  if (podSecurity.runAsNonRoot === false) {
    report("pss/run-as-non-root", podPath(pod, "securityContext", "runAsNonRoot"), "pod runAsNonRoot must be true");
  }
  for (const ref of containers) {
    const own = ref.securityContext.runAsNonRoot;
    if (own === true || (own === undefined && podSecurity.runAsNonRoot === true)) continue;
    const detail = own === false ? "runAsNonRoot is false" : "runAsNonRoot is not set here or in the pod's securityContext";
    report("pss/run-as-non-root", securityPath(ref, "runAsNonRoot"), `${ref.label}: ${detail}; it must be true`);
  }
}

function checkRunAsUser(pod: PodTemplate, podSecurity: Record<string, unknown>, containers: ContainerRef[], report: Report): void {
  if (podSecurity.runAsUser === 0) {
    report("pss/run-as-user", podPath(pod, "securityContext", "runAsUser"), "pod runAsUser is 0 (root); use a non-zero UID");
  }
  for (const ref of containers) {
    if (ref.securityContext.runAsUser === 0) {
      report("pss/run-as-user", securityPath(ref, "runAsUser"), `${ref.label}: runAsUser is 0 (root); use a non-zero UID`);
    }
  }
}

function checkPrivileged(ref: ContainerRef, report: Report): void {
  if (ref.securityContext.privileged === true) {
    report("pss/privileged", securityPath(ref, "privileged"), `${ref.label}: privileged must be false or unset`);
  }
}

function checkPrivilegeEscalation(ref: ContainerRef, report: Report): void {
  if (ref.securityContext.allowPrivilegeEscalation !== false) {
    const actual = ref.securityContext.allowPrivilegeEscalation === undefined ? "is not set" : "is true";
    report("pss/privilege-escalation", securityPath(ref, "allowPrivilegeEscalation"), `${ref.label}: allowPrivilegeEscalation ${actual}; it must be false`);
  }
}

function checkCapabilities(ref: ContainerRef, report: Report): void {
  const capabilities = record(ref.securityContext.capabilities);
  const drop = Array.isArray(capabilities.drop) ? capabilities.drop : [];
  if (!drop.includes("ALL")) {
    report("pss/capabilities", securityPath(ref, "capabilities", "drop"), `${ref.label}: capabilities.drop must include ALL`);
  }
  const add = Array.isArray(capabilities.add) ? capabilities.add : [];
  const forbidden = add.filter((capability) => !ADDABLE_CAPABILITIES.has(String(capability)));
  if (forbidden.length > 0) {
    report("pss/capabilities", securityPath(ref, "capabilities", "add"), `${ref.label}: capabilities.add may only contain NET_BIND_SERVICE, not ${forbidden.join(", ")}`);
  }
}

function checkHostPorts(ref: ContainerRef, report: Report): void {
  const ports = ref.container.ports;
  if (!Array.isArray(ports)) return;
  ports.forEach((port: unknown, index) => {
    const hostPort = record(port).hostPort;
    if (hostPort !== undefined && hostPort !== 0) {
      report("pss/host-ports", [...ref.path, "ports", index, "hostPort"], `${ref.label}: hostPort ${String(hostPort)} is forbidden; expose the port through a Service`);
    }
  });
}

function checkProcMount(ref: ContainerRef, report: Report): void {
  const procMount = ref.securityContext.procMount;
  if (procMount !== undefined && procMount !== "Default") {
    report("pss/proc-mount", securityPath(ref, "procMount"), `${ref.label}: procMount ${String(procMount)} is not allowed; leave it unset or Default`);
  }
}

function checkReadOnlyRootFilesystem(ref: ContainerRef, report: Report): void {
  if (ref.securityContext.readOnlyRootFilesystem !== true) {
    report("project/read-only-root-filesystem", securityPath(ref, "readOnlyRootFilesystem"), `${ref.label}: readOnlyRootFilesystem must be true; mount an emptyDir where the process writes`);
  }
}

function checkResources(ref: ContainerRef, report: Report): void {
  const resources = record(ref.container.resources);
  const missing = REQUIRED_RESOURCES.filter((name) => {
    const [section = "", resource = ""] = name.split(".");
    const value = record(resources[section])[resource];
    return value === undefined || value === null || value === "";
  });
  if (missing.length > 0) {
    report("project/resources", [...ref.path, "resources"], `${ref.label}: missing resources ${missing.join(", ")}; every container needs cpu and memory requests and limits`);
  }
}

function checkProbes(ref: ContainerRef, report: Report): void {
  const missing = ["livenessProbe", "readinessProbe"].filter((probe) => !isRecord(ref.container[probe]));
  if (missing.length > 0) {
    report("project/probes", ref.path, `${ref.label}: missing ${missing.join(" and ")}; long-running containers need both`);
  }
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
