import * as assert from 'node:assert/strict';
import { createProtokollService } from '../../../server/src/language/index';
import { document, SEED } from '../fixture';

const service = createProtokollService();

describe('folding ranges', () => {
  it('folds each section and each item to its last non-blank line', () => {
    const ranges = service.getFoldingRanges(document(SEED));
    const lines = SEED.split('\n');
    const starts = ranges.map((r) => `${lines[r.startLine]} … ${lines[r.endLine]}`);
    assert.ok(starts.includes('Närvarande: … - Eva Karlsson, Tidaholm kommun'));
    assert.ok(starts.includes('Frånvarande: … - Kommunalförbundet'));
    assert.ok(
      starts.includes('§ 4 IKT Styrkedja och Stödkedja … - Tidaholm: Eva 25 % som samordnare.'),
    );
    assert.ok(
      starts.includes('§ 6 Övrigt … Inga övriga frågor. Mattias önskar god jul och tack för i år!'),
    );
  });

  it('folds the signature block', () => {
    const ranges = service.getFoldingRanges(document(SEED));
    const lines = SEED.split('\n');
    assert.ok(
      ranges.some(
        (r) =>
          lines[r.startLine].startsWith('Ordförande:') &&
          lines[r.endLine].startsWith('Sekreterare:'),
      ),
    );
  });

  it('folds runs of two or more comment lines as comments, not a single comment', () => {
    const text = '// ett\n// två\n# Titel\nDatum: 2024-05-14\n// ensam\n§ 1 A\ntext\n';
    const comments = service.getFoldingRanges(document(text)).filter((r) => r.kind === 'comment');
    assert.deepEqual(comments, [{ startLine: 0, endLine: 1, kind: 'comment' }]);
  });

  it('does not fold an item of one line', () => {
    const ranges = service.getFoldingRanges(
      document('# T\nDatum: 2024-05-14\n§ 1 A\n\n§ 2 B\nx\n'),
    );
    assert.deepEqual(ranges, [{ startLine: 4, endLine: 5 }]);
  });
});
