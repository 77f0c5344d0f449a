import { isWhiteSpace } from '../text';

/*
 * The label of a round-table bullet (`- Hjo: text`), read without strings or arrays.
 */

/**
 * The colon of `- Hjo: text`: after a label without `,():@` and followed by a blank or the line
 * end; -1 when there is none.
 */
export function roundTableColon(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      if (i === start) return -1;
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      return next === -1 || next === 32 || next === 9 ? i : -1;
    }
    if (c === 44 || c === 40 || c === 41 || c === 64) return -1;
  }
  return -1;
}

/** False when a label cannot be a vote choice: it starts with an ASCII letter other than j, n, a, y. */
export function mayBeVoteChoice(code: number): boolean {
  const lower = code | 0x20;
  if (lower < 97 || lower > 122) return true;
  return lower === 106 || lower === 110 || lower === 97 || lower === 121;
}

/** `text.slice(start, end).split(/\s+/).length`, without the string and the array. */
export function wordCount(text: string, start: number, end: number): number {
  let count = 1;
  for (let i = start; i < end; i++) {
    if (isWhiteSpace(text.charCodeAt(i)) && (i + 1 >= end || !isWhiteSpace(text.charCodeAt(i + 1))))
      count++;
  }
  return count;
}
