import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RenderRequest } from "./application-source.js";
import { planApplicationRender, type RepositoryCheckout } from "./render-application.js";

const root = mkdtempSync(join(tmpdir(), "render-application-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function git(...args: string[]): string {
  const result = spawnSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com" },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout.trim();
}

function commitChart(version: string): string {
  // A snapshot holds apps/, charts/ and environments/ of the commit, as the repo-server checks them out.
  for (const dir of ["apps", "environments"]) {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, "README.md"), `${dir}\n`);
  }
  mkdirSync(join(root, "charts", "demo"), { recursive: true });
  writeFileSync(join(root, "charts", "demo", "Chart.yaml"), `apiVersion: v2\nname: demo\nversion: ${version}\n`);
  git("add", "-A");
  git("commit", "--quiet", "--no-verify", "-m", version);
  return git("rev-parse", "HEAD");
}

const URL = "https://example.com/gitops.git";
const request = (revision: string): RenderRequest => ({ application: "demo", chart: { kind: "repository", repoURL: URL, revision, path: "charts/demo" }, releaseName: "demo", namespace: "demo", valueFiles: [], parameters: [] });
const chartVersionOf = (plan: { args: string[] }) => readFileSync(join(plan.args[1] as string, "Chart.yaml"), "utf8").match(/version: (\S+)/)?.[1];

describe("planApplicationRender", () => {
  it("reads a commit SHA's chart from that commit, and a branch's from wherever the branch points now", () => {
    git("init", "--quiet", "--initial-branch=main");
    const first = commitChart("0.1.0");
    git("branch", "release");
    const checkout: RepositoryCheckout = { root, url: URL, workingTreeRevisions: new Set(["main"]) };
    expect(chartVersionOf(planApplicationRender(request(first), "helm", checkout))).toBe("0.1.0");
    expect(chartVersionOf(planApplicationRender(request("release"), "helm", checkout))).toBe("0.1.0");
    const second = commitChart("0.2.0");
    git("branch", "--force", "release", second);
    // The branch moved: it is resolved again. The SHA still names the first commit.
    expect(chartVersionOf(planApplicationRender(request("release"), "helm", checkout))).toBe("0.2.0");
    expect(chartVersionOf(planApplicationRender(request(first), "helm", checkout))).toBe("0.1.0");
    // The working tree stands for main.
    expect(chartVersionOf(planApplicationRender(request("main"), "helm", checkout))).toBe("0.2.0");
  });
});
