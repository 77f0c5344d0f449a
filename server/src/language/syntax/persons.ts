import type { ParagraphSet, PersonRef, Span } from './ast';
import { attendeeRole } from './keywords';

/**
 * Reading persons and paragraph numbers inside a line. Every function works on the document text
 * between two offsets and creates spans with `span(start, end)` (trimmed, undefined when blank).
 * The patterns are sticky and anchored, so a long run of blanks costs one pass.
 */
export type SpanMaker = (start: number, end: number) => Span | undefined;

const NAME_WORD = /\p{Lu}(?:\.|[\p{L}'’-]*)/uy;
const BLANKS = /[ \t]*/y;
const PARTY = /\(([ \t]*\p{Lu}[\p{L}]{0,5}[ \t]*)\)/uy;

function skipBlanks(text: string, at: number): number {
  BLANKS.lastIndex = at;
  BLANKS.exec(text);
  return BLANKS.lastIndex;
}

/** Party letters: one capital and up to five more letters (`S`, `KD`, `SoL`), never a role. */
export function isPartyLetters(text: string): boolean {
  return /^\p{Lu}[\p{L}]{0,5}$/u.test(text) && !attendeeRole(text);
}

/**
 * A person at `at`: capitalised words, then optional party letters in parentheses. Returns the
 * person and the offset after it, or undefined when no name starts there.
 */
export function readPerson(
  text: string,
  at: number,
  end: number,
  span: SpanMaker,
): { person: PersonRef; words: number; next: number } | undefined {
  let p = at;
  let nameEnd = at;
  let words = 0;
  for (;;) {
    NAME_WORD.lastIndex = p;
    const m = NAME_WORD.exec(text);
    if (!m || NAME_WORD.lastIndex > end) break;
    words++;
    nameEnd = NAME_WORD.lastIndex;
    const after = skipBlanks(text, nameEnd);
    if (after === nameEnd || after >= end) break;
    p = after;
  }
  if (words === 0) return undefined;
  const name = span(at, nameEnd) as Span;
  let next = nameEnd;
  let party: Span | undefined;
  const before = skipBlanks(text, nameEnd);
  PARTY.lastIndex = before;
  const pm = before < end ? PARTY.exec(text) : null;
  if (pm && PARTY.lastIndex <= end && isPartyLetters(pm[1].trim())) {
    party = span(before + 1, PARTY.lastIndex - 1);
    next = PARTY.lastIndex;
  }
  return { person: { name, party }, words, next };
}

/** The offset after a list separator (`,`, `;`, ` och `, ` and `) at `at`, or undefined. */
function separator(text: string, at: number, end: number): number | undefined {
  const p = skipBlanks(text, at);
  if (p >= end) return undefined;
  const c = text[p];
  if (c === ',' || c === ';') return skipBlanks(text, p + 1);
  if (p > at) {
    for (const word of ['och', 'and', 'samt']) {
      if (
        text.startsWith(word, p) &&
        (text[p + word.length] === ' ' || text[p + word.length] === '\t')
      )
        return skipBlanks(text, p + word.length);
    }
  }
  return undefined;
}

/**
 * The persons a text starts with (`Per Ek (M) och Eva Lind (M) reserverar sig …`). A person
 * has two capitalised words or party letters, so `Ordföranden ställer …` names nobody.
 */
export function leadingPersons(
  text: string,
  start: number,
  end: number,
  span: SpanMaker,
): { persons: PersonRef[]; end: number } {
  const persons: PersonRef[] = [];
  let p = skipBlanks(text, start);
  let last = p;
  for (;;) {
    const read = readPerson(text, p, end, span);
    if (!read || (read.words < 2 && !read.person.party)) break;
    persons.push(read.person);
    last = read.next;
    const next = separator(text, read.next, end);
    if (next === undefined) break;
    p = next;
  }
  return { persons, end: persons.length > 0 ? last : start };
}

/**
 * A text that is only a list of persons (`Anna Ek (S), Per Ek (M) och Eva Lind`), or undefined
 * when something else is written there. A trailing full stop is allowed.
 */
export function personList(
  text: string,
  start: number,
  end: number,
  span: SpanMaker,
): PersonRef[] | undefined {
  let e = end;
  while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e > start && text[e - 1] === '.') e--;
  const persons: PersonRef[] = [];
  let p = skipBlanks(text, start);
  if (p >= e) return undefined;
  for (;;) {
    const read = readPerson(text, p, e, span);
    if (!read) return undefined;
    persons.push(read.person);
    const after = skipBlanks(text, read.next);
    if (after >= e) return persons;
    const next = separator(text, read.next, e);
    if (next === undefined) return undefined;
    p = next;
  }
}

/**
 * Signers: every part between `,` / ` och ` is a name, capitalised or not (a misspelt signer is
 * reported, not dropped); party letters in parentheses are split off.
 */
export function signerList(text: string, start: number, end: number, span: SpanMaker): PersonRef[] {
  const out: PersonRef[] = [];
  let p = start;
  let partStart = start;
  const flush = (partEnd: number) => {
    const part = span(partStart, partEnd);
    if (!part) return;
    const base = skipBlanks(text, partStart);
    const close = part.text.endsWith(')') ? part.text.length - 1 : -1;
    const open = close > 0 ? part.text.lastIndexOf('(') : -1;
    if (open > 0 && isPartyLetters(part.text.slice(open + 1, close).trim())) {
      const name = span(base, base + open);
      if (name) {
        out.push({ name, party: span(base + open + 1, base + close) });
        return;
      }
    }
    out.push({ name: part });
  };
  while (p < end) {
    const c = text[p];
    if (c === ',' || c === ';') {
      flush(p);
      partStart = p + 1;
    } else if (
      (c === ' ' || c === '\t') &&
      (text.startsWith('och', p + 1) || text.startsWith('and', p + 1))
    ) {
      const after = text[p + 4];
      if (after === ' ' || after === '\t') {
        flush(p);
        partStart = p + 4;
        p += 4;
        continue;
      }
    }
    p++;
  }
  flush(end);
  return out;
}

const PARAGRAPH_START = /§§?[ \t]*/y;
const NUMBER = /\d{1,6}/y;
const RANGE_DASH = /[ \t]*[-–—][ \t]*/y;

/**
 * `§ 12–15`, `§ 12, 14`, `§§ 12-15 och 17`, `26–38` (with `bare`, for `Paragrafer:`): the items
 * named, or undefined when the text is something else.
 */
export function paragraphSet(
  text: string,
  start: number,
  end: number,
  span: SpanMaker,
  bare = false,
): ParagraphSet | undefined {
  let p = skipBlanks(text, start);
  PARAGRAPH_START.lastIndex = p;
  if (PARAGRAPH_START.exec(text)) p = PARAGRAPH_START.lastIndex;
  else if (!bare) return undefined;
  const ranges: [number, number][] = [];
  for (;;) {
    NUMBER.lastIndex = p;
    const from = NUMBER.exec(text);
    if (!from || NUMBER.lastIndex > end) return undefined;
    p = NUMBER.lastIndex;
    let to = Number(from[0]);
    RANGE_DASH.lastIndex = p;
    if (RANGE_DASH.exec(text) && RANGE_DASH.lastIndex < end) {
      NUMBER.lastIndex = RANGE_DASH.lastIndex;
      const m = NUMBER.exec(text);
      if (!m || NUMBER.lastIndex > end) return undefined;
      to = Number(m[0]);
      p = NUMBER.lastIndex;
    }
    ranges.push([Number(from[0]), to]);
    const after = skipBlanks(text, p);
    if (after >= end || (text[after] === '.' && skipBlanks(text, after + 1) >= end)) break;
    const next = separator(text, p, end);
    if (next === undefined) return undefined;
    PARAGRAPH_START.lastIndex = next;
    p = PARAGRAPH_START.exec(text) ? PARAGRAPH_START.lastIndex : next;
  }
  const whole = span(start, end);
  return whole ? { span: whole, ranges } : undefined;
}

/** Whether a paragraph set includes item number `n` (an undefined set includes every item). */
export function includesParagraph(set: ParagraphSet | undefined, n: number | undefined): boolean {
  if (!set || n === undefined) return true;
  return set.ranges.some(([from, to]) => n >= from && n <= to);
}
