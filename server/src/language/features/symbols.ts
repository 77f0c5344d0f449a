import type { Locale } from '../config';
import type {
  AgendaItem,
  AttendanceEntry,
  AttendanceSection,
  BodyLine,
  CommentLine,
  HeaderField,
  LabelLine,
  ProtokollAst,
  SignatureLine,
  Title,
} from '../syntax/ast';
import { withoutColon } from '../text';
import type { Position, Range } from '../types';

/** LSP SymbolKind numbers used by the outline. */
export const SymbolKind = {
  File: 1,
  Namespace: 3,
  Property: 7,
  Field: 8,
  Function: 12,
  Variable: 13,
  Constant: 14,
  Event: 24,
  Module: 2,
  Struct: 23,
} as const;

/** The kinds this service uses (a subset of LSP's SymbolKind). */
export type SymbolKindValue = (typeof SymbolKind)[keyof typeof SymbolKind];

/** A node of the outline; structurally LSP's DocumentSymbol. */
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindValue;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

/** What a source line is, found without scanning the document (binary search on the AST). */
export type LineNode =
  | { readonly kind: 'title'; readonly title: Title }
  | { readonly kind: 'header'; readonly field: HeaderField }
  | { readonly kind: 'sectionKeyword'; readonly section: AttendanceSection }
  | {
      readonly kind: 'entry';
      readonly section: AttendanceSection;
      readonly entry: AttendanceEntry;
    }
  | { readonly kind: 'itemMark'; readonly item: AgendaItem }
  | { readonly kind: 'body'; readonly item: AgendaItem; readonly line: BodyLine }
  | { readonly kind: 'preamble'; readonly line: BodyLine }
  | { readonly kind: 'signature'; readonly signature: SignatureLine }
  | { readonly kind: 'comment'; readonly comment: CommentLine };

/** The AST node of a source line, or undefined for blank lines outside items and unread lines. */
export function lineNodeAt(ast: ProtokollAst, line: number): LineNode | undefined {
  if (ast.title?.range.start.line === line) return { kind: 'title', title: ast.title };
  const field = ast.header.find((h) => h.range.start.line === line);
  if (field) return { kind: 'header', field };
  for (const section of ast.sections) {
    if (line < section.range.start.line || line > section.range.end.line) continue;
    const entry = findByLine(section.entries, line);
    if (entry) return { kind: 'entry', section, entry };
    if (section.keyword.range.start.line === line) return { kind: 'sectionKeyword', section };
  }
  const item = itemAtLine(ast, line);
  if (item) {
    if (item.mark.start.line === line) return { kind: 'itemMark', item };
    const body = findByLine(item.body, line);
    if (body) return { kind: 'body', item, line: body };
  }
  const signature = ast.signatures.find((s) => s.range.start.line === line);
  if (signature) return { kind: 'signature', signature };
  const preamble = findByLine(ast.preamble, line);
  if (preamble) return { kind: 'preamble', line: preamble };
  const comment = findByLine(ast.comments, line);
  if (comment) return { kind: 'comment', comment };
  return undefined;
}

/** The last item whose `§` line is at or above `line` (the item a body line belongs to). */
export function itemAtLine(ast: ProtokollAst, line: number): AgendaItem | undefined {
  const index = lastIndexAtOrBefore(ast.items, line, (item) => item.mark.start.line);
  return index >= 0 ? ast.items[index] : undefined;
}

/** The index of the last element whose key is ≤ `line` in a list sorted by key, or -1. */
export function lastIndexAtOrBefore<T>(
  list: readonly T[],
  line: number,
  key: (value: T) => number,
): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (key(list[mid]) <= line) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function findByLine<T extends { readonly range: Range }>(
  list: readonly T[],
  line: number,
): T | undefined {
  const index = lastIndexAtOrBefore(list, line, (value) => value.range.start.line);
  return index >= 0 && list[index].range.end.line >= line ? list[index] : undefined;
}

const LABELS = {
  signatures: { sv: 'Underskrifter', en: 'Signatures' },
  people: { sv: 'personer', en: 'people' },
  person: { sv: 'person', en: 'person' },
  organisations: { sv: 'organisationer', en: 'organisations' },
} as const;

/**
 * The outline: the title as root (spanning the document) with the header fields, the attendance
 * sections (people as children), every `§` item with its decisions, actions and next meeting,
 * and the signature block. Every symbol's range contains its selection range and its children.
 */
export function documentSymbols(
  ast: ProtokollAst,
  documentRange: Range,
  locale: Locale = 'sv',
): DocumentSymbol[] {
  const children: DocumentSymbol[] = [];
  for (const field of ast.header) {
    children.push({
      name: keywordLabel(field.keyword.text),
      detail: field.value?.text,
      kind: SymbolKind.Property,
      range: field.range,
      selectionRange: field.keyword.range,
    });
  }
  for (const section of ast.sections) children.push(sectionSymbol(section, locale));
  // Header fields may stand before or after the lists (`Utses att justera` often follows them).
  children.sort((a, b) => a.range.start.line - b.range.start.line);
  for (const item of ast.items) children.push(itemSymbol(item));
  const signatures = signatureSymbol(ast.signatures, locale);
  if (signatures) children.push(signatures);
  if (!ast.title) return children;
  return [
    {
      name: ast.title.text?.text ?? '#',
      kind: SymbolKind.File,
      range: documentRange,
      selectionRange: ast.title.range,
      children,
    },
  ];
}

function sectionSymbol(section: AttendanceSection, locale: Locale): DocumentSymbol {
  const children: DocumentSymbol[] = [];
  let people = 0;
  for (const entry of section.entries) {
    const named = entry.name ?? entry.organisation;
    if (!named) continue;
    if (entry.name) people++;
    const replaces = entry.replaces
      ? `${entry.replaces.name.text}${entry.replaces.party ? ` (${entry.replaces.party.text})` : ''}`
      : undefined;
    const details = [
      entry.name ? entry.organisation?.text : undefined,
      entry.party?.text,
      entry.role?.text,
      entry.function?.text,
      replaces ? `${locale === 'sv' ? 'ersätter' : 'replaces'} ${replaces}` : undefined,
      entry.paragraphs?.span.text,
    ];
    children.push({
      name: named.text,
      detail: details.filter((d) => d !== undefined).join(', ') || undefined,
      kind: entry.name ? SymbolKind.Variable : SymbolKind.Module,
      range: entry.range,
      selectionRange: named.range,
    });
  }
  const organisations = children.length - people;
  const counts = [
    people > 0 ? `${people} ${(people === 1 ? LABELS.person : LABELS.people)[locale]}` : undefined,
    organisations > 0 ? `${organisations} ${LABELS.organisations[locale]}` : undefined,
  ];
  return {
    name: keywordLabel(section.keyword.text),
    detail: counts.filter((c) => c !== undefined).join(', ') || undefined,
    kind: SymbolKind.Namespace,
    range: section.range,
    selectionRange: section.keyword.range,
    children,
  };
}

/**
 * Where the block of each item label ends: a list label takes the bullets below it, `Omröstning:`
 * its meaning line and tallies. Labels without following lines are left out.
 */
export function labelBlocks(item: AgendaItem): Map<LabelLine, Position> {
  const out = new Map<LabelLine, Position>();
  let open: LabelLine | undefined;
  for (const line of item.body) {
    if (line.kind === 'label') {
      open = line;
      continue;
    }
    if (!open || line.kind === 'blank') continue;
    const belongs =
      open.label === 'vote'
        ? line.kind === 'tally' || (line.kind === 'text' && !out.has(open))
        : line.kind === 'bullet' && line.list === open.label;
    if (belongs) out.set(open, line.range.end);
    else open = undefined;
  }
  return out;
}

/** `Ja 5 · Nej 3 · Avstår 1` from the tallies below `Omröstning:`. */
function voteDetail(item: AgendaItem, label: LabelLine): string | undefined {
  const start = item.body.indexOf(label);
  const parts: string[] = [];
  for (const line of item.body.slice(start + 1)) {
    if (line.kind === 'label') break;
    if (line.kind !== 'tally') continue;
    const count = line.value ?? (line.persons.length > 0 ? line.persons.length : undefined);
    parts.push(`${line.label.text.replace(/[ \t]*:$/, '')} ${count ?? '?'}`);
  }
  return parts.join(' · ') || undefined;
}

function itemSymbol(item: AgendaItem): DocumentSymbol {
  const blocks = labelBlocks(item);
  const number = item.number
    ? `§ ${item.number.text}${item.suffix ? ` ${item.suffix.text}` : ''}`
    : '§';
  const children: DocumentSymbol[] = [];
  for (const line of item.body) {
    if (line.kind === 'decision') {
      children.push({
        name: withText(keywordLabel(line.keyword.text), line.text?.text),
        kind: SymbolKind.Constant,
        range: line.range,
        selectionRange: line.keyword.range,
      });
    } else if (line.kind === 'action') {
      const owner = line.owner ? `@${line.owner.text}` : undefined;
      children.push({
        name: withText(keywordLabel(line.keyword.text), line.text?.text),
        detail: [owner, line.due?.text].filter((d) => d !== undefined).join(', ') || undefined,
        kind: SymbolKind.Function,
        range: line.range,
        selectionRange: line.keyword.range,
      });
    } else if (line.kind === 'nextMeeting') {
      children.push({
        name: withText(keywordLabel(line.keyword.text), line.date?.text),
        detail: line.place?.text,
        kind: SymbolKind.Event,
        range: line.range,
        selectionRange: line.keyword.range,
      });
    } else if (line.kind === 'label') {
      const block = blocks.get(line);
      children.push({
        name:
          line.label === 'vote'
            ? keywordLabel(line.keyword.text)
            : withText(keywordLabel(line.keyword.text), line.text?.text),
        detail: line.label === 'vote' ? voteDetail(item, line) : undefined,
        kind: line.label === 'vote' ? SymbolKind.Event : SymbolKind.Field,
        range: { start: line.range.start, end: block ?? line.range.end },
        selectionRange: line.keyword.range,
      });
    } else if (line.kind === 'election') {
      children.push({
        name: withText('', line.text.text).replace(/^: /, ''),
        detail: line.persons.map((p) => p.name.text).join(', '),
        kind: SymbolKind.Property,
        range: line.range,
        selectionRange: line.text.range,
      });
    } else if (line.kind === 'immediate') {
      children.push({
        name: line.text.text,
        kind: SymbolKind.Constant,
        range: line.range,
        selectionRange: line.text.range,
      });
    }
  }
  const selectionRange = { start: item.mark.start, end: item.title?.range.end ?? item.mark.end };
  return {
    name: item.title ? `${number} ${item.title.text}` : number,
    detail: item.caseNumber?.text,
    kind: SymbolKind.Module,
    range: item.range,
    selectionRange,
    children,
  };
}

function signatureSymbol(
  lines: readonly SignatureLine[],
  locale: Locale,
): DocumentSymbol | undefined {
  if (lines.length === 0) return undefined;
  return {
    name: LABELS.signatures[locale],
    kind: SymbolKind.Struct,
    range: { start: lines[0].range.start, end: lines[lines.length - 1].range.end },
    selectionRange: lines[0].keyword.range,
    children: lines.map((line) => ({
      name: keywordLabel(line.keyword.text),
      detail: (line.date ? line.date.text : line.names.map((n) => n.text).join(', ')) || undefined,
      kind: SymbolKind.Property,
      range: line.range,
      selectionRange: line.keyword.range,
    })),
  };
}

/** The keyword as written, without its colon (`Närvarande:` → `Närvarande`). */
function keywordLabel(written: string): string {
  return withoutColon(written).replace(/[ \t]+/g, ' ');
}

const MAX_NAME = 60;

function withText(label: string, text: string | undefined): string {
  if (!text) return label;
  const short = text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1).trimEnd()}…` : text;
  return `${label}: ${short}`;
}
