import * as assert from 'node:assert/strict';
import { createTextDocument } from '../../server/src/language';
import { CLEAN, service } from './checks/helpers';

function format(text: string): string {
  return service.formatText(createTextDocument(`file:///fmt/${Math.random()}.protokoll`, text));
}

describe('formatting', () => {
  it('leaves canonical minutes unchanged', () => {
    assert.equal(format(CLEAN), CLEAN);
  });

  it('normalises § marks, keyword spelling, list markers and spacing', () => {
    const messy =
      '#   Styrelsen  \ndatum:2024-04-18\nNÄRVARANDE :\n*   Anna Ek ,Skövde(ordförande)\n\n\n\n§2.   Budget\nbeslut :  Ja.\n•  punkt\nChair: Anna Ek\n';
    assert.equal(
      format(messy),
      '# Styrelsen\nDatum: 2024-04-18\n\nNärvarande:\n- Anna Ek, Skövde (ordförande)\n\n§ 2 Budget\nBeslut: Ja.\n- punkt\n\nOrdförande: Anna Ek\n',
    );
  });

  it('keeps CRLF line endings and a BOM', () => {
    const text = '\uFEFF# T\r\nDatum: 2024-01-01\r\n';
    assert.equal(format(text), text);
  });

  it('leaves a line it cannot read as written', () => {
    const text = CLEAN.replace(
      '- Per Berg, Hjo (sekreterare)',
      '-   Per Berg, Hjo, x   (sekreterare',
    );
    assert.match(format(text), /-   Per Berg, Hjo, x   \(sekreterare/);
  });

  it('formats only the requested lines', () => {
    const text = CLEAN.replace('Beslut: Budgeten', 'beslut:Budgeten').replace(
      '§ 3 Nästa',
      '§3 Nästa',
    );
    const doc = createTextDocument('file:///fmt/range.protokoll', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('beslut'));
    const edits = service.format(doc, {
      start: { line, character: 0 },
      end: { line, character: 5 },
    });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].range.start.line, line);
  });
});
