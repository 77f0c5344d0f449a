import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { RenderRequest } from '../../../server/src/protocol';
import type { ExportResult } from '../preview/export';
import { currentLocale } from '../messages';
import { text } from '../preview/strings';

/**
 * "Protokoll: Export" in the browser. The language server renders the HTML page from the
 * editor's current text with the document's settings; it is written through
 * `vscode.workspace.fs` where the user says in a save dialog (beside the source by default).
 * PDF needs Node (pdfkit, fonts read from disk): the command says so and offers HTML instead.
 * Resolves with the file written and the message shown, `undefined` when nothing was written.
 */
export async function exportMinutesInBrowser(
  client: BaseLanguageClient,
  format: 'pdf' | 'html',
  target?: vscode.Uri,
  options: { readonly public?: boolean } = {},
): Promise<ExportResult | undefined> {
  const locale = currentLocale();
  if (format === 'pdf') {
    const instead = text('exportHtmlInstead', locale);
    const choice = await vscode.window.showWarningMessage(text('pdfNeedsDesktop', locale), instead);
    if (choice !== instead) return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const source =
    target ?? (editor?.document.languageId === 'protokoll' ? editor.document.uri : undefined);
  if (!source) {
    void vscode.window.showWarningMessage(text('noDocumentToExport', locale));
    return undefined;
  }
  try {
    const document = await vscode.workspace.openTextDocument(source);
    const rendered = await client.sendRequest(RenderRequest, {
      uri: client.code2ProtocolConverter.asUri(source),
      text: document.getText(),
      options: { standalone: true, public: options.public === true },
    });
    if (!rendered) throw new Error(text('serverUnavailable', locale, 'protokoll/render'));
    const output = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(source, '..', `${rendered.fileStem ?? 'protokoll'}.html`),
      filters: { HTML: ['html'] },
      saveLabel: text('saveAs', locale),
    });
    if (!output) return undefined;
    if (output.toString() === source.toString())
      throw new Error(text('wouldOverwriteSource', locale));
    await vscode.workspace.fs.writeFile(output, new TextEncoder().encode(rendered.html));
    const errors = errorCount(source);
    return { file: output, errors, message: offerToOpen(output, errors) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(text('exportFailed', locale, reason));
    return undefined;
  }
}

/** The errors the editor shows for the minutes (an export is often what gets published). */
function errorCount(source: vscode.Uri): number {
  return vscode.languages
    .getDiagnostics(source)
    .filter((d) => d.source === 'protokoll' && d.severity === vscode.DiagnosticSeverity.Error)
    .length;
}

/**
 * Shows what was written and offers to open it; returns the message. The answer is not awaited:
 * the message stays until the user answers, which may be never.
 */
function offerToOpen(output: vscode.Uri, errors: number): string {
  const locale = currentLocale();
  const open = text('open', locale);
  const where = output.toString(true);
  const said =
    errors === 0
      ? text('exported', locale, where)
      : text(errors === 1 ? 'exportedWithError' : 'exportedWithErrors', locale, where, `${errors}`);
  const answer =
    errors === 0
      ? vscode.window.showInformationMessage(said, open)
      : vscode.window.showWarningMessage(said, open);
  void answer.then((choice) =>
    choice === open ? vscode.commands.executeCommand('vscode.open', output) : undefined,
  );
  return said;
}
