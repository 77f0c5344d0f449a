// The numbering across a folder's files keeps a summary of each file on disk, by path,
// modification time and size: re-opening a document does not read its siblings again.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import { createProtokollService, DEFAULT_CONFIG } from '../../server/src/language';
import { readText } from '../../server/src/node/cli/files';
import { FolderSeries } from '../../server/src/node/folderSeries';
import type { SettingsStore } from '../../server/src/common/settingsStore';

function minutes(date: string, first: number, last: number): string {
  const items = [];
  for (let n = first; n <= last; n++) items.push(`§ ${n} Ärende`, 'Beslut: Godkänt.', '');
  return ['# Direktionen', `Datum: ${date}`, '', ...items].join('\n');
}

/** The editor's open documents, as much of `TextDocuments` as the series reads. */
class OpenDocuments {
  readonly byUri = new Map<string, TextDocument>();
  all = (): TextDocument[] => [...this.byUri.values()];
  get = (uri: string): TextDocument | undefined => this.byUri.get(uri);
}

describe('numbering across a folder: summaries of the files on disk', () => {
  let dir: string;
  let documents: OpenDocuments;
  let reads: string[];
  const log: string[] = [];

  const file = (name: string) => path.join(dir, name);
  const uriOf = (name: string) => pathToFileURL(file(name)).href;
  const seriesWith = (maxSummaries?: number) =>
    new FolderSeries({
      connection: {
        console: { info: (m: string) => log.push(m), error: (m: string) => log.push(m) },
      } as unknown as Connection,
      documents: documents as unknown as TextDocuments<TextDocument>,
      service: createProtokollService(),
      settings: {
        forDocument: async () => ({
          config: DEFAULT_CONFIG,
          validate: 'onType',
          diagnosticsDelay: 0,
        }),
      } as unknown as SettingsStore,
      readFile: (f) => {
        reads.push(path.basename(f));
        return readText(f);
      },
      maxSummaries,
    });
  const open = (name: string, text: string) =>
    documents.byUri.set(uriOf(name), TextDocument.create(uriOf(name), 'protokoll', 1, text));
  const codes = async (series: FolderSeries, name: string) =>
    ((await series.check(dir)).get(uriOf(name))?.diagnostics ?? []).map((d) => d.code);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-summaries-'));
    documents = new OpenDocuments();
    reads = [];
    fs.writeFileSync(file('mars.protokoll'), minutes('2024-03-14', 40, 44));
    fs.writeFileSync(file('april.protokoll'), minutes('2024-04-18', 45, 47));
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads each file once, also after the last open document closed and opened again', async () => {
    const series = seriesWith();
    open('maj.protokoll', minutes('2024-05-16', 50, 51));
    assert.deepEqual(await codes(series, 'maj.protokoll'), ['numbering/gap']);
    assert.deepEqual(reads.sort(), ['april.protokoll', 'mars.protokoll']);

    documents.byUri.clear();
    assert.equal((await series.check(dir)).size, 0);
    open('maj.protokoll', minutes('2024-05-16', 50, 51));
    assert.deepEqual(await codes(series, 'maj.protokoll'), ['numbering/gap']);
    assert.equal(reads.length, 2);
  });

  it('reads a file again when its size or modification time changed, and uses what it holds now', async () => {
    const series = seriesWith();
    open('maj.protokoll', minutes('2024-05-16', 50, 51));
    await codes(series, 'maj.protokoll');
    reads = [];

    // Longer, with the same time: the April meeting now ends with § 49, so May's § 50 follows.
    const { atime, mtime } = fs.statSync(file('april.protokoll'));
    fs.writeFileSync(file('april.protokoll'), minutes('2024-04-18', 45, 49));
    fs.utimesSync(file('april.protokoll'), atime, mtime);
    assert.deepEqual(await codes(series, 'maj.protokoll'), []);
    assert.deepEqual(reads, ['april.protokoll']);

    // The same size at a later time: the last number 49 became 47, so May's § 50 skips two.
    const same = minutes('2024-04-18', 45, 49).replace('§ 49 ', '§ 47 ');
    fs.writeFileSync(file('april.protokoll'), same);
    const later = new Date(mtime.getTime() + 5000);
    fs.utimesSync(file('april.protokoll'), later, later);
    reads = [];
    assert.deepEqual(await codes(series, 'maj.protokoll'), ['numbering/gap']);
    assert.deepEqual(reads, ['april.protokoll']);
    await codes(series, 'maj.protokoll');
    assert.deepEqual(reads, ['april.protokoll']);
  });

  it('keeps at most the configured number of summaries, dropping the least recently used', async () => {
    const series = seriesWith(1);
    open('maj.protokoll', minutes('2024-05-16', 48, 49));
    assert.deepEqual(await codes(series, 'maj.protokoll'), []);
    assert.equal(reads.length, 2);
    await codes(series, 'maj.protokoll');
    // Room for one: each check reads the file whose summary the other one pushed out.
    assert.equal(reads.length, 4);
  });

  it('does not read a file that is open in the editor', async () => {
    const series = seriesWith();
    open('april.protokoll', minutes('2024-04-18', 45, 47));
    await series.check(dir);
    assert.deepEqual(reads, ['mars.protokoll']);
  });
});
