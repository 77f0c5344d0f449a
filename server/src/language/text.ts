/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row = lastAlignmentRow(a, b, limit);
  return row ? row[b.length] : limit + 1;
}

/** The distance from `a` to the closest prefix of `b` (`gota` is one edit from `göte|ne`). */
export function prefixEditDistance(a: string, b: string, limit = Infinity): number {
  const row = lastAlignmentRow(a, b, limit);
  return row ? Math.min(...row) : limit + 1;
}

/**
 * The last row of the alignment table of `a` against every prefix of `b`, or undefined once
 * every entry of a row exceeds `limit` (no later row can do better). Three typed rows are reused
 * (no allocation per row: suggestions compare one name with 290).
 */
function lastAlignmentRow(a: string, b: string, limit: number): number[] | undefined {
  const width = b.length + 1;
  let prevPrev = new Uint32Array(width);
  let prev = new Uint32Array(width);
  let row = new Uint32Array(width);
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
  return Array.from(prev);
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
