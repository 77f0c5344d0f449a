// Completion and hover sent right behind a didChange, before that version is checked: the
// server answers them from the latest parse plus the current line where it can, and the answer
// must be that of the new text.
import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  HoverRequest,
  type CompletionItem,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './client';

const minutes = `# SIKTnätverket
Datum: 2018-12-14

Närvarande:
- Ulf Andersson, Gullspång
- Mattias Gustafsson, Tibro (ordförande)
- Britt Andersson, Grästorp

§ 1 Föregående protokoll
Mattias sammanfattar. Inget att tillägga.

§ 2 Nästa möte
Åtgärd: Ulf planerar förmiddagen.
Åtgärd: Britt bokar lokal. @Britt Andersson

Ordförande: Mattias Gustafsson
`;

const lines = minutes.split('\n');
const lineOf = (start: string): number => lines.findIndex((l) => l.startsWith(start));

describe('language server over stdio: completion right after a change', function () {
  this.timeout(30_000);
  let client: LspClient;
  let counter = 0;

  before(async () => {
    client = await LspClient.start({ settings: { diagnosticsDelay: 0 } });
  });

  after(async () => {
    await client.stop();
  });

  async function open(): Promise<string> {
    const uri = `untitled:After-change-${++counter}`;
    await client.open(uri, minutes);
    await client.diagnosticsForVersion(uri, 1);
    return uri;
  }

  function request<R>(method: string, params: object): Promise<R> {
    return client.within(client.connection.sendRequest<R>(method, params), method);
  }

  const insert = (uri: string, line: number, character: number, text: string) =>
    client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text }]);

  it('reads the changed line: ` @` typed at the end of an action offers the attendees', async () => {
    const uri = await open();
    const line = lineOf('Åtgärd: Ulf');
    const end = lines[line].length;
    const version = await insert(uri, line, end, ' @');
    const result = await request<{ items: CompletionItem[] }>(CompletionRequest.method, {
      textDocument: { uri },
      position: { line, character: end + 2 },
    });
    const labels = result.items.map((i) => i.label);
    assert.ok(labels.includes('Mattias Gustafsson'), labels.join(', '));
    for (const item of result.items) {
      const range = (item.textEdit as { range: Range }).range;
      assert.deepEqual(range.start, { line, character: end + 2 });
    }
    // The change is checked all the same.
    await client.diagnosticsForVersion(uri, version);
  });

  it('maps the cursor through lines added above in another item', async () => {
    const uri = await open();
    const owner = lineOf('Åtgärd: Britt');
    const at = lines[owner].indexOf('@') + 1;
    await insert(uri, lineOf('Mattias sammanfattar') + 1, 0, 'Ny rad.\nOch en till.\n');
    const result = await request<{ items: CompletionItem[] }>(CompletionRequest.method, {
      textDocument: { uri },
      position: { line: owner + 2, character: at },
    });
    const britt = result.items.find((i) => i.label === 'Britt Andersson');
    assert.ok(britt, result.items.map((i) => i.label).join(', '));
    assert.deepEqual((britt.textEdit as { range: Range }).range, {
      start: { line: owner + 2, character: at },
      end: { line: owner + 2, character: at },
    });
  });

  it('hovers the owner on its new line after a line removed above', async () => {
    const uri = await open();
    const owner = lineOf('Åtgärd: Britt');
    const at = lines[owner].indexOf('@Britt') + 3;
    const removed = lineOf('Mattias sammanfattar');
    await client.change(uri, [
      {
        range: { start: { line: removed, character: 0 }, end: { line: removed + 1, character: 0 } },
        text: '',
      },
    ]);
    const hover = await request<{ contents: MarkupContent; range: Range } | null>(
      HoverRequest.method,
      { textDocument: { uri }, position: { line: owner - 1, character: at } },
    );
    assert.ok(hover, 'a hover for the owner');
    assert.match(hover.contents.value, /Britt Andersson/);
    assert.equal(hover.range.start.line, owner - 1);
  });
});

describe('language server over stdio: completion with validation on save only', function () {
  this.timeout(30_000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ settings: { validate: 'onSave', diagnosticsDelay: 0 } });
  });

  after(async () => {
    await client.stop();
  });

  it('offers a person added to Närvarande a moment ago: no validation parses it, the request does', async () => {
    const uri = 'untitled:On-save-1';
    await client.open(uri, minutes);
    await client.diagnosticsForVersion(uri, 1);
    const added = lineOf('- Britt Andersson');
    await client.change(uri, [
      {
        range: { start: { line: added, character: 0 }, end: { line: added, character: 0 } },
        text: '- Eva Berg, Hjo\n',
      },
    ]);
    // Some time later, typing in § 2 (not touched by the change).
    const owner = lineOf('Åtgärd: Britt') + 1;
    const at = lines[owner - 1].indexOf('@') + 1;
    const result = await client.within(
      client.connection.sendRequest<{ items: CompletionItem[] }>(CompletionRequest.method, {
        textDocument: { uri },
        position: { line: owner, character: at },
      }),
      'completion',
    );
    const labels = result.items.map((i) => i.label);
    assert.ok(labels.includes('Eva Berg'), labels.join(', '));
  });
});
