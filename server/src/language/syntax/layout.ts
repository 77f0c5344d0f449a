import { isItemLine, lineEndOf, lineStartsOf } from './lines';

/** Where the lines start and which lines start a § item. */
export interface LineLayout {
  readonly text: string;
  readonly lineStarts: number[];
  readonly itemLines: number[];
}

/** What two versions of a text share: the length of their common start and end. */
export interface TextChange {
  readonly prefix: number;
  readonly suffix: number;
}

/** The layout of a text read from scratch. */
export function layoutOf(text: string): LineLayout {
  const lineStarts = lineStartsOf(text);
  const itemLines: number[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    if (isItemLine(text, lineStarts[i], lineEndOf(text, lineStarts, i))) itemLines.push(i);
  }
  return { text, lineStarts, itemLines };
}

const CHUNK = 2048;

/** The common start and end of two texts (they never overlap). */
export function diffText(a: string, b: string): TextChange {
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  // Whole chunks compare as strings (a memory comparison), the rest character by character.
  while (prefix + CHUNK <= n && a.slice(prefix, prefix + CHUNK) === b.slice(prefix, prefix + CHUNK))
    prefix += CHUNK;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  const room = n - prefix;
  let suffix = 0;
  while (
    suffix + CHUNK <= room &&
    a.slice(a.length - suffix - CHUNK, a.length - suffix) ===
      b.slice(b.length - suffix - CHUNK, b.length - suffix)
  )
    suffix += CHUNK;
  while (
    suffix < room &&
    a.charCodeAt(a.length - suffix - 1) === b.charCodeAt(b.length - suffix - 1)
  )
    suffix++;
  return { prefix, suffix };
}

/**
 * The layout of `text`, a new version of `old.text` that differs from it only between the
 * common start and end of `change`: line starts and § lines of the unchanged start are kept,
 * those of the unchanged end are shifted, and only the lines in between are read.
 */
export function relayout(old: LineLayout, text: string, change: TextChange): LineLayout {
  const { prefix, suffix } = change;
  const os = old.lineStarts;
  const delta = text.length - old.text.length;
  // A line start `o` depends on the characters at o - 1 and o: kept when both are unchanged.
  let keep = 1;
  while (keep < os.length && os[keep] < prefix) keep++;
  const lineStarts = os.slice(0, keep);
  const changedEnd = text.length - suffix; // first character of the unchanged end
  for (let i = lineStarts[keep - 1]; i < changedEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  // `lineStarts` now holds every start up to changedEnd; the rest come from the old end.
  const oldChangedEnd = old.text.length - suffix;
  let from = os.length;
  while (from > 0 && os[from - 1] >= oldChangedEnd + 1) from--;
  while (lineStarts.length > 0 && lineStarts[lineStarts.length - 1] >= changedEnd + 1)
    lineStarts.pop();
  for (let i = from; i < os.length; i++) lineStarts.push(os[i] + delta);
  const lineDelta = lineStarts.length - os.length;

  // A line's § status is kept when the whole line (and its break) is unchanged.
  const itemLines: number[] = [];
  let k = 0;
  const oi = old.itemLines;
  let prefixLines = 0;
  while (prefixLines + 1 < lineStarts.length && lineStarts[prefixLines + 1] < prefix) prefixLines++;
  while (k < oi.length && oi[k] < prefixLines) itemLines.push(oi[k++]);
  let suffixLine = lineStarts.length;
  while (suffixLine > 0 && lineStarts[suffixLine - 1] >= changedEnd + 1) suffixLine--;
  for (let j = prefixLines; j < suffixLine; j++) {
    if (isItemLine(text, lineStarts[j], lineEndOf(text, lineStarts, j))) itemLines.push(j);
  }
  const oldSuffixLine = suffixLine - lineDelta;
  while (k < oi.length && oi[k] < oldSuffixLine) k++;
  for (; k < oi.length; k++) itemLines.push(oi[k] + lineDelta);
  return { text, lineStarts, itemLines };
}
