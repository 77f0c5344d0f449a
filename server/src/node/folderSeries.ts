import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { SeriesChecks, SeriesResult } from '../common/diagnostics';
import { describe } from '../common/editorSettings';
import { configsOf, seriesResults } from '../common/seriesResults';
import { MAX_SERIES_FOLDER_FILES } from '../common/files';
import type { SettingsStore } from '../common/settingsStore';
import { createTextDocument, type ProtokollService, type SeriesSummary } from '../language';
import { readText } from './cli/files';
import { filePathOf, fileUriOf } from './settings';

export { MAX_SERIES_FOLDER_FILES } from '../common/files';

/** How many files' summaries are kept, over all folders; the least recently used go first. */
export const MAX_KEPT_SUMMARIES = 2000;

export interface FolderSeriesOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ProtokollService;
  readonly settings: SettingsStore;
  /** Reads a minutes file (default: `readText`, which refuses binary and non-UTF-8 files). */
  readonly readFile?: (file: string) => ReturnType<typeof readText>;
  /** Default {@link MAX_KEPT_SUMMARIES}. */
  readonly maxSummaries?: number;
}

/**
 * A `.protokoll` file as last read from disk: what the numbering needs of it, and the modification
 * time and size it had then. No summary: it takes no part, or could not be read as UTF-8.
 */
interface DiskFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly summary?: SeriesSummary;
}

/** A file on disk as a member of the numbering across its folder. */
interface DiskMember {
  readonly uri: string;
  readonly file: string;
  readonly summary: SeriesSummary;
}

/** The folder of a `file:` document; undefined for untitled and virtual documents. */
export function folderOf(uri: string): string | undefined {
  const file = filePathOf(uri);
  return file === undefined ? undefined : path.dirname(file);
}

/**
 * Numbering through the year across the minutes of one folder (not its subfolders), as
 * `protokoll check` does it across the files it is given: open documents count with their
 * editor text, the other `.protokoll` files as they are on disk. Of a file on disk only a small
 * summary is kept (title, date, first and last §), by path, and it is read again only when its
 * modification time or size changed: a check lists and stats the folder's files, it does not read
 * them. The summaries outlive the closing of a folder's last open document, up to
 * {@link MAX_KEPT_SUMMARIES} files.
 */
export class FolderSeries implements SeriesChecks {
  private readonly summaries = new Map<string, DiskFile>();
  private readonly scans = new Map<string, Promise<readonly DiskMember[] | undefined>>();
  private readonly reportedOversized = new Set<string>();
  private readonly readFile: (file: string) => ReturnType<typeof readText>;
  private readonly maxSummaries: number;

  constructor(private readonly options: FolderSeriesOptions) {
    this.readFile = options.readFile ?? ((file) => readText(file));
    this.maxSummaries = options.maxSummaries ?? MAX_KEPT_SUMMARIES;
  }

  /**
   * The series diagnostics of every open document of `folder`, each for the document version
   * they were computed with. Never rejects: on any failure nothing is reported.
   */
  async check(folder: string): Promise<Map<string, SeriesResult>> {
    const { settings, service, connection } = this.options;
    try {
      const configs = await configsOf(this.openDocuments(folder), settings);
      const disk = await this.diskMembers(folder);
      if (!disk) return new Map();
      // The documents as they are now: one may have opened, changed or closed meanwhile.
      const openNow = this.openDocuments(folder);
      const openPaths = new Set(openNow.map((doc) => filePathOf(doc.uri)));
      const series = service.getSeriesDiagnostics([
        ...openNow.map((doc) => ({ doc, config: configs.get(doc.uri) })),
        ...disk.filter((member) => !openPaths.has(member.file)),
      ]);
      return seriesResults(openNow, configs, series);
    } catch (error) {
      connection.console.error(
        `Checking the numbering across ${folder} failed: ${describe(error)}`,
      );
      return new Map();
    }
  }

  /** A `.protokoll` file was created, changed or deleted on disk: read it again when needed. */
  private fileChanged(file: string): void {
    // A scan that started before the change may have read the old content.
    this.scans.delete(path.dirname(file));
    this.summaries.delete(file);
  }

  folderOf(uri: string): string | undefined {
    return folderOf(uri);
  }

  filesChanged(uris: readonly string[]): Set<string> {
    const openPaths = new Set(this.options.documents.all().map((doc) => filePathOf(doc.uri)));
    const folders = new Set<string>();
    for (const uri of uris) {
      const file = filePathOf(uri);
      if (file === undefined) continue;
      this.fileChanged(file);
      // An open document counts with its editor text, whatever its file holds.
      if (!openPaths.has(file)) folders.add(path.dirname(file));
    }
    return folders;
  }

  /** The summaries of the folder's files on disk outlive its open documents; a scan does not. */
  forgetFolder(folder: string): void {
    this.scans.delete(folder);
  }

  /** The open documents whose file is directly in `folder`. */
  openDocuments(folder: string): TextDocument[] {
    return this.options.documents.all().filter((doc) => folderOf(doc.uri) === folder);
  }

  /** The `.protokoll` files of `folder` not open in the editor; undefined when there are too many. */
  private diskMembers(folder: string): Promise<readonly DiskMember[] | undefined> {
    // Validations of several documents of one folder at once (a settings change) share a scan.
    let scan = this.scans.get(folder);
    if (!scan) {
      scan = this.scan(folder).finally(() => {
        if (this.scans.get(folder) === scan) this.scans.delete(folder);
      });
      this.scans.set(folder, scan);
    }
    return scan;
  }

  private async scan(folder: string): Promise<readonly DiskMember[] | undefined> {
    let names: string[];
    try {
      names = (await fs.promises.readdir(folder)).filter((name) => name.endsWith('.protokoll'));
    } catch {
      // The folder is gone or unreadable: only the open documents remain.
      return [];
    }
    if (names.length > MAX_SERIES_FOLDER_FILES) {
      if (!this.reportedOversized.has(folder)) {
        this.reportedOversized.add(folder);
        this.options.connection.console.info(
          `${folder} holds ${names.length} .protokoll files, more than ${MAX_SERIES_FOLDER_FILES}: the numbering across files is not checked there (protokoll check does it).`,
        );
      }
      return undefined;
    }
    const stats = await Promise.all(
      names.map(async (name) => {
        const file = path.join(folder, name);
        try {
          const stat = await fs.promises.stat(file);
          return stat.isFile() ? { file, stat } : undefined;
        } catch {
          return undefined;
        }
      }),
    );
    const members: DiskMember[] = [];
    for (const entry of stats) {
      if (!entry) continue;
      const { file, stat } = entry;
      const uri = fileUriOf(file);
      // An open document counts with its editor text; its file is read once it is closed.
      if (this.options.documents.get(uri)) continue;
      const known = this.summary(file, uri, stat.mtimeMs, stat.size);
      if (known.summary) members.push({ uri, file, summary: known.summary });
    }
    return members;
  }

  /** The kept summary of `file` if it still has this time and size, else read and kept anew. */
  private summary(file: string, uri: string, mtimeMs: number, size: number): DiskFile {
    const kept = this.summaries.get(file);
    const current =
      kept && kept.mtimeMs === mtimeMs && kept.size === size
        ? kept
        : this.read(file, uri, mtimeMs, size);
    // Most recently used last, so the first is the one to drop.
    this.summaries.delete(file);
    this.summaries.set(file, current);
    if (this.summaries.size > this.maxSummaries)
      this.summaries.delete(this.summaries.keys().next().value as string);
    return current;
  }

  private read(file: string, uri: string, mtimeMs: number, size: number): DiskFile {
    const read = this.readFile(file);
    if ('error' in read) {
      this.options.connection.console.info(
        `Numbering across files: ${file} is left out: ${read.error.reason}`,
      );
      return { mtimeMs, size };
    }
    const doc = createTextDocument(uri, read.text, mtimeMs);
    return { mtimeMs, size, summary: this.options.service.getSeriesSummary(doc) };
  }
}
