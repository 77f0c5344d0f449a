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
import { currentLocale, type Locale } from '../messages';
import { chosenAction, type ExportAction } from './exportActions';
import { actionLabel, actionsFor, runExportAction } from './openExport';
import { text } from './strings';

/**
 * The export commands' argument when it is not a file from the explorer: answers given ahead, from
 * a keybinding's `args` (`{"then": "open"}`) or another extension. Every field is optional.
 */
export interface ExportArguments {
  /** The minutes to export, as a URI or an absolute path; default: the active editor's. */
  readonly file?: string | vscode.Uri;
  /** When the export's file exists already: replace it, or keep both (`name (2).pdf`); default: ask. */
  readonly ifExists?: 'replace' | 'keepBoth';
  /** After writing: open the file, or show it in its folder, instead of offering both. */
  readonly then?: 'open' | 'reveal';
}

/** What an export command did. */
export interface ExportResult {
  readonly file: vscode.Uri;
  /** Errors the minutes still have; the message after exporting says how many. */
  readonly errors: number;
  /** The message shown after exporting (without its buttons). */
  readonly message: string;
  /** What was done with the file because `then` asked for it; the buttons' answer is not awaited. */
  readonly done?: ExportAction;
}

/**
 * "Protokoll: Export to PDF/HTML". The extension bundles the pure renderer and the PDF writer
 * (dist/preview.js, dist/pdf.js), so the export works on the editor's current text, saved or not,
 * without a round trip to the server. The file goes beside the source (an untitled or virtual
 * document asks where); the user is offered to open it. Resolves as soon as the file is written
 * (not when the message is answered), or with `undefined` when nothing was written.
 */
export async function exportMinutes(
  context: vscode.ExtensionContext,
  format: Extract<ExportFormat, 'html' | 'pdf'>,
  argument?: unknown,
  options: { readonly public?: boolean } = {},
): Promise<ExportResult | undefined> {
  const locale = currentLocale();
  const answers = readExportArguments(argument, locale);
  if (typeof answers === 'string') {
    void vscode.window.showErrorMessage(text('exportFailed', locale, answers));
    return undefined;
  }
  const source = answers.file ?? activeProtokollUri();
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
    const output = await outputUri(source, format, locale, inputs, publicVersion, answers.ifExists);
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
    const actions = actionsFor(format, output);
    const message = exportedMessage(output, locale, errors);
    if (answers.then) {
      const wanted = chosenAction(actions, answers.then);
      const done = wanted && (await runAction(wanted, output, locale)) ? wanted : undefined;
      // Said all the same: the file was written, and perhaps with errors.
      void showMessage(message, errors, []);
      return { file: output, errors, message, done };
    }
    offerActions(output, message, errors, actions, locale);
    return { file: output, errors, message };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(text('exportFailed', locale, reason));
    return undefined;
  }
}

function exportedMessage(output: vscode.Uri, locale: Locale, errors: number): string {
  const where = output.scheme === 'file' ? output.fsPath : output.toString();
  if (errors === 0) return text('exported', locale, where);
  return text(
    errors === 1 ? 'exportedWithError' : 'exportedWithErrors',
    locale,
    where,
    `${errors}`,
  );
}

/** A warning when the minutes still have errors: an export is often what gets published. */
function showMessage(
  message: string,
  errors: number,
  buttons: readonly string[],
): Thenable<string | undefined> {
  return errors === 0
    ? vscode.window.showInformationMessage(message, ...buttons)
    : vscode.window.showWarningMessage(message, ...buttons);
}

/** Not awaited: the message stays until the user answers, which may be never. */
function offerActions(
  output: vscode.Uri,
  message: string,
  errors: number,
  actions: readonly ExportAction[],
  locale: Locale,
): void {
  const labels = actions.map((action) => actionLabel(action, locale));
  void showMessage(message, errors, labels).then((choice) => {
    const action = actions[labels.indexOf(choice ?? '')];
    return action && runAction(action, output, locale);
  });
}

/** Runs `action`; a failure (no browser, no file manager) is told, not thrown. */
async function runAction(
  action: ExportAction,
  output: vscode.Uri,
  locale: Locale,
): Promise<boolean> {
  try {
    await runExportAction(action, output);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(text('openFailed', locale, output.fsPath, reason));
    return false;
  }
}

/** The command's argument: a file from the explorer, an `ExportArguments`, or nothing; else why not. */
function readExportArguments(
  argument: unknown,
  locale: Locale,
): { file?: vscode.Uri; ifExists?: 'replace' | 'keepBoth'; then?: 'open' | 'reveal' } | string {
  if (argument === undefined || argument === null) return {};
  if (argument instanceof vscode.Uri) return { file: argument };
  if (typeof argument !== 'object' || Array.isArray(argument))
    return text('badExportArgument', locale, JSON.stringify(argument) ?? String(argument));
  const { file, ifExists, then, ...rest } = argument as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return text('unknownExportArgument', locale, unknown.join(', '));
  if (ifExists !== undefined && ifExists !== 'replace' && ifExists !== 'keepBoth')
    return text(
      'badExportChoice',
      locale,
      'ifExists',
      JSON.stringify(ifExists),
      'replace, keepBoth',
    );
  if (then !== undefined && then !== 'open' && then !== 'reveal')
    return text('badExportChoice', locale, 'then', JSON.stringify(then), 'open, reveal');
  if (file === undefined || file instanceof vscode.Uri) return { file, ifExists, then };
  const notAFile = text('badExportChoice', locale, 'file', JSON.stringify(file), 'URI');
  if (typeof file !== 'string' || file === '') return notAFile;
  if (path.isAbsolute(file)) return { file: vscode.Uri.file(file), ifExists, then };
  try {
    return { file: vscode.Uri.parse(file, true), ifExists, then };
  } catch {
    return notAFile;
  }
}

function activeProtokollUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'protokoll' ? editor.document.uri : undefined;
}

/**
 * Beside a file on disk; for an untitled or virtual document, which has no folder of its own,
 * wherever the user says in a save dialog (its title says why it asks); `undefined` if cancelled.
 * An existing file beside the source is never replaced silently: the user chooses to replace it
 * or to keep both (`name (2).pdf`), unless `ifExists` answered already. A file that is one of `inputs` under another name (a link)
 * is never offered for replacing.
 */
async function outputUri(
  source: vscode.Uri,
  format: ExportFormat,
  locale: Locale,
  inputs: readonly string[],
  publicVersion?: { readonly text: string; readonly config: ProtokollConfig },
  ifExists?: 'replace' | 'keepBoth',
): Promise<vscode.Uri | undefined> {
  if (source.scheme === 'file') {
    const beside = exportPath(source.fsPath, format, publicVersion);
    const input = inputAt(beside, inputs);
    if (input !== undefined) throw new Error(text('linkToSource', locale, beside, input));
    if (!fs.existsSync(beside) && !isLink(beside)) return vscode.Uri.file(beside);
    const replace = text('replace', locale);
    const keepBoth = text('keepBoth', locale);
    const free = freeExportPath(beside, (p) => fs.existsSync(p) || isLink(p));
    if (ifExists) return vscode.Uri.file(ifExists === 'replace' ? beside : free);
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
