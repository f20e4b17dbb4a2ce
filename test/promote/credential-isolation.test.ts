import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { materializeCommit } from "../../tools/src/promote/git.js";
import { isContinuationComment } from "../../tools/src/promote/pr-body.js";
import { REDACTED } from "../../tools/src/promote/redact.js";
import { pinned, STAGING_ENVIRONMENT, type FixtureRepository } from "./fixture-repo.js";
import { harnessPerTest, PROMOTE, startHarness, TOKEN, type Harness } from "./harness.js";

/**
 * Issue 17.1: the credentials of the promotion never reach what it renders, prints or publishes.
 * The secrets live in this process's environment (where Helm and git would inherit them from) and
 * in the CLI's; every request body the GitHub stand-in received is scanned for them.
 */
const ARGOCD_TOKEN = "argocd-SecretTokenValue-0123456789";
const NPM_TOKEN = "npm_SecretLookingValue9876543210";
const KEY_LINES = ["-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEAfakeKeyMaterialLineOne0123", "fakeKeyMaterialLineTwo4567890abcdefABCDEF", "-----END RSA PRIVATE KEY-----"];
/** Stored on one line with literal `\n`, as a key pasted into a secret store usually is. */
const ESCAPED_KEY = KEY_LINES.join("\\n");
const SECRET_FRAGMENTS = [TOKEN, ARGOCD_TOKEN, NPM_TOKEN, "fakeKeyMaterialLineOne", "fakeKeyMaterialLineTwo"];
const SECRET_ENV = { GITHUB_TOKEN: TOKEN, ARGOCD_TOKEN, NPM_TOKEN, GITHUB_APP_PRIVATE_KEY: ESCAPED_KEY };

function stubSecrets(): void {
  for (const [name, value] of Object.entries(SECRET_ENV)) vi.stubEnv(name, value);
}

/** Everything the stand-in was sent, request by request. */
function sentBodies(harness: Harness): string[] {
  return harness.standIn.requests.filter((r) => r.body !== undefined).map((r) => JSON.stringify(r.body));
}

function leaksIn(texts: readonly string[]): string[] {
  return SECRET_FRAGMENTS.filter((secret) => texts.some((text) => text.includes(secret)));
}

/** Commits `files` (and symlinks) as a new revision of main, then pins staging's alpha and beta to it. */
function pinChartsAt(fixture: FixtureRepository, files: Record<string, string>, links: Record<string, string> = {}): string {
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(join(fixture.clone, path, ".."), { recursive: true });
    symlinkSync(target, join(fixture.clone, path));
  }
  const revision = fixture.commitAndPush("alpha: new chart revision", files);
  // The head of main no longer has the links: only the pinned revision does.
  for (const path of Object.keys(links)) rmSync(join(fixture.clone, path));
  const staging = pinned(STAGING_ENVIRONMENT, fixture).replace(/((?:alpha|beta):\n\s+enabled: true\n\s+chartRevision: )[0-9a-f]{40}/g, `$1${revision}`);
  fixture.commitAndPush("staging runs the new alpha", { "environments/staging/environment.yaml": staging }, ["staging"]);
  return revision;
}

describe("a symlink leaving the repository at a pinned chart revision", () => {
  const start = harnessPerTest();
  afterEach(() => vi.unstubAllEnvs());

  it("is refused before Helm reads it: the command fails with PRM011 naming the link, and no secret reaches GitHub", async () => {
    const harness = await start();
    pinChartsAt(
      harness.fixture,
      { "charts/alpha/templates/leak.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leak\ndata:\n  environ: {{ .Files.Get "files/leak" | quote }}\n' },
      { "charts/alpha/files/leak": "/proc/self/environ" },
    );
    stubSecrets();
    const result = await harness.run(PROMOTE, { env: SECRET_ENV });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/PRM011 commit [0-9a-f]{12} has 1 symlink\(s\) pointing outside the repository: charts\/alpha\/files\/leak -> \/proc\/self\/environ/);
    expect(result.stderr).toMatch(/fix: Replace each listed symlink/);
    expect(harness.standIn.pulls).toHaveLength(0);
    expect(leaksIn([...sentBodies(harness), result.stdout, result.stderr])).toEqual([]);
  });

  it("inside the snapshot (charts/<name>/charts/common -> ../../common style) keeps rendering", async () => {
    const harness = await start();
    pinChartsAt(harness.fixture, { "charts/alpha/shared/note.txt": "inside the repository\n", "charts/alpha/templates/note.yaml": 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: note\ndata:\n  note: {{ .Files.Get "files/note" | quote }}\n' }, { "charts/alpha/files/note": "../shared/note.txt" });
    const result = await harness.run([...PROMOTE, "--dry-run"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('+  note: "inside the repository\\n"');
  });
});

describe("materializeCommit", () => {
  it("refuses a link that only leaves the snapshot once the kernel follows another link, and a dangling one", () => {
    const dir = mkdtempSync(join(tmpdir(), "promote-chain-"));
    try {
      const repo = join(dir, "repo");
      mkdirSync(join(repo, "charts", "y"), { recursive: true });
      // Written as text, `charts/l` stays inside (charts/y/up/../../.. is the root); followed, up is the root and l its grandparent.
      symlinkSync("../..", join(repo, "charts", "y", "up"));
      symlinkSync("y/up/../../..", join(repo, "charts", "l"));
      symlinkSync("y/up/../../../promote-no-such-file", join(repo, "charts", "d")); // the same, to a file that does not exist
      const git = (...args: string[]) => spawnSync("git", ["-C", repo, ...args], { encoding: "utf8" });
      git("init", "--quiet");
      git("add", "-A");
      git("-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "links");
      const commit = git("rev-parse", "HEAD").stdout.trim();
      const out = join(dir, "snapshot");
      mkdirSync(out);
      expect(() => materializeCommit(repo, commit, ["charts/"], out)).toThrow("2 symlink(s) pointing outside the repository: charts/d -> y/up/../../../promote-no-such-file (dangling), charts/l -> y/up/../../..");
      expect(existsSync(out)).toBe(false); // nothing of the snapshot is left for anything to read
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a chart that prints secrets", () => {
  let harness: Harness;
  let code: number;
  let printed: string;
  beforeAll(async () => {
    harness = await startHarness();
    const key = KEY_LINES.map((line) => `    ${line}`).join("\n");
    const leaky = (count: number) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leaky\ndata:\n${Array.from({ length: count }, (_, i) => `  token-${i}: "${TOKEN} ${ARGOCD_TOKEN} ${NPM_TOKEN}"`).join("\n")}\n  key: |\n${key}\n  keyEscaped: "${ESCAPED_KEY}"\n`;
    // alpha's diff is small and stays in the description; beta's is large and goes into comments.
    pinChartsAt(harness.fixture, { "charts/alpha/templates/leaky.yaml": leaky(2), "charts/beta/templates/leaky.yaml": leaky(150) });
    stubSecrets();
    // A small body limit, so the diff also goes into continuation comments.
    const result = await harness.run(PROMOTE, { env: SECRET_ENV, bodyLimit: 8000 });
    code = result.code;
    printed = `${result.stdout}\n${result.stderr}`;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await harness.cleanup();
  });

  it("publishes a redacted description and redacted continuation comments", () => {
    expect(code, printed).toBe(0);
    const pull = harness.standIn.pulls[0]!;
    const comments = harness.standIn.comments.filter((c) => isContinuationComment(c.body));
    expect(comments.length).toBeGreaterThan(0);
    expect(pull.body).toContain(REDACTED);
    expect(comments.some((c) => c.body.includes(REDACTED))).toBe(true);
    expect(leaksIn([pull.title, pull.body, ...comments.map((c) => c.body)])).toEqual([]);
    expect(leaksIn(sentBodies(harness))).toEqual([]);
  });

  it("redacts a private key stored with literal \\n in both its escaped and its real-newline form", () => {
    const published = [...sentBodies(harness), printed];
    expect(leaksIn(published).filter((s) => s.startsWith("fakeKey"))).toEqual([]);
    // Both forms were in the render: the escaped one whole, the real-newline one line by line.
    expect(printed).toContain(`+  keyEscaped: "${REDACTED}"`);
    expect(printed).toContain(`+    ${REDACTED}\n`);
  });
});

describe("child processes of the promotion", () => {
  const start = harnessPerTest();
  afterEach(() => vi.unstubAllEnvs());

  it("run Helm and git with a minimal environment: no token, no key, nothing secret-looking", async () => {
    const harness = await start();
    const dumps = mkdtempSync(join(tmpdir(), "promote-env-dumps-"));
    try {
      const fakeHelm = join(dumps, "helm");
      writeFileSync(fakeHelm, `#!/bin/sh\n/usr/bin/env > "${dumps}/helm-env-$$"\nprintf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: fake\\n'\n`);
      const wrapperDir = join(dumps, "bin");
      mkdirSync(wrapperDir);
      // Only the promotion's own snapshot reader runs `git ls-tree`: its environment is dumped.
      writeFileSync(join(wrapperDir, "git"), `#!/bin/sh\ncase " $* " in *" ls-tree "*) /usr/bin/env > "${dumps}/git-env-$$";; esac\nexec /usr/bin/git "$@"\n`);
      chmodSync(fakeHelm, 0o755);
      chmodSync(join(wrapperDir, "git"), 0o755);
      stubSecrets();
      vi.stubEnv("HELM_BIN", fakeHelm);
      vi.stubEnv("PATH", `${wrapperDir}:${process.env.PATH}`);
      const result = await harness.run([...PROMOTE, "--dry-run"], { env: SECRET_ENV });
      expect(result.code, result.stderr).toBe(0);
      const files = readdirSync(dumps).filter((f) => f.includes("-env-"));
      expect(files.filter((f) => f.startsWith("helm-")).length).toBeGreaterThan(0);
      expect(files.filter((f) => f.startsWith("git-")).length).toBeGreaterThan(0);
      for (const file of files) {
        const env = readFileSync(join(dumps, file), "utf8");
        const names = env.split("\n").map((line) => line.split("=")[0]);
        expect(names, file).toContain("PATH");
        expect(names.filter((n) => /TOKEN|KEY|SECRET|^GH_|^ARGOCD_/.test(n ?? "")), file).toEqual([]);
        expect(leaksIn([env]), file).toEqual([]);
      }
    } finally {
      rmSync(dumps, { recursive: true, force: true });
    }
  });
});
