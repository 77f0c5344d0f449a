import type { TextEdit } from './types';

/**
 * `text` with non-overlapping `edits` applied (LSP positions: UTF-16 columns; a position past
 * the end of its line or of the text is clamped to it), in one pass: the untouched stretches and
 * the new texts are joined once, so thousands of edits cost no more than the text. Edits at the
 * same place apply in order of their ends (an insertion before a replacement that starts there).
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => {
    if (p.line >= lineStarts.length) return text.length;
    const end = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1] : text.length;
    return Math.min(lineStarts[p.line] + p.character, end);
  };
  const sorted = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let at = 0;
  for (const e of sorted) {
    // An edit reaching into one already applied keeps only its part after it.
    const start = Math.max(e.start, at);
    pieces.push(text.slice(at, start), e.text);
    at = Math.max(at, e.end);
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
