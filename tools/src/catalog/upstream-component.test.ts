import { describe, expect, it } from "vitest";
import { parseUpstreamComponent } from "./upstream-component.js";

const FILE = "schemas/upstream/cert-manager.json";
const upstream = (repoURL: string) =>
  JSON.stringify({ "x-upstream": { repoURL, chart: "cert-manager", version: "v1.21.1", layer: "infrastructure", group: "certificates", dependencies: [], namespace: "cert-manager", serverSideApply: false } }, null, 2);
const parse = (repoURL: string) => parseUpstreamComponent("cert-manager", FILE, upstream(repoURL));

/**
 * x-upstream.repoURL in the two forms Argo CD 3.x deploys a Helm chart from (argo-cd v3.4.4
 * docs/user-guide/helm.md:28-38): an https:// Helm repository, or an OCI registry path without a
 * scheme plus `chart`. An `oci://` repoURL makes Argo CD fetch a plain OCI artifact and ignore
 * `chart` (pkg/apis/application/v1alpha1/types.go:317-319 IsOCI, checked first in
 * reposerver/repository/repository.go:349-352), so it is refused with the form to write.
 */
describe("x-upstream.repoURL", () => {
  it.each(["https://charts.jetstack.io", "https://prometheus-community.github.io/helm-charts", "quay.io/jetstack/charts", "registry-1.docker.io/bitnamicharts", "ghcr.io/org/team/charts", "localhost:5000/charts", "registry.example.com:8443/helm"])("accepts %s", (repoURL) => {
    const result = parse(repoURL);
    expect(result.problems).toEqual([]);
    expect(result.component?.source).toEqual({ kind: "upstream", repoURL, chart: "cert-manager", version: "v1.21.1" });
  });

  it("refuses oci:// and says which form to write", () => {
    const [problem, ...rest] = parse("oci://quay.io/jetstack/charts").problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "GEN010", file: FILE, path: "x-upstream.repoURL", location: { line: 3, column: 5 } });
    expect(problem?.message).toBe('x-upstream.repoURL is "oci://quay.io/jetstack/charts": Argo CD 3.x fetches any oci:// repoURL as a plain OCI artifact and ignores `chart`, so the Helm chart would not be found.');
    expect(problem?.fix).toBe(
      'Write the registry path without the scheme: "repoURL": "quay.io/jetstack/charts" in schemas/upstream/cert-manager.json (Argo CD then pulls oci://quay.io/jetstack/charts/<chart> as a Helm chart; the generated AppProjects allow exactly that repoURL).',
    );
  });

  it.each([
    ["http://charts.example.com", "plain HTTP"],
    ["https://charts.jetstack.io/", "a trailing slash"],
    ["quay.io/jetstack/charts/", "a trailing slash on a registry path"],
    ["charts/jetstack", "no registry host"],
    ["Quay.io/Jetstack/charts", "uppercase (OCI repository names are lowercase)"],
    ["quay.io/jetstack charts", "whitespace"],
  ])("refuses %s (%s)", (repoURL) => {
    expect(parse(repoURL).problems.map((p) => [p.code, p.path, p.message])).toEqual([
      [
        "GEN010",
        "x-upstream.repoURL",
        `x-upstream.repoURL is ${JSON.stringify(repoURL)}; it must be an https:// Helm repository URL (e.g. "https://charts.jetstack.io") or, for a chart in an OCI registry, the registry path without a scheme (e.g. "quay.io/jetstack/charts"); no trailing slash.`,
      ],
    ]);
  });
});

describe("x-upstream fields that become Kubernetes names and label values", () => {
  const withField = (field: string, value: unknown) => {
    const document = JSON.parse(upstream("quay.io/jetstack/charts")) as { "x-upstream": Record<string, unknown> };
    document["x-upstream"][field] = value;
    return parseUpstreamComponent("cert-manager", FILE, JSON.stringify(document, null, 2)).problems.map((p) => p.path);
  };

  it.each(["group", "namespace"])("%s: at most 63 characters (a label value, a namespace name)", (field) => {
    expect(withField(field, "a".repeat(63))).toEqual([]);
    expect(withField(field, "a".repeat(64))).toEqual([`x-upstream.${field}`]);
  });
});

/** x-upstream.podSecurity: a weaker Pod Security level a chart's pods need, always with its reason. */
describe("x-upstream.podSecurity", () => {
  const withPodSecurity = (podSecurity: unknown) => {
    const schema = JSON.parse(upstream("https://charts.jetstack.io")) as { "x-upstream": Record<string, unknown> };
    schema["x-upstream"].podSecurity = podSecurity;
    return parseUpstreamComponent("cert-manager", FILE, JSON.stringify(schema, null, 2));
  };

  it("is absent for a chart whose pods run at restricted", () => {
    expect(parse("https://charts.jetstack.io").component?.podSecurity).toBeUndefined();
  });

  it("carries the level and the reason", () => {
    const reason = "node agent on the host network and host PID namespace";
    expect(withPodSecurity({ level: "privileged", reason }).component?.podSecurity).toEqual({ level: "privileged", reason });
  });

  it.each([
    [{ level: "restricted", reason: "restricted is the default, not an exception" }, "restricted is no exception"],
    [{ level: "privileged" }, "no reason"],
    [{ level: "privileged", reason: "needs it" }, "a reason too short to say why"],
    [{ level: "root", reason: "a level Pod Security does not define" }, "an unknown level"],
    [{ level: "baseline", reason: "host ports for the ingress node agent", extra: true }, "an unknown field"],
    ["privileged", "a bare level"],
  ])("refuses %j (%s)", (podSecurity, _why) => {
    const [problem, ...rest] = withPodSecurity(podSecurity).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: "GEN010", path: "x-upstream.podSecurity" });
    expect(problem?.message).toContain('it must be absent (the pods run at Pod Security "restricted") or {"level": "baseline" | "privileged"');
  });
});
