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
 */
export function registerPreviewCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  outputChannel: vscode.LogOutputChannel,
): vscode.Disposable {
  let loading: Promise<Preview | undefined> | undefined;
  let loaded: Preview | undefined;
  const preview = (): Promise<Preview | undefined> =>
    (loading ??= import('./preview/index.js').then(
      ({ createPreview }) => (loaded = createPreview(context, client)),
      (error: unknown) => {
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
      },
    ));
  const command = (id: string, run: (preview: Preview, uri?: vscode.Uri) => unknown) =>
    vscode.commands.registerCommand(id, async (uri?: unknown) => {
      const loadedPreview = await preview();
      return loadedPreview && run(loadedPreview, uri instanceof vscode.Uri ? uri : undefined);
    });
  const openAutomatically = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId !== 'protokoll') return;
    if (!vscode.workspace.getConfiguration('protokoll.preview').get('openAutomatically', false))
      return;
    void preview().then((p) => p?.openAutomatically(editor));
  };
  const disposables = [
    command('protokoll.showPreview', (p, uri) => p.show(uri, 'active')),
    command('protokoll.showPreviewToSide', (p, uri) => p.show(uri, 'side')),
    command('protokoll.showLockedPreviewToSide', (p, uri) => p.show(uri, 'locked')),
    command('protokoll.exportPdf', (p, uri) => p.export('pdf', uri)),
    command('protokoll.exportHtml', (p, uri) => p.export('html', uri)),
    command('protokoll.exportPublicPdf', (p, uri) => p.export('pdf', uri, { public: true })),
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
