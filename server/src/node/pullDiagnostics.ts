import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import {
  byRangeStart,
  createTextDocument,
  type ProtokollConfig,
  type ProtokollDiagnostic,
  type ProtokollTextDocument,
} from '../language';
import { readText } from './cli/files';
import { toLspDiagnostic, type DiagnosticsPublisherOptions } from '../common/diagnostics';
import { describe } from '../common/editorSettings';
import { findMinutesFiles } from './minutesFiles';
import { filePathOf, fileUriOf } from './settings';

/** A workspace check reads at most this many files (a home folder opened by mistake). */
export const MAX_WORKSPACE_FILES = 5000;

export interface PullDiagnosticsOptions extends DiagnosticsPublisherOptions {
  /** The workspace folders (file system paths), as the client last said. */
  readonly workspaceFolders: () => readonly string[];
}

/** A document to check: open in the editor (its text there) or read from disk. */
interface Member {
  readonly doc: ProtokollTextDocument;
  readonly open: boolean;
  readonly config: ProtokollConfig;
}

/**
 * Pull diagnostics (LSP 3.17): `textDocument/diagnostic` for one document and
 * `workspace/diagnostic` for every `.protokoll` file of the workspace folders that
 * `.protokollignore` does not exclude, open or not. Each file gets its own checks and the
 * numbering across the minutes of its folder, as pushed diagnostics do. Open documents count with
 * their editor text. Reports are always full (no result ids): a check is cheaper than keeping
 * every file's last report to compare.
 */
export function registerPullDiagnostics(options: PullDiagnosticsOptions): void {
  const { connection } = options;

  connection.languages.diagnostics.on(async ({ textDocument }, token) => {
    const items = await checkFolderOf(options, textDocument.uri, token);
    return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
  });

  connection.languages.diagnostics.onWorkspace(async (_params, token) => {
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [folder, files] of workspaceMinutesByFolder(options)) {
      if (token.isCancellationRequested) break;
      const members = await membersOf(options, folder, files);
      for (const [uri, diagnostics] of check(options, members)) {
        const doc = options.documents.get(uri);
        items.push({
          kind: DocumentDiagnosticReportKind.Full,
          uri,
          version: doc?.version ?? null,
          items: diagnostics,
        });
      }
      release(options, members);
    }
    return { items };
  });
}

/** The diagnostics of one document, with the numbering across its folder for a `file:` one. */
async function checkFolderOf(
  options: PullDiagnosticsOptions,
  uri: string,
  token: CancellationToken,
): Promise<Diagnostic[] | undefined> {
  const file = filePathOf(uri);
  if (file === undefined) {
    // Untitled or virtual: only its own checks.
    const doc = options.documents.get(uri);
    if (!doc) return undefined;
    const { config } = await options.settings.forDocument(uri);
    return check(options, [{ doc, open: true, config }]).get(uri);
  }
  const folder = path.dirname(file);
  const viaSeries = await checkOpenViaSeries(options, uri, folder);
  if (viaSeries) return viaSeries;
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder).filter((name) => name.endsWith('.protokoll'));
  } catch {
    // The folder is gone: the open document alone.
  }
  const files = new Set(names.map((name) => path.join(folder, name)));
  files.add(file);
  const members = await membersOf(options, folder, [...files]);
  if (token.isCancellationRequested) return undefined;
  const result = check(options, members).get(uri);
  release(options, members);
  return result;
}

/**
 * An open document's own checks plus the numbering across its folder from the series, which
 * reads only the files that changed since it last looked; undefined when the document is not
 * open, the host has no series, or the document changed while the series was computed.
 */
async function checkOpenViaSeries(
  options: PullDiagnosticsOptions,
  uri: string,
  folder: string,
): Promise<Diagnostic[] | undefined> {
  const { series, documents } = options;
  if (!series || !documents.get(uri) || series.folderOf(uri) !== folder) return undefined;
  const result = (await series.check(folder)).get(uri);
  const doc = documents.get(uri);
  if (!result || !doc || result.version !== doc.version) return undefined;
  const { config } = await options.settings.forDocument(uri);
  return withOwnChecks(options, doc, config, result.diagnostics) ?? [];
}

/**
 * A document's own diagnostics with those of the numbering across its folder, as LSP
 * diagnostics by position; undefined (and logged) when its checks fail.
 */
function withOwnChecks(
  options: PullDiagnosticsOptions,
  doc: ProtokollTextDocument,
  config: ProtokollConfig,
  series: readonly ProtokollDiagnostic[],
): Diagnostic[] | undefined {
  try {
    return [...options.service.getDiagnostics(doc, config), ...series]
      .map((d) => toLspDiagnostic(d, doc.uri, doc.version, options.support))
      .sort(byRangeStart);
  } catch (error) {
    options.connection.console.error(`Checking ${doc.uri} failed: ${describe(error)}`);
    return undefined;
  }
}

/** The workspace's minutes files, grouped by folder (each folder is one numbering series). */
function workspaceMinutesByFolder(options: PullDiagnosticsOptions): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  let left = MAX_WORKSPACE_FILES;
  for (const root of options.workspaceFolders()) {
    const { files, errors, truncated } = findMinutesFiles(root, { limit: left });
    // Unreadable folders and broken links are not minutes the user can see in the editor; the
    // check goes on without them and says so in the log, as `protokoll check` does on stderr.
    for (const error of errors)
      options.connection.console.warn(`Checking the workspace: ${error.path}: ${error.reason}`);
    if (truncated)
      options.connection.console.warn(
        `Checking the workspace: more than ${MAX_WORKSPACE_FILES} .protokoll files; the rest are not checked. List folders to leave out in .protokollignore.`,
      );
    left -= files.length;
    for (const file of files) {
      const folder = path.dirname(file);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
    }
  }
  return byFolder;
}

async function membersOf(
  options: PullDiagnosticsOptions,
  folder: string,
  files: readonly string[],
): Promise<Member[]> {
  const members: Member[] = [];
  for (const file of files) {
    const uri = fileUriOf(file);
    const open = options.documents.get(uri);
    let doc: ProtokollTextDocument | undefined = open;
    if (!doc) {
      const read = readText(file);
      if ('error' in read) {
        options.connection.console.info(`Not checked: ${file}: ${read.error.reason}`);
        continue;
      }
      let version = 0;
      try {
        version = fs.statSync(file).mtimeMs;
      } catch {
        continue;
      }
      doc = createTextDocument(uri, read.text, version);
    }
    const { config } = await options.settings.forDocument(uri);
    members.push({ doc, open: open !== undefined, config });
  }
  if (members.length === 0 && files.length > 0)
    options.connection.console.info(`No readable minutes in ${folder}.`);
  return members;
}

/** Own checks plus the numbering across `members`, per URI, as LSP diagnostics by position. */
function check(
  options: PullDiagnosticsOptions,
  members: readonly Member[],
): Map<string, Diagnostic[]> {
  const { service, connection } = options;
  const out = new Map<string, Diagnostic[]>();
  let series = new Map<string, ProtokollDiagnostic[]>();
  try {
    series = service.getSeriesDiagnostics(members.map(({ doc, config }) => ({ doc, config })));
  } catch (error) {
    connection.console.error(`Checking the numbering across files failed: ${describe(error)}`);
  }
  for (const { doc, config } of members) {
    const all = withOwnChecks(options, doc, config, series.get(doc.uri) ?? []);
    if (all) out.set(doc.uri, all);
  }
  return out;
}

/** Frees the parses and settings of files that were read from disk for this check. */
function release(options: PullDiagnosticsOptions, members: readonly Member[]): void {
  for (const { doc, open } of members) {
    if (open || options.documents.get(doc.uri)) continue;
    options.service.close(doc.uri);
    options.settings.forget(doc.uri);
  }
}
