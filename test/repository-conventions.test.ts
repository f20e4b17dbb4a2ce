import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../tools/src/paths.js";

/** Conventions a GitOps repository of pinned charts is expected to keep (issue 14, "Repository conventions"). */

const read = (path: string): string => readFileSync(join(repoRoot, path), "utf8");

/** The environments' `repository.url` values (they must all agree: one repository holds the charts and the pins). */
function repositoryUrls(): { file: string; url: string }[] {
  return readdirSync(join(repoRoot, "environments"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, "environments", entry.name, "environment.yaml")))
    .map((entry) => {
      const file = `environments/${entry.name}/environment.yaml`;
      const url = (parseYaml(read(file)) as { repository?: { url?: unknown } }).repository?.url;
      if (typeof url !== "string") throw new Error(`${file}: repository.url is missing; every environment names the repository Argo CD reads.`);
      return { file, url };
    });
}

/** https://github.com/<org>/<repo>.git -> https://github.com/<org>/<repo> (the web address of the repository). */
function repositoryWebUrl(): string {
  const urls = [...new Set(repositoryUrls().map((u) => u.url))];
  expect(urls, "environments/*/environment.yaml repository.url must name one repository").toHaveLength(1);
  return (urls[0] as string).replace(/\.git$/, "");
}

const repositoryOrg = (): string => new URL(repositoryWebUrl()).pathname.split("/")[1] as string;

/** Files Git tracks (what GitHub matches CODEOWNERS patterns against). */
const trackedFiles = (): string[] => execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);

describe("LICENSE", () => {
  // sha256 of the canonical text at https://www.apache.org/licenses/LICENSE-2.0.txt (11358 bytes, LF,
  // appendix with the bracketed placeholders). Keyed by SPDX id so package.json's "license" picks the text.
  const CANONICAL_SHA256: Record<string, string> = {
    "Apache-2.0": "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30",
  };

  it("is the unmodified text of the license package.json declares", () => {
    const license = (JSON.parse(read("package.json")) as { license?: string }).license;
    expect(license, "package.json license").toBe("Apache-2.0");
    expect(existsSync(join(repoRoot, "LICENSE")), "LICENSE at the repository root").toBe(true);
    const text = readFileSync(join(repoRoot, "LICENSE"));
    expect(text.toString("utf8")).toMatch(/^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    expect(createHash("sha256").update(text).digest("hex"), "LICENSE must be byte-identical to the canonical Apache-2.0 text").toBe(CANONICAL_SHA256[license as string]);
  });
});

describe(".github/CODEOWNERS", () => {
  interface Rule {
    line: number;
    pattern: string;
    owners: string[];
  }

  /**
   * The rules, in file order. Only the subset of the gitignore-style syntax this file uses is accepted
   * (the lone default `*` and literal paths anchored with `/`, a trailing `/` for directories), so the
   * matcher below is exact for it; anything else fails with its line.
   */
  function rules(): Rule[] {
    const text = read(".github/CODEOWNERS");
    return text.split("\n").flatMap((raw, index): Rule[] => {
      const content = raw.replace(/(^|\s)#.*$/, "").trim();
      if (content === "") return [];
      const [pattern, ...owners] = content.split(/\s+/) as [string, ...string[]];
      const where = `.github/CODEOWNERS:${index + 1}`;
      if (pattern !== "*" && !/^\/[^*?[\]!\\]+$/.test(pattern)) throw new Error(`${where}: pattern "${pattern}" is not "*" or a literal path starting with "/"; write it that way or extend this test's matcher.`);
      if (owners.length === 0) throw new Error(`${where}: "${pattern}" has no owner; add an @org/team.`);
      return [{ line: index + 1, pattern, owners }];
    });
  }

  const matches = (pattern: string, file: string): boolean => {
    if (pattern === "*") return true;
    const path = pattern.slice(1);
    return path.endsWith("/") ? file.startsWith(path) : file === path || file.startsWith(`${path}/`);
  };

  /** GitHub: the last matching pattern takes precedence. */
  const ownersOf = (all: Rule[], file: string): string[] => all.filter((rule) => matches(rule.pattern, file)).at(-1)?.owners ?? [];

  it("names only teams of the repository's organization that correspond to production's Argo CD groups", () => {
    const org = repositoryOrg();
    const rbac = (parseYaml(read("environments/production/environment.yaml")) as { argocd: { rbac: Record<string, unknown> } }).argocd.rbac;
    const groups = new Set(Object.values(rbac).flatMap((value) => (Array.isArray(value) ? (value as string[]) : [])));
    for (const rule of rules()) {
      for (const owner of rule.owners) {
        const team = new RegExp(`^@${org}/([a-z0-9-]+)$`).exec(owner);
        expect(team, `.github/CODEOWNERS:${rule.line}: ${owner} must be a team of @${org}`).not.toBeNull();
        expect(groups.has(`mcp-${team?.[1]}`), `.github/CODEOWNERS:${rule.line}: ${owner} has no group mcp-${team?.[1]} in production argocd.rbac`).toBe(true);
      }
    }
  });

  it("gives production, apps/production, .github and the promotion tooling their owning team", () => {
    const all = rules();
    const files = trackedFiles();
    const required: { under: string; team: string }[] = [
      { under: "environments/production/", team: "release-managers" },
      { under: "apps/production/", team: "release-managers" },
      { under: ".github/", team: "platform-admins" },
      { under: ".github/promotion.yml", team: "release-managers" },
      { under: "schemas/upstream/", team: "platform-admins" },
      { under: "tools/src/promote/", team: "release-managers" },
    ];
    const org = repositoryOrg();
    for (const { under, team } of required) {
      const covered = files.filter((file) => file === under || file.startsWith(under));
      expect(covered.length, `${under} has tracked files`).toBeGreaterThan(0);
      expect(covered.filter((file) => !ownersOf(all, file).includes(`@${org}/${team}`)), `files under ${under} not owned by @${org}/${team}`).toEqual([]);
    }
    expect(files.filter((file) => ownersOf(all, file).length === 0), "tracked files without an owner").toEqual([]);
  });

  it("has no pattern that matches no tracked file", () => {
    const files = trackedFiles();
    for (const rule of rules()) expect(files.some((file) => matches(rule.pattern, file)), `.github/CODEOWNERS:${rule.line}: "${rule.pattern}" matches no file`).toBe(true);
  });
});

describe(".github/pull_request_template.md", () => {
  const DRIFT_CHECK = "npx nx run generate:gitops -- --check";

  it("asks for the drift check, the README's documented command", () => {
    expect(existsSync(join(repoRoot, ".github", "pull_request_template.md")), ".github/pull_request_template.md").toBe(true);
    expect(read("README.md"), "the README documents the drift check").toContain("`-- --check` fails on drift");
    const template = read(".github/pull_request_template.md");
    expect(template).toContain(`\`${DRIFT_CHECK}\``);
    for (const section of ["## What changed", "## Environments affected", "## Tests run", "## Promotion impact"]) expect(template).toContain(section);
  });
});

describe(".vscode/extensions.json", () => {
  /**
   * Extension -> what it contributes that .vscode/settings.json relies on, read from each extension's own
   * package.json (`contributes.languages[].id`, `contributes.configuration` keys):
   * - redhat-developer/vscode-yaml package.json at 7b0f5af (v1.25.0): language `yaml` (line 65), settings
   *   `yaml.schemas` (line 124), `yaml.validate` (209), `yaml.hover` (215), `yaml.completion` (225).
   * - vscode-kubernetes-tools/vscode-kubernetes-tools package.json at e35292c (v1.4.1): languages `helm`
   *   (line 1222, for **\/templates/**), `ignore`, `yaml`; it declares redhat.vscode-yaml in extensionDependencies (1281).
   */
  const CONTRIBUTIONS: { extension: string; languages: string[]; settingsNamespace?: string }[] = [
    { extension: "redhat.vscode-yaml", languages: ["yaml"], settingsNamespace: "yaml" },
    { extension: "ms-kubernetes-tools.vscode-kubernetes-tools", languages: ["helm", "ignore", "yaml"] },
  ];
  /** Settings namespaces VS Code itself defines. */
  const CORE_NAMESPACES = new Set(["files", "editor", "search", "workbench"]);

  const settings = (): Record<string, unknown> => JSON.parse(read(".vscode/settings.json")) as Record<string, unknown>;
  const recommended = (): string[] => (JSON.parse(read(".vscode/extensions.json")) as { recommendations: string[] }).recommendations.map((id) => id.toLowerCase());

  it("recommends the extension that provides each language id the settings use", () => {
    const current = settings();
    const languages = new Set([
      ...Object.values((current["files.associations"] ?? {}) as Record<string, string>),
      ...Object.keys(current).flatMap((key) => /^\[(.+)\]$/.exec(key)?.[1]?.split("][") ?? []),
    ]);
    expect(languages.size, ".vscode/settings.json associates files with languages").toBeGreaterThan(0);
    for (const language of languages) {
      const providers = CONTRIBUTIONS.filter((c) => c.languages.includes(language)).map((c) => c.extension);
      expect(providers, `no extension in this test's table contributes language "${language}"; add its provider (cite its package.json)`).not.toHaveLength(0);
      expect(
        providers.some((provider) => recommended().includes(provider.toLowerCase())),
        `.vscode/settings.json uses language "${language}": recommend one of ${providers.join(", ")} in .vscode/extensions.json`,
      ).toBe(true);
    }
  });

  it("recommends the extension that defines each setting namespace the settings use", () => {
    for (const key of Object.keys(settings()).filter((k) => !k.startsWith("["))) {
      const namespace = key.split(".")[0] as string;
      if (CORE_NAMESPACES.has(namespace)) continue;
      const provider = CONTRIBUTIONS.find((c) => c.settingsNamespace === namespace)?.extension;
      expect(provider, `.vscode/settings.json: no extension in this test's table defines "${key}"`).toBeDefined();
      expect(recommended(), `.vscode/settings.json sets "${key}": recommend ${provider}`).toContain(provider?.toLowerCase());
    }
  });
});

describe("charts/*/Chart.yaml home and sources", () => {
  it("name this repository (environments' repository.url)", () => {
    const web = repositoryWebUrl();
    const charts = readdirSync(join(repoRoot, "charts")).filter((name) => statSync(join(repoRoot, "charts", name)).isDirectory());
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const file = `charts/${chart}/Chart.yaml`;
      const meta = parseYaml(read(file)) as { home?: unknown; sources?: unknown };
      expect(meta.home, `${file}: home must be ${web}`).toBe(web);
      expect(Array.isArray(meta.sources) && meta.sources.length > 0, `${file}: sources must list ${web}`).toBe(true);
      for (const source of meta.sources as unknown[]) {
        expect(typeof source === "string" && (source === web || source.startsWith(`${web}/`)), `${file}: source ${String(source)} is not in ${web}`).toBe(true);
      }
    }
  });
});
