import { readInputFile } from "../files/read-input-file.js";
import { parseYamlSource } from "../gitops/yaml-source.js";
import { PromotionError } from "./errors.js";

/** Where the repository configures its promotion pull requests (optional). */
export const CONFIG_FILE = ".github/promotion.yml";

export type MergeMethod = "merge" | "squash" | "rebase";

export interface PromotionConfig {
  /** Labels added to every promotion pull request. */
  labels: string[];
  /** Users asked for review when the pull request is opened. */
  reviewers: string[];
  /** Team slugs asked for review when the pull request is opened. */
  teamReviewers: string[];
  /** Enable GitHub's native auto-merge with this method, or leave merging to a person. */
  autoMerge: MergeMethod | false;
  /** Source repository URL of each component's image, for provenance links (overrides the chart's annotation). */
  imageSources: Record<string, string>;
  /**
   * The GitHub login promotion pull requests are opened as: `github-actions[bot]` for the job's
   * GITHUB_TOKEN, `<app-slug>[bot]` for a GitHub App. Rollback trusts only pull requests by it.
   */
  identity: string;
  /** The release train: the steps promote.yml runs, in order, each its own pull request (docs/train.md). */
  train: TrainStep[];
}

/** One step of the release train: a promotion, limited to some clusters of a multi-cluster target. */
export interface TrainStep {
  from: string;
  to: string;
  /** Empty: every cluster (or a target in one cluster). */
  clusters: string[];
}

/** The login of pull requests opened with a workflow's GITHUB_TOKEN. */
export const DEFAULT_IDENTITY = "github-actions[bot]";

export const DEFAULT_CONFIG: PromotionConfig = { labels: [], reviewers: [], teamReviewers: [], autoMerge: false, imageSources: {}, identity: DEFAULT_IDENTITY, train: [] };

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A GitHub login (1-39 alphanumerics or single inner hyphens), optionally an App's `[bot]` suffix. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

const LIST_KEYS = ["labels", "reviewers", "teamReviewers"] as const;

/** Reads and checks .github/promotion.yml of a snapshot; absent means the defaults. */
export function readPromotionConfig(root: string): PromotionConfig {
  // The generator's reader: a link leaving the snapshot, a file over 1 MiB or non-UTF-8 bytes are refused unread.
  const read = readInputFile(root, CONFIG_FILE);
  if (read.kind === "missing") return structuredClone(DEFAULT_CONFIG);
  if (read.kind === "refused") {
    const line = read.refusal.reason === "not-utf8" ? `:${read.refusal.line}` : "";
    throw new PromotionError("PRM007", `${CONFIG_FILE}${line}: ${read.refusal.message}; it was not read.`);
  }
  return parsePromotionConfig(read.text);
}

export function parsePromotionConfig(text: string): PromotionConfig {
  const fail = (what: string): never => {
    throw new PromotionError("PRM007", `${CONFIG_FILE}: ${what}`);
  };
  // The generator's parser: repeated keys found in one pass, aliases bounded (GEN002/GEN017 wording).
  const source = parseYamlSource(CONFIG_FILE, text);
  const first = source.problems[0];
  if (first) throw new PromotionError("PRM007", `${CONFIG_FILE}:${first.location?.line ?? 1}:${first.location?.column ?? 1}: ${first.message}`);
  const data = (source.data ?? {}) as unknown;
  if (typeof data !== "object" || data === null || Array.isArray(data)) return fail("must be a mapping.");
  const config = structuredClone(DEFAULT_CONFIG);
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.trim() !== "")) fail(`${key} must be a list of names.`);
      config[key as (typeof LIST_KEYS)[number]] = [...new Set(value as string[])];
    } else if (key === "autoMerge") {
      if (value !== false && value !== "merge" && value !== "squash" && value !== "rebase") fail(`autoMerge is ${JSON.stringify(value)}; use false, merge, squash or rebase.`);
      config.autoMerge = value as MergeMethod | false;
    } else if (key === "imageSources") {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("imageSources must map component names to repository URLs.");
      for (const [component, url] of Object.entries(value)) {
        if (typeof url !== "string" || !/^https:\/\/\S+$/.test(url)) fail(`imageSources.${component} must be an https:// URL.`);
        config.imageSources[component] = (url as string).replace(/\/+$/, "");
      }
    } else if (key === "identity") {
      if (typeof value !== "string" || !LOGIN.test(value)) fail(`identity is ${JSON.stringify(value)}; use the GitHub login promotions run as, e.g. ${DEFAULT_IDENTITY} or my-promotion-app[bot].`);
      config.identity = value as string;
    } else if (key === "train") {
      if (!Array.isArray(value)) return fail("train must be a list of steps, each {from: <env>, to: <env>, clusters: [<cluster>, ...]}.");
      config.train = value.map((step: unknown, index) => {
        const at = `train[${index}]`;
        if (typeof step !== "object" || step === null || Array.isArray(step)) return fail(`${at} must be a mapping {from, to, clusters}.`);
        const { from, to, clusters = [], ...rest } = step as Record<string, unknown>;
        const unknown = Object.keys(rest);
        if (unknown.length > 0) fail(`${at} has the unknown key "${unknown[0]}" (known: from, to, clusters).`);
        if (typeof from !== "string" || !NAME.test(from)) fail(`${at}.from is ${JSON.stringify(from)}; use an environment name.`);
        if (typeof to !== "string" || !NAME.test(to)) fail(`${at}.to is ${JSON.stringify(to)}; use an environment name.`);
        if (from === to) fail(`${at} promotes ${String(from)} into itself.`);
        if (!Array.isArray(clusters) || clusters.length === 0 && (step as Record<string, unknown>).clusters !== undefined || !clusters.every((c) => typeof c === "string" && NAME.test(c))) {
          fail(`${at}.clusters must be a non-empty list of cluster names (leave it out for every cluster).`);
        }
        return { from: from as string, to: to as string, clusters: [...new Set(clusters as string[])] };
      });
    } else {
      fail(`unknown key "${key}" (known: ${[...LIST_KEYS, "autoMerge", "imageSources", "identity", "train"].join(", ")}).`);
    }
  }
  return config;
}
