import * as assert from 'node:assert/strict';
import {
  createProtokollService,
  rangeContainsRange,
  type Position,
  type Range,
  type SelectionRange,
} from '../../../server/src/language/index';
import { document, positionOf, SEED } from '../fixture';

const service = createProtokollService();

const contains = rangeContainsRange;

function covered(text: string, range: Range): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) {
    return lines[range.start.line].slice(range.start.character, range.end.character);
  }
  return `${range.start.line}-${range.end.line}`;
}

describe('selection ranges', () => {
  /** The covered texts from the innermost range out. */
  function chain(text: string, range: SelectionRange): string[] {
    const out: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent)
      out.push(covered(text, r.range));
    return out;
  }

  it('expands word → name → line → section → document on an attendee', () => {
    const [range] = service.getSelectionRanges(document(SEED), [
      positionOf(SEED, 'Andersson, Grästorps', 2),
    ]);
    assert.deepEqual(chain(SEED, range), [
      'Andersson',
      'Britt Andersson',
      '- Britt Andersson, Grästorps kommun',
      '5-11',
      `0-${SEED.split('\n').length - 1}`,
    ]);
  });

  it('expands a first name to the full name written in text', () => {
    const text = SEED.replace('Inget att tillägga.', 'Britt Andersson instämmer.');
    const [range] = service.getSelectionRanges(document(text), [
      positionOf(text, 'Britt Andersson instämmer', 1),
    ]);
    assert.deepEqual(chain(text, range).slice(0, 4), [
      'Britt',
      'Britt Andersson',
      'Mattias sammanfattar. Britt Andersson instämmer.',
      '23-24',
    ]);
  });

  it('expands an organisation at a round-table bullet, then the line and the item', () => {
    const [range] = service.getSelectionRanges(document(SEED), [positionOf(SEED, 'Hjo:', 1)]);
    assert.deepEqual(chain(SEED, range).slice(0, 4), [
      'Hjo',
      'Hjo: Sluta leasa? Räknar på köp istället.',
      '- Hjo: Sluta leasa? Räknar på köp istället.',
      '26-29',
    ]);
  });

  it('answers one chain per position, each range inside its parent', () => {
    const lines = SEED.split('\n');
    const positions: Position[] = [];
    lines.forEach((line, i) => {
      for (let c = 0; c <= line.length; c += 3) positions.push({ line: i, character: c });
    });
    const ranges = service.getSelectionRanges(document(SEED), positions);
    assert.equal(ranges.length, positions.length);
    ranges.forEach((range, i) => {
      assert.ok(contains(range.range, { start: positions[i], end: positions[i] }));
      for (let r = range; r.parent; r = r.parent) {
        assert.ok(
          contains(r.parent.range, r.range),
          `parent contains child at ${JSON.stringify(positions[i])}`,
        );
        assert.notDeepEqual(r.parent.range, r.range);
      }
    });
  });
});
