import { afterAll, afterEach } from "vitest";
import { GitHubStandIn, type StandInOptions } from "../support/github-api-stand-in/index.js";
import { runCli } from "../../tools/src/promote/cli.js";
import type { ChartRenderer } from "../../tools/src/promote/manifest-diff.js";
import type { PromotionOutcome } from "../../tools/src/promote/promote.js";
import { compact, copyFixture, createFixtureRepository, type FixtureRepository } from "./fixture-repo.js";

/** A token shaped like a real one, so any leak is easy to spot in captured output. */
export const TOKEN = "ghp_PromotionStandInToken0123456789abcdef";
export const OWNER = "acme";
export const REPO = "gitops";

/** The promotion the tests run, and the branch it opens. */
export const PROMOTE = ["--from", "staging", "--to", "production"];
export const PROMOTION_BRANCH = "promote/staging-to-production";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outcome?: PromotionOutcome;
}

export interface Harness {
  fixture: FixtureRepository;
  standIn: GitHubStandIn;
  run(argv: string[], options?: { env?: NodeJS.ProcessEnv; now?: Date; render?: ChartRenderer; bodyLimit?: number; withoutRoot?: boolean }): Promise<RunResult>;
  /** Every line any run printed, for the "token never printed" scan. */
  printed: string[];
  cleanup(): Promise<void>;
}

let template: FixtureRepository | undefined;
const derived = new Map<string, FixtureRepository>();

/** The fixture template of this test file (built once: building runs the generator). */
export function fixtureTemplate(): FixtureRepository {
  template ??= createFixtureRepository({ promotionConfig: "labels: [promotion]\nreviewers: [release-manager]\nteamReviewers: [sre]\nidentity: promotion-bot\n" });
  return template;
}

/**
 * A template derived from the file's template by `build` (which commits more to a copy of it), built
 * once per file under `name` and copied for each harness like the template itself.
 */
export function derivedTemplate(name: string, build: (copy: FixtureRepository) => void): () => FixtureRepository {
  return () => {
    let fixture = derived.get(name);
    if (!fixture) {
      fixture = copyFixture(fixtureTemplate());
      build(fixture);
      compact(fixture);
      derived.set(name, fixture);
    }
    return fixture;
  };
}

/** Removes the per-file template fixtures (call from afterAll). */
export function releaseFixtureTemplate(): void {
  for (const fixture of derived.values()) fixture.cleanup();
  derived.clear();
  template?.cleanup();
  template = undefined;
}

export async function startHarness(options: { standIn?: Partial<StandInOptions>; template?: () => FixtureRepository } = {}): Promise<Harness> {
  const fixture = copyFixture((options.template ?? fixtureTemplate)());
  const standIn = await GitHubStandIn.start({ gitDir: fixture.remote, owner: OWNER, repo: REPO, token: TOKEN, protectedBranches: { main: { requiredApprovingReviewCount: 1, requiredStatusChecks: ["ci"] } }, ...options.standIn });
  const printed: string[] = [];
  return {
    fixture,
    standIn,
    printed,
    async run(argv, runOptions = {}) {
      const stdout: string[] = [];
      const stderr: string[] = [];
      let outcome: PromotionOutcome | undefined;
      const location = runOptions.withoutRoot ? [] : ["--root", fixture.clone, "--repo", `${OWNER}/${REPO}`];
      const code = await runCli([...argv, ...location], {
        env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: standIn.url, ...runOptions.env },
        cwd: fixture.clone,
        stdout: (text) => stdout.push(text),
        stderr: (text) => stderr.push(text),
        client: { retryBaseMs: 5, rateLimitBaseMs: 20, spaceWrites: false },
        now: runOptions.now,
        render: runOptions.render,
        bodyLimit: runOptions.bodyLimit,
        onOutcome: (o) => (outcome = o),
      });
      printed.push(...stdout, ...stderr);
      return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n"), outcome };
    },
    async cleanup() {
      await standIn.close();
      fixture.cleanup();
    },
  };
}

/**
 * For a test file: registers the hooks that clean up the harness a test started after that test,
 * and the fixture template after the file; returns the function a test starts its harness with.
 */
export function harnessPerTest(): (options?: Parameters<typeof startHarness>[0]) => Promise<Harness> {
  let current: Harness | undefined;
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  afterAll(releaseFixtureTemplate);
  return async (options) => (current = await startHarness(options));
}

/** Snapshot of everything local the promotion could touch: status, HEAD, every ref. */
export function localState(fixture: FixtureRepository): string {
  return [fixture.git(["status", "--porcelain", "--ignored"]), fixture.git(["rev-parse", "HEAD"]), fixture.git(["for-each-ref"])].join("\n");
}

/** Snapshot of the stand-in's state: refs, pull requests, comments, labels. */
export function remoteState(standIn: GitHubStandIn): string {
  return JSON.stringify({ refs: standIn.store.listRefs("refs/"), pulls: standIn.pulls, comments: standIn.comments, labels: [...standIn.labels.keys()] });
}
