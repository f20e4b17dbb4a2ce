import { describe, expect, it } from "vitest";
import { parsePromotionConfig } from "./config.js";
import type { PinChange } from "./plan.js";
import { githubWebUrl, imageSourceOf, provenanceLinks } from "./provenance.js";

const change = (field: string, from: string | undefined, to: string): PinChange => ({ path: ["components", "api", field], component: "api", field, from, to, presentInTarget: true });

describe("provenance", () => {
  it("derives the web host from the API URL (GitHub, GHE server, GHE cloud) unless GITHUB_SERVER_URL is set", () => {
    expect(githubWebUrl("https://api.github.com")).toBe("https://github.com");
    expect(githubWebUrl("https://ghe.example.com/api/v3")).toBe("https://ghe.example.com");
    expect(githubWebUrl("https://api.acme.ghe.com")).toBe("https://acme.ghe.com");
    expect(githubWebUrl("https://api.github.com", "https://github.example.org/")).toBe("https://github.example.org");
  });

  it("links a chart revision change to the compare view and an image tag to its source", () => {
    const context = { repositoryWebUrl: "https://github.com/acme/gitops", imageSource: "https://github.com/acme/api" };
    expect(provenanceLinks(change("chartRevision", "v1.0.0", "release/v1.1"), context)).toEqual([{ text: "compare", url: "https://github.com/acme/gitops/compare/v1.0.0...release/v1.1" }]);
    expect(provenanceLinks(change("imageTag", "v1.0.0", "v1.1.0"), context)).toEqual([
      { text: "image compare", url: "https://github.com/acme/api/compare/v1.0.0...v1.1.0" },
      { text: "image v1.1.0", url: "https://github.com/acme/api/releases/tag/v1.1.0" },
    ]);
    expect(provenanceLinks(change("imageTag", "v1", "v2"), { repositoryWebUrl: "https://github.com/acme/gitops" })).toEqual([]);
    expect(provenanceLinks(change("other", "a", "b"), context)).toEqual([]);
  });

  it("reads the image source annotation of a Chart.yaml", () => {
    expect(imageSourceOf("name: api\nannotations:\n  org.opencontainers.image.source: https://github.com/acme/api.git\n")).toBe("https://github.com/acme/api");
    expect(imageSourceOf("name: api\n")).toBeUndefined();
    expect(imageSourceOf("annotations:\n  org.opencontainers.image.source: ftp://x\n")).toBeUndefined();
    expect(imageSourceOf(": [")).toBeUndefined();
  });
});

describe("promotion configuration", () => {
  it("reads labels, reviewers, auto-merge, image sources and the promotion identity", () => {
    expect(parsePromotionConfig("labels: [promotion, production]\nreviewers: [alice]\nteamReviewers: [sre]\nautoMerge: squash\nimageSources:\n  api: https://github.com/acme/api/\nidentity: acme-promotion[bot]\n")).toEqual({
      labels: ["promotion", "production"],
      reviewers: ["alice"],
      teamReviewers: ["sre"],
      autoMerge: "squash",
      imageSources: { api: "https://github.com/acme/api" },
      identity: "acme-promotion[bot]",
      train: [],
    });
    // Without identity, pull requests opened with the workflow's GITHUB_TOKEN are the promotion's.
    expect(parsePromotionConfig("")).toMatchObject({ labels: [], autoMerge: false, identity: "github-actions[bot]" });
  });

  it.each([
    ["labels: promotion\n", /labels must be a list/],
    ["autoMerge: true\n", /autoMerge is true/],
    ["reviewer: [a]\n", /unknown key "reviewer"/],
    ["imageSources:\n  api: http://insecure\n", /https/],
    ["labels: [a\n", /malformed YAML/],
    ["identity: [bot]\n", /identity is \["bot"\]; use the GitHub login/],
    ["identity: -leading-hyphen\n", /identity is "-leading-hyphen"/],
    ["identity: a--b\n", /identity is "a--b"/],
    ["identity: evil/../x\n", /identity is "evil\/\.\.\/x"/],
  ])("rejects %j with PRM007", (text, message) => {
    expect(() => parsePromotionConfig(text)).toThrowError(message);
  });
});
