import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createProtokollService,
  createTextDocument,
  DEFAULT_CONFIG,
  type DocumentSymbol,
  type Position,
  type Range,
  type SelectionRange,
} from '../../../server/src/language/index';

const fragments = [
  '# Titel',
  'Datum: 2024-01-01',
  'Närvarande:',
  'Frånvarande:',
  '- Anna Ek, Hjo (ordförande)',
  '- Anna Berg, Vara kommun',
  '- Per Ek, Gull',
  '- Tidaholm kommun',
  '- ',
  '-',
  '- Anna Ek, (',
  '§ 1 Öppnande',
  '§',
  '§ 2 a Val av justerare',
  'Anna Ek',
  'Anna och Per. Annas förslag.',
  'Beslut: ja',
  'Åtgärd: gör @Anna, 2024-02-30',
  'Åtgärd: @',
  'Nästa möte: 2024-13-01, Hjo',
  'Ordförande: Anna Ek',
  'Justerare: A, ',
  'Justerat: 2024-01-20',
  'Anslaget: x',
  '// kommentar',
  '- Hjo: text',
  '',
  '\t',
  '@',
  'é\u0301',
  '\uFEFF',
  'Beslutande:',
  'Tjänstgörande ersättare:',
  'Övriga närvarande:',
  '- Anna Ek (S), ordförande',
  '- Per Ek (',
  '- Lisa Berg (M), ersätter ',
  '- Karin Lund, kommunsekreterare, § 1–2',
  'Utses att justera: Anna Ek (S), ',
  'Justeringens plats och tid: Hjo, 2024-01-10',
  'KS § 3 Budget',
  'Omröstning:',
  'Ja för förslaget, nej för avslag.',
  'Ja: ',
  'Nej: Anna Ek (S), Per',
  'Avstår: 2',
  'Reservation: Per Ek (M) och ',
  'Jäv: ',
  'Yrkanden:',
  '- Anna Ek (S): bifall',
  'Till justerare utses ',
  'Justeras omedelbart.',
  'Justerande: Anna Ek och ',
  'Protokollförare: ',
];
const documentText = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 20 })), {
      maxLength: 25,
    }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([lines, eol]) => lines.join(eol));
const somewhere = fc.record({
  line: fc.integer({ min: -1, max: 30 }),
  character: fc.integer({ min: -1, max: 40 }),
});

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(text: string, range: Range, what: string): void {
  const lengths = lineLengths(text);
  for (const p of [range.start, range.end]) {
    assert.ok(
      p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line],
      `${what}: ${JSON.stringify(range)} lies outside the document`,
    );
  }
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: start after end`);
}

function walk(symbols: DocumentSymbol[], visit: (s: DocumentSymbol) => void): void {
  for (const s of symbols) {
    visit(s);
    walk(s.children ?? [], visit);
  }
}

describe('language features on any input', () => {
  let n = 0;
  const service = createProtokollService();

  it('never throw, and every range they return lies inside the document', () => {
    fc.assert(
      fc.property(
        documentText,
        somewhere,
        fc.boolean(),
        fc.boolean(),
        (text, position, english, municipal) => {
          const doc = createTextDocument(`file:///any/${n++}.protokoll`, text);
          const config = {
            ...DEFAULT_CONFIG,
            locale: english ? ('en' as const) : ('sv' as const),
            kind: municipal ? ('kommunal' as const) : ('nätverk' as const),
          };
          for (const item of service.getCompletions(doc, position, config).items) {
            if (item.textEdit) assertInside(text, item.textEdit.range, 'completion');
          }
          const hover = service.getHover(doc, position, config);
          if (hover) assertInside(text, hover.range, 'hover');
          walk(service.getDocumentSymbols(doc, config), (s) => {
            assertInside(text, s.range, 'symbol');
            assertInside(text, s.selectionRange, 'symbol selection');
          });
          const lines = lineLengths(text).length;
          for (const f of service.getFoldingRanges(doc)) {
            assert.ok(0 <= f.startLine && f.startLine < f.endLine && f.endLine < lines);
          }
          const inDocument: Position = {
            line: Math.max(0, Math.min(position.line, lines - 1)),
            character: Math.max(0, position.character),
          };
          for (const range of service.getSelectionRanges(doc, [inDocument])) {
            for (let r: SelectionRange | undefined = range; r; r = r.parent) {
              assertInside(text, r.range, 'selection');
            }
          }
          for (const l of service.getReferences(doc, position, true))
            assertInside(text, l.range, 'reference');
          for (const l of service.getDefinition(doc, position))
            assertInside(text, l.range, 'definition');
          for (const h of service.getDocumentHighlights(doc, position))
            assertInside(text, h.range, 'highlight');
          const prepared = service.prepareRename(doc, position, config);
          if ('error' in prepared) assert.ok(prepared.error.length > 0);
          else assertInside(text, prepared.range, 'prepareRename');
          const renamed = service.rename(doc, position, 'Nytt Namn', config);
          if (!('error' in renamed)) {
            for (const edit of Object.values(renamed.changes).flat())
              assertInside(text, edit.range, 'rename');
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
