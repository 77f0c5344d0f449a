// A pull for an open document (Neovim, Helix) takes the numbering across its folder from the
// same series as pushed diagnostics: the files on disk are read once, not on every pull.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { SettingsStore } from '../../server/src/common/settingsStore';
import { createProtokollService, DEFAULT_CONFIG } from '../../server/src/language';
import { readText } from '../../server/src/node/cli/files';
import { FolderSeries } from '../../server/src/node/folderSeries';
import { registerPullDiagnostics } from '../../server/src/node/pullDiagnostics';

function minutes(date: string, first: number, last: number): string {
  const items = [];
  for (let n = first; n <= last; n++) items.push(`§ ${n} Ärende`, 'Beslut: Godkänt.', '');
  return ['# Direktionen', `Datum: ${date}`, '', ...items].join('\n');
}

type PullHandler = (
  params: { textDocument: { uri: string } },
  token: CancellationToken,
) => Promise<DocumentDiagnosticReport>;

describe('pull diagnostics of an open document: the numbering from the folder series', () => {
  let dir: string;
  let reads: string[];
  let pull: PullHandler;
  const byUri = new Map<string, TextDocument>();
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-pull-'));
    reads = [];
    byUri.clear();
    fs.writeFileSync(path.join(dir, 'mars.protokoll'), minutes('2024-03-14', 40, 44));
    fs.writeFileSync(path.join(dir, 'april.protokoll'), minutes('2024-04-18', 45, 47));
    const log: string[] = [];
    const connection = {
      console: { info: (m: string) => log.push(m), error: (m: string) => log.push(m) },
      languages: {
        diagnostics: { on: (handler: PullHandler) => (pull = handler), onWorkspace: () => {} },
      },
    } as unknown as Connection;
    const documents = {
      all: () => [...byUri.values()],
      get: (uri: string) => byUri.get(uri),
    } as unknown as TextDocuments<TextDocument>;
    const service = createProtokollService();
    const settings = {
      forDocument: async () => ({
        config: DEFAULT_CONFIG,
        validate: 'onType',
        diagnosticsDelay: 0,
      }),
      forget: () => {},
    } as unknown as SettingsStore;
    const series = new FolderSeries({
      connection,
      documents,
      service,
      settings,
      readFile: (file) => {
        reads.push(path.basename(file));
        return readText(file);
      },
    });
    const support = { relatedInformation: true, tags: true };
    registerPullDiagnostics({
      connection,
      documents,
      service,
      settings,
      support,
      series,
      workspaceFolders: () => [],
    });
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const codes = async (name: string): Promise<unknown[]> => {
    const report = await pull({ textDocument: { uri: uriOf(name) } }, CancellationToken.None);
    // The document's own checks (its signatures are missing) are not what this is about.
    return (report as { items: Diagnostic[] }).items
      .map((d) => d.code)
      .filter((code) => String(code).startsWith('numbering/'));
  };

  it('reads the other files once over several pulls and finds the gap after them', async () => {
    const uri = uriOf('maj.protokoll');
    byUri.set(uri, TextDocument.create(uri, 'protokoll', 1, minutes('2024-05-16', 50, 51)));
    assert.deepEqual(await codes('maj.protokoll'), ['numbering/gap']);
    assert.deepEqual(await codes('maj.protokoll'), ['numbering/gap']);
    assert.deepEqual(reads.sort(), ['april.protokoll', 'mars.protokoll']);

    // The user fills the gap: the next pull has the open text, still without reading again.
    byUri.set(uri, TextDocument.create(uri, 'protokoll', 2, minutes('2024-05-16', 48, 49)));
    assert.deepEqual(await codes('maj.protokoll'), []);
    assert.equal(reads.length, 2);
  });
});
