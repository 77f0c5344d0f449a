// A small LSP client for the stdio tests: starts `node dist/server.js --stdio` (with the flags and
// environment the VS Code client starts it with, server/src/serverLaunch.ts), speaks LSP to it
// with vscode-languageserver-protocol, answers the server's requests like an editor would, and
// turns published diagnostics into promises (no sleeps: every wait is for an event, with a
// timeout).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type FileEvent,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../../server/src/serverLaunch';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const serverPath = process.env.PROTOKOLL_SERVER ?? path.join(repoRoot, 'dist', 'server.js');

/** What VS Code 1.100 announces, in the parts the server looks at. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      tagSupport: { valueSet: [1, 2] },
      dataSupport: true,
      codeDescriptionSupport: true,
    },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] },
      },
      isPreferredSupport: true,
      dataSupport: true,
    },
    rename: { prepareSupport: true },
  },
};

export interface StartOptions {
  /** The `protokoll` settings section the client answers `workspace/configuration` with. */
  readonly settings?: Record<string, unknown>;
  readonly capabilities?: ClientCapabilities;
  /** How long to wait for any single expected event (default 10 s). */
  readonly timeoutMs?: number;
  /**
   * The server's command line (default: this Node with the server's launch flags and
   * `dist/server.js --stdio`, in the server's launch environment).
   */
  readonly command?: readonly [string, ...string[]];
  /** Start `node dist/server.js --stdio` with no flags and no launch environment, as editors
   * that run `protokoll-language-server` unconfigured do. */
  readonly bare?: boolean;
  /** The workspace root the client announces (default: the repository). */
  readonly rootPath?: string;
  readonly initializationOptions?: unknown;
}

interface Waiter {
  readonly uri: string;
  readonly since: number;
  readonly predicate: (p: PublishDiagnosticsParams) => boolean;
  readonly resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  /** Every `publishDiagnostics` per URI, in arrival order. */
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  /** The server's `window/logMessage` lines. */
  readonly log: string[] = [];
  /** Registrations the server asked for. */
  readonly registrations: Registration[] = [];
  /** Settings the client answers `workspace/configuration` with; change with `changeSettings`. */
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;

  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private stderr = '';
  private exited = false;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly timeoutMs: number,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    process.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    process.once('exit', () => (this.exited = true));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      for (const waiter of this.waiters) {
        if (waiter.uri === params.uri && list.length > waiter.since && waiter.predicate(params)) {
          this.waiters.delete(waiter);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.log.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      items.map((item) => (item.section === 'protokoll' ? this.settings : null)),
    );
    connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      this.registrations.push(...registrations);
    });
  }

  /** Starts the server and completes the `initialize` handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!options.command && !fs.existsSync(serverPath)) {
      throw new Error(
        `${serverPath} not found: build it with npx tsc -p . && node scripts/bundle.mjs`,
      );
    }
    const flags = options.bare ? [] : SERVER_NODE_FLAGS;
    const [command, ...args] = options.command ?? [
      process.execPath,
      ...flags,
      serverPath,
      '--stdio',
    ];
    const env = options.bare ? process.env : { ...process.env, ...SERVER_ENVIRONMENT };
    const child = spawn(command, args, { stdio: 'pipe', env });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new LspClient(
      child,
      connection,
      options.timeoutMs ?? 10_000,
      options.settings ?? {},
    );
    connection.listen();
    client.initializeResult = await client.within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(options.rootPath ?? repoRoot).href,
        capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
        initializationOptions: options.initializationOptions,
        workspaceFolders: null,
      }),
      'the initialize answer',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Opens a document; returns the URI. */
  async open(uri: string, text: string, version = 1): Promise<string> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'protokoll', version, text },
    });
    return uri;
  }

  /** Sends a change (incremental or full) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  /** Changes the settings and tells the server, like VS Code after the user edits them. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { protokoll: settings },
    });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** How many publishes for `uri` have arrived; pass it as `since` to wait for a later one. */
  mark(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /**
   * The first `publishDiagnostics` for `uri` after the first `since` ones that satisfies
   * `predicate` (default: any), whether it already arrived or arrives within the timeout.
   */
  diagnostics(
    uri: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    since = 0,
  ): Promise<PublishDiagnosticsParams> {
    const earlier = (this.published.get(uri) ?? []).slice(since).find(predicate);
    if (earlier) return Promise.resolve(earlier);
    return this.within(
      new Promise<PublishDiagnosticsParams>((resolve) =>
        this.waiters.add({ uri, since, predicate, resolve }),
      ),
      `diagnostics for ${uri}`,
    );
  }

  /** The diagnostics published for exactly this version of `uri`. */
  diagnosticsForVersion(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  /** Rejects when `promise` takes longer than the timeout, or the server dies first. */
  within<T>(promise: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const fail = (why: string) =>
        reject(new Error(`${why} while waiting for ${what}\n--- server stderr\n${this.stderr}`));
      const timer = setTimeout(() => fail(`no answer within ${this.timeoutMs} ms`), this.timeoutMs);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        fail(`the server exited (code ${code})`);
      };
      if (this.exited) onExit(this.process.exitCode);
      else this.process.once('exit', onExit);
      promise.then(
        (value) => {
          clearTimeout(timer);
          this.process.off('exit', onExit);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          this.process.off('exit', onExit);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return !this.exited;
  }

  get serverStderr(): string {
    return this.stderr;
  }

  /** Shuts the server down the LSP way; kills it by PID if it does not exit. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      await this.within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
      await this.connection.sendNotification(ExitNotification.type);
      await this.within(exited, 'the server to exit');
    } catch {
      if (!this.exited) this.process.kill('SIGKILL');
    } finally {
      this.connection.dispose();
    }
  }
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: { message: string | { value: string } }): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The text with the `|` cursor marker removed, and the marker's position. */
export function withCursor(marked: string): {
  text: string;
  position: { line: number; character: number };
} {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('fixture has no | cursor marker');
  const before = marked.slice(0, offset);
  const lines = before.split('\n');
  return {
    text: before + marked.slice(offset + 1),
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  };
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(
  text: string,
  edits: readonly {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }[],
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) =>
    p.line >= lineStarts.length
      ? text.length
      : Math.min(lineStarts[p.line] + p.character, text.length);
  const sorted = edits
    .map((e, i) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
