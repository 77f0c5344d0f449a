import * as assert from 'node:assert/strict';
import { packColumns } from '../../server/src/node/export/pdfColumns';

describe('PDF first page: a list of people in columns on the room left', () => {
  const lines = (n: number, height = 10) => Array.from({ length: n }, () => height);

  it('balances two columns by count when the whole list fits', () => {
    assert.deepEqual(packColumns(lines(9), 100, true), [5, 4]);
  });

  it('fills the first column, then the second, and leaves the rest for the next page', () => {
    // 101 members of a council, 30 lines of room: 60 here, 41 on the next page.
    assert.deepEqual(packColumns(lines(101), 300, true), [30, 30]);
    assert.deepEqual(packColumns(lines(41), 700, true), [21, 20]);
  });

  it('counts an entry that wraps as taller', () => {
    assert.deepEqual(packColumns([10, 20, 10, 10, 10, 10, 10], 35, true), [2, 3]);
  });

  it('one column: as many as fit, always one at least', () => {
    assert.deepEqual(packColumns(lines(5), 25, false), [2, 0]);
    assert.deepEqual(packColumns([50], 25, false), [1, 0]);
    assert.deepEqual(packColumns([50, 50], 25, true), [1, 0]);
  });
});
