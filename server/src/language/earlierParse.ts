import type { ProtokollAst } from './syntax/ast';
import { lastAtOrBefore } from './sortedSearch';
import { diffText } from './syntax/layout';
import type { TextChangeSince } from './textDocument';

/**
 * How a line of the newest text is found in an earlier parse of the same document: `line` is the
 * line there, and `toNewLine` maps any line of that parse outside the edit to the newest text.
 */
export interface EarlierLine {
  readonly line: number;
  toNewLine(line: number): number;
}

/** How `text` differs from `old`, tightly. */
export function changeBetween(old: string, text: string): TextChangeSince {
  const { prefix, suffix } = diffText(old, text);
  return { prefix, suffix, middle: text.slice(prefix, text.length - suffix) };
}

/**
 * Where the request at `line` of the newest text, which differs from `earlier.text` by `change`,
 * can be answered from `earlier`, a parse of an older version of the same document: when the edit between the two versions lies outside the § item
 * of that line, neither on its lines nor on the § line of the next item (which ends it). That
 * item then reads the same in both versions (a § item's lines mean the same wherever it stands,
 * and the last item stays last), and so does the line. Undefined when the edit touches the item
 * or the header (whose people every item refers to), or the line lies in the header (before the
 * first §), whose reading depends on what follows.
 */
export function lineInEarlierParse(
  earlier: { readonly text: string; readonly ast: ProtokollAst },
  change: TextChangeSince,
  line: number,
): EarlierLine | undefined {
  const old = earlier.text;
  const { lineStarts, items } = earlier.ast;
  const { prefix, suffix, middle } = change;
  const oldEnd = old.length - suffix;
  const newEnd = prefix + middle.length;
  const newLength = newEnd + suffix;
  // The newest text's characters, read from the earlier text and the change.
  const newCharAt = (i: number): number =>
    i < prefix
      ? old.charCodeAt(i)
      : i < newEnd
        ? middle.charCodeAt(i - prefix)
        : old.charCodeAt(i - newEnd + oldEnd);
  // Whether a line starts at `s` depends on the characters at s - 1 and s (`\r\n`), so the
  // starts outside [prefix, end] are the same in both versions, and so are the lines before
  // `first` and after `last`.
  const first = lastAtOrBefore(lineStarts, prefix - 1);
  const last = lastAtOrBefore(lineStarts, oldEnd);
  const shift =
    lineStartsIn(newCharAt, newLength, prefix, newEnd) -
    lineStartsIn((i) => old.charCodeAt(i), old.length, prefix, oldEnd);
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

/**
 * How many lines start at the offsets `from`…`to` of a text of `length` characters read with
 * `charAt` (a start follows `\n`, or `\r` alone).
 */
function lineStartsIn(
  charAt: (i: number) => number,
  length: number,
  from: number,
  to: number,
): number {
  let count = 0;
  for (let s = Math.max(1, from); s <= Math.min(to, length); s++) {
    const c = charAt(s - 1);
    if (c === 10 || (c === 13 && (s < length ? charAt(s) : NaN) !== 10)) count++;
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
