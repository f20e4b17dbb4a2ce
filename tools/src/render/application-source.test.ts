import { describe, expect, it } from "vitest";
import { renderRequestOf, repoServerTemplateArgs } from "./application-source.js";

const application = (sources: unknown[], destination = { namespace: "platform" }) => ({ metadata: { name: "production-mcp-server" }, spec: { sources, destination } });
const values = { repoURL: "https://example.com/repo.git", targetRevision: "0123456789abcdef0123456789abcdef01234567", ref: "values" };

describe("renderRequestOf", () => {
  it("reads a chart of the repository, value files through the $values source, valuesObject and parameters", () => {
    const request = renderRequestOf(
      application([
        { repoURL: values.repoURL, targetRevision: values.targetRevision, path: "charts/mcp-server", helm: { releaseName: "mcp-server", valueFiles: ["$values/environments/production/values/mcp-server.yaml", "ci/extra.yaml"], valuesObject: { a: 1 }, parameters: [{ name: "image.tag", value: "1.4.0", forceString: true }] } },
        values,
      ]),
    );
    expect(request).toEqual({
      application: "production-mcp-server",
      chart: { kind: "repository", repoURL: values.repoURL, revision: values.targetRevision, path: "charts/mcp-server" },
      releaseName: "mcp-server",
      namespace: "platform",
      valueFiles: [
        { repoURL: values.repoURL, revision: values.targetRevision, path: "environments/production/values/mcp-server.yaml" },
        { repoURL: values.repoURL, revision: values.targetRevision, path: "charts/mcp-server/ci/extra.yaml" },
      ],
      valuesObject: { a: 1 },
      parameters: [{ name: "image.tag", value: "1.4.0", forceString: true }],
    });
  });

  it("defaults the release name to the Application's name, as the repo-server does", () => {
    expect(renderRequestOf(application([{ repoURL: "https://charts.example.com", chart: "x", targetRevision: "1.0.0" }])).releaseName).toBe("production-mcp-server");
  });

  it("refuses what Argo CD could not render: an oci:// repoURL with chart, a $ref no source declares, no destination namespace", () => {
    expect(() => renderRequestOf(application([{ repoURL: "oci://registry-1.docker.io/bitnamicharts", chart: "redis", targetRevision: "1.0.0" }]))).toThrow(/oci:\/\/ scheme, so Argo CD treats it as a plain OCI artifact and ignores chart "redis"/);
    expect(() => renderRequestOf(application([{ repoURL: "https://charts.example.com", chart: "x", targetRevision: "1.0.0", helm: { valueFiles: ["$other/x.yaml"] } }]))).toThrow(/names \$other, which no source declares as ref/);
    expect(() => renderRequestOf(application([{ repoURL: "https://charts.example.com", chart: "x", targetRevision: "1.0.0" }], {} as { namespace: string }))).toThrow(/destination.namespace is not set/);
  });
});

describe("repoServerTemplateArgs", () => {
  it("orders the arguments as argo-cd v3.4.4 util/helm/cmd.go template() does", () => {
    const request = renderRequestOf(
      application([{ repoURL: "https://charts.example.com", chart: "x", targetRevision: "1.0.0", helm: { releaseName: "x", valuesObject: { a: 1 }, parameters: [{ name: "s", value: "1", forceString: true }, { name: "p", value: "2" }] } }]),
    );
    expect(repoServerTemplateArgs("/charts/x.tgz", request, { valueFiles: ["/v/a.yaml"], valuesObjectFile: "/v/object.yaml" }, { kubeVersion: "1.33.0", apiVersions: ["monitoring.coreos.com/v1"] })).toEqual([
      "template", "/charts/x.tgz", "--name-template", "x", "--namespace", "platform", "--kube-version", "1.33.0",
      "--set", "p=2", "--set-string", "s=1",
      "--values", "/v/a.yaml", "--values", "/v/object.yaml",
      "--api-versions", "monitoring.coreos.com/v1", "--include-crds",
    ]);
  });
});
