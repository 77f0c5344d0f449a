import * as assert from 'node:assert/strict';
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
