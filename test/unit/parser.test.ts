import * as assert from 'node:assert/strict';
import { buildAst } from '../../server/src/language/syntax/build';
import { CLEAN, codes, only } from './checks/helpers';

describe('parser', () => {
  it('reads the structure of a meeting', () => {
    const ast = buildAst(CLEAN);
    assert.equal(ast.title?.text?.text, 'Styrelsen');
    assert.deepEqual(
      ast.header.map((h) => h.kind),
      ['date', 'time', 'place'],
    );
    assert.deepEqual(
      ast.sections.map((s) => [s.kind, s.entries.length]),
      [
        ['present', 3],
        ['absent', 1],
      ],
    );
    assert.deepEqual(
      ast.items.map((i) => [i.value, i.title?.text]),
      [
        [1, 'Val av justerare'],
        [2, 'Budget'],
        [3, 'Nästa möte'],
      ],
    );
    const entry = ast.sections[0].entries[0];
    assert.deepEqual(
      [entry.name?.text, entry.organisation?.text, entry.roleKind],
      ['Anna Ek', 'Skövde', 'chair'],
    );
    assert.deepEqual(
      ast.signatures.map((s) => s.kind),
      ['chair', 'secretary', 'adjuster', 'adjusted', 'posted'],
    );
  });

  it('reads the case number, the inserted-item letter and the action owner and due date', () => {
    const ast = buildAst(
      '# T\nDatum: 2024-01-01\n§ 17 a Remiss (Dnr 2024/123)\nÅtgärd: Svara. @Anna Ek, 2024-02-01\n',
    );
    const item = ast.items[0];
    assert.equal(item.suffix?.text, 'a');
    assert.equal(item.title?.text, 'Remiss');
    assert.equal(item.caseNumber?.text, 'Dnr 2024/123');
    const action = item.body[0];
    assert.ok(action.kind === 'action');
    assert.equal(action.owner?.text, 'Anna Ek');
    assert.equal(action.due?.text, '2024-02-01');
  });

  it('accepts CRLF, a BOM, tabs and NFD text with the same result', () => {
    const variant =
      '\uFEFF' + CLEAN.normalize('NFD').replace(/\n/g, '\r\n').replace(/^- /gm, '-\t');
    assert.deepEqual(codes(variant), []);
    const ast = buildAst(variant);
    assert.equal(ast.items.length, 3);
    assert.equal(ast.sections[0].entries.length, 3);
  });

  it('accepts the English keyword aliases', () => {
    const english = CLEAN.replace('Datum:', 'Date:')
      .replace('Tid:', 'Time:')
      .replace('Plats:', 'Place:')
      .replace('Närvarande:', 'Present:')
      .replace('Frånvarande:', 'Absent:')
      .replace('Beslut:', 'Decision:')
      .replace('Åtgärd:', 'Action:')
      .replace('Nästa möte:', 'Next meeting:')
      .replace('Ordförande:', 'Chair:')
      .replace('Sekreterare:', 'Secretary:')
      .replace('Justerare:', 'Adjuster:')
      .replace('Justerat:', 'Signed:')
      .replace('Anslaget:', 'Posted:');
    assert.deepEqual(codes(english), []);
  });

  it('recovers after a bad line: later lines are still checked', () => {
    const text = CLEAN.replace(
      '- Per Berg, Hjo (sekreterare)',
      '- Per Berg, Hjo, extra (sekreterare',
    ).replace('- Eva Lund, Tibro', '- Eva Lund, Tidaholm kommun');
    const found = codes(text);
    assert.ok(found.includes('syntax'));
    assert.ok(found.includes('municipality/form'), found.join());
  });

  it('reports a misspelt keyword with the right spelling as a fix', () => {
    const text = CLEAN.replace('Sekreterare: Per Berg', 'Sekretare: Per Berg');
    const [d] = only(text, 'syntax');
    assert.match(d.message, /Sekreterare/);
    assert.equal(d.fixes![0].edits[0].newText, 'Sekreterare');
  });

  it('reports § without a number and attendance lines without a marker', () => {
    assert.equal(only(CLEAN.replace('§ 2 Budget', '§ Budget'), 'syntax').length, 1);
    const [d] = only(CLEAN.replace('- Per Berg, Hjo', 'Per Berg, Hjo'), 'syntax');
    assert.equal(d.fixes![0].edits[0].newText, '- ');
  });

  it('reports an unknown role in parentheses', () => {
    assert.match(only(CLEAN.replace('(justerare)', '(kassör)'), 'syntax')[0].message, /kassör/);
  });

  it('treats keywords in the middle of a line and signature words inside items as text', () => {
    const text = CLEAN.replace(
      'Beslut: Budgeten godkänns.',
      'Budgeten godkänns. Beslut: ja.\nOrdförande: Anna Ek leder mötet.',
    );
    assert.deepEqual(codes(text), []);
  });

  it('reports lines after the signature block that are not signatures', () => {
    assert.equal(only(CLEAN + 'Vid protokollet\n', 'syntax').length, 1);
  });
});
