import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { helmRenderer, renderManifestDiffs, type ChartRenderer } from "../../tools/src/promote/manifest-diff.js";
import type { CachedRender } from "../../tools/src/render/render-cache.js";
import { Workspace } from "../../tools/src/promote/snapshot.js";

let root: string;

function git(args: string[]): string {
  const result = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

function write(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** A chart that includes a library chart through a symlink under charts/, as charts/mcp-server does. */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "manifest-diff-"));
  git(["init", "--quiet", "--initial-branch=main"]);
  write("charts/common/Chart.yaml", "apiVersion: v2\nname: common\ntype: library\nversion: 0.1.0\n");
  write("charts/common/templates/_labels.tpl", '{{- define "common.labels" -}}\nmanaged-by: fixture\n{{- end -}}\n');
  write("charts/api/Chart.yaml", "apiVersion: v2\nname: api\ntype: application\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 0.1.0\n    repository: file://../common\n");
  write("charts/api/values.yaml", 'image:\n  tag: latest\n  digest: ""\ngreeting: hello\n');
  write("charts/api/templates/configmap.yaml", 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  namespace: {{ .Release.Namespace }}\n  labels:\n    {{- include "common.labels" . | nindent 4 }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n  tag: {{ .Values.image.tag | quote }}\n  kind: {{ kindOf .Values.image.tag | quote }}\n  digest: {{ .Values.image.digest | quote }}\n');
  mkdirSync(join(root, "charts/api/charts"), { recursive: true });
  symlinkSync("../../common", join(root, "charts/api/charts/common"));
  write("environments/prod/values/api.yaml", "greeting: hello prod\n");
  git(["add", "-A"]);
  git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "v1"]);
  git(["tag", "v1.0.0"]);
  write("environments/prod/values/api.yaml", "greeting: good morning prod\n");
  write("environments/prod/clusters/us/values/api.yaml", "greeting: good morning us\n");
  git(["add", "-A"]);
  git(["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "v2"]);
  git(["tag", "v2.0.0"]);
  // The working tree differs from both revisions: the diff must not read it.
  write("environments/prod/values/api.yaml", "greeting: uncommitted\n");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const component = (chartRevision: string, imageTag: string, imageDigest = "") => ({ name: "api", chartPath: "charts/api", chartRevision, imageTag, imageDigest, namespace: "api-prod" });
const DIGEST_1 = `sha256:${"1".repeat(64)}`;
const DIGEST_2 = `sha256:${"2".repeat(64)}`;

describe("renderManifestDiffs", () => {
  it("renders the chart and the values file at each pinned revision (symlinked library included), the tag as a string", () => {
    const workspace = new Workspace();
    try {
      const [diff] = renderManifestDiffs({ root, environment: "prod", before: [component("v1.0.0", "1.0")], after: [component("v2.0.0", "2")], components: ["api"], workspace });
      expect(diff?.note).toBeUndefined();
      expect(diff?.diff).toContain("--- a/prod/api\tcharts/api@v1.0.0, image 1.0");
      expect(diff?.diff).toContain('-  greeting: "hello prod"\n-  tag: "1.0"\n+  greeting: "good morning prod"\n+  tag: "2"\n   kind: "string"');
      expect(diff?.diff).toContain("managed-by: fixture");
      expect(diff?.diff).not.toContain("uncommitted");
    } finally {
      workspace.dispose();
    }
  });

  it("renders the image digest pin as image.digest: a new digest under the same tag is a diff, and the label names it", () => {
    const workspace = new Workspace();
    try {
      const [diff] = renderManifestDiffs({ root, environment: "prod", before: [component("v2.0.0", "2", DIGEST_1)], after: [component("v2.0.0", "2", DIGEST_2)], components: ["api"], workspace });
      expect(diff?.note).toBeUndefined();
      expect(diff?.diff).toContain(`--- a/prod/api\tcharts/api@v2.0.0, image 2@${DIGEST_1}`);
      expect(diff?.diff).toContain(`+++ b/prod/api\tcharts/api@v2.0.0, image 2@${DIGEST_2}`);
      expect(diff?.diff).toContain(`-  digest: "${DIGEST_1}"\n+  digest: "${DIGEST_2}"`);
      const [unpinned] = renderManifestDiffs({ root, environment: "prod", before: [component("v2.0.0", "2")], after: [component("v2.0.0", "2", DIGEST_1)], components: ["api"], workspace });
      expect(unpinned?.diff).toContain(`-  digest: ""\n+  digest: "${DIGEST_1}"`);
    } finally {
      workspace.dispose();
    }
  });

  it("says so when nothing changes in the rendered manifests, or a revision is not in the clone", () => {
    const workspace = new Workspace();
    try {
      const [same] = renderManifestDiffs({ root, environment: "prod", before: [component("v2.0.0", "2")], after: [component("v2.0.0", "2")], components: ["api"], workspace });
      expect(same).toEqual({ component: "api", diff: "", note: "the rendered manifests are identical" });
      const [missing] = renderManifestDiffs({ root, environment: "prod", before: [component("v1.0.0", "2")], after: [component("v3.0.0", "2")], components: ["api"], workspace });
      expect(missing?.diff).toBe("");
      expect(missing?.note).toBe("not rendered: revision v3.0.0 is not in the local clone (run `git fetch --tags origin`)");
      const [added] = renderManifestDiffs({ root, environment: "prod", before: [], after: [component("v2.0.0", "2")], components: ["api"], workspace });
      expect(added?.diff).toContain("--- a/prod/api\t(not deployed)");
    } finally {
      workspace.dispose();
    }
  });

  it("renders each cluster's Application once per distinct state; a cluster with its own overlay renders with it", () => {
    const workspace = new Workspace();
    const calls: string[][] = [];
    const render: ChartRenderer = (_chart, options) => {
      calls.push(options.valuesFiles.map((file) => file.split("/environments/")[1] ?? "(image pins)"));
      return { status: 0, stdout: options.valuesFiles.map((file) => readFileSync(file, "utf8")).join("---\n"), stderr: "" };
    };
    const inCluster = (cluster: string, tag: string, overlay = false) => ({ ...component("v2.0.0", tag), cluster, ...(overlay ? { overlayValuesFile: "environments/prod/clusters/us/values/api.yaml" } : {}) });
    try {
      const diffs = renderManifestDiffs({
        root,
        environment: "prod",
        before: [inCluster("eu", "1"), inCluster("ap", "1"), inCluster("us", "1", true)],
        after: [inCluster("eu", "2"), inCluster("ap", "2"), inCluster("us", "2", true)],
        components: ["api"],
        clusters: new Map([["api", ["eu", "ap", "us"]]]),
        workspace,
        render,
      });
      expect(diffs.map((d) => d.cluster)).toEqual(["eu", "ap", "us"]);
      // eu and ap render alike (no overlay): once per side; us with its overlay after the environment's values.
      expect(calls).toEqual([
        ["prod/values/api.yaml", "(image pins)"],
        ["prod/values/api.yaml", "(image pins)"],
        ["prod/values/api.yaml", "prod/clusters/us/values/api.yaml", "(image pins)"],
        ["prod/values/api.yaml", "prod/clusters/us/values/api.yaml", "(image pins)"],
      ]);
      expect(diffs[1]?.diff).toContain("--- a/prod/ap/api");
      expect(diffs[2]?.diff).toContain(" greeting: good morning us");
    } finally {
      workspace.dispose();
    }
  });
});

describe("helmRenderer: the promotion's renders go through the shared render cache", () => {
  it("reads an unchanged render back, and renders again when the chart, a library it links, a values file or an argument changes", () => {
    const dir = mkdtempSync(join(tmpdir(), "promote-render-cache-"));
    try {
      const render = helmRenderer({ cacheDir: join(dir, "cache") });
      const put = (path: string, content: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      };
      put("common/Chart.yaml", "apiVersion: v2\nname: common\ntype: library\nversion: 0.1.0\n");
      put("common/templates/_labels.tpl", '{{- define "common.labels" -}}\nmanaged-by: one\n{{- end -}}\n');
      put("api/Chart.yaml", "apiVersion: v2\nname: api\ntype: application\nversion: 0.1.0\ndependencies:\n  - name: common\n    version: 0.1.0\n    repository: file://../common\n");
      put("api/templates/configmap.yaml", 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  labels:\n    {{- include "common.labels" . | nindent 4 }}\ndata:\n  greeting: {{ .Values.greeting | quote }}\n');
      mkdirSync(join(dir, "api/charts"));
      symlinkSync("../../common", join(dir, "api/charts/common"));
      put("values.yaml", "greeting: hello\n");
      const chart = join(dir, "api");
      const options = { releaseName: "api", namespace: "api-prod", valuesFiles: [join(dir, "values.yaml")] };
      const once = (opts = options) => render(chart, opts) as CachedRender;

      const first = once();
      expect(first.status, first.stderr).toBe(0);
      expect(first.cached).toBe(false);
      expect(first.stdout).toContain('greeting: "hello"');
      const again = once();
      expect(again.cached).toBe(true);
      expect(again.stdout).toBe(first.stdout);

      // The same path with other bytes is another render: the key is the content, never the path.
      put("values.yaml", "greeting: good morning\n");
      const values = once();
      expect([values.cached, values.stdout.includes('greeting: "good morning"')]).toEqual([false, true]);
      put("api/templates/configmap.yaml", readFileSync(join(dir, "api/templates/configmap.yaml"), "utf8").replace("greeting:", "salutation:"));
      const template = once();
      expect([template.cached, template.stdout.includes("salutation:")]).toEqual([false, true]);
      put("common/templates/_labels.tpl", '{{- define "common.labels" -}}\nmanaged-by: two\n{{- end -}}\n');
      const library = once();
      expect([library.cached, library.stdout.includes("managed-by: two")]).toEqual([false, true]);
      const renamed = once({ ...options, releaseName: "api-2" });
      expect([renamed.cached, renamed.stdout.includes("name: api-2")]).toEqual([false, true]);
      expect(once().cached).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
