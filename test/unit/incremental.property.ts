import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
  type ProtokollConfig,
} from '../../server/src/language';
import { plainTree } from '../../server/src/language/syntax/plainTree';

/*
 * The incremental parse and the per-item caches must never show: after any sequence of edits,
 * a document checked version by version gives the same AST, diagnostics and outline as the last
 * version read from scratch. Shared by `npm test` (bounded) and `npm run fuzz` (long).
 */

/** Lines that exercise every block rule: items, signature runs before a §, header fields, v2. */
const PIECES = [
  '# Kommunstyrelsen\n',
  'Datum: 2024-01-10\n',
  'Organ: KS\n',
  'Närvarande:\n',
  'Beslutande:\n',
  'Frånvarande:\n',
  '- Anna Ek, Hjo (ordförande)\n',
  '- Per Berg (S), ersätter Eva Lund (M), § 2–3\n',
  '- Karlsborg\n',
  '§ 1 Val av justerare\n',
  '§ 2 Budget (Dnr 2024/12)\n',
  'KS § 3 Remiss\n',
  '§ 3 a Tillägg\n',
  '§\n',
  'Eva Lund\n',
  'Beslut: Godkänns.\n',
  'Åtgärd: Svara @Anna Ek, 2024-02-01\n',
  'Åtgärd: x @\n',
  'Nästa möte: 2024-02-14, Hjo\n',
  '- Hjo: Har börjat.\n',
  'Omröstning: Ja för förslaget\n',
  '- Ja: 7\n',
  'Nej: Anna Ek (S), Per Berg (M)\n',
  'Yrkanden:\n',
  '- Anna Ek (S) yrkar bifall.\n',
  'Reservation: Per Berg (M) reserverar sig.\n',
  'Justeras omedelbart.\n',
  'Till justerare utses Per Berg.\n',
  'Ordförande: Anna Ek\n',
  'Justerare: Per Berg\n',
  'Justerat: 2024-01-20\n',
  'Paragrafer: 1–3\n',
  'Besluut: x\n',
  '// kommentar\n',
  '\n',
  '\r\n',
  '\r',
  'text ',
  '§ 4',
  ':',
  ',',
  '@',
  '(',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
export const documentText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
/** A replacement of `length` characters at a fraction `at` of the text by `insert`. */
export const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 24 }),
  insert: fc.array(piece, { maxLength: 3 }).map((parts) => parts.join('')),
});

export function apply(text: string, e: { at: number; length: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
}

const CONFIG: ProtokollConfig = mergeConfig({ organisations: ['Kommunalförbundet'] });
/** A municipal body's: the checks of votes, substitutes, quorum and members run too. */
const KOMMUNAL: ProtokollConfig = mergeConfig({
  kind: 'kommunal',
  seats: 7,
  memberPersons: [
    { name: 'Anna Ek', party: 'S', role: 'ordförande' },
    { name: 'Per Berg', party: 'M' },
    { name: 'Eva Lund', party: 'M' },
  ],
});

/** Everything a client sees of one version, as JSON. */
function snapshot(
  service: ReturnType<typeof createProtokollService>,
  uri: string,
  text: string,
  version: number,
): { ast: string; diagnostics: string; symbols: string } {
  const doc = createTextDocument(uri, text, version);
  return {
    ast: JSON.stringify(plainTree(service.parse(doc).ast)),
    diagnostics: JSON.stringify([
      service.getDiagnostics(doc, CONFIG),
      service.getDiagnostics(doc, KOMMUNAL),
    ]),
    symbols: JSON.stringify(service.getDocumentSymbols(doc, CONFIG)),
  };
}

/** Checks `runs` random documents, each through a random sequence of edits. */
export function incrementalEqualsFresh(runs: number, seed?: number): void {
  let n = 0;
  fc.assert(
    fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
      const incremental = createProtokollService();
      const uri = `file:///incremental/${n++}.protokoll`;
      let text = start;
      snapshot(incremental, uri, text, 1);
      edits.forEach((e, i) => {
        text = apply(text, e);
        const got = snapshot(incremental, uri, text, i + 2);
        const fresh = snapshot(createProtokollService(), uri, text, i + 2);
        assert.equal(got.ast, fresh.ast, `AST after edit ${i + 1} of ${JSON.stringify(text)}`);
        assert.equal(got.diagnostics, fresh.diagnostics, `diagnostics after edit ${i + 1}`);
        assert.equal(got.symbols, fresh.symbols, `symbols after edit ${i + 1}`);
      });
    }),
    { numRuns: runs, seed },
  );
}
