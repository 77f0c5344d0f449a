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

/** The first line of a block of lines (header, one § item); reused blocks move by updating it. */
export class Anchor {
  constructor(public line: number) {}
}

/** One source line of a block: its line relative to the anchor and its length. */
export class LinePlace {
  constructor(
    readonly _anchor: Anchor,
    readonly _rel: number,
    readonly _width: number,
  ) {}

  get line(): number {
    return this._anchor.line + this._rel;
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

  at(character: number): Position {
    return { line: this._anchor.line + this._rel, character };
  }
}

export class SpanNode implements Span {
  constructor(
    readonly text: string,
    readonly _p: LinePlace,
    readonly _s: number,
    readonly _e: number,
  ) {}

  get range(): Range {
    return this._p.cols(this._s, this._e);
  }
}

export class KeywordNode extends SpanNode implements Keyword {
  constructor(
    readonly kind: KeywordKind,
    text: string,
    p: LinePlace,
    s: number,
    e: number,
  ) {
    super(text, p, s, e);
  }
}

abstract class LineNode {
  constructor(readonly _p: LinePlace) {}

  get range(): Range {
    return this._p.range;
  }
}

export class TitleNode extends LineNode implements Title {
  constructor(
    p: LinePlace,
    readonly _mark: number,
    readonly text: Span | undefined,
  ) {
    super(p);
  }

  get mark(): Range {
    return this._p.cols(this._mark, this._mark + 1);
  }
}

export class HeaderFieldNode extends LineNode implements HeaderField {
  constructor(
    readonly kind: HeaderKind,
    p: LinePlace,
    readonly keyword: Keyword,
    readonly value?: Span,
    readonly persons?: PersonRef[],
    readonly date?: Span,
    readonly paragraphs?: ParagraphSet,
  ) {
    super(p);
  }
}

export class EntryNode extends LineNode implements AttendanceEntry {
  readonly function?: Span;

  constructor(
    p: LinePlace,
    readonly _ms: number,
    readonly _me: number,
    readonly name?: Span,
    readonly organisation?: Span,
    readonly role?: Span,
    readonly roleKind?: AttendeeRole,
    readonly party?: Span,
    fn?: Span,
    readonly replaces?: PersonRef,
    readonly paragraphs?: ParagraphSet,
  ) {
    super(p);
    this.function = fn;
  }

  get marker(): Range {
    return this._p.cols(this._ms, this._me);
  }
}

export class SectionNode implements AttendanceSection {
  readonly entries: AttendanceEntry[] = [];
  /** Where the section ends: the end of its last entry's line, else of the keyword line. */
  _end: LinePlace;

  constructor(
    readonly kind: SectionKind,
    readonly group: AttendanceGroup,
    readonly _p: LinePlace,
    readonly keyword: Keyword,
  ) {
    this._end = _p;
  }

  get range(): Range {
    return { start: this._p.at(0), end: this._end.at(this._end._width) };
  }
}

export class TextLineNode extends LineNode implements TextLine {
  readonly kind = 'text';
  constructor(
    p: LinePlace,
    readonly text: Span,
  ) {
    super(p);
  }
}

export class BulletLineNode extends LineNode implements BulletLine {
  readonly kind = 'bullet';
  constructor(
    p: LinePlace,
    readonly _mk: number,
    readonly text?: Span,
    readonly roundTable?: { readonly organisation: Span; readonly text?: Span },
    readonly list?: ItemLabelKind,
    readonly persons?: PersonRef[],
  ) {
    super(p);
  }

  get marker(): Range {
    return this._p.cols(this._mk, this._mk + 1);
  }
}

export class LabelLineNode extends LineNode implements LabelLine {
  readonly kind = 'label';
  constructor(
    p: LinePlace,
    readonly label: ItemLabelKind,
    readonly keyword: Keyword,
    readonly text?: Span,
    readonly persons?: PersonRef[],
  ) {
    super(p);
  }
}

export class TallyLineNode extends LineNode implements TallyLine {
  readonly kind = 'tally';
  constructor(
    p: LinePlace,
    /** The list marker's column, or -1 without one. */
    readonly _mk: number,
    readonly choice: VoteChoice,
    readonly label: Span,
    readonly persons: PersonRef[],
    readonly count?: Span,
    readonly value?: number,
    readonly rest?: Span,
  ) {
    super(p);
  }

  get marker(): Range | undefined {
    return this._mk < 0 ? undefined : this._p.cols(this._mk, this._mk + 1);
  }
}

export class ImmediateLineNode extends LineNode implements ImmediateLine {
  readonly kind = 'immediate';
  constructor(
    p: LinePlace,
    readonly text: Span,
  ) {
    super(p);
  }
}

export class ElectionLineNode extends LineNode implements ElectionLine {
  readonly kind = 'election';
  constructor(
    p: LinePlace,
    readonly text: Span,
    readonly role: SignerRole,
    readonly persons: PersonRef[],
  ) {
    super(p);
  }
}

export class DecisionLineNode extends LineNode implements DecisionLine {
  readonly kind = 'decision';
  constructor(
    p: LinePlace,
    readonly keyword: Keyword,
    readonly text?: Span,
  ) {
    super(p);
  }
}

export class ActionLineNode extends LineNode implements ActionLine {
  readonly kind = 'action';
  constructor(
    p: LinePlace,
    readonly keyword: Keyword,
    readonly text?: Span,
    /** The `@` column, or -1. */
    readonly _at: number = -1,
    readonly owner?: Span,
    readonly due?: Span,
  ) {
    super(p);
  }

  get at(): Range | undefined {
    return this._at < 0 ? undefined : this._p.cols(this._at, this._at + 1);
  }
}

export class NextMeetingLineNode extends LineNode implements NextMeetingLine {
  readonly kind = 'nextMeeting';
  constructor(
    p: LinePlace,
    readonly keyword: Keyword,
    readonly date?: Span,
    readonly place?: Span,
  ) {
    super(p);
  }
}

export class BlankLineNode extends LineNode implements BlankLine {
  readonly kind = 'blank';
}

export class SignatureNode extends LineNode implements SignatureLine {
  constructor(
    readonly kind: SignatureKind,
    p: LinePlace,
    readonly keyword: Keyword,
    readonly names: Span[],
    readonly persons: PersonRef[],
    readonly date?: Span,
  ) {
    super(p);
  }
}

export class CommentNode extends LineNode implements CommentLine {
  constructor(
    p: LinePlace,
    readonly text: string,
  ) {
    super(p);
  }
}

export class ItemNode implements AgendaItem {
  readonly body: AgendaItem['body'] = [];
  /** Where the item ends (set when it is closed). */
  _end: LinePlace;
  _endCol: number;

  constructor(
    readonly _p: LinePlace,
    /** The column of the first character (`KS` of `KS § 45`, else the §). */
    readonly _start: number,
    readonly _ms: number,
    readonly _me: number,
    readonly number?: Span,
    readonly value?: number,
    readonly suffix?: Span,
    readonly title?: Span,
    readonly prefix?: Span,
    readonly caseNumber?: Span,
  ) {
    this._end = _p;
    this._endCol = _me;
  }

  get range(): Range {
    return { start: this._p.at(this._start), end: this._end.at(this._endCol) };
  }

  get mark(): Range {
    return this._p.cols(this._ms, this._me);
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
