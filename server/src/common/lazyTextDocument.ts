// The server's copy of each open document. vscode-languageserver-textdocument's document
// splices every change into its text at once, and the next change (reading a character at the
// edit, or cutting the text) makes V8 copy the whole text: 1.5 MB and 5–6 ms for the benchmark's
// 25,000-line document on every keystroke, before a completion typed right after it is read,
// and garbage the size of the text each time. This one keeps the changes as pieces of the
// text it last joined (slices of it share its memory) and joins them once, when the text is
// read: by the check of the newest version, or by a request. Line offsets are kept up to date
// on every change, as there.
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { ProtokollTextDocument, TextChangeSince } from '../language';
import type {
  Position,
  Range,
  TextDocument,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-textdocument';

const LF = 10;
const CR = 13;
/** More pending pieces than this and the text is joined at the change (each change adds two). */
const MAX_PIECES = 256;

/** Part of the text: `text`, taken from the joined text at `from`, or inserted (`from` -1). */
interface Piece {
  readonly text: string;
  readonly from: number;
}

class LazyTextDocument implements TextDocument, ProtokollTextDocument {
  /** The text as last joined; the pieces are cut from it or inserted. */
  private base: string;
  /** The text is these pieces joined; one piece once joined. None is a concatenation. */
  private pieces: Piece[];
  private length: number;
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.base = text;
    this.pieces = [{ text, from: 0 }];
    this.length = text.length;
  }

  /**
   * How the text differs from `earlierText`, when that is the text as last joined: what the
   * pieces kept of its start and end, and the inserted pieces between them.
   */
  changesSince(earlierText: string): TextChangeSince | undefined {
    if (earlierText !== this.base) return undefined;
    const pieces = this.pieces;
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    const base = this.base.length;
    if (pieces.length === 1 && first.from === 0 && first.text.length === base)
      return { prefix: base, suffix: 0, middle: '' };
    const prefix = first && first.from === 0 ? first.text.length : 0;
    const suffix =
      pieces.length > 1 && last.from >= 0 && last.from + last.text.length === base
        ? last.text.length
        : 0;
    const middle = this.cut(prefix, this.length - suffix)
      .map((piece) => piece.text)
      .join('');
    return { prefix, suffix, middle };
  }

  getText(range?: Range): string {
    const text = this.joined();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeLineEnd(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const offset = Math.min(lineOffset + position.character, this.lineEnd(position.line));
    return this.beforeLineEnd(offset, lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return {
        start: { line: last, character: 0 },
        end: { line: last, character: this.length - lineOffsets[last] },
      };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const end = this.beforeLineEnd(this.lineEnd(line), start);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line < 0 || line >= lineOffsets.length) return '';
    const next = this.lineEnd(line);
    return this.joined().substring(this.beforeLineEnd(next, lineOffsets[line]), next);
  }

  /** Applies `changes` in order, as the protocol's `didChange` sends them. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(wellFormed(change.range), change.text);
      else {
        this.pieces = [{ text: change.text, from: -1 }];
        this.length = change.text.length;
        this.lineOffsets = undefined;
      }
    }
    this.version = version;
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    const pieces = this.cut(0, start);
    if (text.length > 0) pieces.push({ text, from: -1 });
    for (const piece of this.cut(end, this.length)) pieces.push(piece);
    this.pieces = pieces;
    this.length += text.length - (end - start);
    if (pieces.length > MAX_PIECES) this.joined();
    const insertedEnd = start + text.length;
    // A `\r\n` made across either end of the edit is one line end that the inserted text's own
    // offsets cannot show: the offsets are read again from the text.
    if (
      (this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF) ||
      (this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF)
    ) {
      this.lineOffsets = undefined;
      return;
    }
    const lineOffsets = this.lineOffsets;
    if (!lineOffsets) return;
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const added = lineStarts(text, start);
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[startLine + 1 + i] = added[i];
    } else {
      this.lineOffsets = [
        ...lineOffsets.slice(0, startLine + 1),
        ...added,
        ...lineOffsets.slice(endLine + 1),
      ];
    }
    const shift = text.length - (end - start);
    if (shift !== 0) {
      const offsets = this.lineOffsets!;
      for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += shift;
    }
  }

  /** The pieces of the text from `from` to `to`: slices, which share the pieces' memory. */
  private cut(from: number, to: number): Piece[] {
    const result: Piece[] = [];
    let at = 0;
    for (const piece of this.pieces) {
      const length = piece.text.length;
      const pieceEnd = at + length;
      if (pieceEnd > from && at < to) {
        if (at >= from && pieceEnd <= to) result.push(piece);
        else {
          const start = Math.max(from - at, 0);
          const text = piece.text.slice(start, Math.min(to - at, length));
          if (text.length > 0)
            result.push({ text, from: piece.from < 0 ? -1 : piece.from + start });
        }
      }
      at = pieceEnd;
      if (at >= to) break;
    }
    return result;
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.text.length) return piece.text.charCodeAt(offset - at);
      at += piece.text.length;
    }
    return NaN;
  }

  private joined(): string {
    const [first] = this.pieces;
    if (this.pieces.length === 1 && first.from === 0 && first.text.length === this.base.length)
      return this.base;
    this.base = this.pieces.length === 1 ? first.text : this.pieces.map((p) => p.text).join('');
    this.pieces = [{ text: this.base, from: 0 }];
    return this.base;
  }

  private getLineOffsets(): number[] {
    return (this.lineOffsets ??= [0, ...lineStarts(this.joined(), 0)]);
  }

  /** Where the line after `line` starts, or the end of the text. */
  private lineEnd(line: number): number {
    const lineOffsets = this.getLineOffsets();
    return line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
  }

  private beforeLineEnd(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineEnd(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** Where lines start after each line end of `text`, which stands at `offset` in the document. */
function lineStarts(text: string, offset: number): number[] {
  const result: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    else if (c !== CR && c !== LF) continue;
    result.push(offset + i + 1);
  }
  return result;
}

function isLineEnd(c: number): boolean {
  return c === CR || c === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  const reversed =
    start.line > end.line || (start.line === end.line && start.character > end.character);
  return reversed ? { start: end, end: start } : range;
}

/**
 * Documents for `TextDocuments`: the same answers as vscode-languageserver-textdocument's, with
 * a change costing the size of the change rather than of the text.
 */
export const lazyTextDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) =>
    new LazyTextDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    if (!(document instanceof LazyTextDocument))
      throw new Error('lazyTextDocuments.update: the document was not made by lazyTextDocuments');
    document.update(changes, version);
    return document;
  },
};
