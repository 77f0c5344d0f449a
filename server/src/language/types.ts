/** A zero-based position; `character` counts UTF-16 code units, as in LSP. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range between two positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** LSP-compatible severity numbers. */
export const enum Severity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** A replacement of the text in `range` by `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A repair for a diagnostic: a title and the edits that perform it. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True for the fix a "fix all" should apply. */
  readonly preferred?: boolean;
}

/** Another place in the same document that explains a diagnostic. */
export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
}

/** A problem found in a document. Plain data; structurally compatible with LSP's Diagnostic. */
export interface ProtokollDiagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly source: 'protokoll';
  readonly related?: readonly RelatedLocation[];
  /** 1 = unnecessary, 2 = deprecated (LSP DiagnosticTag). */
  readonly tags?: readonly number[];
  readonly fixes?: readonly Fix[];
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** True when `inner` lies within `outer` (ends included). */
export function rangeContainsRange(outer: Range, inner: Range): boolean {
  return rangeContains(outer, inner.start) && rangeContains(outer, inner.end);
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** Orders anything with a range by where it starts (diagnostics, edits, mentions). */
export function byRangeStart(a: { readonly range: Range }, b: { readonly range: Range }): number {
  return comparePositions(a.range.start, b.range.start);
}
