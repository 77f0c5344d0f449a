/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row = lastAlignmentRow(a, b, limit);
  return row ? row[b.length] : limit + 1;
}

/** The distance from `a` to the closest prefix of `b` (`gota` is one edit from `göte|ne`). */
export function prefixEditDistance(a: string, b: string, limit = Infinity): number {
  const row = lastAlignmentRow(a, b, limit);
  if (!row) return limit + 1;
  let min = row[0];
  for (let j = 1; j <= b.length; j++) if (row[j] < min) min = row[j];
  return min;
}

/**
 * `editDistance(pattern, text)` for one pattern against many texts, bit-parallel (Myers'
 * algorithm with Hyyrö's adjacent transpositions): a few word operations per character of
 * `text` instead of a row of |pattern| cells. Patterns of more than 32 characters use the table.
 */
export function editDistanceFrom(pattern: string): (text: string) => number {
  const m = pattern.length;
  if (m === 0) return (text) => text.length;
  if (m > 32) return (text) => editDistance(pattern, text);
  // Bit i of a character's mask: pattern[i] is that character.
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    if (c < 128) ascii[c] |= 1 << i;
    else other.set(c, (other.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  return (text) => {
    // Vertical deltas of the current column (+1 / -1 bits), its diagonal zero-deltas, the mask
    // of the previous character (for transpositions) and the distance in the last row.
    let plus = -1;
    let minus = 0;
    let zero = 0;
    let previous = 0;
    let distance = m;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      const match = c < 128 ? ascii[c] : (other.get(c) ?? 0);
      const transposed = ((~zero & match) << 1) & previous;
      zero = (((match & plus) + plus) ^ plus) | match | minus | transposed;
      let horizontalPlus = minus | ~(zero | plus);
      let horizontalMinus = zero & plus;
      if (horizontalPlus & last) distance++;
      else if (horizontalMinus & last) distance--;
      horizontalPlus = (horizontalPlus << 1) | 1;
      horizontalMinus <<= 1;
      plus = horizontalMinus | ~(zero | horizontalPlus);
      minus = horizontalPlus & zero;
      previous = match;
    }
    return distance;
  };
}

/**
 * Characters of `a` missing from the first |a| + limit characters of `b`: when that exceeds
 * `limit`, so does `prefixEditDistance(a, b)` (a prefix within `limit` edits is no longer than
 * |a| + limit, and each edit accounts for at most one missing character).
 */
export function prefixEditDistanceLowerBound(a: string, b: string, limit: number): number {
  return a.length - commonCharacters(a, b, Math.min(b.length, a.length + limit));
}

// Characters of `a` matched one-to-one by characters of `b.slice(0, end)`, counted on code units
// folded into 256 classes (a coarser count only matches more, so the bounds stay bounds).
const available = new Uint32Array(256);
function commonCharacters(a: string, b: string, end: number): number {
  for (let i = 0; i < a.length; i++) available[a.charCodeAt(i) & 255]++;
  let matched = 0;
  for (let j = 0; j < end; j++) {
    const c = b.charCodeAt(j) & 255;
    if (available[c] > 0) {
      available[c]--;
      matched++;
    }
  }
  for (let i = 0; i < a.length; i++) available[a.charCodeAt(i) & 255] = 0;
  return matched;
}

// Three alignment rows, reused by every call and grown when a longer `b` comes (suggestions
// compare one name with 290: no allocation per comparison).
let rows = [new Uint32Array(64), new Uint32Array(64), new Uint32Array(64)];

/**
 * The last row of the alignment table of `a` against every prefix of `b`, or undefined once
 * every entry of a row exceeds `limit` (no later row can do better). The row is shared scratch
 * space: read it before the next call.
 */
function lastAlignmentRow(a: string, b: string, limit: number): Uint32Array | undefined {
  const width = b.length + 1;
  if (rows[0].length < width) rows = rows.map(() => new Uint32Array(width * 2));
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        d = Math.min(d, prevPrev[j - 2] + 1);
      }
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return undefined;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  return prev;
}

// Keys of the names seen lately. An object, not a Map: its property names are copies, so a key
// never keeps the document text it was cut from alive.
let keys: Record<string, string> = Object.create(null) as Record<string, string>;
let keyCount = 0;

/** Case- and Unicode-form-insensitive key for names of people and organisations. */
export function nameKey(s: string): string {
  const known = keys[s];
  if (known !== undefined) return known;
  const key = s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (s.length <= 200) {
    if (++keyCount > 20_000) {
      keys = Object.create(null) as Record<string, string>;
      keyCount = 1;
    }
    keys[s] = key;
  }
  return key;
}

/**
 * A keyword token's spelling without its colon and the blanks before it (`Beslut  :` → `Beslut`).
 * A scan from the end: /[ \t]*:$/ would rescan every run of blanks inside a multi-word keyword
 * from each of its positions (quadratic in the run).
 */
export function withoutColon(image: string): string {
  let end = image.endsWith(':') ? image.length - 1 : image.length;
  while (end > 0 && (image[end - 1] === ' ' || image[end - 1] === '\t')) end--;
  return image.slice(0, end);
}

/**
 * Where a line's content ends: before its trailing white space of any kind (a no-break or other
 * Unicode space too), which never changes what a line means — formatting removes it, so a line
 * must read the same with and without it.
 */
export function contentEnd(text: string, start: number, end: number): number {
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** `/\s/` for one UTF-16 code unit, without making a string of it below U+0100. */
export function isWhiteSpace(code: number): boolean {
  if (code < 256) return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
  return /\s/.test(String.fromCharCode(code));
}

/**
 * Where the character `code` first occurs in `text` between `from` and `end`, or -1. A line
 * reader's `indexOf` would search on to the end of the document when its line does not hold the
 * character: quadratic over many such lines.
 */
export function indexBefore(text: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}
