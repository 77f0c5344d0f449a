import * as assert from 'node:assert/strict';
import { CLEAN, codes } from './helpers';

describe('a clean meeting', () => {
  it('has no diagnostics at all', () => {
    assert.deepEqual(codes(CLEAN), []);
  });
});
