// Every language feature through a real LSP connection to `node dist/server.js --stdio`.
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SelectionRangeRequest,
  type CodeAction,
  type CompletionItem,
  type DocumentSymbol,
  type MarkupContent,
  type Position,
  type Range,
  type SelectionRange,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { rangeContainsRange } from '../../server/src/language';
import { RenderRequest } from '../../server/src/protocol';
import { applyEdits, LspClient, withCursor } from './client';

/** The seed minutes in brief, with its mistakes: a non-official form, a gap, a mismatch. */
const minutes = `# SIKTnätverket
Datum: 2018-12-14
Tid: 09:00-12:00
Plats: Levene skola, Vara

Närvarande:
- Ulf Andersson, Gullspång
- Mattias Gustafsson, Tibro (ordförande)
- Britt Andersson, Grästorp
- Hannes Berggren, Vara
- Eva Karlsson, Tidaholm kommun

Frånvarande:
- Kommunalförbundet

§ 1 Utse sekreterare
Britt Andersson

§ 2 Föregående protokoll
Mattias sammanfattar. Inget att tillägga.

§ 4 Nästa möte
Nästa möte: 2019-02-01, Gullstensskolan, Gullspång
Åtgärd: Ulf planerar förmiddagen. @Ulf Andersson, 2019-01-15

Ordförande: Mattias Gustafsson
Sekreterare: Hannes Berggren
`;

const lines = minutes.split('\n');

function textAt(text: string, range: Range): string {
  const all = text.split('\n');
  if (range.start.line !== range.end.line) throw new Error('single-line ranges only');
  return all[range.start.line].slice(range.start.character, range.end.character);
}

const contains = rangeContainsRange;

describe('language server over stdio: features', function () {
  this.timeout(30_000);
  let client: LspClient;
  let counter = 0;

  before(async () => {
    client = await LspClient.start();
  });

  after(async () => {
    await client.stop();
  });

  /** Opens the text (with its `|` cursor removed) as a new document; resolves after its checks. */
  async function open(marked: string): Promise<{ uri: string; position: Position; text: string }> {
    const { text, position } = marked.includes('|')
      ? withCursor(marked)
      : { text: marked, position: { line: 0, character: 0 } };
    const uri = `untitled:Minutes-${++counter}`;
    await client.open(uri, text);
    await client.diagnosticsForVersion(uri, 1);
    return { uri, position, text };
  }

  function request<R = unknown>(type: { method: string }, params: object): Promise<R> {
    return client.within(client.connection.sendRequest<R>(type.method, params), type.method);
  }

  it('completes Gullspång first at `- Ulf Andersson, Gull|`', async () => {
    const { uri, position } = await open(
      minutes.replace('- Ulf Andersson, Gullspång', '- Ulf Andersson, Gull|'),
    );
    const result = await request<{ items: CompletionItem[] } | CompletionItem[]>(
      CompletionRequest.type,
      { textDocument: { uri }, position },
    );
    const items = Array.isArray(result) ? result : result.items;
    assert.equal(items[0].label, 'Gullspång');
    assert.match(items[0].detail ?? '', /1447/);
  });

  it('completes the attendees after `@` in an action', async () => {
    const { uri, position } = await open(minutes.replace('@Ulf Andersson, 2019-01-15', '@|'));
    const result = await request<{ items: CompletionItem[] }>(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: '@' },
    });
    const labels = result.items.map((i) => i.label);
    for (const name of ['Ulf Andersson', 'Mattias Gustafsson', 'Britt Andersson']) {
      assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
    }
  });

  it('offers the `paragraf` snippet with the next free number as an LSP snippet', async () => {
    const { uri, position } = await open(
      minutes.replace('\n\nOrdförande: Mattias', '\n\npar|\n\nOrdförande: Mattias'),
    );
    const result = await request<{ items: CompletionItem[] }>(CompletionRequest.type, {
      textDocument: { uri },
      position,
    });
    const snippet = result.items.find((i) => i.label === 'paragraf');
    assert.ok(snippet, result.items.map((i) => i.label).join(', '));
    assert.equal(snippet.kind, 15);
    assert.equal(snippet.insertTextFormat, 2);
    assert.equal((snippet.textEdit as { newText: string }).newText, '§ 5 ${1:Rubrik}');
  });

  it('shows the official name, SCB code and county when hovering a municipality', async () => {
    const { uri, position } = await open(minutes.replace('Tidaholm kommun', 'Tida|holm kommun'));
    const hover = await request<{ contents: MarkupContent; range: Range }>(HoverRequest.type, {
      textDocument: { uri },
      position,
    });
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /Tidaholms kommun/);
    assert.match(hover.contents.value, /1498/);
    assert.match(hover.contents.value, /Västra Götalands län/);
    assert.equal(textAt(minutes, hover.range), 'Tidaholm kommun');
  });

  it('shows the weekday and the adjustment deadline when hovering the meeting date', async () => {
    const { uri, position } = await open(
      minutes.replace('Datum: 2018-12-14', 'Datum: 2018-|12-14'),
    );
    const hover = await request<{ contents: MarkupContent }>(HoverRequest.type, {
      textDocument: { uri },
      position,
    });
    assert.match(hover.contents.value, /fredag 14 december 2018/);
    assert.match(hover.contents.value, /2018-12-28/);
  });

  it('answers null where there is nothing to show', async () => {
    const { uri, position } = await open(minutes.replace('Inget att', 'Inget| att'));
    const hover = await request(HoverRequest.type, { textDocument: { uri }, position });
    assert.equal(hover, null);
  });

  it('outlines the title with the header, sections, each § item and the signatures', async () => {
    const { uri } = await open(minutes);
    const symbols = await request<DocumentSymbol[]>(DocumentSymbolRequest.type, {
      textDocument: { uri },
    });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'SIKTnätverket');
    const names = (symbols[0].children ?? []).map((s) => s.name);
    for (const name of [
      'Närvarande',
      'Frånvarande',
      '§ 1 Utse sekreterare',
      '§ 2 Föregående protokoll',
      '§ 4 Nästa möte',
      'Underskrifter',
    ]) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
    for (const child of symbols[0].children ?? []) {
      assert.ok(contains(symbols[0].range, child.range), `${child.name} inside the title`);
      assert.ok(contains(child.range, child.selectionRange), `${child.name} selection inside`);
    }
  });

  it('folds the attendance sections and every § item', async () => {
    const { uri } = await open(minutes);
    const ranges = await request<{ startLine: number; endLine: number }[]>(
      FoldingRangeRequest.type,
      { textDocument: { uri } },
    );
    const line = (text: string) => lines.indexOf(text);
    const folds = ranges.map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(
      folds.filter(([start]) => [line('Närvarande:'), line('§ 4 Nästa möte')].includes(start)),
      [
        [line('Närvarande:'), line('- Eva Karlsson, Tidaholm kommun')],
        [
          line('§ 4 Nästa möte'),
          line('Åtgärd: Ulf planerar förmiddagen. @Ulf Andersson, 2019-01-15'),
        ],
      ],
    );
  });

  it('widens the selection from a name to its line, its section and the document', async () => {
    const { uri, position } = await open(
      minutes.replace('- Britt Andersson, Grästorp', '- Br|itt Andersson, Grästorp'),
    );
    const [selection] = await request<SelectionRange[]>(SelectionRangeRequest.type, {
      textDocument: { uri },
      positions: [position],
    });
    const chain: Range[] = [];
    for (let s: SelectionRange | undefined = selection; s; s = s.parent) chain.push(s.range);
    assert.ok(chain.length >= 3, `${chain.length} levels`);
    for (let i = 1; i < chain.length; i++) assert.ok(contains(chain[i], chain[i - 1]));
    assert.ok(chain.some((r) => textAt(minutes, r) === 'Britt Andersson'));
    assert.ok(chain.some((r) => textAt(minutes, r) === '- Britt Andersson, Grästorp'));
  });

  it('goes from a first-name mention to the attendance line, and finds every mention', async () => {
    const { uri, position } = await open(
      minutes.replace('Mattias sammanfattar', 'Matt|ias sammanfattar'),
    );
    const definition = await request<{ uri: string; range: Range }[]>(DefinitionRequest.type, {
      textDocument: { uri },
      position,
    });
    assert.deepEqual(
      definition.map((l) => [l.uri, textAt(minutes, l.range), l.range.start.line]),
      [[uri, 'Mattias Gustafsson', lines.indexOf('- Mattias Gustafsson, Tibro (ordförande)')]],
    );
    const references = await request<{ uri: string; range: Range }[]>(ReferencesRequest.type, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      references.map((l) => textAt(minutes, l.range)),
      ['Mattias Gustafsson', 'Mattias', 'Mattias Gustafsson'],
    );
    const withoutDeclaration = await request<unknown[]>(ReferencesRequest.type, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: false },
    });
    assert.equal(withoutDeclaration.length, 2);
    const highlights = await request<{ range: Range; kind: number }[]>(
      DocumentHighlightRequest.type,
      { textDocument: { uri }, position },
    );
    assert.deepEqual(
      highlights.map((h) => h.kind),
      [3, 2, 2],
    );
  });

  it('renames a person everywhere they are named, after prepareRename names them', async () => {
    const { uri, position, text } = await open(
      minutes.replace('- Britt Andersson', '- Britt| Andersson'),
    );
    const prepared = await request<{ range: Range; placeholder: string }>(
      PrepareRenameRequest.type,
      { textDocument: { uri }, position },
    );
    assert.equal(prepared.placeholder, 'Britt Andersson');
    const edit = await request<{ changes: Record<string, TextEdit[]> }>(RenameRequest.type, {
      textDocument: { uri },
      position,
      newName: 'Britt Svensson',
    });
    const renamed = applyEdits(text, edit.changes[uri]);
    assert.equal(renamed, text.replaceAll('Britt Andersson', 'Britt Svensson'));
  });

  it('refuses to rename what is not a person, with a message for the user', async () => {
    const { uri, position } = await open(minutes.replace('Levene skola', 'Lev|ene skola'));
    await assert.rejects(
      request(PrepareRenameRequest.type, { textDocument: { uri }, position }),
      (error: unknown) =>
        error instanceof ResponseError && /inget namn på en person/.test(error.message),
    );
    assert.ok(client.alive);
  });

  it('formats the document and, for a range, only the lines in it', async () => {
    const messy = '# Möte\ndatum:2024-01-01\n\nnärvarande:\n-  Anna Ek, Hjo\n\n§3 Öppnande\n';
    const { uri } = await open(messy);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await request<TextEdit[]>(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options,
    });
    assert.equal(
      applyEdits(messy, edits),
      '# Möte\nDatum: 2024-01-01\n\nNärvarande:\n- Anna Ek, Hjo\n\n§ 3 Öppnande\n',
    );
    const rangeEdits = await request<TextEdit[]>(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      options,
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } },
    });
    assert.equal(
      applyEdits(messy, rangeEdits),
      '# Möte\ndatum:2024-01-01\n\nnärvarande:\n-  Anna Ek, Hjo\n\n§ 3 Öppnande\n',
    );
  });

  describe('code actions', () => {
    it('offers the published fix for `Tidaholm kommun` as a preferred, versioned quick fix', async () => {
      const uri = 'untitled:QuickFix';
      await client.open(uri, minutes);
      const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
      const form = diagnostics.find((d) => d.code === 'municipality/form')!;
      const actions = await request<CodeAction[]>(CodeActionRequest.type, {
        textDocument: { uri },
        range: form.range,
        context: { diagnostics: [form], only: ['quickfix'] },
      });
      assert.equal(actions.length, 1);
      const [fix] = actions;
      assert.equal(fix.title, 'Ersätt med Tidaholms kommun');
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.isPreferred, true);
      assert.deepEqual(fix.diagnostics, [form]);
      const change = fix.edit!.documentChanges![0] as {
        textDocument: { uri: string; version: number };
        edits: TextEdit[];
      };
      assert.deepEqual(change.textDocument, { uri, version: 1 });

      // Applying it, as the editor would, makes the diagnostic go away.
      const version = await client.change(
        uri,
        change.edits.map((e) => ({ range: e.range, text: e.newText })),
      );
      const after = await client.diagnosticsForVersion(uri, version);
      assert.ok(!after.diagnostics.some((d) => d.code === 'municipality/form'));
    });

    it('fixes the form and the numbering at once with source.fixAll', async () => {
      const { uri, text } = await open(minutes);
      const actions = await request<CodeAction[]>(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.deepEqual(
        actions.map((a) => a.kind),
        ['source.fixAll.protokoll'],
      );
      const edits = (actions[0].edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
      const fixed = applyEdits(text, edits);
      assert.equal(
        fixed,
        text.replace('Tidaholm kommun', 'Tidaholms kommun').replace('§ 4 Nästa', '§ 3 Nästa'),
      );
      const again = await open(fixed);
      const left = (client.published.get(again.uri) ?? [])[0].diagnostics.map((d) => d.code);
      assert.deepEqual(left.sort(), [
        'municipality/unknown',
        'signature/mismatch',
        'signature/missing',
      ]);
    });

    it('offers "Numrera om från § 2" on the § 2 line', async () => {
      const { uri, position, text } = await open(
        minutes.replace('§ 2 Föregående', '§ 2 Före|gående'),
      );
      const actions = await request<CodeAction[]>(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: position, end: position },
        context: { diagnostics: [], only: ['refactor'] },
      });
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind]),
        [['Numrera om från § 2', 'refactor.rewrite.protokoll.renumber']],
      );
      const edits = (actions[0].edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
      assert.equal(applyEdits(text, edits), text.replace('§ 4 Nästa', '§ 3 Nästa'));
    });
  });

  it('renders the preview HTML with its line map for the document version', async () => {
    const { uri } = await open(minutes);
    const rendered = await request<{
      html: string;
      lineMap: number[];
      version: number;
      title?: string;
    }>(RenderRequest, { uri, options: { showDiagnostics: true } });
    assert.equal(rendered.version, 1);
    assert.equal(rendered.title, 'SIKTnätverket');
    assert.match(rendered.html, /SIKTnätverket/);
    assert.match(rendered.html, /Utse sekreterare/);
    assert.ok(rendered.lineMap.length > 5);
    for (let i = 1; i < rendered.lineMap.length; i++)
      assert.ok(rendered.lineMap[i] > rendered.lineMap[i - 1], 'ascending');
    const missing = await request(RenderRequest, { uri: 'untitled:not-open' });
    assert.equal(missing, null);
  });

  it('answers null for a document that is not open', async () => {
    const hover = await request(HoverRequest.type, {
      textDocument: { uri: 'untitled:never-opened' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
  });

  it('survives a request that makes a handler throw: logs it and answers null', async () => {
    const { uri } = await open(minutes);
    const hover = await request(HoverRequest.type, {
      textDocument: { uri },
      position: null as unknown as Position,
    });
    assert.equal(hover, null);
    assert.ok(
      client.log.some((line) => line.startsWith('Hover failed')),
      client.log.join('\n'),
    );
    const symbols = await request<unknown[]>(DocumentSymbolRequest.type, {
      textDocument: { uri },
    });
    assert.equal(symbols.length, 1);
  });
});
