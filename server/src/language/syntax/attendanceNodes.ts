import type { Range } from '../types';
import type {
  AttendanceEntry,
  AttendanceSection,
  Keyword,
  ParagraphSet,
  PersonRef,
  Span,
} from './ast';
import type { AttendanceGroup, AttendeeRole, SectionKind } from './keywords';
import { LineNode, type LinePlace, type Placed } from './place';

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
