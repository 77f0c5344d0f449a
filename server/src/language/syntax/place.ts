import type { Position, Range } from '../types';
import { lineEndOf } from './lines';
import type { Keyword, Span } from './ast';
import type { KeywordKind } from './keywords';

/*
 * The lean tree. A node keeps where it is as a line relative to its block (`Anchor`) and
 * character columns; `range` is computed when it is read, as a plain object, so the tree holds
 * about one object per node instead of four per span, and a block reused by the next parse moves
 * by updating its anchor's line. Fields starting with `_` are the internal position data.
 */

/*
 * Fields are declared with `declare` and assigned in the constructor: with the ES2022 target,
 * parameter properties and field initialisers compile to class fields, which V8 defines one by
 * one through a per-class initialiser on every construction; plain assignments in the same order
 * give the same own properties (same order, so `plainTree` is unchanged) at a fraction of the cost.
 */

/**
 * The first line of a block of lines (header, one § item) and where the block starts in a text
 * holding it; reused blocks move by updating it.
 */
export class Anchor {
  declare line: number;
  /** A version of the document with the block's text at `offset` (spans read from it). */
  declare text: string;
  declare offset: number;
  /** Where the lines of `text` start: a line's start and width are read from it, not kept. */
  declare lineStarts: readonly number[];

  constructor(line: number, text: string, offset: number, lineStarts: readonly number[]) {
    this.line = line;
    this.text = text;
    this.offset = offset;
    this.lineStarts = lineStarts;
  }
}

/** Where a line of a block is: what a span's columns are relative to. */
export abstract class Placed {
  declare readonly _anchor: Anchor;
  declare readonly _rel: number;

  get line(): number {
    return this._anchor.line + this._rel;
  }

  /** The length of the line, without its line break. */
  get _width(): number {
    const anchor = this._anchor;
    const line = anchor.line + this._rel;
    return lineEndOf(anchor.text, anchor.lineStarts, line) - anchor.lineStarts[line];
  }

  /** The whole line, without its line break. */
  get range(): Range {
    const line = this._anchor.line + this._rel;
    return { start: { line, character: 0 }, end: { line, character: this._width } };
  }

  /** Columns `start`–`end` of this line. */
  cols(start: number, end: number): Range {
    const line = this._anchor.line + this._rel;
    return { start: { line, character: start }, end: { line, character: end } };
  }

  position(character: number): Position {
    return { line: this._anchor.line + this._rel, character };
  }
}

/**
 * One source line of a block: its line relative to the anchor. The line's node takes it over
 * (spans then point at the node), so a line keeps one object instead of two.
 */
export class LinePlace extends Placed {
  constructor(anchor: Anchor, rel: number) {
    super();
    // Assigned through a cast: the fields are readonly to everything but the constructors.
    const self = this as { -readonly [K in keyof LinePlace]: LinePlace[K] };
    self._anchor = anchor;
    self._rel = rel;
  }
}

/**
 * A span of a line: columns `_s`–`_e`. Its text is cut from the document when read, not kept: most
 * spans are never read after the parse, and a kept string per span was a third of the tree.
 */
export class SpanNode implements Span {
  /** The line: its place while the line is read, then its node (see `LineNode`). */
  declare _p: Placed;
  declare readonly _s: number;
  declare readonly _e: number;

  constructor(p: Placed, s: number, e: number) {
    this._p = p;
    this._s = s;
    this._e = e;
  }

  get text(): string {
    const place = this._p;
    const anchor = place._anchor;
    const start = anchor.lineStarts[anchor.line + place._rel];
    return anchor.text.slice(start + this._s, start + this._e);
  }

  get range(): Range {
    return this._p.cols(this._s, this._e);
  }
}

export class KeywordNode extends SpanNode implements Keyword {
  declare readonly kind: KeywordKind;

  constructor(kind: KeywordKind, p: Placed, s: number, e: number) {
    super(p, s, e);
    this.kind = kind;
  }
}

/** Where a line is (a `LinePlace`, or the block builder on the line it is reading). */
export interface LineAt {
  readonly _anchor: Anchor;
  readonly _rel: number;
}

/**
 * A line's node keeps the line's place itself (copied from the `LinePlace` it was read with) and
 * its spans of that line are moved to point at it, so the place object is not kept.
 */
export abstract class LineNode extends Placed {
  constructor(p: LineAt) {
    super();
    const self = this as { -readonly [K in keyof Placed]: Placed[K] };
    self._anchor = p._anchor;
    self._rel = p._rel;
  }

  /** Makes `span`, read from the line at `p`, point at this node instead. */
  protected adopt(p: LinePlace, span: Span | undefined): void {
    if (span instanceof SpanNode && span._p === p) span._p = this;
  }
}

/*
 * The spans of the most frequent lines (item, text, bullet, decision, action lines) are kept as
 * columns on the node (-1: none) and made when read: a span object per span was a third of what
 * the parse keeps. The parser gives these nodes columns, so it makes no span objects for them.
 */

export function spanOf(node: Placed, start: number, end: number): Span | undefined {
  return start < 0 ? undefined : new SpanNode(node, start, end);
}
