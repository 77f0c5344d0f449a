import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  createTextDocument,
  mergeConfig,
  type ProtokollConfig,
} from '../../server/src/language';
import { plainTree } from '../../server/src/language/syntax/plainTree';
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

  /** The diagnostics of `after` checked right after `before`, and read from scratch. */
  function diagnosticsAfterEdit(before: string, after: string, config: ProtokollConfig) {
    const uri = 'file:///edited.protokoll';
    const service = createProtokollService();
    service.getDiagnostics(createTextDocument(uri, before, 1), config);
    return {
      incremental: service.getDiagnostics(createTextDocument(uri, after, 2), config),
      fresh: createProtokollService().getDiagnostics(createTextDocument(uri, after, 2), config),
    };
  }

  it('moves the persons elected in the body of a reused item with the item (seed 911726625)', () => {
    // § 4's title names the role and its body the person; the item is reused one line lower.
    const before = '§ 4Justerare: Per Berg\n Anna Ek\n§ 3 a Tillägg\nJusterare: Per Berg\n';
    const after = `# Kommunstyrelsen\n${before}`;
    const { incremental, fresh } = diagnosticsAfterEdit(before, after, mergeConfig({}));
    const mismatch = fresh.find((d) => d.code === 'signature/mismatch');
    assert.deepEqual(mismatch?.related?.[0].range, {
      start: { line: 2, character: 1 },
      end: { line: 2, character: 8 },
    });
    assert.deepEqual(incremental, fresh);
  });

  it('moves the anchor of a vote in a reused item with the item', () => {
    const before =
      '# T\nOrgan: KS\nDatum: 2024-01-10\nBeslutande:\n- Anna Ek\n§ 1 A\nOmröstning: Ja\n- Ja: 7\n§ 2 B\n';
    const after = before.replace('Beslutande:', '\nBeslutande:');
    const kommunal = mergeConfig({ kind: 'kommunal' });
    const { incremental, fresh } = diagnosticsAfterEdit(before, after, kommunal);
    const count = fresh.find((d) => d.code === 'vote/count');
    assert.equal(count?.range.start.line, 7);
    assert.deepEqual(incremental, fresh);
  });
});
