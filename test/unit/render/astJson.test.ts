import * as assert from 'node:assert/strict';
import { createProtokollService, createTextDocument } from '../../../server/src/language/index.js';

const service = createProtokollService();

describe('renderer: JSON form of the AST', () => {
  it('writes the documented, versioned shape with 1-based lines', () => {
    const text = [
      '# Nämnden',
      'Datum: 2024-03-12',
      'Tid: 18:00',
      '',
      'Närvarande:',
      '- Anna Ek, Skövde (ordförande)',
      'Frånvarande:',
      '- Tibro',
      '',
      '§ 4 a Budget (Dnr 2024/1)',
      'Text med *kursiv*',
      '- Hjo: Ja.',
      'Beslut: Antas.',
      'Åtgärd: Skicka. @Anna Ek, 2024-03-20',
      'Nästa möte: 2024-04-09, Stadshuset',
      '',
      'Ordförande: Anna Ek',
      'Justerare: Per Berg, Eva Lund',
      'Anslaget: 2024-03-18',
      '',
    ].join('\n');
    const json = service.toJson(createTextDocument('file:///n.protokoll', text));
    assert.equal(json.format, 'protokoll-ast');
    assert.equal(json.version, 1);
    assert.deepEqual(json.source, { uri: 'file:///n.protokoll', lineCount: 20 });
    assert.deepEqual(json.title, { text: 'Nämnden', line: 1 });
    assert.deepEqual(json.time, { text: '18:00', line: 3 });
    assert.equal(json.place, null);
    assert.deepEqual(json.present, [
      { line: 6, name: 'Anna Ek', organisation: 'Skövde', roleText: 'ordförande', role: 'chair' },
    ]);
    assert.deepEqual(json.absent, [
      { line: 8, name: null, organisation: 'Tibro', roleText: null, role: null },
    ]);
    assert.deepEqual(json.items, [
      {
        line: 10,
        endLine: 15,
        number: 4,
        suffix: 'a',
        title: 'Budget',
        caseNumber: 'Dnr 2024/1',
        body: [
          { kind: 'text', line: 11, text: 'Text med *kursiv*' },
          { kind: 'bullet', line: 12, text: 'Ja.', organisation: 'Hjo' },
          { kind: 'decision', line: 13, text: 'Antas.' },
          { kind: 'action', line: 14, text: 'Skicka.', owner: 'Anna Ek', due: '2024-03-20' },
          { kind: 'nextMeeting', line: 15, date: '2024-04-09', place: 'Stadshuset' },
        ],
      },
    ]);
    assert.deepEqual(json.signatures.adjusters, [
      { text: 'Per Berg', line: 18 },
      { text: 'Eva Lund', line: 18 },
    ]);
    assert.equal(json.signatures.adjusted, null);
    assert.deepEqual(json.appeal, { lastDayOfAppeal: '2024-04-08', takenDown: '2024-04-09' });
    assert.deepEqual(json.problems, []);
  });

  it('survives a round trip through JSON.stringify and reports syntax problems in the locale', () => {
    const doc = createTextDocument(
      'file:///b.protokoll',
      '# T\nDatum: 2024-01-01\n§ 1 A\n\nOrdförande: X\nstray\n',
    );
    const parsed = JSON.parse(JSON.stringify(service.toJson(doc, 'en')));
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].line, 6);
    assert.match(parsed.problems[0].message, /signature lines/);
  });
});
