import { neutralise } from '../../language/render/escape';

/**
 * Text made safe to lay out in time linear in its length. pdfkit breaks a word wider than the
 * column by re-measuring the rest of the word after every piece (quadratic: a 200 KB word ran
 * out of memory), and fontkit positions a run of combining marks in time quadratic in its length
 * (100 KB of U+0301 on one letter took minutes). So before pdfkit sees a text:
 *
 * - a run of more than `MAX_MARKS` combining marks is cut into groups of `MAX_MARKS`, each group
 *   after the first carried by U+25CC DOTTED CIRCLE, the sign Unicode and HarfBuzz use for a mark
 *   without a base: every mark stays in the PDF, visibly odd;
 * - a word wider than the column is cut into pieces that fit, measured one grapheme cluster at a
 *   time with a cache of cluster widths, and the pieces are put on lines of their own.
 */
export const MAX_MARKS = 30;

const DOTTED_CIRCLE = '\u25cc';
const MARK = /\p{M}/u;

/** Measures a string in the current font and size of the document. */
export type Measure = (text: string) => number;

/** Caps combining-mark runs at `MAX_MARKS` (see above). Linear. */
export function capCombiningMarks(text: string): string {
  if (!MARK.test(text)) return text;
  let out = '';
  let marks = 0;
  let start = 0;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (MARK.test(String.fromCodePoint(code))) {
      if (marks === MAX_MARKS) {
        out += text.slice(start, i) + DOTTED_CIRCLE;
        start = i;
        marks = 0;
      }
      marks++;
    } else {
      marks = 0;
    }
    i += size;
  }
  return out + text.slice(start);
}

/** Grapheme-like clusters: a code point and the combining marks after it. */
function* clusters(word: string): Generator<string> {
  let start = 0;
  for (let i = 0; i < word.length;) {
    const code = word.codePointAt(i)!;
    const size = code > 0xffff ? 2 : 1;
    if (i > start && !MARK.test(String.fromCodePoint(code))) {
      yield word.slice(start, i);
      start = i;
    }
    i += size;
  }
  if (start < word.length) yield word.slice(start);
}

/**
 * Fits text to a column: neutralised (as in the HTML), combining marks capped, and every word
 * wider than `width` cut into pieces of at most `width` on lines of their own. `measure` is the
 * document's, in the font and size the text will be drawn in; `cache` holds cluster widths for
 * that font and size, shared by all the calls that use them.
 */
export function fitText(
  text: string,
  width: number,
  measure: Measure,
  cache: Map<string, number>,
): string {
  const safe = capCombiningMarks(neutralise(text));
  // Only words long enough to be wider than a column are measured (a glyph is at least ~2 pt).
  if (safe.length * 2 <= width) return safe;
  return safe.replace(/\S{12,}/gu, (word: string, offset: number) => {
    const clusterWidth = (cluster: string) => {
      let w = cache.get(cluster);
      if (w === undefined) {
        w = measure(cluster);
        cache.set(cluster, w);
      }
      return w;
    };
    // Kerning between clusters is not counted: keep a little room for it.
    const limit = width * 0.97;
    const pieces: string[] = [];
    let piece = '';
    let pieceWidth = 0;
    for (const cluster of clusters(word)) {
      const w = clusterWidth(cluster);
      if (piece !== '' && pieceWidth + w > limit) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += cluster;
      pieceWidth += w;
    }
    if (pieces.length === 0) return word;
    pieces.push(piece);
    const before = offset === 0 ? '' : '\n';
    const after = offset + word.length === safe.length ? '' : '\n';
    return `${before}${pieces.join('\n')}${after}`;
  });
}

/** At most `max` characters, with an ellipsis when cut (running header, bookmarks). */
export function truncate(text: string, max: number): string {
  const safe = capCombiningMarks(neutralise(text));
  if (safe.length <= max) return safe;
  // Not between the halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(safe[max - 2]) ? max - 2 : max - 1;
  return `${safe.slice(0, end).trimEnd()}…`;
}
