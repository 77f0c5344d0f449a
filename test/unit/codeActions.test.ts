import * as assert from 'node:assert/strict';
import { editsConflict, fixAllEdits } from '../../server/src/language/features/codeActions.js';
import { FIX_ALL_REPRODUCTION } from '../../scripts/fuzz/reproductions.js';
import {
  applyTextEdits,
  createProtokollService,
  createTextDocument,
  DEFAULT_CONFIG,
  mergeConfig,
  Severity,
  type ProtokollDiagnostic,
  type Range,
  type TextEdit,
} from '../../server/src/language/index.js';

const service = createProtokollService();

/** The text with the `|` marker removed and a zero-length range at the marker. */
function at(marked: string): { text: string; range: Range } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  return { text: marked.replace('|', ''), range: { start: position, end: position } };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => offset(b.e.range.start) - offset(a.e.range.start) || b.i - a.i)
    .reduce(
      (out, { e }) =>
        out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)),
      text,
    );
}

const board = `# Styrelsemöte
Datum: 14 december 2018
Plats: Vara

Närvarande:
- Anna Ek, Tidaholm kommun (ordförande)
- Per Berg, Vara (sekreterare)
- Eva Lind, Hjo (justerare)

§ 1 Öppnande
Mötet öppnas.

§ 3 Budget
Beslt: Budgeten antas.

§ 3 Övrigt
Inga övriga frågor.

Ordförande: Anna Ek
Sekreterare: Per Berg
Justerare: Eva Lind
`;

function edit(line: number, start: number, end: number, newText: string, endLine = line): TextEdit {
  return {
    range: { start: { line, character: start }, end: { line: endLine, character: end } },
    newText,
  };
}

function diagnosticWith(fixes: ProtokollDiagnostic['fixes']): ProtokollDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: Severity.Warning,
    code: 'syntax',
    message: 'test',
    source: 'protokoll',
    fixes,
  };
}

describe('code actions', () => {
  describe('quick fixes', () => {
    it('offers the official form as the preferred fix for `Tidaholm kommun`', () => {
      const { text, range } = at(board.replace('Tidaholm kommun', 'Tida|holm kommun'));
      const doc = createTextDocument('file:///m.protokoll', text);
      const diagnostic = service.getDiagnostics(doc).find((d) => d.code === 'municipality/form')!;
      const actions = service.getCodeActions(doc, range, {
        diagnostics: [diagnostic],
        only: ['quickfix'],
      });
      assert.equal(actions.length, 1);
      const [fix] = actions;
      assert.equal(fix.title, 'Ersätt med Tidaholms kommun');
      assert.equal(fix.kind, 'quickfix');
      assert.equal(fix.isPreferred, true);
      assert.equal(fix.diagnostics![0], diagnostic, 'the very diagnostic object it was given');
      assert.match(apply(text, fix.edits), /- Anna Ek, Tidaholms kommun \(ordförande\)/);
    });

    it('titles fixes in English with locale en', () => {
      const { text, range } = at(board.replace('Tidaholm kommun', 'Tida|holm kommun'));
      const doc = createTextDocument('file:///m.protokoll', text);
      const config = mergeConfig({ locale: 'en' });
      const titles = service
        .getCodeActions(doc, range, { only: ['quickfix'] }, config)
        .map((a) => a.title);
      assert.deepEqual(titles, ['Replace with Tidaholms kommun']);
    });

    it('uses the fixes a diagnostic carries when they are for the current version', () => {
      const doc = createTextDocument('file:///m.protokoll', board, 4);
      const carried = { title: 'Carried', edits: [edit(1, 0, 5, 'Date')], preferred: true };
      const diagnostic = {
        range: { start: { line: 1, character: 7 }, end: { line: 1, character: 23 } },
        code: 'header/invalid-date',
        fixes: [carried],
        version: 4,
      };
      const actions = service.getCodeActions(doc, diagnostic.range, {
        diagnostics: [diagnostic],
        only: ['quickfix'],
      });
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Carried'],
      );
    });

    it('recomputes the fixes of a diagnostic published for an older version', () => {
      const doc = createTextDocument('file:///m.protokoll', board, 5);
      const stale = {
        range: { start: { line: 1, character: 7 }, end: { line: 1, character: 23 } },
        code: 'header/invalid-date',
        fixes: [{ title: 'Stale', edits: [edit(1, 0, 5, 'Date')] }],
        version: 4,
      };
      const actions = service.getCodeActions(doc, stale.range, {
        diagnostics: [stale],
        only: ['quickfix'],
      });
      assert.deepEqual(
        actions.map((a) => [a.title, a.edits]),
        [['Skriv om till 2018-12-14', [edit(1, 7, 23, '2018-12-14')]]],
      );
    });

    it('offers nothing for a stale diagnostic that no longer exists', () => {
      const doc = createTextDocument('file:///m.protokoll', board, 5);
      const gone = {
        range: { start: { line: 6, character: 2 }, end: { line: 6, character: 5 } },
        code: 'municipality/unknown',
        fixes: [{ title: 'Stale', edits: [edit(6, 2, 5, 'X')] }],
        version: 2,
      };
      assert.deepEqual(
        service.getCodeActions(doc, gone.range, { diagnostics: [gone], only: ['quickfix'] }),
        [],
      );
    });

    it('lists "renumber all items" once when several numbering problems share it', () => {
      const doc = createTextDocument('file:///m.protokoll', board);
      const whole = { start: { line: 0, character: 0 }, end: { line: 21, character: 0 } };
      const renumber = service
        .getCodeActions(doc, whole, { only: ['quickfix'] })
        .filter((a) => a.title === 'Numrera om alla punkter');
      assert.equal(renumber.length, 1);
      assert.deepEqual(
        renumber[0].diagnostics!.map((d) => d.code),
        ['numbering/gap', 'numbering/duplicate'],
      );
      assert.equal(renumber[0].isPreferred, true);
    });
  });

  describe('fix all', () => {
    it('repairs the date, the municipality form, the misspelt keyword and the numbering at once', () => {
      const doc = createTextDocument('file:///m.protokoll', board);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = service.getCodeActions(doc, whole, { only: ['source.fixAll'] });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.protokoll');
      assert.equal(actions[0].title, 'Åtgärda alla problem som kan åtgärdas automatiskt');
      const fixed = apply(board, actions[0].edits);
      assert.equal(
        fixed,
        board
          .replace('14 december 2018', '2018-12-14')
          .replace('Tidaholm kommun', 'Tidaholms kommun')
          .replace('Beslt:', 'Beslut:')
          .replace('§ 3 Budget', '§ 2 Budget'),
      );
      assert.deepEqual(
        service.getDiagnostics(createTextDocument('file:///f.protokoll', fixed)),
        [],
      );
    });

    it('leaves out fixes that are not preferred', () => {
      // Justerare is required but nobody was elected: the inserted line would need a name.
      const text = board.replace('Justerare: Eva Lind\n', '');
      const doc = createTextDocument('file:///m.protokoll', text);
      const codes = service.getDiagnostics(doc).map((d) => d.code);
      assert.ok(codes.includes('signature/missing'));
      const [fixAll] = service.getCodeActions(
        doc,
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        { only: ['source.fixAll'] },
      );
      assert.ok(!apply(text, fixAll.edits).includes('Justerare:'));
    });

    it('is not offered when nothing can be fixed automatically', () => {
      const clean = board
        .replace('14 december 2018', '2018-12-14')
        .replace('Tidaholm kommun', 'Tidaholms kommun')
        .replace('Beslt:', 'Beslut:')
        .replace('§ 3 Budget', '§ 2 Budget');
      const doc = createTextDocument('file:///m.protokoll', clean);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      assert.deepEqual(service.getCodeActions(doc, range, { only: ['source'] }), []);
    });

    it('takes a fix whole or not at all, preferring fewer edits, and never overlapping ones', () => {
      const renumber = {
        title: 'renumber',
        edits: [edit(3, 0, 3, '§ 2'), edit(5, 0, 3, '§ 3')],
        preferred: true,
      };
      const local = { title: 'local', edits: [edit(5, 0, 4, '§ 30')], preferred: true };
      const touching = { title: 'touching', edits: [edit(3, 3, 5, 'ab')], preferred: true };
      const edits = fixAllEdits([
        diagnosticWith([renumber]),
        diagnosticWith([local]),
        diagnosticWith([touching]),
        diagnosticWith([renumber]),
      ]);
      assert.deepEqual(edits, [edit(3, 3, 5, 'ab'), edit(5, 0, 4, '§ 30')]);
    });

    it('applies one repair carried by several diagnostics once', () => {
      const shared = { title: 'shared', edits: [edit(1, 0, 2, 'x')], preferred: true };
      assert.deepEqual(fixAllEdits([diagnosticWith([shared]), diagnosticWith([shared])]), [
        edit(1, 0, 2, 'x'),
      ]);
    });
  });

  describe('fix all on many edits', () => {
    it('keeps a wide edit out of the way of the edits on the lines it spans', () => {
      const wide = { title: 'wide', edits: [edit(10, 0, 0, '', 200)], preferred: true };
      const inside = { title: 'inside', edits: [edit(150, 0, 1, 'x')], preferred: true };
      const after = { title: 'after', edits: [edit(300, 0, 1, 'y')], preferred: true };
      const twoWide = {
        title: 'two',
        edits: [edit(5, 0, 0, 'a', 100), edit(400, 0, 1, 'z')],
        preferred: true,
      };
      // Taken first, the wide edit keeps out what lies on its lines (and another wide one).
      assert.deepEqual(
        fixAllEdits([
          diagnosticWith([wide]),
          diagnosticWith([inside]),
          diagnosticWith([after]),
          diagnosticWith([twoWide]),
        ]),
        [edit(10, 0, 0, '', 200), edit(300, 0, 1, 'y')],
      );
      // Taken later, it is kept out by what was taken on its lines.
      assert.deepEqual(fixAllEdits([diagnosticWith([inside]), diagnosticWith([wide])]), [
        edit(150, 0, 1, 'x'),
      ]);
    });

    it('applies edits in one pass, insertions before a replacement at the same place', () => {
      const text = 'abc\ndef\nghi';
      assert.equal(
        applyTextEdits(text, [
          edit(1, 0, 3, 'DEF'),
          edit(1, 0, 0, '>'),
          edit(0, 3, 0, '', 1),
          edit(2, 3, 3, '!'),
          edit(9, 0, 0, '.'),
        ]),
        'abc>DEF\nghi!.',
      );
      assert.equal(applyTextEdits(text, []), text);
    });

    it('renumbers thousands of § lines in one "fix all"', () => {
      const text = FIX_ALL_REPRODUCTION.build(0.25);
      const doc = createTextDocument('file:///many.protokoll', text);
      const whole = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
      const [fixAll] = service.getCodeActions(doc, whole, { only: ['source.fixAll'] });
      const fixed = applyTextEdits(text, fixAll.edits);
      const left = service
        .getDiagnostics(createTextDocument('file:///fixed.protokoll', fixed))
        .filter((d) => d.code.startsWith('numbering/'));
      assert.deepEqual(left, []);
      assert.match(fixed, /§ 1000 Punkt 999\n/);
    });
  });

  describe('edit conflicts', () => {
    it('counts overlapping replacements and two insertions at one place as conflicts', () => {
      assert.equal(editsConflict(edit(1, 0, 4, 'a'), edit(1, 3, 6, 'b')), true);
      assert.equal(editsConflict(edit(1, 2, 2, 'a'), edit(1, 2, 2, 'b')), true);
      assert.equal(editsConflict(edit(1, 2, 2, 'a'), edit(1, 0, 4, 'b')), true);
      assert.equal(editsConflict(edit(1, 0, 4, 'a'), edit(0, 5, 2, 'b', 2)), true);
    });

    it('lets edits that only touch, or an insertion at a replacement’s end, both apply', () => {
      assert.equal(editsConflict(edit(1, 0, 4, 'a'), edit(1, 4, 6, 'b')), false);
      assert.equal(editsConflict(edit(1, 4, 4, 'a'), edit(1, 0, 4, 'b')), false);
      assert.equal(editsConflict(edit(1, 0, 4, 'a'), edit(2, 0, 4, 'b')), false);
    });
  });

  describe('renumber from § N', () => {
    const items = `# Styrelsemöte
Datum: 2024-03-01

§ 12 Öppnande
§ 14 Budget
§ 14 a Lokaler
§ 20 Övrigt
`;

    it('renumbers the item under the cursor and the ones after it, keeping its number', () => {
      const { text, range } = at(items.replace('§ 14 Budget', '§ 14 Bud|get'));
      const doc = createTextDocument('file:///m.protokoll', text);
      const actions = service.getCodeActions(doc, range, { only: ['refactor'] });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].title, 'Numrera om från § 14');
      assert.equal(actions[0].kind, 'refactor.rewrite.protokoll.renumber');
      assert.equal(
        apply(text, actions[0].edits),
        text.replace('§ 14 a Lokaler', '§ 15 Lokaler').replace('§ 20', '§ 16'),
      );
    });

    it('continues an inserted `§ 14 a` after its § 14, in English with locale en', () => {
      const { text, range } = at(items.replace('§ 14 a Lokaler', '§| 14 a Lokaler'));
      const doc = createTextDocument('file:///m.protokoll', text);
      const [action] = service.getCodeActions(
        doc,
        range,
        { only: ['refactor.rewrite'] },
        mergeConfig({ locale: 'en' }),
      );
      assert.equal(action.title, 'Renumber from § 15');
      assert.equal(
        apply(text, action.edits),
        text.replace('§ 14 a Lokaler', '§ 15 Lokaler').replace('§ 20', '§ 16'),
      );
    });

    it('is not offered off an item line, or when the numbers already run on', () => {
      const header = at(items.replace('Datum:', 'Dat|um:'));
      const doc = createTextDocument('file:///m.protokoll', header.text);
      assert.deepEqual(service.getCodeActions(doc, header.range, { only: ['refactor'] }), []);
      const last = at(items.replace('§ 20 Övrigt', '§ 20 Övr|igt'));
      const lastDoc = createTextDocument('file:///m.protokoll', last.text);
      assert.deepEqual(service.getCodeActions(lastDoc, last.range, { only: ['refactor'] }), []);
    });
  });

  it('returns every kind when the editor does not restrict them', () => {
    const { text, range } = at(board.replace('§ 3 Budget', '§ |3 Budget'));
    const doc = createTextDocument('file:///m.protokoll', text);
    const kinds = service.getCodeActions(doc, range, {}, DEFAULT_CONFIG).map((a) => a.kind);
    assert.deepEqual([...new Set(kinds)].sort(), [
      'quickfix',
      'refactor.rewrite.protokoll.renumber',
      'source.fixAll.protokoll',
    ]);
  });
});
