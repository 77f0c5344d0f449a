import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../../server/src/serverLaunch';
import { currentLocale, message } from './messages';

export const CLIENT_ID = 'protokoll';
const CLIENT_NAME = 'Protokoll';
const RESTART_WINDOW_MS = 3 * 60_000;

/** The schemes whose `protokoll` documents the server checks (not git: or diff views). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

export interface ProtokollClientOptions {
  /** Absolute path of the bundled server, `dist/server.js` in the extension. */
  readonly serverModule: string;
  readonly outputChannel: vscode.LogOutputChannel;
  /** Restarts allowed within three minutes before giving up (default 4, as vscode-languageclient). */
  readonly maxRestartCount?: number;
  /** Shows an error with buttons; default `vscode.window.showErrorMessage`. */
  readonly showError?: (text: string, ...actions: string[]) => Thenable<string | undefined>;
}

/**
 * A client for the Protokoll language server, started over IPC when {@link startProtokollClient}
 * is called. If the server crashes it is restarted; if it cannot start or keeps crashing the user
 * gets one clear message with a button that opens the output.
 */
export function createProtokollClient(options: ProtokollClientOptions): LanguageClient {
  const { serverModule, outputChannel } = options;
  // Flags and environment that keep the server's memory small (server/src/serverLaunch.ts).
  const execArgv = [...SERVER_NODE_FLAGS];
  const env = { ...SERVER_ENVIRONMENT };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv, env } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'], env },
    },
  };
  const failures = new FailureReporter(options);
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.map((scheme) => ({ scheme, language: 'protokoll' })),
    // Settings are pushed on change; the server registers its own .protokoll.json watcher.
    synchronize: { configurationSection: 'protokoll' },
    outputChannel,
    // Pushed diagnostics, though VS Code could pull: they follow protokoll.validate (while typing
    // after protokoll.diagnosticsDelay, or on save). The server still answers workspace/diagnostic
    // for "Check All Minutes".
    initializationOptions: { diagnostics: 'push' },
    errorHandler: new RestartingErrorHandler(serverModule, options.maxRestartCount ?? 4, failures),
  };
  const client = new ReportingLanguageClient(failures, serverOptions, clientOptions);
  // Once the server is up again, a later failure deserves a message again.
  client.onDidChangeState(({ newState }) => newState === State.Running && failures.reset());
  clientFailures.set(client, failures);
  return client;
}

const clientFailures = new WeakMap<LanguageClient, FailureReporter>();

/**
 * Starts `client`. Resolves true once the server answered `initialize`, false (after telling the
 * user) when it could not start. Never rejects.
 */
export async function startProtokollClient(client: LanguageClient): Promise<boolean> {
  const failures = clientFailures.get(client);
  if (!failures) throw new Error('startProtokollClient needs a client from createProtokollClient');
  if (!fs.existsSync(failures.serverModule)) {
    failures.report(message('serverMissing', currentLocale(), failures.serverModule));
    return false;
  }
  try {
    await client.start();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    failures.report(message('serverStartFailed', currentLocale(), reason));
    return false;
  }
}

/**
 * vscode-languageclient forces an English notification for every failed (re)start and broken
 * connection, one per attempt; here they are logged, and the user gets one message in their
 * language from the {@link FailureReporter}.
 */
class ReportingLanguageClient extends LanguageClient {
  constructor(
    private readonly failures: FailureReporter,
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
  ) {
    super(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  }

  override error(text: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    if (showNotification !== 'force') return super.error(text, data, showNotification);
    super.error(text, data, false);
    const reason = data instanceof Error ? data.message : text;
    this.failures.report(message('serverStartFailed', currentLocale(), reason));
  }
}

/** Tells the user once per failure that the server is down, offering its output. */
class FailureReporter {
  readonly serverModule: string;
  private readonly outputChannel: vscode.LogOutputChannel;
  private readonly showError: NonNullable<ProtokollClientOptions['showError']>;
  private reported = false;

  constructor(options: ProtokollClientOptions) {
    this.serverModule = options.serverModule;
    this.outputChannel = options.outputChannel;
    this.showError =
      options.showError ?? ((text, ...actions) => vscode.window.showErrorMessage(text, ...actions));
  }

  report(text: string): void {
    this.outputChannel.error(text);
    if (this.reported) return;
    this.reported = true;
    const showOutput = message('showOutput', currentLocale());
    void this.showError(text, showOutput).then((choice) => {
      if (choice === showOutput) this.outputChannel.show(true);
    });
  }

  reset(): void {
    this.reported = false;
  }
}

/**
 * vscode-languageclient's restart policy (restart unless it crashed more than `maxRestartCount`
 * times within three minutes), with the user told in their language, and no restarts of a server
 * file that is not there.
 */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(
    private readonly serverModule: string,
    private readonly maxRestartCount: number,
    private readonly failures: FailureReporter,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return {
      action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
    };
  }

  closed(): CloseHandlerResult {
    const locale = currentLocale();
    if (!fs.existsSync(this.serverModule)) {
      const text = message('serverMissing', locale, this.serverModule);
      this.failures.report(text);
      return { action: CloseAction.DoNotRestart, message: text, handled: true };
    }
    const now = Date.now();
    this.restarts = this.restarts.filter((time) => now - time <= RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length > this.maxRestartCount) {
      const text = message('serverGaveUp', locale, this.restarts.length);
      this.failures.report(text);
      return { action: CloseAction.DoNotRestart, message: text, handled: true };
    }
    return {
      action: CloseAction.Restart,
      message: message('serverRestarting', locale),
      handled: true,
    };
  }
}
