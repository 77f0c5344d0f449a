import type { Range } from '../types';
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

/** A person named in the text, with the party letters when written (`Anna Ek (S)`). */
export interface PersonRef {
  readonly name: Span;
  /** The party letters inside the parentheses, without them. */
  readonly party?: Span;
}

/** `§ 12–15`, `§ 12, 14`: the items a person was there for. */
export interface ParagraphSet {
  readonly span: Span;
  /** Inclusive number ranges, in the order written. */
  readonly ranges: readonly (readonly [number, number])[];
}

export interface HeaderField {
  readonly kind: HeaderKind;
  readonly range: Range;
  readonly keyword: Keyword;
  readonly value?: Span;
  /** `Utses att justera`: the persons named. */
  readonly persons?: PersonRef[];
  /** `Justeringens plats och tid`: the ISO date in the value, when there is one. */
  readonly date?: Span;
  /** `Paragrafer`: the numbers named. */
  readonly paragraphs?: ParagraphSet;
}

export interface AttendanceEntry {
  readonly range: Range;
  /** The list marker (`-`). */
  readonly marker: Range;
  readonly name?: Span;
  readonly organisation?: Span;
  /** The role text inside the parentheses, or after a comma (`, ordförande`). */
  readonly role?: Span;
  readonly roleKind?: AttendeeRole;
  /** The party letters (`S` in `- Anna Ek (S)`). */
  readonly party?: Span;
  /** A function after a comma (`kommunsekreterare`): never an organisation. */
  readonly function?: Span;
  /** `ersätter Anna Berg (M)`: the member a serving substitute replaces. */
  readonly replaces?: PersonRef;
  /** `§ 12–15`: the items the person was there for (all items when absent). */
  readonly paragraphs?: ParagraphSet;
}

export interface AttendanceSection {
  /** `present` for every list of people at the meeting, `absent` for Frånvarande. */
  readonly kind: SectionKind;
  /** Which list: Närvarande, Beslutande, Tjänstgörande ersättare, Ersättare, Övriga, Frånvarande. */
  readonly group: AttendanceGroup;
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
  /** Set when the bullet belongs to the list of a label above it (`Beslutsunderlag:`). */
  readonly list?: ItemLabelKind;
  /** The persons the bullet starts with, in a `Yrkanden`, `Reservation`, `Jäv` or note list. */
  readonly persons?: PersonRef[];
}

/**
 * An item body label of v2 (`Beslutsunderlag:`, `Yrkanden:`, `Omröstning:`, `Reservation:`,
 * `Jäv:`, …) with the text after the colon.
 */
export interface LabelLine {
  readonly kind: 'label';
  readonly label: ItemLabelKind;
  readonly range: Range;
  readonly keyword: Keyword;
  readonly text?: Span;
  /** The persons the text starts with (`Reservation: Per Ek (M) reserverar sig …`). */
  readonly persons?: PersonRef[];
}

/** A vote tally after `Omröstning:`: `Ja: 7` or `- Nej: Anna Ek (S), Per Ek (M)`. */
export interface TallyLine {
  readonly kind: 'tally';
  readonly range: Range;
  readonly marker?: Range;
  readonly choice: VoteChoice;
  /** `Ja:` as written, with the colon. */
  readonly label: Span;
  /** A count (`7`). */
  readonly count?: Span;
  readonly value?: number;
  /** A roll call: the names. */
  readonly persons: PersonRef[];
  /** Text after the colon that is neither a count nor a list of names. */
  readonly rest?: Span;
}

/** `Justeras omedelbart.` / `Paragrafen justeras omedelbart.` */
export interface ImmediateLine {
  readonly kind: 'immediate';
  readonly range: Range;
  readonly text: Span;
}

/** `Till justerare utses Per Berg och Eva Lind.`: an election written in the body. */
export interface ElectionLine {
  readonly kind: 'election';
  readonly range: Range;
  readonly text: Span;
  readonly role: SignerRole;
  readonly persons: PersonRef[];
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
  | TextLine
  | BulletLine
  | DecisionLine
  | ActionLine
  | NextMeetingLine
  | BlankLine
  | LabelLine
  | TallyLine
  | ImmediateLine
  | ElectionLine;

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
  /** The body's short name before the § (`KS` in `KS § 45`). */
  readonly prefix?: Span;
  /** `Dnr 2024/123` when the title ends in `(Dnr 2024/123)`. */
  readonly caseNumber?: Span;
  readonly body: BodyLine[];
}

export interface SignatureLine {
  readonly kind: SignatureKind;
  readonly range: Range;
  readonly keyword: Keyword;
  /** The signers (chair, secretary, adjuster): the names without party letters. */
  readonly names: Span[];
  /** The signers with their party letters, one per name. */
  readonly persons: PersonRef[];
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
