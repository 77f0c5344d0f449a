import * as assert from 'node:assert/strict';
import { LineMapBuilder, nearestMappedLine } from '../../../server/src/language/render/lineMap.js';

describe('renderer: source line map', () => {
  it('lists each recorded line once, ascending', () => {
    const builder = new LineMapBuilder();
    for (const line of [7, 3, 7, 12, 3]) builder.add(line);
    assert.deepEqual(builder.build(), [3, 7, 12]);
  });

  it('maps a source line to the rendered line at or above it', () => {
    const map = [3, 7, 12];
    assert.equal(nearestMappedLine(map, 7), 7);
    assert.equal(nearestMappedLine(map, 9), 7);
    assert.equal(nearestMappedLine(map, 40), 12);
    assert.equal(nearestMappedLine(map, 0), 3);
    assert.equal(nearestMappedLine([], 5), undefined);
  });
});
