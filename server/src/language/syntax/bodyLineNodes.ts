import type { Range } from '../types';
import type {
  ActionLine,
  BlankLine,
  BulletLine,
  DecisionLine,
  ElectionLine,
  ImmediateLine,
  Keyword,
  LabelLine,
  NextMeetingLine,
  PersonRef,
  Span,
  TallyLine,
  TextLine,
} from './ast';
import type { ItemLabelKind, SignerRole, VoteChoice } from './keywords';
import { KeywordNode, LineNode, spanOf, SpanNode, type LineAt, type LinePlace } from './place';

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

/** A decision or action line of an item: its keyword and text kept as columns. */
abstract class KeywordTextLineNode extends LineNode {
  declare readonly kind: 'decision' | 'action';
  declare readonly _ks: number;
  declare readonly _ke: number;
  declare readonly _ts: number;
  declare readonly _te: number;

  constructor(
    p: LineAt,
    kind: 'decision' | 'action',
    ks: number,
    ke: number,
    ts: number,
    te: number,
  ) {
    super(p);
    this.kind = kind;
    this._ks = ks;
    this._ke = ke;
    this._ts = ts;
    this._te = te;
  }

  get keyword(): Keyword {
    return new KeywordNode(this.kind, this, this._ks, this._ke);
  }

  get text(): Span | undefined {
    return spanOf(this, this._ts, this._te);
  }
}

export class DecisionLineNode extends KeywordTextLineNode implements DecisionLine {
  declare readonly kind: 'decision';

  constructor(p: LineAt, ks: number, ke: number, ts: number, te: number) {
    super(p, 'decision', ks, ke, ts, te);
  }
}

export class ActionLineNode extends KeywordTextLineNode implements ActionLine {
  declare readonly kind: 'action';
  /** The `@` column, or -1. */
  declare readonly _at: number;
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
    super(p, 'action', ks, ke, ts, te);
    this._at = at;
    this._os = os;
    this._oe = oe;
    this._ds = ds;
    this._de = de;
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
