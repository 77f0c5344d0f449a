// The extension in VS Code for the Web (vscode.dev, github.dev): the `browser` entry of the
// manifest, bundled for the browser into dist/web/extension.js. Everything that needs no Node is
// the desktop's code; the language server runs in a web worker (dist/web/server.js).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/browser';
import { currentLocale, message } from '../messages';
import { registerNewMinutes } from '../newMinutes';
import { registerPreviewCommands } from '../previewCommands';
import { createWebClient } from './languageClient';
import { readConfigFiles, serveWorkspaceFiles } from './workspaceFiles';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Protokoll', { log: true });
  context.subscriptions.push(outputChannel, registerNewMinutes(context));
  // The server starts with the configuration files, so the first diagnostics already use them.
  const configFiles = await readConfigFiles(outputChannel);
  const webClient = createWebClient(context, outputChannel, configFiles);
  client = webClient;
  context.subscriptions.push(
    serveWorkspaceFiles(webClient, outputChannel),
    // Requests sent before the server is up wait for it.
    registerPreviewCommands(context, () => Promise.resolve(webClient), outputChannel),
  );
  // Not awaited: commands must not wait for the server; requests sent before it is up wait.
  webClient.start().catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    outputChannel.error(`The language server did not start: ${reason}`);
    void vscode.window.showErrorMessage(message('serverStartFailed', currentLocale(), reason));
  });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
