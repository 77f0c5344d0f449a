import * as vscode from 'vscode';
import { registerCheckWorkspace } from './checkWorkspace';
import { startLanguageClientSoon, type LazyLanguageClient } from './lazyLanguageClient';
import { registerNewMinutes } from './newMinutes';
import { registerPreviewCommands } from './previewCommands';
import { registerProtokollTasks } from './tasks';

let languageClient: LazyLanguageClient | undefined;

/**
 * Registers the commands, the task provider and the preview serializer. The language client,
 * the preview and the export are separate chunks: the client is loaded and started right after
 * this returns, the others on first use (docs/performance.md, "Activation").
 */
export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel('Protokoll', { log: true });
  languageClient = startLanguageClientSoon(context, outputChannel);
  const client = () => languageClient!.ready;
  context.subscriptions.push(
    outputChannel,
    languageClient,
    registerNewMinutes(context),
    registerPreviewCommands(context, client, outputChannel),
    registerCheckWorkspace(client),
    registerProtokollTasks(context),
  );
}

export function deactivate(): Thenable<void> | undefined {
  return languageClient?.stop();
}
