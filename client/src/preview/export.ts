import * as path from 'node:path';
import * as vscode from 'vscode';
import { readConfig, type ProtokollConfig } from '../../../server/src/language';
import { resolveConfig } from '../../../server/src/node/configFiles';
import { exportDocument, exportPath, type ExportFormat } from '../../../server/src/node/export';
import { currentLocale } from '../messages';
import { text } from './strings';

/**
 * "Protokoll: Export to PDF/HTML". The extension bundles the pure renderer and the PDF writer
 * (dist/extension.js), so the export works on the editor's current text, saved or not, without a
 * round trip to the server. The file goes beside the source; the user is offered to open it.
 */
export async function exportMinutes(
  context: vscode.ExtensionContext,
  format: Extract<ExportFormat, 'html' | 'pdf'>,
  target?: vscode.Uri,
): Promise<void> {
  const locale = currentLocale();
  const source = target ?? activeProtokollUri();
  if (!source) {
    void vscode.window.showWarningMessage(text('noDocument', locale));
    return;
  }
  try {
    const document = await vscode.workspace.openTextDocument(source);
    const output = await outputUri(source, format, locale);
    if (!output) return;
    const config = await documentConfig(document);
    const bytes = await exportDocument({
      format,
      path: source.scheme === 'file' ? source.fsPath : path.posix.basename(source.path),
      text: document.getText(),
      config,
      fontDirectory: vscode.Uri.joinPath(context.extensionUri, 'media', 'fonts').fsPath,
    });
    await vscode.workspace.fs.writeFile(output, bytes);
    const open = text('open', locale);
    const where = output.scheme === 'file' ? output.fsPath : output.toString();
    const choice = await vscode.window.showInformationMessage(
      text('exported', locale, where),
      open,
    );
    if (choice === open) await vscode.env.openExternal(output);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(text('exportFailed', locale, reason));
  }
}

function activeProtokollUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'protokoll' ? editor.document.uri : undefined;
}

/** Beside a file on disk; for an untitled or virtual document, wherever the user says. */
async function outputUri(
  source: vscode.Uri,
  format: ExportFormat,
  locale: 'sv' | 'en',
): Promise<vscode.Uri | undefined> {
  if (source.scheme === 'file') return vscode.Uri.file(exportPath(source.fsPath, format));
  const name = path.posix.basename(source.path).replace(/\.protokoll$/, '') || 'protokoll';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${format}`) : undefined,
    filters: { [format.toUpperCase()]: [format] },
    saveLabel: text('saveAs', locale),
  });
}

/** The settings under `protokoll.*`, overridden by the nearest `.protokoll.json`, as the server does. */
async function documentConfig(document: vscode.TextDocument): Promise<ProtokollConfig> {
  const settings = vscode.workspace.getConfiguration('protokoll', document.uri);
  const picked: Record<string, unknown> = {};
  for (const key of ['requiredSignatures', 'organisations', 'members', 'severity', 'locale']) {
    const value = settings.get(key);
    if (value !== undefined) picked[key] = value;
  }
  const base = readConfig(picked).config;
  if (document.uri.scheme !== 'file')
    return resolveConfig(document.uri.path, base, { noConfig: true }).config;
  const resolved = resolveConfig(document.uri.fsPath, base);
  if (resolved.problems.length > 0 && resolved.file) {
    const locale = currentLocale();
    const list = resolved.problems.map(
      (p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`,
    );
    void vscode.window.showWarningMessage(
      text('configProblem', locale, resolved.file, list.join('; ')),
    );
  }
  return resolved.config;
}
