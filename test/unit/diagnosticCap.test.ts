import * as assert from 'node:assert/strict';
import { MAX_FINDINGS_PER_CODE } from '../../server/src/language/checks/context.js';
import { withinCodeCap } from '../../server/src/language/index.js';

describe('diagnostics added under the per-code cap', () => {
  const many = (code: string, n: number) => Array.from({ length: n }, (_, i) => ({ code, i }));

  it('adds the numbering across files while its code is under the cap', () => {
    const own = many('numbering/gap', 3);
    const merged = withinCodeCap(own, [{ code: 'numbering/gap', i: 99 }]);
    assert.equal(merged.length, 4);
  });

  it('leaves out a diagnostic whose code already has its 200 and the summary', () => {
    const own = many('numbering/gap', MAX_FINDINGS_PER_CODE + 1);
    const series = [
      { code: 'numbering/gap', i: -1 },
      { code: 'numbering/duplicate', i: -2 },
    ];
    const merged = withinCodeCap(own, series);
    assert.equal(
      merged.filter((d) => d.code === 'numbering/gap').length,
      MAX_FINDINGS_PER_CODE + 1,
    );
    assert.equal(merged.filter((d) => d.code === 'numbering/duplicate').length, 1);
  });
});
