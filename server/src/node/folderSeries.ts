import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { SeriesChecks, SeriesResult } from '../common/diagnostics';
import { describe } from '../common/editorSettings';
import { MAX_SERIES_FOLDER_FILES } from '../common/files';
import type { SettingsStore } from '../common/settingsStore';
import {
  createTextDocument,
  type ProtokollConfig,
  type ProtokollService,
  type ProtokollTextDocument,
} from '../language';
import { readText } from './cli/files';
import { filePathOf, fileUriOf } from './settings';

export { MAX_SERIES_FOLDER_FILES } from '../common/files';

export interface FolderSeriesOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ProtokollService;
  readonly settings: SettingsStore;
}

/** A `.protokoll` file as last read from disk; no `doc` when it could not be read as UTF-8. */
interface DiskFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly doc?: ProtokollTextDocument;
}

/** The folder of a `file:` document; undefined for untitled and virtual documents. */
export function folderOf(uri: string): string | undefined {
  const file = filePathOf(uri);
  return file === undefined ? undefined : path.dirname(file);
}

/**
 * Numbering through the year across the minutes of one folder (not its subfolders), as
 * `protokoll check` does it across the files it is given: open documents count with their
 * editor text, the other `.protokoll` files as they are on disk. A file is read again only when
 * its modification time or size changed; its version for the service's parse cache is that time.
 */
export class FolderSeries implements SeriesChecks {
  private readonly files = new Map<string, Map<string, DiskFile>>();
  private readonly scans = new Map<string, Promise<readonly ProtokollTextDocument[] | undefined>>();
  private readonly reportedOversized = new Set<string>();

  constructor(private readonly options: FolderSeriesOptions) {}

  /**
   * The series diagnostics of every open document of `folder`, each for the document version
   * they were computed with. Never rejects: on any failure nothing is reported.
   */
  async check(folder: string): Promise<Map<string, SeriesResult>> {
    const { settings, service, connection } = this.options;
    try {
      const open = this.openDocuments(folder);
      const configs = new Map<string, ProtokollConfig>();
      await Promise.all(
        open.map(async (doc) => {
          configs.set(doc.uri, (await settings.forDocument(doc.uri)).config);
        }),
      );
      const disk = await this.diskDocuments(folder);
      if (!disk) return new Map();
      // The documents as they are now: one may have opened, changed or closed meanwhile.
      const openNow = this.openDocuments(folder);
      const openPaths = new Set(openNow.map((doc) => filePathOf(doc.uri)));
      const members = [
        ...openNow.map((doc) => ({ doc, config: configs.get(doc.uri) })),
        ...disk.filter((doc) => !openPaths.has(filePathOf(doc.uri))).map((doc) => ({ doc })),
      ];
      const series = service.getSeriesDiagnostics(members);
      const results = new Map<string, SeriesResult>();
      for (const doc of openNow) {
        // Diagnostics finalised with the default configuration would have the wrong severity.
        if (!configs.has(doc.uri)) continue;
        results.set(doc.uri, { version: doc.version, diagnostics: series.get(doc.uri) ?? [] });
      }
      return results;
    } catch (error) {
      connection.console.error(
        `Checking the numbering across ${folder} failed: ${describe(error)}`,
      );
      return new Map();
    }
  }

  /** A `.protokoll` file was created, changed or deleted on disk: read it again when needed. */
  private fileChanged(file: string): void {
    const folder = path.dirname(file);
    // A scan that started before the change may have read the old content.
    this.scans.delete(folder);
    const known = this.files.get(folder)?.get(file);
    if (!known) return;
    this.files.get(folder)?.delete(file);
    if (known.doc) this.closeParse(known.doc.uri);
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

  /** No open document is in `folder` any more: drop what was read from it. */
  forgetFolder(folder: string): void {
    this.scans.delete(folder);
    for (const known of this.files.get(folder)?.values() ?? []) {
      if (known.doc) this.closeParse(known.doc.uri);
    }
    this.files.delete(folder);
  }

  /** The open documents whose file is directly in `folder`. */
  openDocuments(folder: string): TextDocument[] {
    return this.options.documents.all().filter((doc) => folderOf(doc.uri) === folder);
  }

  /** The readable `.protokoll` files of `folder`; undefined when there are too many. */
  private diskDocuments(folder: string): Promise<readonly ProtokollTextDocument[] | undefined> {
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

  private async scan(folder: string): Promise<readonly ProtokollTextDocument[] | undefined> {
    let names: string[];
    try {
      names = (await fs.promises.readdir(folder)).filter((name) => name.endsWith('.protokoll'));
    } catch {
      // The folder is gone or unreadable: only the open documents remain.
      this.forgetFolder(folder);
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
    const known = this.files.get(folder) ?? new Map<string, DiskFile>();
    const current = new Map<string, DiskFile>();
    for (const entry of stats) {
      if (!entry) continue;
      const { file, stat } = entry;
      const cached = known.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
        current.set(file, cached);
        continue;
      }
      const read = readText(file);
      if ('error' in read) {
        this.options.connection.console.info(
          `Numbering across files: ${file} is left out: ${read.error.reason}`,
        );
        current.set(file, { mtimeMs: stat.mtimeMs, size: stat.size });
        continue;
      }
      const doc = createTextDocument(fileUriOf(file), read.text, stat.mtimeMs);
      current.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
    }
    for (const [file, old] of known) {
      if (old.doc && current.get(file) !== old) this.closeParse(old.doc.uri);
    }
    this.files.set(folder, current);
    return [...current.values()].flatMap((f) => (f.doc ? [f.doc] : []));
  }

  /** Frees the parse of a file read from disk, unless the file is open in the editor. */
  private closeParse(uri: string): void {
    if (!this.options.documents.get(uri)) this.options.service.close(uri);
  }
}
