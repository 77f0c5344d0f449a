import type { Position, Range } from '../types';
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

  constructor(line: number, text: string, offset: number) {
    this.line = line;
    this.text = text;
    this.offset = offset;
  }
}

/** Where a line of a block is: what a span's columns are relative to. */
export abstract class Placed {
  declare readonly _anchor: Anchor;
  declare readonly _rel: number;
  declare readonly _width: number;
  declare readonly _off: number;

  get line(): number {
    return this._anchor.line + this._rel;
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
 * One source line of a block: its line relative to the anchor, its length and where it starts
 * relative to the block's start. The line's node takes these over (spans then point at the node),
 * so a line keeps one object instead of two.
 */
export class LinePlace extends Placed {
  constructor(anchor: Anchor, rel: number, width: number, off: number) {
    super();
    // Assigned through a cast: the fields are readonly to everything but the constructors.
    const self = this as { -readonly [K in keyof LinePlace]: LinePlace[K] };
    self._anchor = anchor;
    self._rel = rel;
    self._width = width;
    self._off = off;
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
    const start = anchor.offset + place._off;
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

/**
 * A line's node keeps the line's place itself (copied from the `LinePlace` it was read with) and
 * its spans of that line are moved to point at it, so the place object is not kept.
 */
export abstract class LineNode extends Placed {
  constructor(p: LinePlace) {
    super();
    const self = this as { -readonly [K in keyof Placed]: Placed[K] };
    self._anchor = p._anchor;
    self._rel = p._rel;
    self._width = p._width;
    self._off = p._off;
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
 * columns on the node and made when read: a span object per span was a third of what the parse
 * keeps. A span of another line (not expected, but possible for a caller) is kept as it is.
 */

function ownStart(p: LinePlace, span: Span | undefined): number {
  return span instanceof SpanNode && span._p === p ? span._s : -1;
}

function ownEnd(p: LinePlace, span: Span | undefined): number {
  return span instanceof SpanNode && span._p === p ? span._e : -1;
}

function foreign(p: LinePlace, span: Span | undefined): Span | undefined {
  return span === undefined || ownStart(p, span) >= 0 ? undefined : span;
}

function spanOf(
  node: Placed,
  start: number,
  end: number,
  other: Span | undefined,
): Span | undefined {
  return start < 0 ? other : new SpanNode(node, start, end);
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
  declare readonly _text: Span | undefined;

  constructor(p: LinePlace, text: Span) {
    super(p);
    this.kind = 'text';
    this._ts = ownStart(p, text);
    this._te = ownEnd(p, text);
    this._text = foreign(p, text);
  }

  get text(): Span {
    return spanOf(this, this._ts, this._te, this._text) as Span;
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
  declare readonly _other: { text?: Span; organisation?: Span; rest?: Span } | undefined;

  constructor(
    p: LinePlace,
    mk: number,
    text?: Span,
    roundTable?: { readonly organisation: Span; readonly text?: Span },
    list?: ItemLabelKind,
    persons?: PersonRef[],
  ) {
    super(p);
    this._mk = mk;
    this.list = list;
    this.persons = persons;
    this.kind = 'bullet';
    const organisation = roundTable?.organisation;
    const rest = roundTable?.text;
    this._ts = ownStart(p, text);
    this._te = ownEnd(p, text);
    this._os = ownStart(p, organisation);
    this._oe = ownEnd(p, organisation);
    this._rs = ownStart(p, rest);
    this._re = ownEnd(p, rest);
    this._other =
      foreign(p, text) || foreign(p, organisation) || foreign(p, rest)
        ? { text, organisation, rest }
        : undefined;
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te, this._other?.text);
  }

  get roundTable(): { readonly organisation: Span; readonly text?: Span } | undefined {
    const organisation = spanOf(this, this._os, this._oe, this._other?.organisation);
    if (!organisation) return undefined;
    return { organisation, text: spanOf(this, this._rs, this._re, this._other?.rest) };
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
  declare readonly _kind: KeywordKind;
  declare readonly _ks: number;
  declare readonly _ke: number;
  declare readonly _ts: number;
  declare readonly _te: number;
  declare readonly _other: { keyword: Keyword; text?: Span } | undefined;

  constructor(p: LinePlace, keyword: Keyword, text?: Span) {
    super(p);
    this.kind = 'decision';
    this._kind = keyword.kind;
    this._ks = ownStart(p, keyword);
    this._ke = ownEnd(p, keyword);
    this._ts = ownStart(p, text);
    this._te = ownEnd(p, text);
    this._other = foreign(p, keyword) || foreign(p, text) ? { keyword, text } : undefined;
  }

  get keyword(): Keyword {
    return this._ks < 0
      ? (this._other as { keyword: Keyword }).keyword
      : new KeywordNode(this._kind, this, this._ks, this._ke);
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te, this._other?.text);
  }
}

export class ActionLineNode extends LineNode implements ActionLine {
  /** The `@` column, or -1. */
  declare readonly _at: number;
  declare readonly kind: 'action';
  declare readonly _kind: KeywordKind;
  declare readonly _ks: number;
  declare readonly _ke: number;
  declare readonly _ts: number;
  declare readonly _te: number;
  declare readonly _os: number;
  declare readonly _oe: number;
  declare readonly _ds: number;
  declare readonly _de: number;
  declare readonly _other: { keyword: Keyword; text?: Span; owner?: Span; due?: Span } | undefined;

  constructor(
    p: LinePlace,
    keyword: Keyword,
    text?: Span,
    at: number = -1,
    owner?: Span,
    due?: Span,
  ) {
    super(p);
    this._at = at;
    this.kind = 'action';
    this._kind = keyword.kind;
    this._ks = ownStart(p, keyword);
    this._ke = ownEnd(p, keyword);
    this._ts = ownStart(p, text);
    this._te = ownEnd(p, text);
    this._os = ownStart(p, owner);
    this._oe = ownEnd(p, owner);
    this._ds = ownStart(p, due);
    this._de = ownEnd(p, due);
    this._other =
      foreign(p, keyword) || foreign(p, text) || foreign(p, owner) || foreign(p, due)
        ? { keyword, text, owner, due }
        : undefined;
  }

  get keyword(): Keyword {
    return this._ks < 0
      ? (this._other as { keyword: Keyword }).keyword
      : new KeywordNode(this._kind, this, this._ks, this._ke);
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te, this._other?.text);
  }

  get at(): Range | undefined {
    return this._at < 0 ? undefined : this.cols(this._at, this._at + 1);
  }

  get owner(): Span | undefined {
    return spanOf(this, this._os, this._oe, this._other?.owner);
  }

  get due(): Span | undefined {
    return spanOf(this, this._ds, this._de, this._other?.due);
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

  constructor(p: LinePlace) {
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

  constructor(p: LinePlace, text: string) {
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
  declare readonly _other:
    { number?: Span; suffix?: Span; title?: Span; prefix?: Span; caseNumber?: Span } | undefined;
  declare body: AgendaItem['body'];
  /** Where the item ends (set when it is closed). */
  declare _end: Placed;
  declare _endCol: number;
  /**
   * What the meeting model derives from the item, kept with it (reused with the item by the next
   * parse; a slot is cheaper for the collector than a weak map entry per item).
   */
  declare _derived: unknown;

  constructor(
    p: LinePlace,
    start: number,
    ms: number,
    me: number,
    number?: Span,
    value?: number,
    suffix?: Span,
    title?: Span,
    prefix?: Span,
    caseNumber?: Span,
  ) {
    super(p);
    this._start = start;
    this._ms = ms;
    this._me = me;
    this.value = value;
    this._ns = ownStart(p, number);
    this._ne = ownEnd(p, number);
    this._ss = ownStart(p, suffix);
    this._se = ownEnd(p, suffix);
    this._ts = ownStart(p, title);
    this._te = ownEnd(p, title);
    this._ps = ownStart(p, prefix);
    this._pe = ownEnd(p, prefix);
    this._cs = ownStart(p, caseNumber);
    this._ce = ownEnd(p, caseNumber);
    this._other =
      foreign(p, number) ||
      foreign(p, suffix) ||
      foreign(p, title) ||
      foreign(p, prefix) ||
      foreign(p, caseNumber)
        ? { number, suffix, title, prefix, caseNumber }
        : undefined;
    this.body = [];
    this._end = this;
    this._endCol = me;
    this._derived = undefined;
  }

  get number(): Span | undefined {
    return spanOf(this, this._ns, this._ne, this._other?.number);
  }

  get suffix(): Span | undefined {
    return spanOf(this, this._ss, this._se, this._other?.suffix);
  }

  get title(): Span | undefined {
    return spanOf(this, this._ts, this._te, this._other?.title);
  }

  get prefix(): Span | undefined {
    return spanOf(this, this._ps, this._pe, this._other?.prefix);
  }

  get caseNumber(): Span | undefined {
    return spanOf(this, this._cs, this._ce, this._other?.caseNumber);
  }

  get range(): Range {
    return { start: this.position(this._start), end: this._end.position(this._endCol) };
  }

  get mark(): Range {
    return this.cols(this._ms, this._me);
  }
}

type Message = { readonly sv: string; readonly en: string };

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
