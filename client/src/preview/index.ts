import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { currentLocale } from '../messages';
import { exportMinutes } from './export';
import { isPreviewState } from './messages';
import { PreviewPanel } from './panel';
import { text } from './strings';

export { PREVIEW_VIEW_TYPE } from './panel';

/** The preview and export, as the commands registered at activation (../previewCommands.ts) use them. */
export interface Preview extends vscode.Disposable {
  show(target: vscode.Uri | undefined, mode: 'active' | 'side' | 'locked'): void;
  /** Restores a preview VS Code kept across a reload. */
  revive(panel: vscode.WebviewPanel, state: unknown): void;
  /** Opens a preview beside `editor` if `protokoll.preview.openAutomatically` says so. */
  openAutomatically(editor: vscode.TextEditor | undefined): void;
  /** Exports to PDF or HTML; resolves with the file written, `undefined` when none was. */
  export(format: 'pdf' | 'html', target?: vscode.Uri): Promise<vscode.Uri | undefined>;
}

/**
 * The preview and export: one preview per document; the locked preview stays in its column and
 * follows the active Protokoll editor. This module is its own chunk (dist/preview.js), loaded the
 * first time a preview or an export is asked for, so that activation does not wait for it.
 */
export function createPreview(context: vscode.ExtensionContext, client: LanguageClient): Preview {
  const previews = new PreviewRegistry(context, client);
  return {
    show: (target, mode) => previews.show(target, mode),
    revive: (panel, state) => previews.revive(panel, state),
    openAutomatically: (editor) => previews.openAutomatically(editor),
    export: (format, target) => exportMinutes(context, format, target),
    dispose: () => previews.dispose(),
  };
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
