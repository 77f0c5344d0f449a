import type { Range } from '../types';
import type {
  CommentLine,
  HeaderField,
  Keyword,
  ParagraphSet,
  PersonRef,
  SignatureLine,
  Span,
  Title,
} from './ast';
import type { HeaderKind, SignatureKind } from './keywords';
import { LineNode, type LineAt, type LinePlace } from './place';

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
