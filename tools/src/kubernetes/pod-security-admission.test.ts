import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths.js";
import { parseManifests, type KubeObject } from "./manifests.js";
import {
  checkPodSecurity,
  psaChecksFor,
  PSA_CHECKS,
  PSA_POLICY_VERSION,
  type PodSecurityLevel,
  type PsaCheckId,
} from "./pod-security-admission.js";
import { checkProjectPodRules } from "./pod-security.js";

/**
 * Kubernetes' own Pod Security Admission fixtures (test/fixtures/pod-security-admission/README.md says where
 * they come from). Upstream runs them against a real API server (test/run.go): each pass fixture must be
 * admitted at its level, each fail fixture rejected. Here checkPodSecurity must agree, and must name the check
 * the file is named after (`<check ID lower-cased><n>.yaml`, test/fixtures_test.go).
 *
 * No fixture is left out. Windows pods (restricted pass/base_windows.yaml) are admitted by PSA without the
 * seccomp, capabilities and allowPrivilegeEscalation settings, and checkPodSecurity admits them too; our
 * project does not run Windows nodes, which is the project rule project/linux-only, tested below apart from
 * PSA. User-namespace pods (hostUsers: false, procmount fixtures) are checked as PSA 1.35 checks them.
 */
const FIXTURES = join(repoRoot, "test", "fixtures", "pod-security-admission");
const LEVELS = ["baseline", "restricted"] as const;

/**
 * At the restricted level these restricted checks replace baseline checks (`OverrideCheckIDs` in upstream
 * policy/check_capabilities_restricted.go, check_procMount_restricted.go, check_restrictedVolumes.go,
 * check_seccompProfile_restricted.go), so the restricted fail fixtures named after the baseline check are
 * rejected by the restricted one.
 */
const UPSTREAM_OVERRIDES: Record<string, PsaCheckId> = {
  capabilities_baseline: "capabilities_restricted",
  procMount: "procMount_restricted",
  hostPathVolumes: "restrictedVolumes",
  seccompProfile_baseline: "seccompProfile_restricted",
};
const MINIMAL_PODS = new Set(["base", "base_linux", "base_windows"]);

interface Fixture {
  file: string;
  pod: KubeObject;
  /** The check the file is named after; undefined for the minimal valid pods. */
  check: PsaCheckId | undefined;
}

function fixtures(level: PodSecurityLevel, outcome: "pass" | "fail"): Fixture[] {
  const dir = join(FIXTURES, level, PSA_POLICY_VERSION, outcome);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const [pod] = parseManifests(readFileSync(path, "utf8"), `${level}/${PSA_POLICY_VERSION}/${outcome}/${file}`);
      if (!pod) throw new Error(`${path}: no object in the file`);
      return { file, pod, check: checkNamedBy(file, path) };
    });
}

function checkNamedBy(file: string, path: string): PsaCheckId | undefined {
  const name = file.replace(/\d*\.yaml$/, "");
  if (MINIMAL_PODS.has(name)) return undefined;
  const check = PSA_CHECKS.find((candidate) => candidate.id.toLowerCase() === name);
  if (!check) {
    throw new Error(`${path}: named after check "${name}", which pod-security-admission-checks.ts does not implement; port it from upstream policy/`);
  }
  return check.id;
}

const rulesOf = (pod: KubeObject, level: PodSecurityLevel) => [...new Set(checkPodSecurity(pod, { level }).map((p) => p.rule))];

describe.each(LEVELS)(`Pod Security Admission fixtures, level %s, policy ${PSA_POLICY_VERSION}`, (level) => {
  const pass = fixtures(level, "pass");
  const fail = fixtures(level, "fail");
  const expectedRule = (check: PsaCheckId) =>
    `psa/${level === "restricted" ? (UPSTREAM_OVERRIDES[check] ?? check) : check}`;

  it("has pass and fail fixtures", () => {
    expect(pass.length).toBeGreaterThan(0);
    expect(fail.length).toBeGreaterThan(0);
  });

  it.each(pass.map((f) => [f.file, f] as const))("admits pass/%s", (_file, { pod }) => {
    expect(checkPodSecurity(pod, { level })).toEqual([]);
  });

  it.each(fail.map((f) => [f.file, f] as const))("rejects fail/%s, naming its check", (_file, { pod, check }) => {
    const rules = rulesOf(pod, level);
    expect(check).toBeDefined();
    expect(rules).toContain(expectedRule(check!));
    const levelRules = psaChecksFor(level).map((c) => `psa/${c.id}`);
    expect(rules.filter((rule) => !levelRules.includes(rule ?? ""))).toEqual([]);
  });

  it("runs exactly the checks upstream has fixtures for at this level, less the overridden ones", () => {
    const named = new Set([...pass, ...fail].flatMap((f) => (f.check ? [f.check] : [])));
    const expected = [...named].map((check) => expectedRule(check).slice("psa/".length));
    expect(psaChecksFor(level).map((c) => c.id).sort()).toEqual([...new Set(expected)].sort());
  });

  it("every fail fixture passes the privileged level", () => {
    for (const { pod } of fail) expect(checkPodSecurity(pod, { level: "privileged" })).toEqual([]);
  });
});

describe("the check table against upstream", () => {
  it("has upstream's overrides", () => {
    const overrides = Object.fromEntries(PSA_CHECKS.flatMap((c) => c.overrides.map((o) => [o, c.id])));
    expect(overrides).toEqual(UPSTREAM_OVERRIDES);
  });
});

describe("Windows pods: PSA admits them, the project rule linux-only does not", () => {
  const restrictedPass = fixtures("restricted", "pass");
  const windows = restrictedPass.find((f) => f.file === "base_windows.yaml");
  const linux = restrictedPass.find((f) => f.file === "base_linux.yaml");

  it("base_windows.yaml passes restricted without seccomp, capabilities or allowPrivilegeEscalation", () => {
    expect(checkPodSecurity(windows!.pod, { level: "restricted" })).toEqual([]);
  });

  it("the same pod without spec.os fails those three checks", () => {
    const pod = structuredClone(windows!.pod) as KubeObject & { spec: Record<string, unknown> };
    delete pod.spec.os;
    expect(rulesOf(pod, "restricted").sort()).toEqual([
      "psa/allowPrivilegeEscalation",
      "psa/capabilities_restricted",
      "psa/seccompProfile_restricted",
    ]);
  });

  it("project/linux-only flags the Windows pod and not the Linux one", () => {
    const rules = (pod: KubeObject) => checkProjectPodRules(pod).map((p) => p.rule);
    expect(checkProjectPodRules(windows!.pod).filter((p) => p.rule === "project/linux-only")).toEqual([
      expect.objectContaining({ path: "spec.os.name", object: "Pod/base_windows" }),
    ]);
    expect(rules(linux!.pod)).not.toContain("project/linux-only");
  });
});

describe("levels", () => {
  it("rejects an unknown level with what to use instead", () => {
    const pod = fixtures("baseline", "pass")[0]!.pod;
    expect(() => checkPodSecurity(pod, { level: "strict" as PodSecurityLevel })).toThrow(
      'Unknown Pod Security level "strict"; use one of privileged, baseline, restricted',
    );
  });
});
