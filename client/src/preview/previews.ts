import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { currentLocale } from '../messages';
import type { ExportResult } from './export';
import { isPreviewState } from './messages';
import { PreviewPanel } from './panel';
import { text } from './strings';

/** The preview and export, as the commands registered at activation (../previewCommands.ts) use them. */
export interface Preview extends vscode.Disposable {
  show(target: vscode.Uri | undefined, mode: 'active' | 'side' | 'locked'): void;
  /** Restores a preview VS Code kept across a reload. */
  revive(panel: vscode.WebviewPanel, state: unknown): void;
  /** Opens a preview beside `editor` if `protokoll.preview.openAutomatically` says so. */
  openAutomatically(editor: vscode.TextEditor | undefined): void;
  /**
   * Exports to PDF or HTML (`public`: the public version). `argument` is the command's: a file
   * (from the explorer) or an `ExportArguments` object. Resolves with what was written and done,
   * `undefined` when nothing was written.
   */
  export(
    format: 'pdf' | 'html',
    argument?: unknown,
    options?: { readonly public?: boolean },
  ): Promise<ExportResult | undefined>;
}

/** Writes an export of a document; the desktop writes files with Node, the browser cannot. */
export type ExportMinutes = (
  context: vscode.ExtensionContext,
  format: 'pdf' | 'html',
  argument?: unknown,
  options?: { readonly public?: boolean },
) => Promise<ExportResult | undefined>;

/**
 * The preview and export. As in the Markdown preview, the ordinary preview follows the active
 * Protokoll editor and a locked one stays on its document. The preview itself needs no Node:
 * desktop (./index.ts) and browser (../web/preview.ts) differ only in `exportMinutes`.
 */
export function createPreviewWith(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  exportMinutes: ExportMinutes,
): Preview {
  const previews = new PreviewRegistry(context, client);
  return {
    show: (target, mode) => previews.show(target, mode),
    revive: (panel, state) => previews.revive(panel, state),
    openAutomatically: (editor) => previews.openAutomatically(editor),
    export: (format, argument, options) => exportMinutes(context, format, argument, options),
    dispose: () => previews.dispose(),
  };
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
