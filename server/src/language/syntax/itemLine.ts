import type { LineTools } from './attendee';
import { trimEnd, trimStart } from './lines';
import { ItemNode } from './itemNode';

/**
 * A § line (`§ 12 Budget (Dnr 2024/12)`, `KS § 45 a Title`) from its mark at `markStart`–`markEnd`
 * to `lineEnd`: the number, letter, title, prefix and case number are read straight from the text
 * as columns. A number that is not an item number (`§ 45/2024`) is reported.
 */
export function itemLine(
  tools: LineTools,
  markStart: number,
  markEnd: number,
  lineEnd: number,
): ItemNode {
  const { text, lineStart: base } = tools;
  const section = text.indexOf('§', markStart) - markStart;
  const prefixEnd = section > 0 ? trimEnd(text, markStart, markStart + section) : markStart;
  // The digits of the mark (`§ 12`, `KS § 12.`).
  let numberStart = markStart + Math.max(section, 0);
  while (numberStart < markEnd && !isDigit(text.charCodeAt(numberStart))) numberStart++;
  let numberEnd = numberStart;
  while (numberEnd < markEnd && isDigit(text.charCodeAt(numberEnd))) numberEnd++;
  const hasNumber = numberEnd > numberStart;
  if (!hasNumber) {
    tools.problem(
      tools.range(markStart, markEnd),
      '§ saknar nummer. Skriv § N följt av rubriken, till exempel § 3 Ekonomi.',
      '§ has no number. Write § N followed by the title, for example § 3 Budget.',
    );
  }
  let markRangeEnd = markEnd;
  let titleStart = markEnd;
  let suffixStart = -1;
  // `§ 45/2024`, `§ 4.5`, `§ 4:2`: a shape that is not an item number must not become the title.
  const oddEnd = hasNumber
    ? oddNumberEnd(text, markEnd, lineEnd, text.charCodeAt(markEnd - 1))
    : -1;
  if (oddEnd >= 0) {
    const number = text.slice(numberStart, numberEnd);
    const written = text.slice(markStart + section, oddEnd).trim();
    tools.problem(
      tools.range(markStart, oddEnd),
      `"${written}" är inget paragrafnummer. Skriv § ${number} följt av rubriken; året och diarienumret står i (Dnr …) efter rubriken.`,
      `"${written}" is not an item number. Write § ${number} followed by the title; the year and case number go in (Dnr …) after the title.`,
    );
  }
  const letter = hasNumber && oddEnd < 0 ? suffixLetter(text, markEnd, lineEnd) : -1;
  if (letter >= 0) {
    suffixStart = letter;
    markRangeEnd = letter + 1;
    titleStart = letter + 1;
  }
  const titleFrom = oddEnd >= 0 ? oddEnd : titleStart;
  let ts = trimStart(text, titleFrom, lineEnd);
  let te = trimEnd(text, ts, lineEnd);
  let cs = -1;
  let ce = -1;
  if (ts < te) {
    // `(Dnr 2024/12)` at the end of the title is the case number.
    const open = caseNumberOpen(text, ts, te);
    if (open >= 0) {
      cs = trimStart(text, open + 1, te - 1);
      ce = trimEnd(text, cs, te - 1);
      if (cs >= ce) cs = ce = -1;
      te = trimEnd(text, ts, open);
    }
    if (ts >= te) ts = te = -1;
  } else ts = te = -1;
  return new ItemNode(
    tools,
    markStart - base,
    markStart + Math.max(section, 0) - base,
    markRangeEnd - base,
    hasNumber ? Number(text.slice(numberStart, numberEnd)) : undefined,
    hasNumber ? numberStart - base : -1,
    hasNumber ? numberEnd - base : -1,
    suffixStart < 0 ? -1 : suffixStart - base,
    suffixStart < 0 ? -1 : suffixStart + 1 - base,
    ts < 0 ? -1 : ts - base,
    te < 0 ? -1 : te - base,
    prefixEnd > markStart ? markStart - base : -1,
    prefixEnd > markStart ? prefixEnd - base : -1,
    cs < 0 ? -1 : cs - base,
    ce < 0 ? -1 : ce - base,
  );
}

const CASE_WORD = /\s*(?:Dnr|Diarienr|Diarienummer|Case)\b/iy;

/**
 * The `(` of a case number that ends a title (`… (Dnr 2024/12)`), or -1: what
 * /\((\s*(?:Dnr|Diarienr|Diarienummer|Case)\b[^()]*)\)\s*$/i finds in the title `start`–`end`
 * (which ends in a character that is not white space), without the match arrays.
 */
function caseNumberOpen(text: string, start: number, end: number): number {
  if (text.charCodeAt(end - 1) !== 41 /* ) */) return -1;
  // The last `(` of the title, with no `)` between it and the end.
  let open = end - 2;
  while (open >= start && text.charCodeAt(open) !== 40 /* ( */) {
    if (text.charCodeAt(open) === 41) return -1;
    open--;
  }
  if (open < start) return -1;
  CASE_WORD.lastIndex = open + 1;
  return CASE_WORD.test(text) && CASE_WORD.lastIndex <= end - 1 ? open : -1;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digitsEnd(text: string, from: number, end: number): number {
  while (from < end && isDigit(text.charCodeAt(from))) from++;
  return from;
}

/**
 * The end of what follows an item mark as part of a number that is not an item number (`/2024`,
 * `: 2`, `.5`, `-3`, or digits after a mark ending in `.`); -1 when nothing does. What
 * /^(?:[/:][ \t]*\d+|[.,\-–]\d+)/, else /^\d+/ after a mark ending in `.`, match.
 */
function oddNumberEnd(text: string, from: number, end: number, markLast: number): number {
  const c = from < end ? text.charCodeAt(from) : -1;
  if (c === 47 /* / */ || c === 58 /* : */) {
    let p = from + 1;
    while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    const digits = digitsEnd(text, p, end);
    if (digits > p) return digits;
  } else if (c === 46 || c === 44 || c === 45 || c === 0x2013 /* . , - – */) {
    const digits = digitsEnd(text, from + 1, end);
    if (digits > from + 1) return digits;
  }
  if (markLast === 46 /* . */) {
    const digits = digitsEnd(text, from, end);
    if (digits > from) return digits;
  }
  return -1;
}

/** The letter of `§ 47 b`: after blanks, one of a–z, å, ä, ö followed by a blank or the end. */
function suffixLetter(text: string, from: number, end: number): number {
  let p = from;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  if (p >= end) return -1;
  const c = text.charCodeAt(p);
  if (!((c >= 97 && c <= 122) || c === 0xe5 || c === 0xe4 || c === 0xf6)) return -1;
  const next = p + 1 < end ? text.charCodeAt(p + 1) : -1;
  return next === -1 || next === 32 || next === 9 ? p : -1;
}
