import type { Range } from '../types';
import { contentEnd } from '../text';
import type {
  AgendaItem,
  AttendanceSection,
  BodyLine,
  CommentLine,
  HeaderField,
  SignatureLine,
  Span,
  SyntaxProblem,
  Title,
} from './ast';
import type { LineTools } from './attendee';
import type { SectionNode } from './attendanceNodes';
import { SIGNATURE_BLOCK_KINDS } from './blocks';
import { BlankLineNode } from './bodyLineNodes';
import { readBullet } from './bulletLineReader';
import { CommentNode, TitleNode } from './headerNodes';
import { itemLine } from './itemLine';
import type { ItemNode } from './itemNode';
import type { ItemLabelKind, KeywordKind } from './keywords';
import { readKeywordLine } from './keywordLineReader';
import {
  classifyLine,
  keywordKindAt,
  lineEndOf,
  LineKind,
  trimEnd,
  trimStart,
  type Classified,
} from './lines';
import { Anchor, LinePlace, SpanNode } from './place';
import { ProblemNode } from './problemNode';
import { readTextLine } from './textLineReader';

/** What a line of a block is read as, by what came before it. */
export type Context = 'header' | 'section' | 'item' | 'signatures';

/**
 * What one block of lines parses to: the header block (everything before the first §) or one §
 * item with the lines up to the next §. Positions inside are relative to `anchor`.
 */
export interface Block {
  readonly anchor: Anchor;
  /** The length of the block's text, line breaks included. */
  readonly length: number;
  readonly title?: Title;
  readonly header: HeaderField[];
  readonly preamble: BodyLine[];
  readonly sections: AttendanceSection[];
  readonly items: AgendaItem[];
  readonly signatures: SignatureLine[];
  readonly comments: CommentLine[];
  readonly problems: SyntaxProblem[];
}

export interface BlockOptions {
  /** A § follows the block: a run of signature lines at its end is a signature block. */
  readonly followedByItem: boolean;
  /** Every line of the block comes after the document's last § (or there is no §). */
  readonly allAfterLastItem: boolean;
}

// Scratch space for the lines of the block being read (parses never overlap).
let kinds = new Uint8Array(1024);
let firsts = new Int32Array(1024);
let firstEnds = new Int32Array(1024);
/** The keyword kind of each keyword line, found by the first pass and read by the second. */
let lineKeywords: (KeywordKind | undefined)[] = [];
const classified: Classified = { kind: LineKind.Empty, first: 0, firstEnd: 0 };

export class BlockBuilder implements LineTools {
  // What the builder keeps of the block and the line being read is open to the line readers
  // (keywordLineReader.ts, bulletLineReader.ts, textLineReader.ts), and to them alone.
  anchor: Anchor;
  title?: Title;
  readonly header: HeaderField[] = [];
  readonly preamble: BodyLine[] = [];
  readonly sections: AttendanceSection[] = [];
  readonly items: AgendaItem[] = [];
  readonly signatures: SignatureLine[] = [];
  readonly comments: CommentLine[] = [];
  readonly problems: SyntaxProblem[] = [];
  context: Context = 'header';
  section?: SectionNode;
  item?: ItemNode;
  /** The list label the bullets below belong to (`Beslutsunderlag:`), until a blank line. */
  listLabel?: ItemLabelKind;
  // The line being read.
  lineStart = 0;
  lineEnd = 0;
  first = 0;
  firstEnd = 0;
  /** The kind of the line's keyword, on a keyword line. */
  keywordKind?: KeywordKind;
  // Where the line being read is (`LineAt`): the nodes of the most frequent lines copy it from
  // the builder, so no place object is made for their lines.
  _anchor: Anchor;
  _rel = 0;
  private linePlace?: LinePlace;
  /** The body lines of the open item (`bodyCount` of them; the rest are left from earlier items). */
  private readonly body: BodyLine[] = [];
  private bodyCount = 0;
  // The block being read.
  private options: BlockOptions = { followedByItem: false, allAfterLastItem: true };

  /** A builder for the blocks of one text; it reads one block at a time, reusing its lists. */
  constructor(
    readonly text: string,
    private readonly lineStarts: readonly number[],
  ) {
    this.anchor = this._anchor = new Anchor(0, text, 0, lineStarts);
  }

  /** The line being read as a place, for spans that are kept as objects (made on first use). */
  get place(): LinePlace {
    return (this.linePlace ??= new LinePlace(this.anchor, this._rel));
  }

  /**
   * Reads lines `from`–`to` (exclusive) as one block. A block of one § item and nothing else (no
   * comment, problem or signature) is that item itself, with the block's length in `_length`: a
   * block object and a list per item were a tenth of what the parse keeps.
   */
  build(from: number, to: number, options: BlockOptions): Block | ItemNode {
    const { text, lineStarts } = this;
    this.options = options;
    this.anchor = this._anchor = new Anchor(from, text, lineStarts[from], lineStarts);
    this.title = undefined;
    this.context = 'header';
    this.section = undefined;
    this.item = undefined;
    this.listLabel = undefined;
    const n = to - from;
    if (kinds.length < n) {
      const size = Math.max(n, kinds.length * 2);
      kinds = new Uint8Array(size);
      firsts = new Int32Array(size);
      firstEnds = new Int32Array(size);
    }
    if (lineKeywords.length > 4096) lineKeywords = [];
    // A run of two or more signature lines (with a signer) right before a § is a signature block:
    // a § typed after the signatures starts a new item without turning them into item text.
    let runStart = -1;
    let signers = 0;
    for (let i = 0; i < n; i++) {
      const line = from + i;
      classifyLine(text, lineStarts[line], lineEndOf(text, lineStarts, line), classified);
      kinds[i] = classified.kind;
      firsts[i] = classified.first;
      firstEnds[i] = classified.firstEnd;
      if (classified.kind === LineKind.Empty || classified.kind === LineKind.Comment) continue;
      if (classified.kind === LineKind.Item) continue; // the block's own § line
      const kind =
        classified.kind === LineKind.Keyword
          ? keywordKindAt(text, classified.first, classified.firstEnd)
          : undefined;
      lineKeywords[i] = kind;
      if (kind && SIGNATURE_BLOCK_KINDS.has(kind)) {
        if (runStart < 0) runStart = i;
        if (kind === 'chair' || kind === 'secretary' || kind === 'adjuster') signers++;
      } else {
        runStart = -1;
        signers = 0;
      }
    }
    // The run's lines count as after the last item; blank lines and comments in it do not matter.
    const signatureRunFrom =
      this.options.followedByItem && runStart >= 0 && signers > 0 && runLength(runStart, n) >= 2
        ? runStart
        : n;
    // After the last § (the lines of the last item after its § line, or all lines without a §).
    const afterFrom = this.options.allAfterLastItem
      ? kinds[0] === LineKind.Item
        ? 1
        : 0
      : signatureRunFrom;
    for (let i = 0; i < n; i++) {
      const line = from + i;
      this.lineStart = lineStarts[line];
      const rawEnd = lineEndOf(text, lineStarts, line);
      this.first = firsts[i];
      this.firstEnd = firstEnds[i];
      // The readers stop before trailing white space of any kind: formatting removes it, so a
      // line must read the same with it (`- Anna Ek (S)\u2009` is no attendance problem).
      this.lineEnd = Math.max(contentEnd(text, this.lineStart, rawEnd), this.firstEnd);
      this._rel = i;
      this.linePlace = undefined;
      const afterLastItem = i >= afterFrom;
      this.keywordKind = lineKeywords[i];
      this.readLine(kinds[i] as LineKind, afterLastItem);
    }
    this.closeItem();
    const length = (to < lineStarts.length ? lineStarts[to] : text.length) - lineStarts[from];
    if (
      this.items.length === 1 &&
      this.title === undefined &&
      this.header.length === 0 &&
      this.preamble.length === 0 &&
      this.sections.length === 0 &&
      this.signatures.length === 0 &&
      this.comments.length === 0 &&
      this.problems.length === 0
    ) {
      const item = this.items.pop() as ItemNode;
      item._length = length;
      return item;
    }
    // A block lives as long as its document (and longer when reused): no room for growth kept.
    return {
      anchor: this.anchor,
      length,
      title: this.title,
      header: take(this.header),
      preamble: take(this.preamble),
      sections: take(this.sections),
      items: take(this.items),
      signatures: take(this.signatures),
      comments: take(this.comments),
      problems: take(this.problems),
    };
  }

  private readLine(kind: LineKind, afterLastItem: boolean): void {
    if (kind === LineKind.Empty) {
      this.listLabel = undefined;
      if (this.context === 'item' && this.item) this.addBody(new BlankLineNode(this));
      return;
    }
    if (kind !== LineKind.Bullet && kind !== LineKind.Comment) this.listLabel = undefined;
    switch (kind) {
      case LineKind.Comment:
        this.comments.push(new CommentNode(this, this.text.slice(this.first, this.lineEnd)));
        return;
      case LineKind.Title:
        return this.readTitle();
      case LineKind.Item:
        return this.readItem();
      case LineKind.Keyword:
        return readKeywordLine(this, afterLastItem);
      case LineKind.Bullet:
        return readBullet(this);
      default:
        return readTextLine(this, afterLastItem);
    }
  }

  private readTitle(): void {
    const mark = this.first;
    const span = this.span(mark + 1, this.lineEnd);
    if (this.title || this.context !== 'header') {
      this.problem(
        this.place.range,
        'Ett protokoll har en enda rubrik (# …) och den står först. Skriv raden som text eller som en § -punkt.',
        'Minutes have one title (# …), at the top. Write this line as text or as a § item.',
      );
      return;
    }
    this.title = new TitleNode(this.place, mark - this.lineStart, span);
  }

  private readItem(): void {
    this.closeItem();
    this.context = 'item';
    this.item = itemLine(this, this.first, this.firstEnd, this.lineEnd);
  }

  addBody(line: BodyLine): void {
    this.body[this.bodyCount++] = line;
  }

  closeItem(): void {
    const item = this.item;
    if (!item) return;
    // The body's lines were gathered in the builder's list: the item's list is made once, exact.
    item.body =
      this.bodyCount === 0 ? (NONE as unknown as BodyLine[]) : this.body.slice(0, this.bodyCount);
    this.bodyCount = 0;
    this.items.push(item);
    this.item = undefined;
  }

  endSection(): void {
    this.section = undefined;
    if (this.context === 'section') this.context = 'header';
  }

  // ---- LineTools: spans and problems on the line being read ----

  problem(range: Range, sv: string, en: string): void {
    this.problems.push(new ProblemNode(this.anchor, range, { sv, en }));
  }

  /** A trimmed span between two absolute offsets of the current line, or undefined when blank. */
  readonly span = (start: number, end: number): Span | undefined => {
    const { text } = this;
    start = trimStart(text, start, end);
    end = trimEnd(text, start, end);
    if (start >= end) return undefined;
    return this.spanNode(start, end);
  };

  readonly range = (start: number, end: number): Range => this.cols(start, end);

  offsetOf(span: Span): number {
    const node = span as SpanNode;
    return this.lineStarts[node._p.line] + node._s;
  }

  private spanNode(start: number, end: number): SpanNode {
    return new SpanNode(this.place, start - this.lineStart, end - this.lineStart);
  }

  cols(start: number, end: number): Range {
    const line = this.anchor.line + this._rel;
    return {
      start: { line, character: start - this.lineStart },
      end: { line, character: end - this.lineStart },
    };
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** The list's entries in a list without spare capacity; `list` is emptied for the next block. */
function take<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as unknown as T[]) : list.splice(0);
}

/** The number of lines from `runStart` on that belong to the run (signature keyword lines). */
function runLength(runStart: number, n: number): number {
  let count = 0;
  for (let i = runStart; i < n; i++) if (kinds[i] === LineKind.Keyword) count++;
  return count;
}
