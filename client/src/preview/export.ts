import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  createProtokollService,
  createTextDocument,
  readConfig,
  SETTING_NAMES,
  Severity,
  type ProtokollConfig,
} from '../../../server/src/language';
import { resolveConfig } from '../../../server/src/node/configFiles';
import {
  exportDocument,
  exportPath,
  freeExportPath,
  type ExportFormat,
} from '../../../server/src/node/export';
import { inputAt, writeFileAtomically } from '../../../server/src/node/safeFiles';
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
    const { config, configFile } = await documentConfig(document);
    const inputs =
      source.scheme === 'file' ? [source.fsPath, ...(configFile ? [configFile] : [])] : [];
    // The public version (secret items and masked names replaced) gets a name of its own.
    const publicVersion = options.public ? { text: document.getText(), config } : undefined;
    const output = await outputUri(source, format, locale, inputs, publicVersion);
    if (!output) return undefined;
    if (output.toString() === source.toString())
      throw new Error(text('wouldOverwriteSource', locale));
    const service = createProtokollService({ cacheSize: 1 });
    const bytes = await exportDocument(
      {
        format,
        path: source.scheme === 'file' ? source.fsPath : path.posix.basename(source.path),
        text: document.getText(),
        config,
        // The subset fonts built beside the bundles (scripts/subset-fonts.mjs).
        fontDirectory: vscode.Uri.joinPath(context.extensionUri, 'dist', 'fonts').fsPath,
        public: options.public,
      },
      service,
    );
    if (output.scheme === 'file') {
      // Atomically, and never onto the source or its configuration under another name (a link).
      writeFileAtomically(output.fsPath, bytes, inputs);
    } else {
      await vscode.workspace.fs.writeFile(output, bytes);
    }
    const doc = createTextDocument(source.toString(), document.getText());
    const errors = service
      .getDiagnostics(doc, config)
      .filter((d) => d.severity === Severity.Error).length;
    offerToOpen(output, locale, errors);
    return output;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(text('exportFailed', locale, reason));
    return undefined;
  }
}

/**
 * Not awaited: the message stays until the user answers, which may be never. A warning when the
 * minutes still have errors: an export is often what gets published.
 */
function offerToOpen(output: vscode.Uri, locale: 'sv' | 'en', errors: number): void {
  const open = text('open', locale);
  const where = output.scheme === 'file' ? output.fsPath : output.toString();
  const message =
    errors === 0
      ? vscode.window.showInformationMessage(text('exported', locale, where), open)
      : vscode.window.showWarningMessage(
          text(
            errors === 1 ? 'exportedWithError' : 'exportedWithErrors',
            locale,
            where,
            `${errors}`,
          ),
          open,
        );
  void message.then((choice) => (choice === open ? vscode.env.openExternal(output) : undefined));
}

function activeProtokollUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'protokoll' ? editor.document.uri : undefined;
}

/**
 * Beside a file on disk; for an untitled or virtual document, which has no folder of its own,
 * wherever the user says in a save dialog (its title says why it asks); `undefined` if cancelled.
 * An existing file beside the source is never replaced silently: the user chooses to replace it
 * or to keep both (`name (2).pdf`). A file that is one of `inputs` under another name (a link)
 * is never offered for replacing.
 */
async function outputUri(
  source: vscode.Uri,
  format: ExportFormat,
  locale: 'sv' | 'en',
  inputs: readonly string[],
  publicVersion?: { readonly text: string; readonly config: ProtokollConfig },
): Promise<vscode.Uri | undefined> {
  if (source.scheme === 'file') {
    const beside = exportPath(source.fsPath, format, publicVersion);
    const input = inputAt(beside, inputs);
    if (input !== undefined) throw new Error(text('linkToSource', locale, beside, input));
    if (!fs.existsSync(beside) && !isLink(beside)) return vscode.Uri.file(beside);
    const replace = text('replace', locale);
    const keepBoth = text('keepBoth', locale);
    const free = freeExportPath(beside, (p) => fs.existsSync(p) || isLink(p));
    const choice = await vscode.window.showWarningMessage(
      text('exportExists', locale, path.basename(beside), path.basename(free)),
      { modal: true },
      replace,
      keepBoth,
    );
    if (choice === replace) return vscode.Uri.file(beside);
    if (choice === keepBoth) return vscode.Uri.file(free);
    return undefined;
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

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The settings under `protokoll.*`, overridden by the nearest `.protokoll.json`, as the server does. */
async function documentConfig(
  document: vscode.TextDocument,
): Promise<{ config: ProtokollConfig; configFile?: string }> {
  const settings = vscode.workspace.getConfiguration('protokoll', document.uri);
  const picked: Record<string, unknown> = {};
  for (const key of SETTING_NAMES) {
    const value = settings.get(key);
    if (value !== undefined) picked[key] = value;
  }
  const base = readConfig(picked).config;
  if (document.uri.scheme !== 'file')
    return { config: resolveConfig(document.uri.path, base, { noConfig: true }).config };
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
  return { config: resolved.config, configFile: resolved.file };
}
