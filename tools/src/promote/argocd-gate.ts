import { PromotionError } from "./errors.js";
import { applicationName, IMAGE_DIGEST_HELM_PARAMETER, IMAGE_TAG_HELM_PARAMETER, type TargetComponent } from "./regenerate.js";

export interface ArgoCdConnection {
  /** ARGOCD_SERVER: a host (`argocd.example.com`) or a URL. */
  server: string;
  token: string;
  timeoutMs?: number;
}

export interface ApplicationReadiness {
  application: string;
  ready: boolean;
  problems: string[];
}

interface ApplicationResponse {
  spec?: { sources?: Array<{ targetRevision?: string; helm?: { parameters?: Array<{ name?: string; value?: string }> } }> };
  status?: { sync?: { status?: string; revision?: string; revisions?: string[] }; health?: { status?: string } };
}

/**
 * The optional gate before promoting: every source Application of a promoted component must be
 * Synced and Healthy, and deployed at exactly the pins being promoted (its chart source's
 * targetRevision, image.tag and image.digest parameters, and, when the revision resolves locally,
 * the commit Argo CD synced). The digest is what the pods run: the same tag with another digest is
 * another image.
 */
export async function checkSourceReadiness(connection: ArgoCdConnection, environment: string, components: readonly TargetComponent[], resolveRevision: (revision: string) => string | undefined): Promise<ApplicationReadiness[]> {
  const base = /^https?:\/\//.test(connection.server) ? connection.server.replace(/\/+$/, "") : `https://${connection.server}`;
  const results: ApplicationReadiness[] = [];
  for (const component of components) {
    const application = component.application ?? applicationName(environment, component.name);
    let response: Response;
    try {
      response = await fetch(`${base}/api/v1/applications/${encodeURIComponent(application)}`, {
        headers: { authorization: `Bearer ${connection.token}`, accept: "application/json" },
        signal: AbortSignal.timeout(connection.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new PromotionError("PRM022", `Argo CD at ${base} did not answer for Application ${application}: ${(error as Error).message}`);
    }
    if (response.status === 401 || response.status === 403) throw new PromotionError("PRM022", `Argo CD at ${base} refused ARGOCD_TOKEN (HTTP ${response.status}) reading Application ${application}.`);
    if (response.status === 404) {
      results.push({ application, ready: false, problems: ["the Application does not exist in Argo CD"] });
      continue;
    }
    if (!response.ok) throw new PromotionError("PRM022", `Argo CD at ${base} answered HTTP ${response.status} for Application ${application}.`);
    const app = (await response.json()) as ApplicationResponse;
    results.push({ application, ...judge(app, component, resolveRevision) });
  }
  return results;
}

function judge(app: ApplicationResponse, component: TargetComponent, resolveRevision: (revision: string) => string | undefined): { ready: boolean; problems: string[] } {
  const problems: string[] = [];
  const sync = app.status?.sync?.status ?? "Unknown";
  const health = app.status?.health?.status ?? "Unknown";
  if (sync !== "Synced") problems.push(`sync status is ${sync}`);
  if (health !== "Healthy") problems.push(`health is ${health}`);
  const chartSource = app.spec?.sources?.[0];
  if (chartSource?.targetRevision !== component.chartRevision) problems.push(`targets revision ${chartSource?.targetRevision ?? "(none)"}, not ${component.chartRevision}`);
  const tag = chartSource?.helm?.parameters?.find((p) => p.name === IMAGE_TAG_HELM_PARAMETER)?.value;
  if (tag !== component.imageTag) problems.push(`runs image tag ${tag ?? "(none)"}, not ${component.imageTag}`);
  const digest = chartSource?.helm?.parameters?.find((p) => p.name === IMAGE_DIGEST_HELM_PARAMETER)?.value ?? "";
  if (digest !== component.imageDigest) problems.push(`runs image digest ${digest || "(none)"}, not ${component.imageDigest || "(none)"}`);
  const expected = resolveRevision(component.chartRevision);
  const synced = app.status?.sync?.revisions?.[0] ?? app.status?.sync?.revision;
  if (expected && synced && synced !== expected) problems.push(`synced commit ${synced.slice(0, 12)} is not ${component.chartRevision} (${expected.slice(0, 12)})`);
  return { ready: problems.length === 0, problems };
}
