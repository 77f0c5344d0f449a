import { withoutColon } from '../text';
import { keywordKind, type KeywordKind } from './keywords';
import { ITEM_MARK_PATTERN, KEYWORD_PATTERN } from './lexer';

/*
 * One classification per line, without tokens: what a line starts with decides what it is (the
 * same rules, in the same order, as the lexer's start mode: comment, title, § mark, keyword,
 * list marker, text). The inside of a line is read by the builder straight from the text.
 */

export const enum LineKind {
  Empty = 0,
  Comment = 1,
  Title = 2,
  Item = 3,
  Keyword = 4,
  Bullet = 5,
  Text = 6,
}

const ITEM_MARK = new RegExp(ITEM_MARK_PATTERN.source, 'y');
const KEYWORD = new RegExp(KEYWORD_PATTERN.source, 'iy');
const BULLET = /[-•*][ \t]+|[-•](?![^\r\n])/y;
const LINE_START_TEXT = /[^\r\n \t][^\r\n,():@]*/y;

/** The offsets where lines start (after `\r\n`, `\r` or `\n`). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset where line `i`'s text ends (before its line break). */
export function lineEndOf(text: string, starts: readonly number[], i: number): number {
  if (i + 1 >= starts.length) return text.length;
  const next = starts[i + 1];
  if (text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13) return next - 2;
  return next - 1;
}

/** The offset after the line's indentation (blanks, tabs and a byte order mark). */
export function indentEnd(text: string, start: number, end: number): number {
  let p = start;
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 0xfeff) break;
    p++;
  }
  return p;
}

/** The offset after the blanks (spaces, tabs, byte order marks) at `start`, at most `end`. */
export function trimStart(text: string, start: number, end: number): number {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  return start;
}

/** The offset before the blanks that end `start`–`end`, at least `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff;
}

/** How a line starts: its kind and where its first token ends. */
export interface Classified {
  kind: LineKind;
  /** Where the first token starts (after the indentation). */
  first: number;
  /** Where the first token ends. */
  firstEnd: number;
}

/** Classifies the line `start`–`end` into `out` (reused, so classifying allocates nothing). */
export function classifyLine(text: string, start: number, end: number, out: Classified): void {
  const p = indentEnd(text, start, end);
  out.first = p;
  if (p >= end) {
    out.kind = LineKind.Empty;
    out.firstEnd = p;
    return;
  }
  const c = text.charCodeAt(p);
  if (c === 47 /* / */ && text.charCodeAt(p + 1) === 47) {
    out.kind = LineKind.Comment;
    out.firstEnd = end;
    return;
  }
  if (c === 35 /* # */) {
    out.kind = LineKind.Title;
    out.firstEnd = p + 1;
    return;
  }
  if (mayBeItemMark(text, p, end)) {
    ITEM_MARK.lastIndex = p;
    if (ITEM_MARK.test(text) && ITEM_MARK.lastIndex <= end) {
      out.kind = LineKind.Item;
      out.firstEnd = ITEM_MARK.lastIndex;
      return;
    }
  }
  KEYWORD.lastIndex = p;
  if (KEYWORD.test(text) && KEYWORD.lastIndex <= end) {
    out.kind = LineKind.Keyword;
    out.firstEnd = KEYWORD.lastIndex;
    return;
  }
  if (c === 45 /* - */ || c === 0x2022 /* • */ || c === 42 /* * */) {
    BULLET.lastIndex = p;
    if (BULLET.test(text) && BULLET.lastIndex <= end) {
      out.kind = LineKind.Bullet;
      out.firstEnd = BULLET.lastIndex;
      return;
    }
    // A lone marker followed only by blanks of any kind (`-\u202f`) is an empty bullet: trailing
    // white space never changes what a line is (formatting removes it).
    if (c !== 42 && onlyBlanksAfter(text, p + 1, end)) {
      out.kind = LineKind.Bullet;
      out.firstEnd = end;
      return;
    }
  }
  LINE_START_TEXT.lastIndex = p;
  LINE_START_TEXT.test(text);
  out.kind = LineKind.Text;
  out.firstEnd = Math.min(LINE_START_TEXT.lastIndex, end);
}

function onlyBlanksAfter(text: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (!/\s/u.test(text[i])) return false;
  return true;
}

/** Whether the line `start`–`end` starts with a § mark (`§ 4`, `KS § 45`). */
export function isItemLine(text: string, start: number, end: number): boolean {
  const p = indentEnd(text, start, end);
  if (p >= end) return false;
  if (!mayBeItemMark(text, p, end)) return false;
  ITEM_MARK.lastIndex = p;
  return ITEM_MARK.test(text) && ITEM_MARK.lastIndex <= end;
}

/**
 * False when the line at `p` cannot start with a § mark: it starts neither with § nor with one to
 * five capitals and a blank (`KS § 45`), so `Beslut:` and most text lines skip the pattern.
 */
function mayBeItemMark(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) === 0xa7 /* § */) return true;
  let q = p;
  while (q < end && q - p < 5 && isUpperStart(text.charCodeAt(q))) q++;
  if (q === p || q >= end) return false;
  const c = text.charCodeAt(q);
  return c === 32 || c === 9;
}

function isUpperStart(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 0xc5 || c === 0xc4 || c === 0xd6;
}

// Kinds of the keywords seen lately, by spelling. The spellings are copies: a spelling cut from
// a document (a sliced string, from 13 characters on) would keep that document's text alive.
const kinds = new Map<string, KeywordKind>();
// The last spelling read at each length and first letter, compared in place: most keyword lines
// repeat a few spellings (`Beslut:`, `Åtgärd:`), which then need no string cut from the text.
const lastSpelling = new Map<number, { readonly image: string; readonly kind: KeywordKind }>();

/** The kind of a keyword as written (`Nästa  möte :`), remembered per spelling. */
export function keywordKindOf(image: string): KeywordKind {
  let kind = kinds.get(image);
  if (kind === undefined) {
    kind = keywordKind(withoutColon(image)) as KeywordKind;
    if (kinds.size > 2000) kinds.clear();
    kinds.set(copyOf(image), kind);
  }
  return kind;
}

/** `keywordKindOf` of the keyword at `start`–`end` of `text`. */
export function keywordKindAt(text: string, start: number, end: number): KeywordKind {
  const key = (end - start) * 0x10000 + text.charCodeAt(start);
  const last = lastSpelling.get(key);
  if (last && text.startsWith(last.image, start)) return last.kind;
  const image = copyOf(text.slice(start, end));
  const kind = keywordKindOf(image);
  if (lastSpelling.size > 2000) lastSpelling.clear();
  lastSpelling.set(key, { image, kind });
  return kind;
}

/** A string with the characters of `s` that does not point into the string `s` was cut from. */
function copyOf(s: string): string {
  return (' ' + s).slice(1);
}
