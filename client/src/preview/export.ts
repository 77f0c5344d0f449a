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
 * round trip to the server. The file goes beside the source (an untitled or virtual document asks
 * where); the user is offered to open it. Resolves with the file written, as soon as it is
 * written (not when the message is answered), or `undefined` when nothing was written.
 */
export async function exportMinutes(
  context: vscode.ExtensionContext,
  format: Extract<ExportFormat, 'html' | 'pdf'>,
  target?: vscode.Uri,
  options: { readonly public?: boolean } = {},
): Promise<vscode.Uri | undefined> {
  const locale = currentLocale();
  const source = target ?? activeProtokollUri();
  if (!source) {
    void vscode.window.showWarningMessage(text('noDocumentToExport', locale));
    return undefined;
  }
  try {
    const document = await vscode.workspace.openTextDocument(source);
    const config = await documentConfig(document);
    // The public version (secret items and masked names replaced) gets a name of its own.
    const publicVersion = options.public ? { text: document.getText(), config } : undefined;
    const output = await outputUri(source, format, locale, publicVersion);
    if (!output) return undefined;
    const bytes = await exportDocument({
      format,
      path: source.scheme === 'file' ? source.fsPath : path.posix.basename(source.path),
      text: document.getText(),
      config,
      fontDirectory: vscode.Uri.joinPath(context.extensionUri, 'media', 'fonts').fsPath,
      public: options.public,
    });
    await vscode.workspace.fs.writeFile(output, bytes);
    offerToOpen(output, locale);
    return output;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(text('exportFailed', locale, reason));
    return undefined;
  }
}

/** Not awaited: the message stays until the user answers, which may be never. */
function offerToOpen(output: vscode.Uri, locale: 'sv' | 'en'): void {
  const open = text('open', locale);
  const where = output.scheme === 'file' ? output.fsPath : output.toString();
  void vscode.window
    .showInformationMessage(text('exported', locale, where), open)
    .then((choice) => (choice === open ? vscode.env.openExternal(output) : undefined));
}

function activeProtokollUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'protokoll' ? editor.document.uri : undefined;
}

/**
 * Beside a file on disk; for an untitled or virtual document, which has no folder of its own,
 * wherever the user says in a save dialog (its title says why it asks); `undefined` if cancelled.
 */
async function outputUri(
  source: vscode.Uri,
  format: ExportFormat,
  locale: 'sv' | 'en',
  publicVersion?: { readonly text: string; readonly config: ProtokollConfig },
): Promise<vscode.Uri | undefined> {
  if (source.scheme === 'file') {
    return vscode.Uri.file(exportPath(source.fsPath, format, publicVersion));
  }
  const base = path.posix.basename(source.path).replace(/\.protokoll$/, '') || 'protokoll';
  const name = publicVersion ? path.parse(exportPath(base, format, publicVersion)).name : base;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${format}`) : undefined,
    filters: { [format.toUpperCase()]: [format] },
    saveLabel: text('saveAs', locale),
    title: text('chooseExportLocation', locale, format.toUpperCase()),
  });
}

/** The settings under `protokoll.*`, overridden by the nearest `.protokoll.json`, as the server does. */
async function documentConfig(document: vscode.TextDocument): Promise<ProtokollConfig> {
  const settings = vscode.workspace.getConfiguration('protokoll', document.uri);
  const picked: Record<string, unknown> = {};
  for (const key of [
    'requiredSignatures',
    'organisations',
    'members',
    'severity',
    'locale',
    'kind',
    'parties',
    'seats',
    'archive',
    'maskedNames',
  ]) {
    const value = settings.get(key);
    if (value !== undefined) picked[key] = value;
  }
  const base = readConfig(picked).config;
  if (document.uri.scheme !== 'file')
    return resolveConfig(document.uri.path, base, { noConfig: true }).config;
  const resolved = resolveConfig(document.uri.fsPath, base);
  if (resolved.problems.length > 0 && resolved.file) {
    // The language the problems are written in: the file's own locale, else the setting.
    const locale = resolved.config.locale;
    const list = resolved.problems.map(
      (p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`,
    );
    void vscode.window.showWarningMessage(
      text('configProblem', locale, resolved.file, list.join('; ')),
    );
  }
  return resolved.config;
}
