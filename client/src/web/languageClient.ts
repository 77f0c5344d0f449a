import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import type { ForwardedFile, WebInitializationOptions } from '../../../server/src/protocol';

/** As the desktop client's: `protokoll.trace.server` traces both. */
const CLIENT_ID = 'protokoll';

// The web worker API of the browser's extension host (the project compiles without the DOM types).
declare const Worker: new (url: string, options?: { name?: string }) => object;

/**
 * The language client of VS Code for the Web: the server (dist/web/server.js) runs in a web
 * worker and speaks LSP over postMessage. It checks `protokoll` documents of every scheme, since
 * in the browser they live on virtual file systems (`vscode-vfs:`, `vscode-test-web:`, …).
 */
export function createWebClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
  configFiles: readonly ForwardedFile[],
): LanguageClient {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const worker = new Worker(serverMain.toString(true), { name: 'Protokoll language server' });
  const initializationOptions: WebInitializationOptions = { diagnostics: 'push', configFiles };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'protokoll' }],
    synchronize: { configurationSection: 'protokoll' },
    outputChannel,
    initializationOptions,
  };
  return new LanguageClient(CLIENT_ID, 'Protokoll', worker, clientOptions);
}
