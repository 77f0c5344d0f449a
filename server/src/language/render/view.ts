import { signerRole, type BodyKind, type Locale, type ProtokollConfig } from '../config';
import { parseTimeRange } from '../dates';
import { buildModel, type MeetingModel } from '../model';
import type { AgendaItem, ProtokollAst, SignatureLine } from '../syntax/ast';
import { lastAtOrBefore } from '../sortedSearch';
import type { SignerRole } from '../syntax/keywords';
import type { ProtokollDiagnostic } from '../types';
import { postingDates } from './certificate';
import { documentLanguage } from './documentLanguage';
import { buildBlocks, type Block, type Sourced } from './itemBlocks';
import { labelsFor, type Labels } from './labels';
import { buildFrontPage, type FrontPageView } from './municipal';

export type {
  Block,
  LabelledBlock,
  ListItemView,
  SecrecyBlock,
  Sourced,
  VoteBlock,
  VoteRowView,
} from './itemBlocks';
export type { FrontPageEntry, FrontPageRow, FrontPageView } from './municipal';

/**
 * The minutes as the HTML and PDF writers see them: every piece of document text with the
 * source line it came from (0-based), inline markup already parsed, labels in the locale. The
 * one place that decides what the rendered minutes contain; the writers only lay it out.
 */
export interface MinutesView {
  /** The language of the document's keywords (the labels follow the document). */
  readonly locale: Locale;
  readonly labels: Labels;
  /** `kommunal`: the municipal layout; `förening`: no Anslag/Bevis; `nätverk`: v1. */
  readonly kind: BodyKind;
  /** The public version: secret items replaced by a notice, masked names replaced. */
  readonly public: boolean;
  /** The municipal first page (`kind: kommunal`), in place of the header and attendance tables. */
  readonly front?: FrontPageView;
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

export interface ItemView {
  readonly line: number;
  /** `§ 4`, `§ 17 a` (`KS § 28` shows as `§ 28`). */
  readonly label: string;
  readonly title?: string;
  readonly caseNumber?: string;
  /** `Justeras omedelbart`: the line that says so; the heading shows the mark. */
  readonly immediate?: number;
  /** `Sekretess: …`: the item is secret (its body is replaced in the public version). */
  readonly secret: boolean;
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
  /** The `Anslaget:`/`Justerat:` line; undefined for the municipal box written before them. */
  readonly line?: number;
  readonly body?: string;
  readonly meetingDate?: string;
  readonly datePosted?: string;
  readonly dateTakenDown?: string;
  readonly lastDayOfAppeal?: string;
  /** `kommunal`: "Förvaringsplats för protokollet" (configuration `archive`), a row even when empty. */
  readonly municipal: boolean;
  readonly archive?: string;
}

export interface DiagnosticView {
  readonly severity: 1 | 2 | 3 | 4;
  readonly code: string;
  readonly message: string;
}

export interface MinutesViewOptions {
  /** Overrides the language of the document's keywords for the labels. */
  readonly locale?: Locale;
  /** The meeting model of `ast`, when the caller has it. */
  readonly model?: MeetingModel;
  /** The public version (the text is already masked: see `publicVersion.ts`). */
  readonly public?: boolean;
  readonly config?: ProtokollConfig;
  /** Diagnostics to show beside their lines; none when omitted. */
  readonly diagnostics?: readonly ProtokollDiagnostic[];
}

/** Builds the view of the minutes from the AST. Never throws, whatever the document. */
export function buildMinutesView(ast: ProtokollAst, options: MinutesViewOptions = {}): MinutesView {
  const config = options.config;
  const kind = config?.kind ?? 'nätverk';
  const locale = options.locale ?? documentLanguage(ast, config?.locale ?? 'sv');
  const labels = labelsFor(locale);
  const header = (kind: 'date' | 'time' | 'place') => {
    const field = ast.header.find((h) => h.kind === kind && h.value);
    return field?.value ? { line: field.range.start.line, value: field.value.text } : undefined;
  };
  const rawTime = header('time');
  const time = rawTime && { line: rawTime.line, value: formatTime(rawTime.value, labels) };
  const place = header('place');
  const date = header('date');
  const model = kind === 'kommunal' ? (options.model ?? buildModel(ast)) : undefined;
  const signatures = buildSignatures(ast, labels, config, model);
  const view = {
    locale,
    labels,
    kind,
    public: options.public === true,
    front: model && buildFrontPage(model, labels, time, place),
    title: ast.title?.text
      ? { line: ast.title.range.start.line, value: ast.title.text.text }
      : undefined,
    adjusted: ast.signatures.some((s) => s.kind === 'adjusted'),
    date,
    time,
    place,
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
    preamble: buildBlocks(ast.preamble, labels),
    items: ast.items.map((item) => buildItem(item, labels)),
    signatures,
    certificate: buildCertificate(ast, signatures, date?.value, kind, model, config),
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

function buildItem(item: AgendaItem, labels: Labels): ItemView {
  const number = item.number?.text ?? '';
  // `KS § 28` is `§ 28` (the body's short name is the same on every item; the page says it).
  const label = ['§', number, item.suffix?.text].filter(Boolean).join(' ');
  const immediate = item.body.find((l) => l.kind === 'immediate');
  return {
    line: item.mark.start.line,
    label,
    title: item.title?.text,
    caseNumber: item.caseNumber?.text,
    immediate: immediate?.range.start.line,
    secret: item.body.some((l) => l.kind === 'label' && l.label === 'secrecy'),
    blocks: buildBlocks(item.body, labels),
  };
}

function buildSignatures(
  ast: ProtokollAst,
  labels: Labels,
  config: ProtokollConfig | undefined,
  model: MeetingModel | undefined,
): SignaturesView | undefined {
  const required = new Set(
    (config?.requiredSignatures ?? ['Ordförande', 'Sekreterare', 'Justerare']).map(signerRole),
  );
  if (!model && ast.items.length === 0 && ast.signatures.length === 0) return undefined;
  const signersOf = (role: SignerRole, label: string): SignerView[] => {
    const lines = ast.signatures.filter((s) => s.kind === role);
    const named: SignerView[] = lines.flatMap((l) =>
      l.names.map((n) => ({ line: n.range.start.line, role: label, name: n.text })),
    );
    if (model && role === 'adjuster' && named.length === 0) {
      // The municipal first page is printed to be signed: the appointed adjusters' names go
      // under their lines before the signature block is written.
      for (const p of model.appointedAdjusters?.persons ?? [])
        named.push({ role: label, name: p.name.text });
    }
    if (named.length > 0 && !model) return named;
    // A required signer nobody named yet still gets a line to sign on paper.
    const wanted =
      role === 'chair' || role === 'secretary' || required.has(role)
        ? Math.max(1, model ? (config?.signatureCounts[role] ?? 1) : 1)
        : 0;
    while (named.length < wanted)
      named.push({ line: lines[0]?.range.start.line, role: label, name: '' });
    return named;
  };
  const dated = (kind: 'adjusted' | 'posted') => {
    const line = ast.signatures.find((s): s is SignatureLine => s.kind === kind);
    return line ? { line: line.range.start.line, value: line.date?.text ?? '' } : undefined;
  };
  const adjuster = model ? labels.adjusting : labels.adjuster;
  return {
    line: ast.signatures[0]?.range.start.line ?? ast.lineCount - 1,
    recorder: signersOf('secretary', labels.secretary),
    adjusters: [...signersOf('chair', labels.chair), ...signersOf('adjuster', adjuster)],
    adjusted: dated('adjusted'),
    posted: dated('posted'),
  };
}

function buildCertificate(
  ast: ProtokollAst,
  signatures: SignaturesView | undefined,
  meetingDate: string | undefined,
  kind: BodyKind,
  model: MeetingModel | undefined,
  config: ProtokollConfig | undefined,
): CertificateView | undefined {
  // An association has no notice board and no appeal under Kommunallagen.
  if (kind === 'förening') return undefined;
  const adjusted = signatures?.adjusted;
  const posted = signatures?.posted;
  // A municipal body's minutes always carry the box: blank lines until the dates are written.
  if (!model && !adjusted && !posted) return undefined;
  const dates = posted && postingDates(posted.value);
  return {
    line: (posted ?? adjusted)?.line,
    body: model?.body?.text ?? ast.title?.text?.text,
    meetingDate,
    datePosted: dates?.posted ?? (posted?.value || undefined),
    dateTakenDown: dates?.takenDown,
    lastDayOfAppeal: dates?.lastDayOfAppeal,
    municipal: model !== undefined,
    archive: model ? config?.archive : undefined,
  };
}

/** The source lines of the blocks a diagnostic can be shown beside, ascending. */
function leafLines(view: Omit<MinutesView, 'diagnostics'>): number[] {
  const lines: number[] = [];
  const add = (line: number | undefined) => {
    if (line !== undefined) lines.push(line);
  };
  add(view.title?.line);
  if (view.front) {
    add(view.front.body?.line);
    view.front.placeAndTime?.lines.forEach(add);
    for (const row of view.front.rows) {
      add(row.line);
      row.entries.forEach((e) => add(e.line));
    }
    add(view.front.appointedAdjusters?.line);
    add(view.front.adjustmentPlace?.line);
    add(view.front.paragraphs?.line);
  }
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
      else {
        add(block.line);
        if (block.kind === 'labelled') block.items.forEach((i) => add(i.line));
        if (block.kind === 'vote') {
          add(block.meaning?.line);
          block.rows.forEach((r) => add(r.line));
        }
      }
    }
  };
  blocks(view.preamble);
  for (const item of view.items) {
    add(item.line);
    add(item.immediate);
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
    const anchor = anchors[lastAtOrBefore(anchors, d.range.start.line)];
    const list = target.get(anchor) ?? [];
    list.push({ severity: d.severity as 1 | 2 | 3 | 4, code: d.code, message: d.message });
    target.set(anchor, list);
  }
}
