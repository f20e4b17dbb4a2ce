import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { parse } from "yaml";

type SyncStatus = "Synced" | "OutOfSync" | "Unknown";
type HealthStatus = "Healthy" | "Progressing" | "Degraded" | "Suspended" | "Missing" | "Unknown";

interface Application {
  metadata: { name: string; namespace: string; labels?: Record<string, string> };
  spec: { sources?: Array<{ targetRevision?: string; helm?: unknown; ref?: string }>; destination?: unknown };
  status: { sync: { status: SyncStatus; revisions: string[] }; health: { status: HealthStatus } };
}

/**
 * A local stand-in for the one Argo CD API call the promotion gates make: GET
 * /api/v1/applications/{name} (argo-cd v3.4.4 server/application/application.proto:381) with a
 * bearer token, answering the Application with `status.sync` (`status`, and `revisions`, one per
 * source of a multi-source Application: pkg/apis/application/v1alpha1/types.go:1907-1916) and
 * `status.health.status`. `deploy` plays Argo CD syncing an environment: every Application the
 * generator wrote under apps/<env>/ of the clone's checkout becomes Synced and Healthy at the
 * commits its sources' targetRevisions name now, as Argo CD resolves a branch to its head.
 */
export class ArgoCdStandIn {
  readonly applications = new Map<string, Application>();
  readonly requests: string[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly token: string,
  ) {}

  static async start(token = "argocd-stand-in-token-0123456789"): Promise<ArgoCdStandIn> {
    let standIn: ArgoCdStandIn | undefined;
    const server = createServer((req, res) => {
      const self = standIn as ArgoCdStandIn;
      self.requests.push(`${req.method} ${req.url}`);
      if (req.headers.authorization !== `Bearer ${self.token}`) {
        res.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid session: token is invalid","code":16}');
        return;
      }
      const match = /^\/api\/v1\/applications\/([^/?]+)$/.exec(req.url ?? "");
      const app = req.method === "GET" && match ? self.applications.get(decodeURIComponent(match[1] as string)) : undefined;
      if (!app) {
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":"applications.argoproj.io not found","code":5}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(app));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    standIn = new ArgoCdStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token);
    return standIn;
  }

  /** Argo CD has synced `environment` as the clone's checkout has it: every component Application Synced and Healthy at its pins. */
  deploy(clone: string, environment: string): string[] {
    const names: string[] = [];
    for (const file of yamlFiles(join(clone, "apps", environment))) {
      const object = parse(readFileSync(file, "utf8")) as { kind?: string; metadata?: { name?: string; namespace?: string; labels?: Record<string, string> }; spec?: Application["spec"] } | null;
      if (object?.kind !== "Application" || !object.metadata?.name || !object.metadata.labels?.["platform.mcp-security.io/component"]) continue;
      const sources = object.spec?.sources ?? [];
      const revisions = sources.map((source) => resolve(clone, source.targetRevision ?? "HEAD"));
      this.applications.set(object.metadata.name, {
        metadata: { name: object.metadata.name, namespace: object.metadata.namespace ?? "argocd", labels: object.metadata.labels },
        spec: object.spec ?? {},
        status: { sync: { status: "Synced", revisions }, health: { status: "Healthy" } },
      });
      names.push(object.metadata.name);
    }
    return names.sort();
  }

  setHealth(name: string, health: HealthStatus, sync: SyncStatus = "Synced"): void {
    const app = this.applications.get(name);
    if (!app) throw new Error(`no Application ${name} deployed`);
    app.status.health.status = health;
    app.status.sync.status = sync;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml"))
    .map((entry) => join(entry.parentPath, entry.name));
}

function resolve(clone: string, revision: string): string {
  const result = spawnSync("git", ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], { cwd: clone, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Argo CD stand-in: ${revision} names no commit in ${clone}`);
  return result.stdout.trim();
}
