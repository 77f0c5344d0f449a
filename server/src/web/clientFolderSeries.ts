import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createTextDocument, type ProtokollTextDocument } from '../language';
import type { SeriesChecks, SeriesResult } from '../common/diagnostics';
import { describe } from '../common/editorSettings';
import { configsOf, seriesResults } from '../common/seriesResults';
import type { ServerParts } from '../common/server';
import { FolderMinutesRequest } from '../protocol';

/** A file the client read, with the version its parse is cached under. */
interface ReadFile {
  readonly text: string;
  readonly doc: ProtokollTextDocument;
}

/**
 * The numbering across the minutes of a folder in the browser: the worker cannot read files, so
 * it asks the client for the folder's `.protokoll` files (`protokoll/folderMinutes`, read
 * through the editor's file system, virtual ones too) at each check. Open documents count with
 * their editor text. A file's parse is kept while its text stays the same.
 */
export class ClientFolderSeries implements SeriesChecks {
  private readonly files = new Map<string, Map<string, ReadFile>>();
  private nextVersion = 1;

  constructor(private readonly parts: ServerParts) {}

  /** The folder of a document in a hierarchical file system (not an untitled one). */
  folderOf(uri: string): string | undefined {
    if (!/^[a-z][\w+.-]*:\/\/[^/?#]*\//i.test(uri) || /[?#]/.test(uri)) return undefined;
    return uri.slice(0, uri.lastIndexOf('/'));
  }

  async check(folder: string): Promise<Map<string, SeriesResult>> {
    const { connection, service, settings } = this.parts;
    try {
      const configs = await configsOf(this.openDocuments(folder), settings);
      const read = await connection.sendRequest(FolderMinutesRequest, { folderUri: folder });
      if (!read) return new Map();
      const stored = this.remember(folder, read);
      const openNow = this.openDocuments(folder);
      const openUris = new Set(openNow.map((doc) => doc.uri));
      const members = [
        ...openNow.map((doc) => ({ doc, config: configs.get(doc.uri) })),
        ...stored.filter((doc) => !openUris.has(doc.uri)).map((doc) => ({ doc })),
      ];
      const series = service.getSeriesDiagnostics(members);
      return seriesResults(openNow, configs, series);
    } catch (error) {
      connection.console.error(
        `Checking the numbering across ${folder} failed: ${describe(error)}`,
      );
      return new Map();
    }
  }

  openDocuments(folder: string): TextDocument[] {
    return this.parts.documents.all().filter((doc) => this.folderOf(doc.uri) === folder);
  }

  forgetFolder(folder: string): void {
    for (const file of this.files.get(folder)?.values() ?? []) this.closeParse(file.doc.uri);
    this.files.delete(folder);
  }

  filesChanged(): Set<string> {
    // Nothing is kept that could be stale: each check asks the client for the files again.
    return new Set();
  }

  /** Keeps the files just read, reusing the parse of each whose text did not change. */
  private remember(
    folder: string,
    read: readonly { uri: string; text: string }[],
  ): ProtokollTextDocument[] {
    const known = this.files.get(folder) ?? new Map<string, ReadFile>();
    const current = new Map<string, ReadFile>();
    for (const { uri, text } of read) {
      const cached = known.get(uri);
      current.set(
        uri,
        cached?.text === text
          ? cached
          : { text, doc: createTextDocument(uri, text, this.nextVersion++) },
      );
    }
    for (const [uri, old] of known) if (current.get(uri) !== old) this.closeParse(old.doc.uri);
    this.files.set(folder, current);
    return [...current.values()].map((f) => f.doc);
  }

  /** Frees the parse of a file read through the client, unless the file is open in the editor. */
  private closeParse(uri: string): void {
    if (!this.parts.documents.get(uri)) this.parts.service.close(uri);
  }
}
