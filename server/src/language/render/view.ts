import { signerRole, type Locale, type ProtokollConfig } from '../config';
import { parseTimeRange } from '../dates';
import type { AgendaItem, BodyLine, ProtokollAst, SignatureLine, Span } from '../syntax/ast';
import type { SignerRole } from '../syntax/keywords';
import type { ProtokollDiagnostic } from '../types';
import { postingDates } from './certificate';
import { parseInline, type Inline } from './inline';
import { labelsFor, type Labels } from './labels';
import { v2LineText } from '../syntax/lineText';

/**
 * The minutes as the HTML and PDF writers see them: every piece of document text with the
 * source line it came from (0-based), inline markup already parsed, labels in the locale. The
 * one place that decides what the rendered minutes contain; the writers only lay it out.
 */
export interface MinutesView {
  readonly locale: Locale;
  readonly labels: Labels;
  readonly title?: Sourced<string>;
  /** False until the minutes carry a `Justerat:` line: the "OJUSTERAT" mark shows. */
  readonly adjusted: boolean;
  readonly date?: Sourced<string>;
  readonly time?: Sourced<string>;
  readonly place?: Sourced<string>;
  readonly attendance: AttendanceView[];
  readonly preamble: Block[];
  readonly items: ItemView[];
  readonly signatures?: SignaturesView;
  readonly certificate?: CertificateView;
  /** Diagnostics by the source line of the leaf block they are shown beside. */
  readonly diagnostics: ReadonlyMap<number, readonly DiagnosticView[]>;
}

export interface Sourced<T> {
  readonly line: number;
  readonly value: T;
}

export interface AttendanceView {
  readonly kind: 'present' | 'absent';
  readonly line: number;
  readonly entries: {
    readonly line: number;
    readonly name?: string;
    readonly organisation?: string;
    readonly role?: string;
  }[];
}

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: Sourced<Inline[]>[] }
  | { readonly kind: 'list'; readonly items: ListItemView[] }
  | { readonly kind: 'decision'; readonly line: number; readonly content: Inline[] }
  | {
      readonly kind: 'action';
      readonly line: number;
      readonly content: Inline[];
      readonly owner?: string;
      readonly due?: string;
    }
  | {
      readonly kind: 'nextMeeting';
      readonly line: number;
      readonly date?: string;
      readonly place?: string;
    };

export interface ListItemView {
  readonly line: number;
  /** The organisation of a round-table bullet (`- Hjo: …`). */
  readonly organisation?: string;
  readonly content: Inline[];
}

export interface ItemView {
  readonly line: number;
  /** `§ 4`, `§ 17 a`. */
  readonly label: string;
  readonly title?: string;
  readonly caseNumber?: string;
  readonly blocks: Block[];
}

export interface SignerView {
  readonly line?: number;
  readonly role: string;
  /** Empty for a line left to be filled in by hand. */
  readonly name: string;
}

export interface SignaturesView {
  readonly line: number;
  /** "Vid protokollet": the secretary. */
  readonly recorder: SignerView[];
  /** "Justeras": the chair and the adjusters. */
  readonly adjusters: SignerView[];
  readonly adjusted?: Sourced<string>;
  readonly posted?: Sourced<string>;
}

export interface CertificateView {
  readonly line: number;
  readonly body?: string;
  readonly meetingDate?: string;
  readonly datePosted?: string;
  readonly dateTakenDown?: string;
  readonly lastDayOfAppeal?: string;
}

export interface DiagnosticView {
  readonly severity: 1 | 2 | 3 | 4;
  readonly code: string;
  readonly message: string;
}

export interface MinutesViewOptions {
  readonly locale?: Locale;
  readonly config?: ProtokollConfig;
  /** Diagnostics to show beside their lines; none when omitted. */
  readonly diagnostics?: readonly ProtokollDiagnostic[];
}

/** Builds the view of the minutes from the AST. Never throws, whatever the document. */
export function buildMinutesView(ast: ProtokollAst, options: MinutesViewOptions = {}): MinutesView {
  const locale = options.locale ?? options.config?.locale ?? 'sv';
  const labels = labelsFor(locale);
  const header = (kind: 'date' | 'time' | 'place') => {
    const field = ast.header.find((h) => h.kind === kind && h.value);
    return field?.value ? { line: field.range.start.line, value: field.value.text } : undefined;
  };
  const time = header('time');
  const signatures = buildSignatures(ast, labels, options.config);
  const date = header('date');
  const view = {
    locale,
    labels,
    title: ast.title?.text
      ? { line: ast.title.range.start.line, value: ast.title.text.text }
      : undefined,
    adjusted: ast.signatures.some((s) => s.kind === 'adjusted'),
    date,
    time: time && { line: time.line, value: formatTime(time.value, labels) },
    place: header('place'),
    attendance: ast.sections.map((section) => ({
      kind: section.kind,
      line: section.range.start.line,
      entries: section.entries.map((entry) => ({
        line: entry.range.start.line,
        name: entry.name?.text,
        organisation: entry.organisation?.text,
        role: entry.role && (entry.roleKind ? labels.roles[entry.roleKind] : entry.role.text),
      })),
    })),
    preamble: buildBlocks(ast.preamble),
    items: ast.items.map(buildItem),
    signatures,
    certificate: buildCertificate(ast, signatures, date?.value),
    diagnostics: new Map<number, DiagnosticView[]>(),
  };
  attachDiagnostics(view.diagnostics, leafLines(view), options.diagnostics ?? []);
  return view;
}

/** `09:00-12:00` → `kl. 09.00–12.00`; a time that does not parse is shown as written. */
function formatTime(text: string, labels: Labels): string {
  const parsed = parseTimeRange(text);
  if (typeof parsed === 'string') return text;
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return labels.clock(
    parsed.end === undefined ? hhmm(parsed.start) : `${hhmm(parsed.start)}–${hhmm(parsed.end)}`,
  );
}

function buildItem(item: AgendaItem): ItemView {
  const number = item.number?.text ?? '';
  const label = ['§', number, item.suffix?.text].filter(Boolean).join(' ');
  return {
    line: item.mark.start.line,
    label,
    title: item.title?.text,
    caseNumber: item.caseNumber?.text,
    blocks: buildBlocks(item.body),
  };
}

/** Groups body lines: adjacent text lines form a paragraph, adjacent bullets a list. */
function buildBlocks(lines: readonly BodyLine[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: Sourced<Inline[]>[] | undefined;
  let list: ListItemView[] | undefined;
  for (const line of lines) {
    const at = line.range.start.line;
    if (line.kind !== 'text' && v2LineText(line) === undefined) paragraph = undefined;
    if (line.kind !== 'bullet') list = undefined;
    switch (line.kind) {
      case 'text':
        if (!paragraph) blocks.push({ kind: 'paragraph', lines: (paragraph = []) });
        paragraph.push({ line: at, value: parseInline(line.text.text) });
        break;
      case 'bullet':
        if (!list) blocks.push({ kind: 'list', items: (list = []) });
        list.push(
          line.roundTable
            ? {
                line: at,
                organisation: line.roundTable.organisation.text,
                content: inline(line.roundTable.text),
              }
            : { line: at, content: inline(line.text) },
        );
        break;
      case 'decision':
        blocks.push({ kind: 'decision', line: at, content: inline(line.text) });
        break;
      case 'action':
        blocks.push({
          kind: 'action',
          line: at,
          content: inline(line.text),
          owner: line.owner?.text,
          due: line.due?.text,
        });
        break;
      case 'nextMeeting':
        blocks.push({
          kind: 'nextMeeting',
          line: at,
          date: line.date?.text,
          place: line.place?.text,
        });
        break;
      case 'blank':
        break;
      default: {
        // v2 lines (labels, vote tallies, Justeras omedelbart, body elections) as paragraphs.
        const text = v2LineText(line);
        if (text === undefined) break;
        if (!paragraph) blocks.push({ kind: 'paragraph', lines: (paragraph = []) });
        paragraph.push({ line: at, value: parseInline(text) });
      }
    }
  }
  return blocks;
}

function inline(span: Span | undefined): Inline[] {
  return span ? parseInline(span.text) : [];
}

function buildSignatures(
  ast: ProtokollAst,
  labels: Labels,
  config: ProtokollConfig | undefined,
): SignaturesView | undefined {
  const required = new Set(
    (config?.requiredSignatures ?? ['Ordförande', 'Sekreterare', 'Justerare']).map(signerRole),
  );
  if (ast.items.length === 0 && ast.signatures.length === 0) return undefined;
  const signersOf = (role: SignerRole, label: string): SignerView[] => {
    const lines = ast.signatures.filter((s) => s.kind === role);
    const named = lines.flatMap((l) =>
      l.names.map((n) => ({ line: n.range.start.line, role: label, name: n.text })),
    );
    if (named.length > 0) return named;
    // A required signer nobody named yet still gets a line to sign on paper.
    return role === 'chair' || role === 'secretary' || required.has(role)
      ? [{ line: lines[0]?.range.start.line, role: label, name: '' }]
      : [];
  };
  const dated = (kind: 'adjusted' | 'posted') => {
    const line = ast.signatures.find((s): s is SignatureLine => s.kind === kind);
    return line ? { line: line.range.start.line, value: line.date?.text ?? '' } : undefined;
  };
  return {
    line: ast.signatures[0]?.range.start.line ?? ast.lineCount - 1,
    recorder: signersOf('secretary', labels.secretary),
    adjusters: [...signersOf('chair', labels.chair), ...signersOf('adjuster', labels.adjuster)],
    adjusted: dated('adjusted'),
    posted: dated('posted'),
  };
}

function buildCertificate(
  ast: ProtokollAst,
  signatures: SignaturesView | undefined,
  meetingDate: string | undefined,
): CertificateView | undefined {
  const adjusted = signatures?.adjusted;
  const posted = signatures?.posted;
  if (!adjusted && !posted) return undefined;
  const dates = posted && postingDates(posted.value);
  return {
    line: (posted ?? adjusted)!.line,
    body: ast.title?.text?.text,
    meetingDate,
    datePosted: dates?.posted ?? (posted?.value || undefined),
    dateTakenDown: dates?.takenDown,
    lastDayOfAppeal: dates?.lastDayOfAppeal,
  };
}

/** The source lines of the blocks a diagnostic can be shown beside, ascending. */
function leafLines(view: Omit<MinutesView, 'diagnostics'>): number[] {
  const lines: number[] = [];
  const add = (line: number | undefined) => {
    if (line !== undefined) lines.push(line);
  };
  add(view.title?.line);
  add(view.date?.line);
  add(view.time?.line);
  add(view.place?.line);
  for (const section of view.attendance) {
    add(section.line);
    section.entries.forEach((e) => add(e.line));
  }
  const blocks = (list: readonly Block[]) => {
    for (const block of list) {
      if (block.kind === 'paragraph') block.lines.forEach((l) => add(l.line));
      else if (block.kind === 'list') block.items.forEach((i) => add(i.line));
      else add(block.line);
    }
  };
  blocks(view.preamble);
  for (const item of view.items) {
    add(item.line);
    blocks(item.blocks);
  }
  if (view.signatures) {
    [...view.signatures.recorder, ...view.signatures.adjusters].forEach((s) => add(s.line));
    add(view.signatures.adjusted?.line);
    add(view.signatures.posted?.line);
  }
  return [...new Set(lines)].sort((a, b) => a - b);
}

/**
 * Each diagnostic goes beside the nearest rendered line at or above it (comments, blank lines and
 * unreadable lines are not rendered), or beside the first one when nothing is above.
 */
function attachDiagnostics(
  target: Map<number, DiagnosticView[]>,
  anchors: readonly number[],
  diagnostics: readonly ProtokollDiagnostic[],
): void {
  if (anchors.length === 0) return;
  for (const d of diagnostics) {
    const line = d.range.start.line;
    let low = 0;
    let high = anchors.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (anchors[mid] <= line) low = mid;
      else high = mid - 1;
    }
    const anchor = anchors[low];
    const list = target.get(anchor) ?? [];
    list.push({ severity: d.severity as 1 | 2 | 3 | 4, code: d.code, message: d.message });
    target.set(anchor, list);
  }
}
