import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { currentLocale, message } from './messages';
import type { Preview } from './preview/index.js';
import { PREVIEW_VIEW_TYPE } from './preview/viewType';

/**
 * Registers the preview and export commands (`protokoll.showPreview`, `…ToSide`,
 * `…LockedPreviewToSide`, `protokoll.exportPdf`, `protokoll.exportHtml`,
 * `protokoll.exportPublicPdf`), the serializer that
 * restores previews after a reload and the automatic opening, without loading the preview: its
 * chunk (dist/preview.js, with the renderer and the export) is loaded when first used. If it
 * cannot be loaded the user is told once; checks, completion and quick fixes go on working.
 * `client` resolves with the language client (loaded after activation), which renders.
 */
export function registerPreviewCommands(
  context: vscode.ExtensionContext,
  client: () => Promise<LanguageClient | undefined>,
  outputChannel: vscode.LogOutputChannel,
): vscode.Disposable {
  let loading: Promise<Preview | undefined> | undefined;
  let loaded: Preview | undefined;
  const preview = (): Promise<Preview | undefined> =>
    (loading ??= Promise.all([import('./preview/index.js'), client()])
      .then(([{ createPreview }, started]) => {
        if (!started) throw new Error('the language client could not be loaded');
        return (loaded = createPreview(context, started));
      })
      .catch((error: unknown) => {
        const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
        outputChannel.error(`preview: ${reason}`);
        void vscode.window.showErrorMessage(
          message(
            'previewUnavailable',
            currentLocale(),
            error instanceof Error ? error.message : reason,
          ),
        );
        return undefined;
      }));
  const command = (id: string, run: (preview: Preview, argument?: unknown) => unknown) =>
    vscode.commands.registerCommand(id, async (argument?: unknown) => {
      const loadedPreview = await preview();
      return loadedPreview && run(loadedPreview, argument);
    });
  const uriOf = (argument: unknown) => (argument instanceof vscode.Uri ? argument : undefined);
  const openAutomatically = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId !== 'protokoll') return;
    if (!vscode.workspace.getConfiguration('protokoll.preview').get('openAutomatically', false))
      return;
    void preview().then((p) => p?.openAutomatically(editor));
  };
  const disposables = [
    command('protokoll.showPreview', (p, arg) => p.show(uriOf(arg), 'active')),
    command('protokoll.showPreviewToSide', (p, arg) => p.show(uriOf(arg), 'side')),
    command('protokoll.showLockedPreviewToSide', (p, arg) => p.show(uriOf(arg), 'locked')),
    // The explorer passes the file; a keybinding's `args` or another extension may pass answers.
    command('protokoll.exportPdf', (p, arg) => p.export('pdf', arg)),
    command('protokoll.exportHtml', (p, arg) => p.export('html', arg)),
    command('protokoll.exportPublicPdf', (p, arg) => p.export('pdf', arg, { public: true })),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        const loadedPreview = await preview();
        if (loadedPreview) loadedPreview.revive(panel, state);
        else panel.dispose();
      },
    }),
    vscode.window.onDidChangeActiveTextEditor(openAutomatically),
  ];
  openAutomatically(vscode.window.activeTextEditor);
  return vscode.Disposable.from(...disposables, { dispose: () => loaded?.dispose() });
}
