import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { currentLocale } from '../messages';
import { exportMinutes } from './export';
import { isPreviewState } from './messages';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './panel';
import { text } from './strings';

export { PREVIEW_VIEW_TYPE } from './panel';

/**
 * Registers the preview and export: the commands `protokoll.showPreview`,
 * `protokoll.showPreviewToSide`, `protokoll.showLockedPreviewToSide`, `protokoll.exportPdf`,
 * `protokoll.exportHtml`, `protokoll.exportPublicPdf`, the serializer that restores previews after a reload, and the
 * automatic opening (`protokoll.preview.openAutomatically`). As in the Markdown preview, the
 * ordinary preview follows the active Protokoll editor and a locked one stays on its document.
 */
export function registerPreview(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): vscode.Disposable {
  const previews = new PreviewRegistry(context, client);
  const command = (id: string, run: (uri?: vscode.Uri) => unknown) =>
    vscode.commands.registerCommand(id, (uri?: unknown) =>
      run(uri instanceof vscode.Uri ? uri : undefined),
    );
  const disposables: vscode.Disposable[] = [
    previews,
    command('protokoll.showPreview', (uri) => previews.show(uri, 'active')),
    command('protokoll.showPreviewToSide', (uri) => previews.show(uri, 'side')),
    command('protokoll.showLockedPreviewToSide', (uri) => previews.show(uri, 'locked')),
    command('protokoll.exportPdf', (uri) => exportMinutes(context, 'pdf', uri)),
    command('protokoll.exportHtml', (uri) => exportMinutes(context, 'html', uri)),
    command('protokoll.exportPublicPdf', (uri) =>
      exportMinutes(context, 'pdf', uri, { public: true }),
    ),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => previews.revive(panel, state),
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => previews.openAutomatically(editor)),
  ];
  previews.openAutomatically(vscode.window.activeTextEditor);
  return vscode.Disposable.from(...disposables);
}

/**
 * The previews, as VS Code's Markdown preview keeps them: at most one ordinary (dynamic) preview,
 * which follows the active Protokoll editor ("Open Preview" in the editor's column, "to the
 * Side" beside it), and one locked preview per document, which stays on that document.
 */
class PreviewRegistry implements vscode.Disposable {
  private dynamic: PreviewPanel | undefined;
  private readonly lockedByDocument = new Map<string, PreviewPanel>();
  /** Documents opened automatically once this session: closing that preview is respected. */
  private readonly autoOpened = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {}

  show(target: vscode.Uri | undefined, mode: 'active' | 'side' | 'locked'): void {
    const editor = vscode.window.activeTextEditor;
    const uri =
      target ?? (editor?.document.languageId === 'protokoll' ? editor.document.uri : undefined);
    if (!uri) {
      void vscode.window.showWarningMessage(text('noDocument', currentLocale()));
      return;
    }
    const column =
      mode === 'active'
        ? (editor?.viewColumn ?? vscode.ViewColumn.Active)
        : vscode.ViewColumn.Beside;
    if (mode === 'locked') {
      const existing = this.lockedByDocument.get(uri.toString());
      if (existing) existing.reveal();
      else this.track(PreviewPanel.create(this.context, this.client, uri, column, true));
      return;
    }
    if (this.dynamic) {
      this.dynamic.showResource(uri);
      this.dynamic.reveal(mode === 'active' ? column : undefined);
      return;
    }
    this.track(PreviewPanel.create(this.context, this.client, uri, column, false));
  }

  revive(panel: vscode.WebviewPanel, state: unknown): void {
    if (!isPreviewState(state)) {
      panel.dispose();
      return;
    }
    const uri = vscode.Uri.parse(state.uri);
    const locked = state.locked === true;
    if (locked ? this.lockedByDocument.has(uri.toString()) : this.dynamic) {
      panel.dispose();
      return;
    }
    this.track(PreviewPanel.revive(panel, this.context, this.client, uri, locked, state.line));
  }

  openAutomatically(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'protokoll') return;
    if (
      !vscode.workspace
        .getConfiguration('protokoll.preview')
        .get<boolean>('openAutomatically', false)
    )
      return;
    const key = editor.document.uri.toString();
    // An open ordinary preview already follows this editor.
    if (this.dynamic || this.lockedByDocument.has(key) || this.autoOpened.has(key)) return;
    this.autoOpened.add(key);
    this.track(
      PreviewPanel.create(
        this.context,
        this.client,
        editor.document.uri,
        vscode.ViewColumn.Beside,
        false,
      ),
    );
  }

  dispose(): void {
    for (const panel of [...this.lockedByDocument.values(), this.dynamic]) panel?.dispose();
    this.lockedByDocument.clear();
    this.dynamic = undefined;
  }

  private track(panel: PreviewPanel): void {
    if (!panel.locked) {
      this.dynamic = panel;
      panel.onDidDispose(() => {
        if (this.dynamic === panel) this.dynamic = undefined;
      });
      return;
    }
    const key = panel.resource.toString();
    this.lockedByDocument.set(key, panel);
    panel.onDidDispose(() => {
      if (this.lockedByDocument.get(key) === panel) this.lockedByDocument.delete(key);
    });
  }
}
