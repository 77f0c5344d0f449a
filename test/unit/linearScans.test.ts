import * as assert from 'node:assert/strict';
import { createProtokollService, createTextDocument, mergeConfig } from '../../server/src/language';
import { REPRODUCTIONS } from '../../scripts/fuzz/reproductions';
import { SHAPES } from '../../scripts/fuzz/shapes';

/*
 * Issue 12: a line reader that searches the document with `indexOf` for a character its line
 * does not hold reads on to the end of the document, once per line: quadratic in the number of
 * such lines (10,000 attendees without a parenthesis took seconds to render). Counted, not timed:
 * the characters that `indexOf` passes over in the document while the service parses, checks,
 * renders and lists symbols must stay within a few times the document's length.
 */

const KOMMUNAL = mergeConfig({ kind: 'kommunal', seats: 15, members: ['Hjo', 'Vara'] });

/** Runs `work` and returns how many characters `indexOf` passed over in strings of ≥ `min` characters. */
function charactersSearched(min: number, work: () => void): number {
  const original = String.prototype.indexOf;
  let searched = 0;
  String.prototype.indexOf = function (this: string, search: string, from?: number): number {
    const at = original.call(this, search, from);
    if (this.length >= min) {
      const start = Math.min(Math.max(from ?? 0, 0), this.length);
      searched += (at < 0 ? this.length : at) - start;
    }
    return at;
  };
  try {
    work();
  } finally {
    String.prototype.indexOf = original;
  }
  return searched;
}

const DOCUMENTS = [
  { what: REPRODUCTIONS[0].what, text: REPRODUCTIONS[0].build(0.2) },
  ...['shared first names + owners', 'many signatures', 'long Ja line', 'random lines'].map(
    (name) => ({ what: name, text: SHAPES.find((s) => s.name === name)!.build(64 * 1024) }),
  ),
];

describe('no search runs on past its line (issue 12)', () => {
  for (const { what, text } of DOCUMENTS) {
    it(`${what}: parse, checks, render, JSON and symbols search a bounded number of characters`, () => {
      const service = createProtokollService({ cacheSize: 4 });
      let run = 0;
      const fresh = () => createTextDocument(`file:///scan-${run++}.protokoll`, text);
      const searched = charactersSearched(text.length, () => {
        service.getDiagnostics(fresh(), KOMMUNAL);
        service.render(fresh(), { config: KOMMUNAL, standalone: true, showDiagnostics: true });
        service.toJson(fresh());
        service.getDocumentSymbols(fresh(), KOMMUNAL);
        service.formatText(fresh());
      });
      assert.ok(
        searched <= 20 * text.length,
        `${searched} characters searched in a document of ${text.length}`,
      );
    });
  }
});
