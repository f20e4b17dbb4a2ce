import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  type CompletionItem,
  type CompletionList,
  type ConfigurationItem,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node.js";
import { repoRoot } from "../paths.js";
import { VSCODE_CLIENT_CAPABILITIES } from "./client-capabilities.js";

/** The `yaml` settings section, as VS Code's YAML extension sends it. */
export interface YamlSettings {
  validate: boolean;
  hover: boolean;
  completion: boolean;
  /** Schema path or URL → glob patterns; relative schema paths resolve against the workspace root. */
  schemas: Record<string, string[]>;
  schemaStore: { enable: boolean };
  [setting: string]: unknown;
}

export interface YamlLanguageServerOptions {
  /** The folder opened in the editor; relative `yaml.schemas` paths resolve against it. */
  workspaceRoot: string;
  /** Overrides of the default settings (all features on, SchemaStore off: tests never reach the network). */
  settings?: Partial<YamlSettings>;
  /** How long to wait for the server to answer or publish diagnostics. */
  timeoutMs?: number;
}

/** A document open in the server, with the diagnostics it published after opening. */
export interface OpenDocument {
  uri: string;
  text: string;
  diagnostics: Diagnostic[];
}

const SERVER_SCRIPT = join(repoRoot, "node_modules", "yaml-language-server", "bin", "yaml-language-server");

export function defaultYamlSettings(): YamlSettings {
  return { validate: true, hover: true, completion: true, schemas: {}, schemaStore: { enable: false } };
}

export function fileUri(absolutePath: string): string {
  return pathToFileURL(absolutePath).href;
}

/**
 * A real `yaml-language-server --stdio` child process driven over LSP the way VS Code drives it:
 * initialize with VS Code's capabilities, answer the server's `workspace/configuration` pulls with
 * the `yaml` settings, open documents and collect `textDocument/publishDiagnostics`, ask for
 * completion and hover. One instance serves many documents; call `shutdown()` when done.
 */
export class YamlLanguageServer {
  private readonly diagnosticWaiters = new Map<string, Array<(diagnostics: Diagnostic[]) => void>>();
  private readonly openUris = new Set<string>();
  /**
   * Versions are unique across every open: yaml-language-server caches parsed documents by URI and
   * version and keeps the cache after a close, so reopening a URI at version 1 with new text would
   * be validated as the old text.
   */
  private nextVersion = 1;
  private readonly log: string[] = [];
  private exited = false;
  private exitListeners: Array<(reason: Error) => void> = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: ProtocolConnection,
    private readonly settings: YamlSettings,
    private readonly timeoutMs: number,
  ) {}

  static async start(options: YamlLanguageServerOptions): Promise<YamlLanguageServer> {
    if (!existsSync(SERVER_SCRIPT)) {
      throw new Error(`yaml-language-server is not installed at ${SERVER_SCRIPT}. Run \`npm ci\` (it is a devDependency in package.json).`);
    }
    const settings: YamlSettings = { ...defaultYamlSettings(), ...options.settings };
    const child = spawn(process.execPath, [SERVER_SCRIPT, "--stdio"], { cwd: options.workspaceRoot, stdio: "pipe" });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new YamlLanguageServer(child, connection, settings, options.timeoutMs ?? 30_000);
    server.wire();
    connection.listen();
    try {
      await server.initialize(options.workspaceRoot);
    } catch (error) {
      child.kill("SIGKILL");
      connection.dispose();
      throw error;
    }
    return server;
  }

  private wire(): void {
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => this.log.push(chunk));
    this.child.on("error", (error) => this.log.push(`failed to run yaml-language-server: ${error.message}\n`));
    this.child.on("exit", (code, signal) => {
      this.exited = true;
      const reason = new Error(`yaml-language-server exited (code ${code}, signal ${signal}).\n${this.serverLog()}`);
      for (const listener of this.exitListeners) listener(reason);
      this.exitListeners = [];
    });
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      const waiters = this.diagnosticWaiters.get(uri);
      const next = waiters?.shift();
      if (next) next(diagnostics);
    });
    c.onNotification(LogMessageNotification.type, ({ message }) => this.log.push(`${message}\n`));
    c.onNotification(ShowMessageNotification.type, ({ message }) => this.log.push(`${message}\n`));
    c.onRequest(ConfigurationRequest.type, ({ items }) => items.map((item) => this.configurationSection(item)));
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(UnregistrationRequest.type, () => undefined);
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onRequest(CodeLensRefreshRequest.type, () => undefined);
  }

  /** What VS Code answers when the server pulls a settings section. */
  private configurationSection(item: ConfigurationItem): unknown {
    switch (item.section) {
      case "yaml":
        return this.settings;
      case "http":
        return { proxy: "", proxyStrictSSL: false };
      case "[yaml]":
      case "editor":
        return {};
      default:
        return null;
    }
  }

  private async initialize(workspaceRoot: string): Promise<void> {
    const rootUri = fileUri(workspaceRoot);
    await this.withTimeout(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: "Visual Studio Code", version: "1.100.0" },
        locale: "en",
        rootUri,
        rootPath: workspaceRoot,
        workspaceFolders: [{ uri: rootUri, name: "workspace" }],
        capabilities: VSCODE_CLIENT_CAPABILITIES,
      }),
      "initialize",
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
    // yaml-language-server ignores the payload and pulls the `yaml` section back through
    // workspace/configuration (answered above); the payload is sent for servers that read it.
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: this.settings } });
    // The code lens handler awaits the server's pending configuration pull, so its answer
    // guarantees documents opened from now on are validated with these settings.
    await this.withTimeout(this.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: `${rootUri}/.settings-barrier.yaml` } }), "settings barrier");
  }

  /**
   * Opens a document (by default the file's content on disk) and resolves with the diagnostics the
   * server publishes for it. The path decides schema association, exactly as in the editor: the
   * modeline resolves relative to it and `yaml.schemas` globs match it.
   */
  async open(absolutePath: string, text: string = readFileSync(absolutePath, "utf8")): Promise<OpenDocument> {
    const uri = fileUri(absolutePath);
    if (this.openUris.has(uri)) throw new Error(`${absolutePath} is already open in the language server; close it first.`);
    this.openUris.add(uri);
    try {
      const published = this.nextDiagnostics(uri, `diagnostics for ${absolutePath}`);
      await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "yaml", version: this.nextVersion++, text } });
      return { uri, text, diagnostics: await published };
    } catch (error) {
      this.openUris.delete(uri);
      throw error;
    }
  }

  /** Closes a document; resolves once the server has cleared its diagnostics, so it can be reopened. */
  async close(document: OpenDocument): Promise<void> {
    if (!this.openUris.delete(document.uri)) return;
    const cleared = this.nextDiagnostics(document.uri, `closing ${document.uri}`);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: document.uri } });
    await cleared;
  }

  /** Opens, collects diagnostics, closes. */
  async diagnostics(absolutePath: string, text?: string): Promise<Diagnostic[]> {
    const document = await this.open(absolutePath, text);
    await this.close(document);
    return document.diagnostics;
  }

  async completion(document: OpenDocument, position: Position): Promise<CompletionItem[]> {
    const result: CompletionList | CompletionItem[] | null = await this.withTimeout(
      this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: document.uri }, position }),
      `completion in ${document.uri}`,
    );
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async hover(document: OpenDocument, position: Position): Promise<Hover | null> {
    return this.withTimeout(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: document.uri }, position }), `hover in ${document.uri}`);
  }

  /** The server's stderr and log messages, for failure reports. */
  serverLog(): string {
    return this.log.join("");
  }

  /** LSP shutdown + exit; kills the process only if it does not exit on its own. */
  async shutdown(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    try {
      await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), "shutdown");
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that cannot shut down cleanly is stopped below.
    }
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }

  private nextDiagnostics(uri: string, what: string): Promise<Diagnostic[]> {
    const waiters = this.diagnosticWaiters.get(uri) ?? [];
    this.diagnosticWaiters.set(uri, waiters);
    return this.withTimeout(new Promise<Diagnostic[]>((resolve) => waiters.push(resolve)), what);
  }

  private withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`yaml-language-server is not running (waiting for ${what}).\n${this.serverLog()}`));
    return new Promise<T>((resolve, reject) => {
      const settle = (): void => {
        clearTimeout(timer);
        this.exitListeners = this.exitListeners.filter((listener) => listener !== onExit);
      };
      const onExit = (reason: Error): void => {
        settle();
        reject(reason);
      };
      const timer = setTimeout(() => {
        settle();
        reject(new Error(`yaml-language-server did not answer within ${this.timeoutMs} ms (waiting for ${what}).\n${this.serverLog()}`));
      }, this.timeoutMs);
      this.exitListeners.push(onExit);
      promise.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
