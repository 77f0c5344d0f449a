import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createProtokollClient, startProtokollClient } from './languageClient';
import { currentLocale, message } from './messages';
import { registerNewMinutes } from './newMinutes';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel('Protokoll', { log: true });
  context.subscriptions.push(outputChannel, registerNewMinutes(context));

  client = createProtokollClient({
    serverModule: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath,
    outputChannel,
  });
  // Not awaited: activation (and so every command) must not wait for the server; requests sent
  // before it is up wait for it, and a failure is reported to the user by the client itself.
  void startProtokollClient(client);
  // Loaded on its own: whatever goes wrong in the preview and export must not cost the user the
  // checks, completion and quick fixes.
  try {
    const { registerPreview } = await import('./preview/index.js');
    context.subscriptions.push(registerPreview(context, client));
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    outputChannel.error(`preview: ${reason}`);
    void vscode.window.showErrorMessage(
      message(
        'previewUnavailable',
        currentLocale(),
        error instanceof Error ? error.message : reason,
      ),
    );
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
