import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTextDocument, mergeConfig } from '../../server/src/language';
import { KEYWORDS } from '../../server/src/language/syntax/keywords';
import { CLEAN, service } from './checks/helpers';

const fragments = [
  '# Titel',
  'Datum: 2024-01-01',
  'Tid: 10:00-11:00',
  'Närvarande:',
  'Frånvarande:',
  '- Anna Ek, Hjo (ordförande)',
  '- Tidaholm kommun',
  '§ 1 Öppnande',
  '§3',
  '§ 2 a Extra (Dnr 1/2)',
  'Beslut: ja',
  'Åtgärd: gör @Anna, 2024-02-30',
  'Nästa möte: 1/2, Hjo',
  'Ordförande: Anna Ek',
  'Justerare: A, B',
  'Justerat: 2024-01-20',
  'Anslaget: x',
  '// kommentar',
  '- Hjo: text',
  '*kursiv* och **fet**',
  '',
  '   ',
  '\t- x',
  'datum :  2024',
  '(',
  ')',
  ',',
  '@',
  ':',
  '§',
  '#',
  'é\u0301',
  '\uFEFF',
  // v2: municipal bodies and associations
  'Beslutande:',
  'Ledamöter:',
  'Tjänstgörande ersättare:',
  'Ersättare:',
  'Övriga närvarande:',
  '- Anna Ek (S), ordförande',
  '- Per Ek (M) (vice ordförande)',
  '- Lisa Berg (M), ersätter Anna Ek (S), § 1–2',
  '- Karin Lund, kommunsekreterare, § 1, 3',
  '- Eva Lind (FP)',
  'Organ: Kommunstyrelsen',
  'Utses att justera: Anna Ek (S) och Per Ek',
  'Justeringens plats och tid: Kommunhuset, 2024-01-10 kl. 15.00',
  'Paragrafer: 1–3',
  'KS § 4 Budget',
  '§ 5/2024 Fel',
  'Yrkanden:',
  '- Anna Ek (S): bifall',
  'Omröstning:',
  'Ja: Anna Ek (S), Per Ek (M)',
  '- Nej: 2',
  'Avstår: x',
  'Reservation: Per Ek (M) reserverar sig.',
  'Jäv: Anna Ek (S) deltar inte.',
  'Beslutsunderlag:',
  'Beslutet skickas till: Ekonomi',
  'Justeras omedelbart.',
  'Till justerare utses Per Ek och Anna Ek.',
  'Justerande: Per Ek och Anna Ek (S)',
  'Protokollförare: Karin Lund',
];
const line = fc.oneof(
  fc.constantFrom(...fragments),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const documentText = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));
const anyText = fc.oneof(
  documentText,
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

let n = 0;
const doc = (text: string) => createTextDocument(`file:///prop/${n++}.protokoll`, text);

function inside(text: string, p: { line: number; character: number }): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length
  );
}

/** The text without whitespace, split after colons, with keyword spellings and list markers made canonical. */
function words(text: string): string[] {
  let t = text.replace(/^\uFEFF/, '');
  for (const spellings of Object.values(KEYWORDS)) {
    for (const s of spellings)
      t = t.replace(
        new RegExp(`^([ \\t]*)${s.replace(/ /g, '[ \\t]+')}[ \\t]*:`, 'gimu'),
        `$1${spellings[0].replace(/ /g, '')}:`,
      );
  }
  t = t.replace(/^([ \t]*)[*•-](?=[ \t]|$)/gm, '$1-').replace(/^([ \t]*)§[ \t]*(\d+)\./gm, '$1§$2');
  return t.replace(/\s+/g, '').split(/(?<=:)/u);
}

describe('properties of the service', () => {
  it('never throws and keeps every range inside the document', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom('sv', 'en'),
        fc.constantFrom('nätverk', 'kommunal', 'förening'),
        (text, locale, kind) => {
          for (const d of service.getDiagnostics(
            doc(text),
            mergeConfig({
              locale: locale as 'sv' | 'en',
              members: ['Hjo', 'Vara'],
              kind: kind as 'kommunal',
              seats: 5,
              signatureCounts: { adjuster: 2 },
            }),
          )) {
            assert.ok(
              inside(text, d.range.start) && inside(text, d.range.end),
              `${d.code} ${JSON.stringify(d.range)}`,
            );
            for (const fix of d.fixes ?? [])
              for (const e of fix.edits)
                assert.ok(inside(text, e.range.start) && inside(text, e.range.end));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('formats idempotently', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = service.formatText(doc(text));
        assert.equal(service.formatText(doc(once)), once);
      }),
      { numRuns: 400 },
    );
  });

  it('changes only whitespace, keyword spelling and marks when formatting', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        assert.deepEqual(words(service.formatText(doc(text))), words(text));
      }),
      { numRuns: 400 },
    );
  });

  it('formats the clean example to itself', () => {
    assert.equal(service.formatText(doc(CLEAN)), CLEAN);
  });
});
