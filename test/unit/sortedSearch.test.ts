import * as assert from 'node:assert/strict';
import { lastAtOrBefore } from '../../server/src/language/sortedSearch';

describe('lastAtOrBefore: the line holding an offset', () => {
  const lineStarts = [0, 10, 25, 26];

  it('finds the last start at or before the value', () => {
    assert.deepEqual(
      [0, 9, 10, 11, 24, 25, 26, 1000].map((v) => lastAtOrBefore(lineStarts, v)),
      [0, 0, 1, 1, 1, 2, 3, 3],
    );
  });

  it('answers 0 before the first element and for an empty array', () => {
    assert.equal(lastAtOrBefore([5, 8], 2), 0);
    assert.equal(lastAtOrBefore([], 3), 0);
  });
});
