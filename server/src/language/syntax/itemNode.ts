import type { Range } from '../types';
import type { AgendaItem, Span } from './ast';
import { LineNode, spanOf, type LineAt } from './place';

export class ItemNode extends LineNode implements AgendaItem {
  /** The column of the first character (`KS` of `KS § 45`, else the §). */
  declare readonly _start: number;
  declare readonly _ms: number;
  declare readonly _me: number;
  declare readonly value?: number;
  // Columns of the number, suffix, title, prefix and case number (-1 start: none).
  declare readonly _ns: number;
  declare readonly _ne: number;
  declare readonly _ss: number;
  declare readonly _se: number;
  declare readonly _ts: number;
  declare readonly _te: number;
  declare readonly _ps: number;
  declare readonly _pe: number;
  declare readonly _cs: number;
  declare readonly _ce: number;
  declare body: AgendaItem['body'];
  /** The length of the item's block when the item is its block (see `BlockBuilder.build`). */
  declare _length: number;
  /**
   * What the meeting model derives from the item, kept with it (reused with the item by the next
   * parse; a slot is cheaper for the collector than a weak map entry per item).
   */
  declare _derived: unknown;

  constructor(
    p: LineAt,
    start: number,
    ms: number,
    me: number,
    value: number | undefined,
    ns: number,
    ne: number,
    ss: number,
    se: number,
    ts: number,
    te: number,
    ps: number,
    pe: number,
    cs: number,
    ce: number,
  ) {
    super(p);
    this._start = start;
    this._ms = ms;
    this._me = me;
    this.value = value;
    this._ns = ns;
    this._ne = ne;
    this._ss = ss;
    this._se = se;
    this._ts = ts;
    this._te = te;
    this._ps = ps;
    this._pe = pe;
    this._cs = cs;
    this._ce = ce;
    this.body = NO_LINES;
    this._length = 0;
    this._derived = undefined;
  }

  get number(): Span | undefined {
    return spanOf(this, this._ns, this._ne);
  }

  get suffix(): Span | undefined {
    return spanOf(this, this._ss, this._se);
  }

  get title(): Span | undefined {
    return spanOf(this, this._ts, this._te);
  }

  get prefix(): Span | undefined {
    return spanOf(this, this._ps, this._pe);
  }

  get caseNumber(): Span | undefined {
    return spanOf(this, this._cs, this._ce);
  }

  /** From the § to the end of the last non-blank body line, else of the title or mark. */
  get range(): Range {
    const start = this.position(this._start);
    const body = this.body;
    for (let i = body.length - 1; i >= 0; i--) {
      const line = body[i] as AgendaItem['body'][number] & LineNode;
      if (line.kind !== 'blank') return { start, end: line.position(line._width) };
    }
    return { start, end: this.position(this._ts >= 0 ? this._te : this._me) };
  }

  get mark(): Range {
    return this.cols(this._ms, this._me);
  }
}

/** The body of an item until its lines are read (one shared empty list). */
const NO_LINES = Object.freeze([]) as unknown as AgendaItem['body'];
