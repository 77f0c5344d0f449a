import * as assert from 'node:assert/strict';
import { createProtokollService, createTextDocument } from '../../server/src/language';
import { plainTree } from '../../server/src/language/syntax/nodes';
import { incrementalEqualsFresh } from './incremental.property';

describe('incremental parse', () => {
  it('equals a fresh parse after any sequence of edits (AST, diagnostics, symbols)', () => {
    // `npm run fuzz` runs the same property much longer.
    incrementalEqualsFresh(150);
  });

  it('takes unchanged § items over from the previous version and moves them to their new line', () => {
    const service = createProtokollService();
    const text = '# T\nDatum: 2024-01-01\n\n§ 1 A\nBeslut: a\n\n§ 2 B\nBeslut: b\n\n§ 3 C\n';
    const first = service.parse(createTextDocument('file:///i.protokoll', text, 1)).ast;
    const [, second] = first.items;
    const edited = text.replace('Beslut: a\n', 'Beslut: a\nMer text.\n');
    const next = service.parse(createTextDocument('file:///i.protokoll', edited, 2)).ast;
    assert.equal(next.items[1], second, 'the unchanged § 2 is the same node');
    assert.deepEqual(next.items[1].range.start, { line: 7, character: 0 });
    assert.notEqual(next.items[0], first.items[0], 'the edited § 1 is read again');
    const fresh = createProtokollService().parse(createTextDocument('file:///j.protokoll', edited));
    assert.deepEqual(plainTree(next), plainTree(fresh.ast));
  });
});
