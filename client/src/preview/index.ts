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
 * automatic opening (`protokoll.preview.openAutomatically`). One preview per document; the
 * locked preview stays in its column and follows the active Protokoll editor.
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

class PreviewRegistry implements vscode.Disposable {
  private readonly byDocument = new Map<string, PreviewPanel>();
  private locked: PreviewPanel | undefined;
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
      if (this.locked) {
        this.locked.showResource(uri);
        this.locked.reveal();
      } else {
        this.track(PreviewPanel.create(this.context, this.client, uri, column, true));
      }
      return;
    }
    const existing = this.byDocument.get(uri.toString());
    if (existing) {
      existing.reveal(mode === 'active' ? column : undefined);
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
    if (!state.locked && this.byDocument.has(uri.toString())) {
      panel.dispose();
      return;
    }
    this.track(
      PreviewPanel.revive(panel, this.context, this.client, uri, state.locked === true, state.line),
    );
  }

  openAutomatically(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== 'protokoll') return;
    if (
      !vscode.workspace
        .getConfiguration('protokoll.preview')
        .get<boolean>('openAutomatically', false)
    )
      return;
    const uri = editor.document.uri;
    if (this.byDocument.has(uri.toString()) || this.locked || this.autoOpened.has(uri.toString()))
      return;
    this.autoOpened.add(uri.toString());
    this.track(
      PreviewPanel.create(this.context, this.client, uri, vscode.ViewColumn.Beside, false),
    );
  }

  dispose(): void {
    for (const panel of [...this.byDocument.values(), this.locked]) panel?.dispose();
    this.byDocument.clear();
    this.locked = undefined;
  }

  private track(panel: PreviewPanel): void {
    if (panel.locked) {
      this.locked = panel;
      panel.onDidDispose(() => {
        if (this.locked === panel) this.locked = undefined;
      });
      return;
    }
    const key = panel.resource.toString();
    this.byDocument.set(key, panel);
    panel.onDidDispose(() => {
      if (this.byDocument.get(key) === panel) this.byDocument.delete(key);
    });
  }
}
