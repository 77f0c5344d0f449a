import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { currentLocale, message } from './messages';

/** The language client, loaded after activation; see {@link startLanguageClientSoon}. */
export interface LazyLanguageClient extends vscode.Disposable {
  /**
   * The client once its chunk is loaded and `start()` was called (not awaited: requests wait for
   * the server themselves); `undefined` if the chunk could not be loaded (the user was told).
   */
  readonly ready: Promise<LanguageClient | undefined>;
  /** Stops the server if the client was started; what `deactivate()` returns. */
  stop(): Thenable<void> | undefined;
}

/**
 * Loads the language client (dist/languageClient.js, with vscode-languageclient: most of the
 * extension's code) and starts it, as the first thing after `activate()` returns rather than in
 * it: activation then only registers commands, and the editor can go on while the client's code
 * is read. Anything that needs the client before that awaits `ready`, which loads it at once.
 */
export function startLanguageClientSoon(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LazyLanguageClient {
  let client: LanguageClient | undefined;
  let disposed = false;
  let loading: Promise<LanguageClient | undefined> | undefined;
  const load = () =>
    (loading ??= import('./languageClient.js').then(
      ({ createProtokollClient, startProtokollClient }) => {
        if (disposed) return undefined;
        client = createProtokollClient({
          serverModule: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath,
          outputChannel,
        });
        // Not awaited: requests sent before the server is up wait for it, and a failure to
        // start is reported to the user by the client itself.
        void startProtokollClient(client);
        return client;
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        outputChannel.error(`language client: ${error instanceof Error ? error.stack : reason}`);
        void vscode.window.showErrorMessage(message('serverStartFailed', currentLocale(), reason));
        return undefined;
      },
    ));
  // A macrotask, so that it runs once the extension host has taken activate()'s result.
  const soon = setImmediate(() => void load());
  return {
    get ready() {
      clearImmediate(soon);
      return load();
    },
    stop: () => client?.stop(),
    dispose: () => {
      disposed = true;
      clearImmediate(soon);
    },
  };
}
