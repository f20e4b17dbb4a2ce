import { isRecord } from "./manifests.js";
import {
  containerSecurityPath,
  podPath,
  podSecurityPath,
  record,
  type Finding,
  type PodView,
} from "./pod-security-admission-pod.js";
import type { PathSegment } from "./problem.js";

/**
 * The checks of Kubernetes' Pod Security Admission, policy version 1.35 (the "latest" of Kubernetes 1.35 and
 * 1.36), ported from kubernetes/pod-security-admission v0.36.2 `policy/check_*.go` (= kubernetes/kubernetes
 * staging/src/k8s.io/pod-security-admission/policy). Each check keeps its upstream ID, level and overrides, so
 * a problem's rule `psa/<ID>` names the check that the API server's rejection would name. They read the pod
 * as the API server sees it after defaulting; see restrictedVolumes for the one default that matters.
 *
 * Proven against upstream's own fixtures in pod-security-admission.test.ts.
 */
export type PsaCheckId =
  | "appArmorProfile"
  | "capabilities_baseline"
  | "hostNamespaces"
  | "hostPathVolumes"
  | "hostPorts"
  | "hostProbesAndHostLifecycle"
  | "privileged"
  | "procMount"
  | "seLinuxOptions"
  | "seccompProfile_baseline"
  | "sysctls"
  | "windowsHostProcess"
  | "allowPrivilegeEscalation"
  | "capabilities_restricted"
  | "procMount_restricted"
  | "restrictedVolumes"
  | "runAsNonRoot"
  | "runAsUser"
  | "seccompProfile_restricted";

export interface PsaCheck {
  id: PsaCheckId;
  /** Baseline checks run in baseline and restricted namespaces, restricted checks only in restricted ones. */
  level: "baseline" | "restricted";
  /** Baseline checks this restricted check replaces at the restricted level (upstream `OverrideCheckIDs`). */
  overrides: readonly PsaCheckId[];
  /** The upstream file that defines the check, under policy/. */
  upstream: string;
  run(pod: PodView, finding: Finding): void;
}

// policy/check_capabilities_baseline.go: capabilities_allowed_1_0
const BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);
// policy/check_sysctls.go: sysctlsAllowedV1Dot32 (the newest set in release 1.36)
const SAFE_SYSCTLS = new Set([
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start",
  "net.ipv4.ip_local_reserved_ports",
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
  "net.ipv4.tcp_rmem",
  "net.ipv4.tcp_wmem",
]);
// policy/check_seLinuxOptions.go: selinuxAllowedTypes1_31 ("" is an unset type)
const SELINUX_TYPES = new Set(["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]);
// policy/check_seccompProfile_baseline.go validSeccomp, policy/check_appArmorProfile.go allowedProfileType
const PROFILE_TYPES = new Set(["RuntimeDefault", "Localhost"]);
const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
// policy/check_restrictedVolumes.go: the volume sources restricted allows ("image" since Kubernetes 1.33, in every policy version)
const RESTRICTED_VOLUME_SOURCES = [
  "configMap",
  "csi",
  "downwardAPI",
  "emptyDir",
  "ephemeral",
  "image",
  "persistentVolumeClaim",
  "projected",
  "secret",
];
const HOST_NAMESPACES = ["hostNetwork", "hostPID", "hostIPC"] as const;
const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const LIFECYCLE_HANDLERS = ["postStart", "preStop"] as const;
const HOST_ACTIONS = ["httpGet", "tcpSocket"] as const;

/** policy/helpers.go relaxPolicyForUserNamespacePod: the pod runs in a user namespace. */
const inUserNamespace = (pod: PodView): boolean => pod.spec.hostUsers === false;

/** The 1.25+ versions of the restricted checks admit Windows pods (`spec.os.name: windows`) unchecked. */
const isWindowsPod = (pod: PodView): boolean => record(pod.spec.os).name === "windows";

const BASELINE_CHECKS: PsaCheck[] = [
  {
    id: "appArmorProfile",
    level: "baseline",
    overrides: [],
    upstream: "check_appArmorProfile.go",
    run(pod, finding) {
      const check = (profile: unknown, path: PathSegment[], who: string) => {
        if (!isRecord(profile)) return;
        if (!PROFILE_TYPES.has(String(profile.type ?? ""))) {
          finding([...path, "type"], `${who}: appArmorProfile.type ${describe(profile.type)} is forbidden; use RuntimeDefault or Localhost`);
        }
      };
      check(pod.securityContext.appArmorProfile, podSecurityPath(pod, "appArmorProfile"), "pod");
      for (const ref of pod.containers) {
        check(ref.securityContext.appArmorProfile, containerSecurityPath(ref, "appArmorProfile"), ref.label);
      }
      for (const [key, value] of Object.entries(pod.template.annotations)) {
        if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
        const profile = value === null || value === undefined ? "" : String(value);
        if (profile === "" || profile === "runtime/default" || profile.startsWith("localhost/")) continue;
        finding(
          [...pod.template.annotationsPath, key],
          `AppArmor annotation ${key}=${JSON.stringify(profile)} is forbidden; use runtime/default or localhost/<profile>, or securityContext.appArmorProfile`,
        );
      }
    },
  },
  {
    id: "capabilities_baseline",
    level: "baseline",
    overrides: [],
    upstream: "check_capabilities_baseline.go",
    run(pod, finding) {
      for (const ref of pod.containers) {
        const added = list(record(ref.securityContext.capabilities).add);
        const forbidden = added.filter((capability) => !BASELINE_CAPABILITIES.has(String(capability)));
        if (forbidden.length > 0) {
          finding(
            containerSecurityPath(ref, "capabilities", "add"),
            `${ref.label}: capabilities.add has ${forbidden.map(String).join(", ")}, beyond the default set (${[...BASELINE_CAPABILITIES].join(", ")})`,
          );
        }
      }
    },
  },
  {
    id: "hostNamespaces",
    level: "baseline",
    overrides: [],
    upstream: "check_hostNamespaces.go",
    run(pod, finding) {
      for (const field of HOST_NAMESPACES) {
        if (pod.spec[field] === true) {
          finding(podPath(pod, field), `${field} must be false or unset: pods may not share the host's namespaces`);
        }
      }
    },
  },
  {
    id: "hostPathVolumes",
    level: "baseline",
    overrides: [],
    upstream: "check_hostPathVolumes.go",
    run(pod, finding) {
      volumesOf(pod).forEach(({ volume, label }, index) => {
        if (isRecord(volume.hostPath)) {
          finding(podPath(pod, "volumes", index, "hostPath"), `${label} is a hostPath volume, which is forbidden; use emptyDir, configMap, secret or a persistentVolumeClaim`);
        }
      });
    },
  },
  {
    id: "hostPorts",
    level: "baseline",
    overrides: [],
    upstream: "check_hostPorts.go",
    run(pod, finding) {
      for (const ref of pod.containers) {
        list(ref.container.ports).forEach((port, index) => {
          const hostPort = record(port).hostPort;
          if (hostPort !== undefined && hostPort !== null && hostPort !== 0) {
            finding([...ref.path, "ports", index, "hostPort"], `${ref.label}: hostPort ${String(hostPort)} is forbidden; expose the port through a Service`);
          }
        });
      }
    },
  },
  {
    id: "hostProbesAndHostLifecycle",
    level: "baseline",
    overrides: [],
    upstream: "check_hostProbesAndhostLifecycle.go",
    run(pod, finding) {
      const check = (handler: unknown, path: PathSegment[], who: string) => {
        for (const action of HOST_ACTIONS) {
          const host = record(record(handler)[action]).host;
          if (typeof host === "string" && host !== "") {
            finding([...path, action, "host"], `${who}: ${action}.host ${host} is forbidden; leave host unset so the kubelet connects to the pod's own IP`);
          }
        }
      };
      for (const ref of pod.containers) {
        for (const probe of PROBES) check(ref.container[probe], [...ref.path, probe], `${ref.label} ${probe}`);
        const lifecycle = record(ref.container.lifecycle);
        for (const hook of LIFECYCLE_HANDLERS) {
          check(lifecycle[hook], [...ref.path, "lifecycle", hook], `${ref.label} lifecycle.${hook}`);
        }
      }
    },
  },
  {
    id: "privileged",
    level: "baseline",
    overrides: [],
    upstream: "check_privileged.go",
    run(pod, finding) {
      for (const ref of pod.containers) {
        if (ref.securityContext.privileged === true) {
          finding(containerSecurityPath(ref, "privileged"), `${ref.label}: privileged must be false or unset`);
        }
      }
    },
  },
  {
    id: "procMount",
    level: "baseline",
    overrides: [],
    upstream: "check_procMount_baseline.go",
    run(pod, finding) {
      // 1.35: any procMount is allowed in a user namespace (hostUsers: false).
      if (!inUserNamespace(pod)) unmaskedProcMounts(pod, finding, " outside a user namespace (hostUsers: false)");
    },
  },
  {
    id: "seLinuxOptions",
    level: "baseline",
    overrides: [],
    upstream: "check_seLinuxOptions.go",
    run(pod, finding) {
      const check = (options: unknown, path: PathSegment[], who: string) => {
        if (!isRecord(options)) return;
        const type = options.type ?? "";
        if (!SELINUX_TYPES.has(String(type))) {
          finding([...path, "type"], `${who}: seLinuxOptions.type ${String(type)} is forbidden; leave it unset or use ${[...SELINUX_TYPES].filter(Boolean).join(", ")}`);
        }
        for (const field of ["user", "role"] as const) {
          if (typeof options[field] === "string" && options[field] !== "") {
            finding([...path, field], `${who}: seLinuxOptions.${field} must not be set`);
          }
        }
      };
      check(pod.securityContext.seLinuxOptions, podSecurityPath(pod, "seLinuxOptions"), "pod");
      for (const ref of pod.containers) {
        check(ref.securityContext.seLinuxOptions, containerSecurityPath(ref, "seLinuxOptions"), ref.label);
      }
    },
  },
  {
    id: "seccompProfile_baseline",
    level: "baseline",
    overrides: [],
    upstream: "check_seccompProfile_baseline.go",
    run(pod, finding) {
      forbiddenSeccompProfiles(pod, finding);
    },
  },
  {
    id: "sysctls",
    level: "baseline",
    overrides: [],
    upstream: "check_sysctls.go",
    run(pod, finding) {
      list(pod.securityContext.sysctls).forEach((sysctl, index) => {
        const name = String(record(sysctl).name ?? "");
        if (!SAFE_SYSCTLS.has(name)) {
          finding(podSecurityPath(pod, "sysctls", index, "name"), `sysctl ${name} is forbidden; only these are allowed: ${[...SAFE_SYSCTLS].join(", ")}`);
        }
      });
    },
  },
  {
    id: "windowsHostProcess",
    level: "baseline",
    overrides: [],
    upstream: "check_windowsHostProcess.go",
    run(pod, finding) {
      const message = "windowsOptions.hostProcess must be false or unset: host process containers are forbidden";
      if (record(pod.securityContext.windowsOptions).hostProcess === true) {
        finding(podSecurityPath(pod, "windowsOptions", "hostProcess"), `pod ${message}`);
      }
      for (const ref of pod.containers) {
        if (record(ref.securityContext.windowsOptions).hostProcess === true) {
          finding(containerSecurityPath(ref, "windowsOptions", "hostProcess"), `${ref.label}: ${message}`);
        }
      }
    },
  },
];

const RESTRICTED_CHECKS: PsaCheck[] = [
  {
    id: "allowPrivilegeEscalation",
    level: "restricted",
    overrides: [],
    upstream: "check_allowPrivilegeEscalation.go",
    run(pod, finding) {
      if (isWindowsPod(pod)) return;
      for (const ref of pod.containers) {
        const value = ref.securityContext.allowPrivilegeEscalation;
        if (value !== false) {
          const actual = value === undefined || value === null ? "is not set" : `is ${String(value)}`;
          finding(containerSecurityPath(ref, "allowPrivilegeEscalation"), `${ref.label}: allowPrivilegeEscalation ${actual}; set it to false`);
        }
      }
    },
  },
  {
    id: "capabilities_restricted",
    level: "restricted",
    overrides: ["capabilities_baseline"],
    upstream: "check_capabilities_restricted.go",
    run(pod, finding) {
      if (isWindowsPod(pod)) return;
      for (const ref of pod.containers) {
        const capabilities = record(ref.securityContext.capabilities);
        if (!list(capabilities.drop).includes("ALL")) {
          finding(containerSecurityPath(ref, "capabilities", "drop"), `${ref.label}: capabilities.drop must include ALL`);
        }
        const forbidden = list(capabilities.add).filter((capability) => capability !== "NET_BIND_SERVICE");
        if (forbidden.length > 0) {
          finding(containerSecurityPath(ref, "capabilities", "add"), `${ref.label}: capabilities.add may only contain NET_BIND_SERVICE, not ${forbidden.map(String).join(", ")}`);
        }
      }
    },
  },
  {
    id: "procMount_restricted",
    level: "restricted",
    overrides: ["procMount"],
    upstream: "check_procMount_restricted.go",
    run(pod, finding) {
      unmaskedProcMounts(pod, finding, "");
    },
  },
  {
    id: "restrictedVolumes",
    level: "restricted",
    overrides: ["hostPathVolumes"],
    upstream: "check_restrictedVolumes.go",
    run(pod, finding) {
      volumesOf(pod).forEach(({ volume, label }, index) => {
        const sources = Object.keys(volume).filter((key) => key !== "name" && volume[key] !== null && volume[key] !== undefined);
        if (sources.some((source) => RESTRICTED_VOLUME_SOURCES.includes(source))) return;
        // The API server defaults a volume without any source to emptyDir before admission
        // (pkg/apis/core/v1/defaults.go SetDefaults_Volume); upstream's pass fixture restrictedvolumes0 has one.
        const [source] = sources;
        if (source === undefined) return;
        finding(podPath(pod, "volumes", index, source), `${label} has type ${source}, which restricted forbids; allowed types: ${RESTRICTED_VOLUME_SOURCES.join(", ")}`);
      });
    },
  },
  {
    id: "runAsNonRoot",
    level: "restricted",
    overrides: [],
    upstream: "check_runAsNonRoot.go",
    run(pod, finding) {
      if (inUserNamespace(pod)) return; // 1.35
      // Like upstream, name the explicit runAsNonRoot: false settings, and only when there are none the
      // containers that inherit no runAsNonRoot: true from the pod.
      const podValue = pod.securityContext.runAsNonRoot;
      const explicit = pod.containers.filter((ref) => ref.securityContext.runAsNonRoot === false);
      if (podValue === false || explicit.length > 0) {
        if (podValue === false) finding(podSecurityPath(pod, "runAsNonRoot"), "pod runAsNonRoot is false; set it to true");
        for (const ref of explicit) finding(containerSecurityPath(ref, "runAsNonRoot"), `${ref.label}: runAsNonRoot is false; set it to true`);
        return;
      }
      if (podValue === true) return;
      for (const ref of pod.containers) {
        if (ref.securityContext.runAsNonRoot === true) continue;
        finding(containerSecurityPath(ref, "runAsNonRoot"), `${ref.label}: runAsNonRoot is not set here or in the pod's securityContext; set it to true in either`);
      }
    },
  },
  {
    id: "runAsUser",
    level: "restricted",
    overrides: [],
    upstream: "check_runAsUser.go",
    run(pod, finding) {
      if (inUserNamespace(pod)) return; // 1.35
      if (pod.securityContext.runAsUser === 0) {
        finding(podSecurityPath(pod, "runAsUser"), "pod runAsUser is 0 (root); use a non-zero UID");
      }
      for (const ref of pod.containers) {
        if (ref.securityContext.runAsUser === 0) {
          finding(containerSecurityPath(ref, "runAsUser"), `${ref.label}: runAsUser is 0 (root); use a non-zero UID`);
        }
      }
    },
  },
  {
    id: "seccompProfile_restricted",
    level: "restricted",
    overrides: ["seccompProfile_baseline"],
    upstream: "check_seccompProfile_restricted.go",
    run(pod, finding) {
      if (isWindowsPod(pod)) return;
      const explicit = forbiddenSeccompProfiles(pod, finding);
      const podProfile = pod.securityContext.seccompProfile;
      const podSet = isRecord(podProfile) && PROFILE_TYPES.has(String(podProfile.type ?? ""));
      if (explicit || podSet) return;
      for (const ref of pod.containers) {
        if (isRecord(ref.securityContext.seccompProfile)) continue;
        finding(containerSecurityPath(ref, "seccompProfile"), `${ref.label}: no seccompProfile; set type RuntimeDefault or Localhost in the pod's securityContext or the container's`);
      }
    },
  },
];

/** Every check of policy version 1.35, baseline first, each group in upstream's (sorted) ID order. */
export const PSA_CHECKS: readonly PsaCheck[] = [...BASELINE_CHECKS, ...RESTRICTED_CHECKS];

/** policy/check_procMount_baseline.go procMount_1_0: procMount must be unset or Default. */
function unmaskedProcMounts(pod: PodView, finding: Finding, scope: string): void {
  for (const ref of pod.containers) {
    const procMount = ref.securityContext.procMount;
    if (procMount !== undefined && procMount !== null && procMount !== "Default") {
      finding(containerSecurityPath(ref, "procMount"), `${ref.label}: procMount ${String(procMount)} is forbidden${scope}; leave it unset or Default`);
    }
  }
}

/**
 * Explicitly set seccomp profiles of a type other than RuntimeDefault or Localhost (an empty type included),
 * on the pod or a container; whether there were any. Both seccomp checks forbid them
 * (policy/check_seccompProfile_baseline.go, check_seccompProfile_restricted.go).
 */
function forbiddenSeccompProfiles(pod: PodView, finding: Finding): boolean {
  let found = false;
  const check = (profile: unknown, path: PathSegment[], who: string) => {
    if (!isRecord(profile) || PROFILE_TYPES.has(String(profile.type ?? ""))) return;
    found = true;
    finding([...path, "type"], `${who}: seccompProfile.type ${describe(profile.type)} is forbidden; use RuntimeDefault or Localhost`);
  };
  check(pod.securityContext.seccompProfile, podSecurityPath(pod, "seccompProfile"), "pod");
  for (const ref of pod.containers) {
    check(ref.securityContext.seccompProfile, containerSecurityPath(ref, "seccompProfile"), ref.label);
  }
  return found;
}

function volumesOf(pod: PodView): { volume: Record<string, unknown>; label: string }[] {
  return list(pod.spec.volumes).map((volume, index) => {
    const fields = record(volume);
    return { volume: fields, label: `volume "${typeof fields.name === "string" ? fields.name : `#${index}`}"` };
  });
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function describe(value: unknown): string {
  return value === undefined || value === null || value === "" ? "(empty)" : String(value);
}
