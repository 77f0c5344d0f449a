import type { Position, Range } from '../types';
import { lineEndOf } from './lines';
import type {
  ActionLine,
  AgendaItem,
  AttendanceEntry,
  AttendanceSection,
  BlankLine,
  BulletLine,
  CommentLine,
  DecisionLine,
  ElectionLine,
  HeaderField,
  ImmediateLine,
  Keyword,
  LabelLine,
  NextMeetingLine,
  ParagraphSet,
  PersonRef,
  SignatureLine,
  Span,
  SyntaxProblem,
  TallyLine,
  TextLine,
  Title,
} from './ast';
import type {
  AttendanceGroup,
  AttendeeRole,
  HeaderKind,
  ItemLabelKind,
  KeywordKind,
  SectionKind,
  SignatureKind,
  SignerRole,
  VoteChoice,
} from './keywords';

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

  /** The whole line, without its line break. */
  get range(): Range {
    const line = this._anchor.line + this._rel;
    return { start: { line, character: 0 }, end: { line, character: this._width } };
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

  get range(): Range {
    const line = this._anchor.line + this._rel;
    return { start: { line, character: 0 }, end: { line, character: this._width } };
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

function spanOf(node: Placed, start: number, end: number): Span | undefined {
  return start < 0 ? undefined : new SpanNode(node, start, end);
}

export class TitleNode extends LineNode implements Title {
  declare readonly _mark: number;
  declare readonly text: Span | undefined;

  constructor(p: LinePlace, mark: number, text: Span | undefined) {
    super(p);
    this._mark = mark;
    this.text = text;
    this.adopt(p, text);
  }

  get mark(): Range {
    return this.cols(this._mark, this._mark + 1);
  }
}

export class HeaderFieldNode extends LineNode implements HeaderField {
  declare readonly kind: HeaderKind;
  declare readonly keyword: Keyword;
  declare readonly value?: Span;
  declare readonly persons?: PersonRef[];
  declare readonly date?: Span;
  declare readonly paragraphs?: ParagraphSet;

  constructor(
    kind: HeaderKind,
    p: LinePlace,
    keyword: Keyword,
    value?: Span,
    persons?: PersonRef[],
    date?: Span,
    paragraphs?: ParagraphSet,
  ) {
    super(p);
    this.kind = kind;
    this.keyword = keyword;
    this.value = value;
    this.persons = persons;
    this.date = date;
    this.paragraphs = paragraphs;
    this.adopt(p, keyword);
    this.adopt(p, value);
    this.adopt(p, date);
  }
}

export class EntryNode extends LineNode implements AttendanceEntry {
  declare readonly _ms: number;
  declare readonly _me: number;
  declare readonly name?: Span;
  declare readonly organisation?: Span;
  declare readonly role?: Span;
  declare readonly roleKind?: AttendeeRole;
  declare readonly party?: Span;
  declare readonly replaces?: PersonRef;
  declare readonly paragraphs?: ParagraphSet;
  declare readonly function?: Span;

  constructor(
    p: LinePlace,
    ms: number,
    me: number,
    name?: Span,
    organisation?: Span,
    role?: Span,
    roleKind?: AttendeeRole,
    party?: Span,
    fn?: Span,
    replaces?: PersonRef,
    paragraphs?: ParagraphSet,
  ) {
    super(p);
    this._ms = ms;
    this._me = me;
    this.name = name;
    this.organisation = organisation;
    this.role = role;
    this.roleKind = roleKind;
    this.party = party;
    this.replaces = replaces;
    this.paragraphs = paragraphs;
    this.function = fn;
    this.adopt(p, name);
    this.adopt(p, organisation);
    this.adopt(p, role);
    this.adopt(p, party);
    this.adopt(p, fn);
  }

  get marker(): Range {
    return this.cols(this._ms, this._me);
  }
}

export class SectionNode implements AttendanceSection {
  declare readonly kind: SectionKind;
  declare readonly group: AttendanceGroup;
  declare readonly _p: LinePlace;
  declare readonly keyword: Keyword;
  declare readonly entries: AttendanceEntry[];
  /** Where the section ends: the end of its last entry's line, else of the keyword line. */
  declare _end: Placed;

  constructor(kind: SectionKind, group: AttendanceGroup, p: LinePlace, keyword: Keyword) {
    this.kind = kind;
    this.group = group;
    this._p = p;
    this.keyword = keyword;
    this.entries = [];
    this._end = p;
  }

  get range(): Range {
    return { start: this._p.position(0), end: this._end.position(this._end._width) };
  }
}

export class TextLineNode extends LineNode implements TextLine {
  declare readonly kind: 'text';
  declare readonly _ts: number;
  declare readonly _te: number;

  constructor(p: LineAt, ts: number, te: number) {
    super(p);
    this.kind = 'text';
    this._ts = ts;
    this._te = te;
  }

  get text(): Span {
    return new SpanNode(this, this._ts, this._te);
  }
}

export class BulletLineNode extends LineNode implements BulletLine {
  declare readonly _mk: number;
  declare readonly list?: ItemLabelKind;
  declare readonly persons?: PersonRef[];
  declare readonly kind: 'bullet';
  // The text, and the round table's organisation and text (`roundTable` is made when read).
  declare readonly _ts: number;
  declare readonly _te: number;
  declare readonly _os: number;
  declare readonly _oe: number;
  declare readonly _rs: number;
  declare readonly _re: number;

  constructor(
    p: LineAt,
    mk: number,
    ts: number,
    te: number,
    os: number,
    oe: number,
    rs: number,
    re: number,
    list?: ItemLabelKind,
    persons?: PersonRef[],
  ) {
    super(p);
    this._mk = mk;
    this.list = list;
    this.persons = persons;
    this.kind = 'bullet';
    this._ts = ts;
    this._te = te;
    this._os = os;
    this._oe = oe;
    this._rs = rs;
    this._re = re;
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te);
  }

  get roundTable(): { readonly organisation: Span; readonly text?: Span } | undefined {
    if (this._os < 0) return undefined;
    return {
      organisation: new SpanNode(this, this._os, this._oe),
      text: spanOf(this, this._rs, this._re),
    };
  }

  /** The round table's organisation, without the pair `roundTable` makes. */
  get _organisation(): Span | undefined {
    return spanOf(this, this._os, this._oe);
  }

  get marker(): Range {
    return this.cols(this._mk, this._mk + 1);
  }
}

export class LabelLineNode extends LineNode implements LabelLine {
  declare readonly label: ItemLabelKind;
  declare readonly keyword: Keyword;
  declare readonly text?: Span;
  declare readonly persons?: PersonRef[];
  declare readonly kind: 'label';

  constructor(
    p: LinePlace,
    label: ItemLabelKind,
    keyword: Keyword,
    text?: Span,
    persons?: PersonRef[],
  ) {
    super(p);
    this.label = label;
    this.keyword = keyword;
    this.text = text;
    this.persons = persons;
    this.kind = 'label';
    this.adopt(p, keyword);
    this.adopt(p, text);
  }
}

export class TallyLineNode extends LineNode implements TallyLine {
  /** The list marker's column, or -1 without one. */
  declare readonly _mk: number;
  declare readonly choice: VoteChoice;
  declare readonly label: Span;
  declare readonly persons: PersonRef[];
  declare readonly count?: Span;
  declare readonly value?: number;
  declare readonly rest?: Span;
  declare readonly kind: 'tally';

  constructor(
    p: LinePlace,
    mk: number,
    choice: VoteChoice,
    label: Span,
    persons: PersonRef[],
    count?: Span,
    value?: number,
    rest?: Span,
  ) {
    super(p);
    this._mk = mk;
    this.choice = choice;
    this.label = label;
    this.persons = persons;
    this.count = count;
    this.value = value;
    this.rest = rest;
    this.kind = 'tally';
    this.adopt(p, label);
    this.adopt(p, count);
    this.adopt(p, rest);
  }

  get marker(): Range | undefined {
    return this._mk < 0 ? undefined : this.cols(this._mk, this._mk + 1);
  }
}

export class ImmediateLineNode extends LineNode implements ImmediateLine {
  declare readonly text: Span;
  declare readonly kind: 'immediate';

  constructor(p: LinePlace, text: Span) {
    super(p);
    this.text = text;
    this.kind = 'immediate';
    this.adopt(p, text);
  }
}

export class ElectionLineNode extends LineNode implements ElectionLine {
  declare readonly text: Span;
  declare readonly role: SignerRole;
  declare readonly persons: PersonRef[];
  declare readonly kind: 'election';

  constructor(p: LinePlace, text: Span, role: SignerRole, persons: PersonRef[]) {
    super(p);
    this.text = text;
    this.role = role;
    this.persons = persons;
    this.kind = 'election';
    this.adopt(p, text);
  }
}

export class DecisionLineNode extends LineNode implements DecisionLine {
  declare readonly kind: 'decision';
  declare readonly _ks: number;
  declare readonly _ke: number;
  declare readonly _ts: number;
  declare readonly _te: number;

  constructor(p: LineAt, ks: number, ke: number, ts: number, te: number) {
    super(p);
    this.kind = 'decision';
    this._ks = ks;
    this._ke = ke;
    this._ts = ts;
    this._te = te;
  }

  get keyword(): Keyword {
    return new KeywordNode('decision', this, this._ks, this._ke);
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te);
  }
}

export class ActionLineNode extends LineNode implements ActionLine {
  /** The `@` column, or -1. */
  declare readonly _at: number;
  declare readonly kind: 'action';
  declare readonly _ks: number;
  declare readonly _ke: number;
  declare readonly _ts: number;
  declare readonly _te: number;
  declare readonly _os: number;
  declare readonly _oe: number;
  declare readonly _ds: number;
  declare readonly _de: number;

  constructor(
    p: LineAt,
    ks: number,
    ke: number,
    ts: number,
    te: number,
    at: number,
    os: number,
    oe: number,
    ds: number,
    de: number,
  ) {
    super(p);
    this._at = at;
    this.kind = 'action';
    this._ks = ks;
    this._ke = ke;
    this._ts = ts;
    this._te = te;
    this._os = os;
    this._oe = oe;
    this._ds = ds;
    this._de = de;
  }

  get keyword(): Keyword {
    return new KeywordNode('action', this, this._ks, this._ke);
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te);
  }

  get at(): Range | undefined {
    return this._at < 0 ? undefined : this.cols(this._at, this._at + 1);
  }

  get owner(): Span | undefined {
    return spanOf(this, this._os, this._oe);
  }

  get due(): Span | undefined {
    return spanOf(this, this._ds, this._de);
  }
}

export class NextMeetingLineNode extends LineNode implements NextMeetingLine {
  declare readonly keyword: Keyword;
  declare readonly date?: Span;
  declare readonly place?: Span;
  declare readonly kind: 'nextMeeting';

  constructor(p: LinePlace, keyword: Keyword, date?: Span, place?: Span) {
    super(p);
    this.keyword = keyword;
    this.date = date;
    this.place = place;
    this.kind = 'nextMeeting';
    this.adopt(p, keyword);
    this.adopt(p, date);
    this.adopt(p, place);
  }
}

export class BlankLineNode extends LineNode implements BlankLine {
  declare readonly kind: 'blank';

  constructor(p: LineAt) {
    super(p);
    this.kind = 'blank';
  }
}

export class SignatureNode extends LineNode implements SignatureLine {
  declare readonly kind: SignatureKind;
  declare readonly keyword: Keyword;
  declare readonly names: Span[];
  declare readonly persons: PersonRef[];
  declare readonly date?: Span;

  constructor(
    kind: SignatureKind,
    p: LinePlace,
    keyword: Keyword,
    names: Span[],
    persons: PersonRef[],
    date?: Span,
  ) {
    super(p);
    this.kind = kind;
    this.keyword = keyword;
    this.names = names;
    this.persons = persons;
    this.date = date;
    this.adopt(p, keyword);
    this.adopt(p, date);
  }
}

export class CommentNode extends LineNode implements CommentLine {
  declare readonly text: string;

  constructor(p: LineAt, text: string) {
    super(p);
    this.text = text;
  }
}

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

type Message = { readonly sv: string; readonly en: string };

/** The body of an item until its lines are read (one shared empty list). */
const NO_LINES = Object.freeze([]) as unknown as AgendaItem['body'];

/** A range kept relative to a block's anchor (problems may span lines). */
class AnchoredRange {
  constructor(
    readonly _anchor: Anchor,
    readonly _sl: number,
    readonly _sc: number,
    readonly _el: number,
    readonly _ec: number,
  ) {}

  static of(anchor: Anchor, range: Range): AnchoredRange {
    return new AnchoredRange(
      anchor,
      range.start.line - anchor.line,
      range.start.character,
      range.end.line - anchor.line,
      range.end.character,
    );
  }

  get range(): Range {
    const base = this._anchor.line;
    return {
      start: { line: base + this._sl, character: this._sc },
      end: { line: base + this._el, character: this._ec },
    };
  }
}

export class ProblemNode implements SyntaxProblem {
  readonly _at: AnchoredRange;
  readonly _fix?: AnchoredRange;
  readonly _fixText?: { readonly newText: string; readonly title: Message };

  constructor(
    anchor: Anchor,
    range: Range,
    readonly message: Message,
    fix?: { readonly range: Range; readonly newText: string; readonly title: Message },
  ) {
    this._at = AnchoredRange.of(anchor, range);
    if (fix) {
      this._fix = AnchoredRange.of(anchor, fix.range);
      this._fixText = { newText: fix.newText, title: fix.title };
    }
  }

  get range(): Range {
    return this._at.range;
  }

  get fix(): SyntaxProblem['fix'] {
    if (!this._fix || !this._fixText) return undefined;
    return { range: this._fix.range, newText: this._fixText.newText, title: this._fixText.title };
  }
}

/**
 * The tree as plain data (ranges included, internal position fields left out): what a fresh and
 * an incremental parse must agree on, and handy when debugging.
 */
export function plainTree(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainTree);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key.startsWith('_')) continue;
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = plainTree(v);
  }
  let proto = Object.getPrototypeOf(value) as object | null;
  while (proto && proto !== Object.prototype) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (!d.get || key.startsWith('_') || key in out || key === 'line') continue;
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = plainTree(v);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return out;
}
