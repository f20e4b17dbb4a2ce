import { parse } from "yaml";
import type { PinChange } from "./plan.js";
import { showValue } from "./plan.js";

/** Chart.yaml annotation naming the repository an image is built from (the OCI annotation GHCR uses too). */
export const IMAGE_SOURCE_ANNOTATION = "org.opencontainers.image.source";

export interface Link {
  text: string;
  url: string;
}

/**
 * The web address of the GitHub host behind an API URL: api.github.com → github.com, a GitHub
 * Enterprise `https://host/api/v3` → `https://host`. GITHUB_SERVER_URL (set in Actions) wins.
 */
export function githubWebUrl(apiUrl: string, serverUrl?: string): string {
  if (serverUrl) return serverUrl.replace(/\/+$/, "");
  const url = new URL(apiUrl);
  if (url.hostname === "api.github.com") return "https://github.com";
  if (url.hostname.startsWith("api.") && url.hostname.endsWith(".ghe.com")) return `${url.protocol}//${url.hostname.slice(4)}`;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/api\/v3\/?$/, "").replace(/\/+$/, "")}`;
}

/** The image source a chart declares in its Chart.yaml annotations, without a trailing `.git`. */
export function imageSourceOf(chartYaml: string | undefined): string | undefined {
  if (!chartYaml) return undefined;
  try {
    const chart = parse(chartYaml) as { annotations?: Record<string, unknown> } | null;
    const source = chart?.annotations?.[IMAGE_SOURCE_ANNOTATION];
    return typeof source === "string" && /^https:\/\/\S+$/.test(source) ? source.replace(/\.git$/, "").replace(/\/+$/, "") : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where to look to see what a pin change brings: for a chart revision the compare view of this
 * repository between the two revisions; for an image tag the image source's compare view and the
 * release of the new tag. Other promotable fields carry no link.
 */
export function provenanceLinks(change: PinChange, context: { repositoryWebUrl: string; imageSource?: string }): Link[] {
  const from = change.from === undefined ? undefined : String(change.from);
  const to = String(change.to);
  if (change.field === "chartRevision") {
    return from ? [{ text: "compare", url: `${context.repositoryWebUrl}/compare/${encodeRevision(from)}...${encodeRevision(to)}` }] : [{ text: "tree", url: `${context.repositoryWebUrl}/tree/${encodeRevision(to)}` }];
  }
  if (change.field === "imageTag" && context.imageSource) {
    const links: Link[] = [];
    if (from) links.push({ text: "image compare", url: `${context.imageSource}/compare/${encodeRevision(from)}...${encodeRevision(to)}` });
    links.push({ text: `image ${showValue(change.to)}`, url: `${context.imageSource}/releases/tag/${encodeRevision(to)}` });
    return links;
  }
  return [];
}

/** Keeps `/` of branch names readable while escaping everything a URL path cannot carry. */
function encodeRevision(revision: string): string {
  return revision.split("/").map(encodeURIComponent).join("/");
}
