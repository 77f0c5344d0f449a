import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { RenderRequest, type RenderParams, type RenderResult } from '../../../server/src/protocol';
import { currentLocale } from '../messages';
import { isFromWebview, type FromWebview, type ToWebview, type WebviewSettings } from './messages';
import { createNonce, previewShell } from './shell';
import { text } from './strings';
import { PREVIEW_VIEW_TYPE } from './viewType';

export { PREVIEW_VIEW_TYPE };

/** After the preview scrolled the editor, the editor's scroll events are its echo for this long. */
const EDITOR_ECHO_MS = 300;
/** An editor scroll this soon after an edit is the editor following the caret, not the reader. */
const TYPING_MS = 800;

/**
 * One preview panel. As in VS Code's Markdown preview: an ordinary preview follows the active
 * Protokoll editor; a locked one stays on its document.
 * Content comes from the server's `protokoll/render` and replaces the webview's content by
 * message; the page itself is written once, with a fresh nonce.
 */
export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;
  private ready = false;
  private renderedVersion = -1;
  private renderedUri = '';
  private renderTimer: NodeJS.Timeout | undefined;
  private requestSeq = 0;
  private lastEdit = { at: 0, line: 0 };
  private ignoreEditorScrollUntil = 0;
  private disposed = false;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private resourceUri: vscode.Uri,
    readonly locked: boolean,
    private initialLine: number | undefined,
  ) {
    this.setUpWebview();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => isFromWebview(m) && this.onMessage(m)),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (webviewPanel.visible) this.scheduleRender(0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelectionChanged(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.onActiveEditorChanged(editor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('protokoll.preview') || e.affectsConfiguration('protokoll')) {
          this.post({ type: 'settings', settings: readWebviewSettings() });
          this.scheduleRender(0, true);
        }
      }),
    );
  }

  /** Opens a new panel for `uri` in `column`. */
  static create(
    context: vscode.ExtensionContext,
    client: LanguageClient,
    uri: vscode.Uri,
    column: vscode.ViewColumn,
    locked: boolean,
  ): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      panelTitle(uri, locked),
      { viewColumn: column, preserveFocus: true },
      webviewOptions(context),
    );
    return new PreviewPanel(panel, context, client, uri, locked, undefined);
  }

  /** Takes over a panel VS Code restored after a reload. */
  static revive(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    client: LanguageClient,
    uri: vscode.Uri,
    locked: boolean,
    line: number | undefined,
  ): PreviewPanel {
    panel.webview.options = webviewOptions(context);
    return new PreviewPanel(panel, context, client, uri, locked, line);
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  /** Shows another document in this panel (an ordinary preview following the active editor). */
  showResource(uri: vscode.Uri): void {
    if (uri.toString() === this.resourceUri.toString()) return;
    this.resourceUri = uri;
    this.renderedVersion = -1;
    this.panel.title = panelTitle(uri, this.locked);
    this.scheduleRender(0, true);
  }

  reveal(column?: vscode.ViewColumn): void {
    this.panel.reveal(column, true);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.renderTimer);
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private setUpWebview(): void {
    const webview = this.panel.webview;
    const media = (file: string) =>
      webview
        .asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file))
        .toString();
    this.panel.iconPath = vscode.Uri.joinPath(
      this.context.extensionUri,
      'media',
      'preview-icon.svg',
    );
    webview.html = previewShell({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      minutesCss: media('minutes.css'),
      previewCss: media('preview.css'),
      script: media('preview.js'),
      lang: currentLocale(),
      loadingText: text('loading', currentLocale()),
    });
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.renderedVersion = -1;
        this.post({ type: 'settings', settings: readWebviewSettings() });
        this.scheduleRender(0);
        break;
      case 'didScroll': {
        if (!previewSetting('scrollEditorWithPreview')) return;
        const line = Math.floor(message.line);
        for (const editor of this.editors()) {
          this.ignoreEditorScrollUntil = Date.now() + EDITOR_ECHO_MS;
          editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        }
        break;
      }
      case 'openSource':
        void this.openSource(message.line);
        break;
    }
  }

  private async openSource(line: number): Promise<void> {
    const visible = this.editors()[0];
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(this.resourceUri));
    const position = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Selection(position, position),
    });
    editor.revealRange(
      new vscode.Range(position, position),
      vscode.TextEditorRevealType.InCenterIfOutsideViewport,
    );
  }

  private onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    if (event.document.uri.toString() !== this.resourceUri.toString()) return;
    if (event.contentChanges.length === 0) return;
    this.lastEdit = { at: Date.now(), line: event.contentChanges[0].range.start.line };
    this.scheduleRender(previewDelay());
  }

  private onEditorScrolled(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.resourceUri.toString()) return;
    if (!previewSetting('scrollPreviewWithEditor')) return;
    if (Date.now() < this.ignoreEditorScrollUntil) return;
    const range = event.visibleRanges[0];
    if (!range) return;
    if (Date.now() - this.lastEdit.at < TYPING_MS) {
      // The editor scrolled to follow the caret while typing: move the preview only if the edited
      // block would leave the preview's view.
      this.post({ type: 'revealLine', line: this.lastEdit.line });
      return;
    }
    this.post({ type: 'scrollToLine', line: range.start.line });
  }

  private onSelectionChanged(editor: vscode.TextEditor): void {
    if (editor.document.uri.toString() !== this.resourceUri.toString()) return;
    this.post({ type: 'cursorLine', line: editor.selection.active.line });
  }

  private onActiveEditorChanged(editor: vscode.TextEditor | undefined): void {
    if (this.locked || !editor || editor.document.languageId !== 'protokoll') return;
    this.showResource(editor.document.uri);
  }

  /** Renders after `delay` ms; a newer call replaces an older pending one. */
  private scheduleRender(delay: number, reset = false): void {
    clearTimeout(this.renderTimer);
    this.renderTimer = setTimeout(() => void this.render(reset), delay);
  }

  private async render(reset: boolean): Promise<void> {
    if (!this.ready || this.disposed) return;
    const uri = this.resourceUri.toString();
    const seq = ++this.requestSeq;
    try {
      // Makes sure the server has the document even if no editor shows it (after a reload).
      await vscode.workspace.openTextDocument(this.resourceUri);
    } catch {
      if (seq === this.requestSeq)
        this.post({ type: 'notice', text: text('documentClosed', currentLocale()) });
      return;
    }
    let result;
    try {
      // By method name: this module is its own bundle (dist/preview.js) with its own copy of
      // vscode-jsonrpc, whose RequestType objects the client's copy does not recognise.
      const params: RenderParams = {
        uri,
        options: { showDiagnostics: previewSetting('showDiagnostics') },
      };
      result = await this.client.sendRequest<RenderResult | null>(RenderRequest.method, params);
    } catch (error) {
      if (seq !== this.requestSeq || this.disposed) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.post({ type: 'notice', text: text('serverUnavailable', currentLocale(), reason) });
      return;
    }
    // A newer request (or another document) superseded this one.
    if (seq !== this.requestSeq || this.disposed || uri !== this.resourceUri.toString()) return;
    if (!result) {
      this.post({ type: 'notice', text: text('documentClosed', currentLocale()) });
      return;
    }
    if (uri === this.renderedUri && result.version === this.renderedVersion && !reset) return;
    const otherDocument = uri !== this.renderedUri;
    this.renderedUri = uri;
    this.renderedVersion = result.version;
    this.post({ type: 'notice', text: null });
    this.post({
      type: 'render',
      uri,
      html: result.html,
      lineMap: result.lineMap,
      version: result.version,
      reset: otherDocument && this.initialLine === undefined,
    });
    if (this.initialLine !== undefined) {
      this.post({ type: 'scrollToLine', line: this.initialLine });
      this.initialLine = undefined;
    } else if (otherDocument) {
      const editor = this.editors()[0];
      if (editor?.visibleRanges[0]) {
        this.post({ type: 'scrollToLine', line: editor.visibleRanges[0].start.line });
      }
    }
    const editor = this.editors()[0];
    if (editor) this.post({ type: 'cursorLine', line: editor.selection.active.line });
  }

  private editors(): vscode.TextEditor[] {
    const uri = this.resourceUri.toString();
    return vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri);
  }

  private post(message: ToWebview): void {
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(message);
  }
}

function webviewOptions(
  context: vscode.ExtensionContext,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}

function panelTitle(uri: vscode.Uri, locked: boolean): string {
  return text(
    locked ? 'lockedPanelTitle' : 'panelTitle',
    currentLocale(),
    uri.path.slice(uri.path.lastIndexOf('/') + 1),
  );
}

type BooleanSetting =
  | 'showDiagnostics'
  | 'scrollPreviewWithEditor'
  | 'scrollEditorWithPreview'
  | 'markEditorSelection'
  | 'doubleClickToSwitchToEditor';

function previewSetting(name: BooleanSetting): boolean {
  return vscode.workspace.getConfiguration('protokoll.preview').get<boolean>(name, true);
}

function previewDelay(): number {
  const delay = vscode.workspace
    .getConfiguration('protokoll.preview')
    .get<number>('updateDelay', 200);
  return Math.max(0, Math.min(2000, delay));
}

function readWebviewSettings(): WebviewSettings {
  return {
    scrollEditorWithPreview: previewSetting('scrollEditorWithPreview'),
    doubleClickToSwitchToEditor: previewSetting('doubleClickToSwitchToEditor'),
    markEditorSelection: previewSetting('markEditorSelection'),
  };
}
