import type { Locale } from '../config';
import type { AgendaItem, BodyLine, ProtokollAst, Span } from '../syntax/ast';
import type { AttendeeRole, SignerRole } from '../syntax/keywords';
import { postingDates } from './certificate';
import { v2LineText } from '../syntax/lineText';

/**
 * The archive/interchange form of a document: `protokoll render --format json`. Documented in
 * docs/ast-json.md. Lines are 1-based, texts exactly as written (inline marks kept). A consumer
 * checks `format` and `version`; fields are only ever added within a version.
 */
export interface ProtokollJson {
  readonly format: 'protokoll-ast';
  readonly version: 1;
  readonly source: { readonly uri: string; readonly lineCount: number };
  readonly title: JsonText | null;
  readonly date: JsonText | null;
  readonly time: JsonText | null;
  readonly place: JsonText | null;
  readonly present: JsonAttendee[];
  readonly absent: JsonAttendee[];
  readonly preamble: JsonBodyLine[];
  readonly items: JsonItem[];
  readonly signatures: {
    readonly chair: JsonText[];
    readonly secretary: JsonText[];
    readonly adjusters: JsonText[];
    readonly adjusted: JsonText | null;
    readonly posted: JsonText | null;
  };
  /** Computed from `posted` when it is a real date. */
  readonly appeal: {
    readonly lastDayOfAppeal: string;
    readonly takenDown: string;
  } | null;
  readonly problems: { readonly line: number; readonly column: number; readonly message: string }[];
}

export interface JsonText {
  readonly text: string;
  readonly line: number;
}

export interface JsonAttendee {
  readonly line: number;
  readonly name: string | null;
  readonly organisation: string | null;
  /** The role as written inside the parentheses. */
  readonly roleText: string | null;
  readonly role: AttendeeRole | null;
}

export type JsonBodyLine =
  | { readonly kind: 'text'; readonly line: number; readonly text: string }
  | {
      readonly kind: 'bullet';
      readonly line: number;
      readonly text: string | null;
      readonly organisation: string | null;
    }
  | { readonly kind: 'decision'; readonly line: number; readonly text: string | null }
  | {
      readonly kind: 'action';
      readonly line: number;
      readonly text: string | null;
      readonly owner: string | null;
      readonly due: string | null;
    }
  | {
      readonly kind: 'nextMeeting';
      readonly line: number;
      readonly date: string | null;
      readonly place: string | null;
    };

export interface JsonItem {
  readonly line: number;
  readonly endLine: number;
  readonly number: number | null;
  readonly suffix: string | null;
  readonly title: string | null;
  readonly caseNumber: string | null;
  readonly body: JsonBodyLine[];
}

/** The JSON form of a parsed document. */
export function toProtokollJson(
  uri: string,
  ast: ProtokollAst,
  locale: Locale = 'sv',
): ProtokollJson {
  const header = (kind: 'date' | 'time' | 'place') =>
    text(ast.header.find((h) => h.kind === kind)?.value);
  const signers = (role: SignerRole) =>
    ast.signatures.filter((s) => s.kind === role).flatMap((s) => s.names.map((n) => text(n)!));
  const dated = (kind: 'adjusted' | 'posted') =>
    text(ast.signatures.find((s) => s.kind === kind)?.date);
  const posted = dated('posted');
  const dates = posted && postingDates(posted.text);
  return {
    format: 'protokoll-ast',
    version: 1,
    source: { uri, lineCount: ast.lineCount },
    title: text(ast.title?.text),
    date: header('date'),
    time: header('time'),
    place: header('place'),
    present: attendees(ast, 'present'),
    absent: attendees(ast, 'absent'),
    preamble: ast.preamble.flatMap(bodyLine),
    items: ast.items.map(item),
    signatures: {
      chair: signers('chair'),
      secretary: signers('secretary'),
      adjusters: signers('adjuster'),
      adjusted: dated('adjusted'),
      posted,
    },
    appeal: dates ? { lastDayOfAppeal: dates.lastDayOfAppeal, takenDown: dates.takenDown } : null,
    problems: ast.problems.map((p) => ({
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      message: p.message[locale],
    })),
  };
}

function text(span: Span | undefined): JsonText | null {
  return span ? { text: span.text, line: span.range.start.line + 1 } : null;
}

function attendees(ast: ProtokollAst, kind: 'present' | 'absent'): JsonAttendee[] {
  return ast.sections
    .filter((s) => s.kind === kind)
    .flatMap((s) =>
      s.entries.map((e) => ({
        line: e.range.start.line + 1,
        name: e.name?.text ?? null,
        organisation: e.organisation?.text ?? null,
        roleText: e.role?.text ?? null,
        role: e.roleKind ?? null,
      })),
    );
}

function item(value: AgendaItem): JsonItem {
  return {
    line: value.mark.start.line + 1,
    endLine: value.range.end.line + 1,
    number: value.value ?? null,
    suffix: value.suffix?.text ?? null,
    title: value.title?.text ?? null,
    caseNumber: value.caseNumber?.text ?? null,
    body: value.body.flatMap(bodyLine),
  };
}

function bodyLine(line: BodyLine): JsonBodyLine[] {
  const at = line.range.start.line + 1;
  switch (line.kind) {
    case 'text':
      return [{ kind: 'text', line: at, text: line.text.text }];
    case 'bullet':
      return [
        {
          kind: 'bullet',
          line: at,
          text: (line.roundTable ? line.roundTable.text?.text : line.text?.text) ?? null,
          organisation: line.roundTable?.organisation.text ?? null,
        },
      ];
    case 'decision':
      return [{ kind: 'decision', line: at, text: line.text?.text ?? null }];
    case 'action':
      return [
        {
          kind: 'action',
          line: at,
          text: line.text?.text ?? null,
          owner: line.owner?.text ?? null,
          due: line.due?.text ?? null,
        },
      ];
    case 'nextMeeting':
      return [
        {
          kind: 'nextMeeting',
          line: at,
          date: line.date?.text ?? null,
          place: line.place?.text ?? null,
        },
      ];
    case 'blank':
      return [];
    default:
      // v2 lines (labels, vote tallies, Justeras omedelbart, body elections) as text.
      return [{ kind: 'text', line: at, text: v2LineText(line) ?? '' }];
  }
}
