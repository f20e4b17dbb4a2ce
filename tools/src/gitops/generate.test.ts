import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chartFiles, environmentFiles, FIXTURE_SCHEMA, fixtureGit, removeTree, writeFixtureRepo } from "../../../test/gitops/support/fixture-repo.js";
import { generate } from "./generate.js";
import { readGeneratorInputs } from "./inputs.js";
import { formatProblem } from "./problems.js";
import { diskResultCache, generatorIdentity, withoutProfiling, type ResultCache } from "./result-cache.js";
import { diskRenderedStore } from "./rendered-store.js";
import { diskValidatorCache } from "./validator-cache.js";
import { diskWorkCache, NOT_CACHED, type WorkCache } from "./work-cache.js";

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));
const temporary = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  roots.push(dir);
  return dir;
};

const FILES = {
  ...chartFiles({ name: "common", type: "library" }),
  ...chartFiles({ name: "cert-manager", layer: "infrastructure", group: "security" }),
  ...chartFiles({ name: "gateway", layer: "platform", group: "edge", dependencies: "cert-manager" }),
  ...environmentFiles({
    name: "dev",
    components: { "cert-manager": { enabled: true, chartRevision: "main", imageTag: "main" }, gateway: { enabled: true, chartRevision: "v1", imageTag: "main" } },
    values: { gateway: "# yaml-language-server: $schema=../../../charts/gateway/values.schema.json\nreplicaCount: 2\n" },
  }),
};

/** A run through a result cache in `dir` with a fixed identity: whether it was a stored one, its files, its problems. */
function run(root: string, cache: ResultCache) {
  const outcome = generate(readGeneratorInputs(root), { resultCache: cache });
  return { cached: outcome.cached, files: outcome.environments.flatMap((e) => e.files), summaries: outcome.environments.map((e) => e.summary), problems: outcome.problems.map(formatProblem) };
}

describe("generate with a result cache", () => {
  it("stores a successful run and returns it for the same inputs, code and Git answers", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const dir = temporary("result-cache-");
    const cache = diskResultCache(dir, "code-1");
    const first = run(root, cache);
    expect(first.problems).toEqual([]);
    expect(first.cached).toBe(false);
    expect(first.files.length).toBeGreaterThan(10);
    expect(run(root, cache)).toEqual({ ...first, cached: true });
    // Another generator (code, installed packages, runtime) does not see the run.
    expect(run(root, diskResultCache(dir, "code-2"))).toEqual(first);
  });

  it("is not used once a chart's schema changes: the values are validated against the new schema", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const cache = diskResultCache(temporary("result-cache-"), "code-1");
    expect(run(root, cache).problems).toEqual([]);
    expect(run(root, cache).cached).toBe(true);
    const stricter = { ...FIXTURE_SCHEMA, properties: { ...FIXTURE_SCHEMA.properties, replicaCount: { type: "integer", minimum: 1, maximum: 1, default: 1 } } };
    writeFileSync(join(root, "charts/gateway/values.schema.json"), `${JSON.stringify(stricter, null, 2)}\n`);
    const after = run(root, cache);
    expect(after.cached).toBe(false);
    expect(after.problems).toEqual([expect.stringMatching(/^environments\/dev\/values\/gateway\.yaml:2:\d+: GEN003 .*replicaCount/)]);
  });

  it("is not used once a values file or environment.yaml changes", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const cache = diskResultCache(temporary("result-cache-"), "code-1");
    const first = run(root, cache);
    writeFileSync(join(root, "environments/dev/values/gateway.yaml"), "# yaml-language-server: $schema=../../../charts/gateway/values.schema.json\nreplicaCount: 0\n");
    expect(run(root, cache)).toMatchObject({ cached: false, problems: [expect.stringContaining("GEN003")] });
    writeFileSync(join(root, "environments/dev/values/gateway.yaml"), FILES["environments/dev/values/gateway.yaml"] as string);
    expect(run(root, cache)).toEqual({ ...first, cached: true });
    const environment = FILES["environments/dev/environment.yaml"] as string;
    writeFileSync(join(root, "environments/dev/environment.yaml"), environment.replace("domain: dev.example.com", "domain: dev2.example.com"));
    const moved = run(root, cache);
    expect(moved.cached).toBe(false);
    expect(moved.files).not.toEqual(first.files);
  });

  it("is not used when the repository answers a pin question differently (a tag deleted)", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const cache = diskResultCache(temporary("result-cache-"), "code-1");
    expect(run(root, cache).problems).toEqual([]);
    fixtureGit(["tag", "--delete", "v1"], root);
    expect(run(root, cache)).toMatchObject({ cached: false, problems: [expect.stringContaining('GEN034 chartRevision "v1" of gateway names no commit')] });
    fixtureGit(["tag", "v1"], root);
    expect(run(root, cache).cached).toBe(true);
  });

  it("treats a damaged or foreign entry as a miss", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const dir = temporary("result-cache-");
    const first = run(root, diskResultCache(dir, "code-1"));
    const [entry] = readdirSync(dir);
    for (const damage of ["{not json", JSON.stringify({ format: "generate-gitops-result/1", key: "another", questions: [], run: { warnings: [], environments: [] } })]) {
      writeFileSync(join(dir, entry as string), damage);
      expect(run(root, diskResultCache(dir, "code-1"))).toEqual(first);
    }
    expect(run(root, diskResultCache(dir, "code-1")).cached).toBe(true);
  });

  it("keeps only the most recently used runs", () => {
    const dir = temporary("result-cache-");
    const cache = diskResultCache(dir, "code-1", 2);
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    for (const domain of ["a", "b", "c"]) {
      writeFileSync(join(root, "environments/dev/environment.yaml"), (FILES["environments/dev/environment.yaml"] as string).replace("domain: dev.example.com", `domain: ${domain}.example.com`));
      expect(run(root, cache).cached).toBe(false);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith(".json"))).toHaveLength(2);
  });
});

describe("generatorIdentity", () => {
  it("changes with the variables ICU takes the default locale and time zone from", () => {
    const before = generatorIdentity();
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(generatorIdentity()).toBe(before);
    const saved = process.env.LC_ALL;
    try {
      process.env.LC_ALL = saved === "tr_TR.UTF-8" ? "sv_SE.UTF-8" : "tr_TR.UTF-8";
      expect(generatorIdentity()).not.toBe(before);
    } finally {
      if (saved === undefined) delete process.env.LC_ALL;
      else process.env.LC_ALL = saved;
    }
  });
});

describe("generate with a work cache (what unchanged inputs gave before)", () => {
  /** A disk work cache for `root` that counts its hits. */
  function counted(dir: string, root: string) {
    const disk = diskWorkCache(dir, "code-1", root);
    const hits = { parsed: 0, valid: 0, rendered: 0 };
    const cache: WorkCache = {
      ...disk,
      parsed: (text) => {
        const data = disk.parsed(text);
        if (data !== NOT_CACHED) hits.parsed++;
        return data;
      },
      isValid: (key) => {
        const valid = disk.isValid(key);
        if (valid) hits.valid++;
        return valid;
      },
      rendered: (digest) => {
        const files = disk.rendered(digest);
        if (files) hits.rendered++;
        return files;
      },
    };
    return { cache, hits };
  }
  const runWith = (root: string, cache: WorkCache, validatorCache = diskValidatorCache(join(root, ".validators"))) => {
    const outcome = generate(readGeneratorInputs(root), { workCache: cache, validatorCache });
    return { files: outcome.environments.flatMap((e) => e.files), problems: outcome.problems.map(formatProblem) };
  };

  it("parses, validates and renders nothing again that did not change, with the same outcome", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const dir = temporary("work-cache-");
    const first = runWith(root, counted(dir, root).cache);
    expect(first.problems).toEqual([]);
    const again = counted(dir, root);
    expect(runWith(root, again.cache)).toEqual(first);
    expect(again.hits.parsed).toBeGreaterThan(5);
    // The values of cert-manager and gateway, and environment.yaml.
    expect(again.hits.valid).toBe(3);
    expect(again.hits.rendered).toBe(1);
  });

  it("validates values against a changed schema instead of trusting the verdict of the old one", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const dir = temporary("work-cache-");
    expect(runWith(root, counted(dir, root).cache).problems).toEqual([]);
    const stricter = { ...FIXTURE_SCHEMA, properties: { ...FIXTURE_SCHEMA.properties, replicaCount: { type: "integer", minimum: 1, maximum: 1, default: 1 } } };
    writeFileSync(join(root, "charts/gateway/values.schema.json"), `${JSON.stringify(stricter, null, 2)}\n`);
    const after = counted(dir, root);
    expect(runWith(root, after.cache).problems).toEqual([expect.stringMatching(/^environments\/dev\/values\/gateway\.yaml:2:\d+: GEN003 .*replicaCount/)]);
    // cert-manager's schema and the environment schema did not change: their verdicts still hold.
    expect(after.hits.valid).toBe(2);
  });

  it("validates environment.yaml against a changed environment schema", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const dir = temporary("work-cache-");
    expect(runWith(root, counted(dir, root).cache).problems).toEqual([]);
    const schema = JSON.parse(readFileSync(join(root, "schemas/environment.json"), "utf8")) as { properties: { domain: Record<string, unknown> } };
    schema.properties.domain = { ...schema.properties.domain, pattern: "^prod\\." };
    writeFileSync(join(root, "schemas/environment.json"), JSON.stringify(schema));
    expect(runWith(root, counted(dir, root).cache).problems).toEqual([expect.stringMatching(/^environments\/dev\/environment\.yaml:\d+:\d+: GEN003 .*domain/)]);
  });

  it("renders an environment again when its plan changes", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const dir = temporary("work-cache-");
    const first = runWith(root, counted(dir, root).cache);
    writeFileSync(join(root, "environments/dev/environment.yaml"), (FILES["environments/dev/environment.yaml"] as string).replace("domain: dev.example.com", "domain: dev2.example.com"));
    const after = counted(dir, root);
    const changed = runWith(root, after.cache);
    expect(after.hits.rendered).toBe(0);
    expect(changed.files).not.toEqual(first.files);
    expect(changed).toEqual(runWith(root, counted(temporary("work-cache-"), root).cache));
  });
});

describe("withoutProfiling", () => {
  it("drops Node's profiler flags and their values, and keeps every other flag", () => {
    expect(withoutProfiling(["--cpu-prof", "--cpu-prof-interval", "200", "--cpu-prof-dir=/tmp/p", "--heap-prof-name", "x.heapprofile", "--icu-data-dir=/icu", "--stack-size=2000", "--prof"])).toEqual(["--icu-data-dir=/icu", "--stack-size=2000"]);
  });
});

describe("the result and work caches sharing one store of generated files", () => {
  it("write an environment's files once, keep only digests, and miss once the files are gone", () => {
    const root = writeFixtureRepo(FILES, { tags: ["v1"] });
    roots.push(root);
    const [results, work, files] = [temporary("result-cache-"), temporary("work-cache-"), temporary("rendered-")];
    const store = diskRenderedStore(files);
    const caches = () => ({ resultCache: diskResultCache(results, "code-1", 8, store), workCache: diskWorkCache(work, "code-1", root, 16, store), validatorCache: diskValidatorCache(join(root, ".validators")) });
    const runOnce = () => {
      const options = caches();
      const outcome = generate(readGeneratorInputs(root), options);
      options.workCache.save();
      return outcome;
    };
    const first = runOnce();
    expect(first.problems).toEqual([]);
    const content = first.environments.flatMap((e) => e.files).find((f) => f.content.length > 200)?.content as string;
    expect(content).toBeDefined();
    // One entry per environment in the store, and neither cache's own file repeats the files.
    expect(readdirSync(files)).toHaveLength(first.environments.length);
    for (const dir of [results, work]) for (const entry of readdirSync(dir)) expect(readFileSync(join(dir, entry), "utf8")).not.toContain(JSON.stringify(content).slice(1, 200));
    const again = runOnce();
    expect(again.cached).toBe(true);
    expect(again.environments).toEqual(first.environments);
    // The files evicted: the result cache misses and the work cache renders again, with the same outcome.
    for (const entry of readdirSync(files)) rmSync(join(files, entry));
    const afterEviction = caches();
    expect(afterEviction.resultCache.load(readGeneratorInputs(root))).toBeUndefined();
    const rebuilt = runOnce();
    expect(rebuilt.cached).toBe(false);
    expect(rebuilt.environments).toEqual(first.environments);
    expect(readdirSync(files)).toHaveLength(first.environments.length);
  });
});
