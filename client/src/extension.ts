import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCheckWorkspace } from './checkWorkspace';
import { createProtokollClient, startProtokollClient } from './languageClient';
import { registerNewMinutes } from './newMinutes';
import { registerPreviewCommands } from './previewCommands';
import { registerProtokollTasks } from './tasks';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel('Protokoll', { log: true });
  context.subscriptions.push(outputChannel, registerNewMinutes(context));

  client = createProtokollClient({
    serverModule: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath,
    outputChannel,
  });
  // Not awaited: activation (and so every command) must not wait for the server; requests sent
  // before it is up wait for it, and a failure is reported to the user by the client itself.
  void startProtokollClient(client);
  context.subscriptions.push(
    registerPreviewCommands(context, client, outputChannel),
    registerCheckWorkspace(client),
    registerProtokollTasks(context),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
