import type { Range } from '../types';
import type { AttendeeRole, HeaderKind, KeywordKind, SectionKind, SignatureKind } from './keywords';

/** A span of source text with its range. `text` is exactly the source, trimmed of outer blanks. */
export interface Span {
  readonly text: string;
  readonly range: Range;
}

/** A keyword as written, with the family it belongs to. */
export interface Keyword extends Span {
  readonly kind: KeywordKind;
}

export interface Title {
  readonly range: Range;
  /** The `#` mark. */
  readonly mark: Range;
  readonly text?: Span;
}

export interface HeaderField {
  readonly kind: HeaderKind;
  readonly range: Range;
  readonly keyword: Keyword;
  readonly value?: Span;
}

export interface AttendanceEntry {
  readonly range: Range;
  /** The list marker (`-`). */
  readonly marker: Range;
  readonly name?: Span;
  readonly organisation?: Span;
  /** The role text inside the parentheses. */
  readonly role?: Span;
  readonly roleKind?: AttendeeRole;
}

export interface AttendanceSection {
  readonly kind: SectionKind;
  readonly range: Range;
  readonly keyword: Keyword;
  readonly entries: AttendanceEntry[];
}

export interface TextLine {
  readonly kind: 'text';
  readonly range: Range;
  readonly text: Span;
}

export interface BulletLine {
  readonly kind: 'bullet';
  readonly range: Range;
  readonly marker: Range;
  readonly text?: Span;
  /** Set when the bullet starts with an organisation and a colon (`- Hjo: …`). */
  readonly roundTable?: { readonly organisation: Span; readonly text?: Span };
}

export interface DecisionLine {
  readonly kind: 'decision';
  readonly range: Range;
  readonly keyword: Keyword;
  readonly text?: Span;
}

export interface ActionLine {
  readonly kind: 'action';
  readonly range: Range;
  readonly keyword: Keyword;
  readonly text?: Span;
  /** The `@` mark. */
  readonly at?: Range;
  readonly owner?: Span;
  readonly due?: Span;
}

export interface NextMeetingLine {
  readonly kind: 'nextMeeting';
  readonly range: Range;
  readonly keyword: Keyword;
  readonly date?: Span;
  readonly place?: Span;
}

export interface BlankLine {
  readonly kind: 'blank';
  readonly range: Range;
}

export type BodyLine =
  TextLine | BulletLine | DecisionLine | ActionLine | NextMeetingLine | BlankLine;

export interface AgendaItem {
  /** From the `§` to the end of the item's last non-blank body line. */
  readonly range: Range;
  /** The whole `§ N a` mark. */
  readonly mark: Range;
  /** The number as written (digits only), with its range. */
  readonly number?: Span;
  readonly value?: number;
  /** A letter for an item inserted at the meeting (`§ 17 a`). */
  readonly suffix?: Span;
  readonly title?: Span;
  /** `Dnr 2024/123` when the title ends in `(Dnr 2024/123)`. */
  readonly caseNumber?: Span;
  readonly body: BodyLine[];
}

export interface SignatureLine {
  readonly kind: SignatureKind;
  readonly range: Range;
  readonly keyword: Keyword;
  /** The signers (chair, secretary, adjuster). */
  readonly names: Span[];
  /** The date (adjusted, posted). */
  readonly date?: Span;
}

export interface CommentLine {
  readonly range: Range;
  readonly text: string;
}

/** A line the parser could not read. */
export interface SyntaxProblem {
  readonly range: Range;
  readonly message: { readonly sv: string; readonly en: string };
  /** A replacement that repairs the line (e.g. a misspelt keyword). */
  readonly fix?: {
    readonly range: Range;
    readonly newText: string;
    readonly title: { readonly sv: string; readonly en: string };
  };
}

/** The parse result of a `.protokoll` document. */
export interface ProtokollAst {
  readonly title?: Title;
  readonly header: HeaderField[];
  /** Free text between the header and the first item (e.g. `Ärenden`). */
  readonly preamble: BodyLine[];
  readonly sections: AttendanceSection[];
  readonly items: AgendaItem[];
  readonly signatures: SignatureLine[];
  readonly comments: CommentLine[];
  readonly problems: SyntaxProblem[];
  readonly lineCount: number;
  /** Offsets of line starts, for converting offsets to positions. */
  readonly lineStarts: readonly number[];
}
