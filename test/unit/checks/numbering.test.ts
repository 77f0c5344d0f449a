import * as assert from 'node:assert/strict';
import { shape } from '../../../scripts/fuzz/shapes';
import { createProtokollService, createTextDocument } from '../../../server/src/language';
import { numberingCheck } from '../../../server/src/language/checks/numbering';
import {
  cappedReporter,
  MAX_FINDINGS_PER_CODE,
  type Finding,
} from '../../../server/src/language/checks/context';
import { DEFAULT_CONFIG } from '../../../server/src/language/config';
import { applyEdits, CLEAN, codes, covered, only } from './helpers';

describe('numbering checks', () => {
  it('reports a gap when § 4 follows § 2, on the number', () => {
    const text = CLEAN.replace('§ 3 Nästa möte', '§ 4 Nästa möte');
    const [d] = only(text, 'numbering/gap');
    assert.equal(covered(text, d), '4');
    assert.match(d.message, /§ 3 saknas/);
  });

  it('renumbers all items with the gap fix', () => {
    const text = CLEAN.replace('§ 3 Nästa möte', '§ 4 Nästa möte');
    const [d] = only(text, 'numbering/gap');
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.match(fixed, /§ 3 Nästa möte/);
    assert.deepEqual(codes(fixed), []);
  });

  it('reports a duplicate number with the first one as related information', () => {
    const text = CLEAN.replace('§ 3 Nästa möte', '§ 2 Nästa möte');
    const [d] = only(text, 'numbering/duplicate');
    assert.ok(d.related && d.related.length === 1);
    assert.equal(only(text, 'numbering/gap').length, 0);
  });

  it('reports a step back as numbering/order', () => {
    const text = CLEAN.replace('§ 1 Val', '§ 5 Val')
      .replace('§ 2 Budget', '§ 6 Budget')
      .replace('§ 3 Nästa', '§ 4 Nästa');
    assert.deepEqual(
      codes(text).filter((c) => c.startsWith('numbering')),
      ['numbering/order'],
    );
  });

  it('accepts numbering that continues through the year and an inserted § 2 a', () => {
    const text = CLEAN.replace('§ 1 Val', '§ 45 Val')
      .replace('§ 2 Budget', '§ 46 Budget')
      .replace('§ 3 Nästa', '§ 46 a Extra\nText.\n\n§ 47 Nästa');
    assert.deepEqual(codes(text), []);
  });

  it('reports § N without a title as numbering/empty-title', () => {
    const text = CLEAN.replace('§ 2 Budget', '§ 2');
    assert.equal(only(text, 'numbering/empty-title').length, 1);
  });

  it('accepts §N without a space', () => {
    assert.deepEqual(codes(CLEAN.replace('§ 2 Budget', '§2 Budget')), []);
  });
});

describe('numbering checks on thousands of misnumbered § lines (issue 12)', () => {
  // Work counted, not timed: findings past the per-code cap are only counted, never built, and
  // every finding shares one renumbering fix.
  it('builds findings only under the cap and one renumbering fix for all of them', () => {
    const text = shape('§ lines out of order').build(128 * 1024);
    const model = createProtokollService().parse(
      createTextDocument('file:///order.protokoll', text),
    ).model;
    const kept: Finding[] = [];
    const reporter = cappedReporter((f) => kept.push(f));
    const built = new Map<string, number>();
    numberingCheck({
      model,
      config: DEFAULT_CONFIG,
      text,
      capped: reporter.capped,
      report: (f) => {
        built.set(f.code, (built.get(f.code) ?? 0) + 1);
        reporter.report(f);
      },
    });
    for (const [code, count] of built)
      assert.ok(count <= MAX_FINDINGS_PER_CODE, `${count} findings of ${code} built`);
    const left = reporter
      .summary()
      .map((s) => Number(/^(\d+)/.exec(s.message.en)![1]))
      .reduce((a, b) => a + b, 0);
    assert.ok(kept.length + left > 5_000, `${kept.length} + ${left} findings in all`);
    const fixes = new Set(kept.filter((f) => f.fixes).map((f) => f.fixes![0].edits));
    assert.equal(fixes.size, 1);
    assert.ok([...fixes][0].length > 5_000);
  });
});
