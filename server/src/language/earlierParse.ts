import type { ProtokollAst } from './syntax/ast';
import { lastAtOrBefore } from './sortedSearch';
import { diffText } from './syntax/layout';

/**
 * How a line of the newest text is found in an earlier parse of the same document: `line` is the
 * line there, and `toNewLine` maps any line of that parse outside the edit to the newest text.
 */
export interface EarlierLine {
  readonly line: number;
  toNewLine(line: number): number;
}

/**
 * Where the request at `line` of `text` can be answered from `earlier`, a parse of an older
 * version of the same document: when the edit between the two versions lies outside the § item
 * of that line, neither on its lines nor on the § line of the next item (which ends it). That
 * item then reads the same in both versions (a § item's lines mean the same wherever it stands,
 * and the last item stays last), and so does the line. Undefined when the edit touches the item
 * or the header (whose people every item refers to), or the line lies in the header (before the
 * first §), whose reading depends on what follows.
 */
export function lineInEarlierParse(
  earlier: { readonly text: string; readonly ast: ProtokollAst },
  text: string,
  line: number,
): EarlierLine | undefined {
  const old = earlier.text;
  const { lineStarts, items } = earlier.ast;
  const { prefix, suffix } = diffText(old, text);
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  // Whether a line starts at `s` depends on the characters at s - 1 and s (`\r\n`), so the
  // starts outside [prefix, end] are the same in both versions, and so are the lines before
  // `first` and after `last`.
  const first = lastAtOrBefore(lineStarts, prefix - 1);
  const last = lastAtOrBefore(lineStarts, oldEnd);
  const shift = lineStartsIn(text, prefix, newEnd) - lineStartsIn(old, prefix, oldEnd);
  let oldLine: number;
  if (line < first) oldLine = line;
  else if (line > last + shift) oldLine = line - shift;
  else return undefined;
  if (oldLine >= lineStarts.length) return undefined;
  const index = lastItemAtOrBefore(items, oldLine);
  if (index < 0) return undefined;
  const itemStart = items[index].mark.start.line;
  // The next item's § line ends this one; the last item runs to the end of the document.
  const itemEnd =
    index + 1 < items.length ? items[index + 1].mark.start.line : lineStarts.length - 1;
  if (!(last < itemStart || first > itemEnd)) return undefined;
  // The header lists the people and the body the items refer to: an edit there changes what a
  // completion or hover anywhere offers.
  if (first < items[0].mark.start.line) return undefined;
  return {
    line: oldLine,
    toNewLine: (l) => (l < first ? l : l > last ? l + shift : l),
  };
}

/** How many lines start at the offsets `from`…`to` (a start follows `\n`, or `\r` alone). */
function lineStartsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let s = Math.max(1, from); s <= Math.min(to, text.length); s++) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) count++;
  }
  return count;
}

function lastItemAtOrBefore(items: ProtokollAst['items'], line: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid].mark.start.line <= line) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
