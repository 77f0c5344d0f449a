// Numbering through the year across the minutes of a folder, as the editor sees it: open
// documents with their editor text, the folder's other .protokoll files from disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, LspClient, messageOf } from './client';

/** Minutes of the board with one item per number. */
function minutes(date: string, numbers: readonly number[]): string {
  const items = numbers.flatMap((n) => [`§ ${n} Ärende`, 'Beslut: Godkänt.', '']);
  return ['# Direktionen', `Datum: ${date}`, '', ...items].join('\n');
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const numbering = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => String(d.code).startsWith('numbering/'));

const hasCode = (code: string) => (p: PublishDiagnosticsParams) =>
  p.diagnostics.some((d) => d.code === code);

const hasNoNumbering = (p: PublishDiagnosticsParams) => numbering(p.diagnostics).length === 0;

describe('language server over stdio: numbering across the minutes of a folder', function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: string;

  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const write = (name: string, text: string | Buffer) =>
    fs.writeFileSync(path.join(dir, name), text);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-series-'));
    client = await LspClient.start({ settings: { diagnosticsDelay: 0 } });
  });

  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a first § that skips numbers after the meeting on disk, naming that file', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    const text = minutes('2024-06-13', range(53, 55));
    const uri = await client.open(uriOf('juni.protokoll'), text);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    const [gap, ...others] = numbering(diagnostics);
    assert.deepEqual(others, []);
    assert.equal(gap.code, 'numbering/gap');
    assert.equal(gap.source, 'protokoll');
    assert.equal(
      messageOf(gap),
      'Numreringen fortsätter från förra mötet: april.protokoll (2024-04-18) slutade med § 51, så detta möte börjar med § 52, inte § 53.',
    );
    const line = text.split('\n')[gap.range.start.line];
    assert.equal(line, '§ 53 Ärende');
    assert.equal(line.slice(gap.range.start.character, gap.range.end.character), '53');
  });

  it('offers the renumbering as a quick fix, and clears the gap once the numbers continue', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    const text = minutes('2024-06-13', range(53, 55));
    const uri = await client.open(uriOf('juni.protokoll'), text);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    const gap = diagnostics.find((d) => d.code === 'numbering/gap')!;
    const actions = await client.within(
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: gap.range,
        context: { diagnostics: [gap], only: ['quickfix'] },
      }),
      'code actions',
    );
    const renumber = (actions as CodeAction[]).find((a) => a.title === 'Numrera om från § 52');
    assert.ok(renumber, `actions: ${(actions as CodeAction[]).map((a) => a.title).join(', ')}`);
    const { edits } = renumber.edit!.documentChanges![0] as { edits: TextEdit[] };
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, minutes('2024-06-13', range(52, 54)));

    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnosticsForVersion(uri, version);
    assert.deepEqual(numbering(after.diagnostics), []);
  });

  it('checks the open meeting again when the meeting before it changes on disk', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    const uri = await client.open(uriOf('juni.protokoll'), minutes('2024-06-13', range(52, 55)));
    const first = await client.diagnosticsForVersion(uri, 1);
    assert.deepEqual(numbering(first.diagnostics), []);

    let mark = client.mark(uri);
    write('april.protokoll', minutes('2024-04-18', range(45, 53)));
    await client.filesChanged([{ uri: uriOf('april.protokoll'), type: FileChangeType.Changed }]);
    const duplicate = await client.diagnostics(uri, hasCode('numbering/duplicate'), mark);
    assert.match(
      messageOf(numbering(duplicate.diagnostics)[0]),
      /^§ 52 användes redan i april\.protokoll \(2024-04-18\), som slutade med § 53\./,
    );
    assert.equal(duplicate.version, 1, 'the open document itself did not change');

    mark = client.mark(uri);
    fs.rmSync(path.join(dir, 'april.protokoll'));
    await client.filesChanged([{ uri: uriOf('april.protokoll'), type: FileChangeType.Deleted }]);
    const cleared = await client.diagnostics(uri, () => true, mark);
    assert.deepEqual(numbering(cleared.diagnostics), []);
  });

  it('republishes an open meeting when another open meeting of the folder changes or closes', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    const april = await client.open(uriOf('april.protokoll'), minutes('2024-04-18', range(45, 51)));
    const juni = await client.open(uriOf('juni.protokoll'), minutes('2024-06-13', range(52, 55)));
    await client.diagnosticsForVersion(april, 1);
    assert.deepEqual(numbering((await client.diagnosticsForVersion(juni, 1)).diagnostics), []);

    // April loses its last item in the editor only: June now skips § 51.
    let mark = client.mark(juni);
    await client.change(april, [{ text: minutes('2024-04-18', range(45, 50)) }]);
    const gap = await client.diagnostics(juni, hasCode('numbering/gap'), mark);
    assert.equal(gap.version, 1);
    assert.match(messageOf(numbering(gap.diagnostics)[0]), /slutade med § 50/);

    // Closed without saving: the file on disk, which ends with § 51, counts again.
    mark = client.mark(juni);
    await client.close(april);
    const restored = await client.diagnostics(juni, hasNoNumbering, mark);
    assert.equal(restored.version, 1);
  });

  it('reports nothing for a meeting that starts again at § 1', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    const uri = await client.open(uriOf('juni.protokoll'), minutes('2024-06-13', range(1, 4)));
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.deepEqual(numbering(diagnostics), []);
  });

  it('leaves untitled documents to the checks of the document alone', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    const text = minutes('2024-06-13', range(53, 55));
    const untitled = await client.open('untitled:Untitled-1', text);
    const saved = await client.open(uriOf('juni.protokoll'), text);
    assert.deepEqual(numbering((await client.diagnosticsForVersion(untitled, 1)).diagnostics), []);
    // The same text in the folder is reported: the untitled one was not spared by chance.
    const inFolder = await client.diagnosticsForVersion(saved, 1);
    assert.deepEqual(
      numbering(inFolder.diagnostics).map((d) => d.code),
      ['numbering/gap'],
    );
  });

  it('leaves out a file that is not UTF-8, with a line in the log, and checks the others', async () => {
    write('april.protokoll', minutes('2024-04-18', range(45, 51)));
    // Read, May's § 52 would make June's § 53 right.
    write('maj.protokoll', Buffer.from(minutes('2024-05-16', [52]), 'latin1'));
    const uri = await client.open(uriOf('juni.protokoll'), minutes('2024-06-13', range(53, 55)));
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.match(messageOf(numbering(diagnostics)[0]), /april\.protokoll .* inte § 53/);
    assert.ok(
      client.log.some((line) => line.includes('maj.protokoll') && /not UTF-8/.test(line)),
      client.log.join('\n'),
    );
    assert.ok(client.alive);
  });
});
