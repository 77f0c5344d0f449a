import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createProtokollService, createTextDocument } from '../../server/src/language';
import { changeBetween, lineInEarlierParse } from '../../server/src/language/earlierParse';
import { plainTree } from '../../server/src/language/syntax/plainTree';
import type { AgendaItem } from '../../server/src/language/syntax/ast';
import { apply, documentText, edit } from './incremental.property';

/** The item as plain data with every position's line passed through `line`. */
function itemWithLines(item: AgendaItem, line: (l: number) => number): string {
  return JSON.stringify(plainTree(item), (key, value: unknown) =>
    key === 'line' && typeof value === 'number' ? line(value) : value,
  );
}

const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

// An edit in the header is never answered from the earlier parse (the header's people are what
// the items refer to): half the documents start with a § item, so edits reach the items often.
const startText = fc.oneof(
  documentText,
  documentText.map((text) => `§ 1 Början\n${text}`),
);

describe('the latest parse answers for the newest text (earlierParse)', () => {
  // Whenever a line of the new text is answered from the earlier parse, that line has the same
  // text there, and the § item holding it reads the same as in a fresh parse, line for line.
  it('maps a line only when its § item reads the same, for random documents and edits', () => {
    let mapped = 0;
    fc.assert(
      fc.property(startText, edit, fc.nat(), (start, change, pick) => {
        const service = createProtokollService();
        const earlier = service.parse(createTextDocument('file:///p.protokoll', start, 1));
        const text = apply(start, change);
        const fresh = createProtokollService().parse(createTextDocument('file:///q', text, 1));
        const line = pick % fresh.ast.lineCount;
        const found = lineInEarlierParse(earlier, changeBetween(start, text), line);
        if (!found) return;
        mapped++;
        assert.equal(linesOf(start)[found.line], linesOf(text)[line], 'the same line text');
        const index = earlier.ast.items.findLastIndex((i) => i.mark.start.line <= found.line);
        const now = fresh.ast.items.findLastIndex((i) => i.mark.start.line <= line);
        assert.ok(index >= 0 && now >= 0, 'a line in a § item');
        assert.equal(
          itemWithLines(earlier.ast.items[index], found.toNewLine),
          itemWithLines(fresh.ast.items[now], (l) => l),
          `the item at line ${line} of ${JSON.stringify(text)}`,
        );
        assert.equal(index + 1 < earlier.ast.items.length, now + 1 < fresh.ast.items.length);
      }),
      { numRuns: 1000 },
    );
    // The generator must reach the mapped case often enough for the property to mean something.
    assert.ok(mapped > 50, `only ${mapped} of 1000 runs mapped a line`);
  });
});
