import type { Range } from '../types';
import { contentEnd, indexBefore } from '../text';
import type {
  AgendaItem,
  AttendanceSection,
  BodyLine,
  CommentLine,
  HeaderField,
  SignatureLine,
  Span,
  SyntaxProblem,
  Title,
} from './ast';
import { readAttendeeContent, type LineTools } from './attendee';
import { headerField, SIGNATURE_BLOCK_KINDS, signatureLine } from './blocks';
import { bulletPersons, electionLine, immediateLine, labelLine, tallyLine } from './itemBody';
import {
  canonicalKeyword,
  GROUP_OF_SECTION_KEYWORD,
  HEADER_KINDS,
  ITEM_LABEL_KINDS,
  LIST_LABEL_KINDS,
  KEYWORDS,
  voteChoice,
  type HeaderKind,
  type ItemLabelKind,
  type KeywordKind,
} from './keywords';
import { actionLine } from './actionLine';
import { misspeltKeyword } from './misspelt';
import { classifyLine, keywordKindOf, lineEndOf, LineKind, type Classified } from './lines';
import {
  Anchor,
  BlankLineNode,
  BulletLineNode,
  CommentNode,
  DecisionLineNode,
  ItemNode,
  KeywordNode,
  LinePlace,
  type LineNode,
  NextMeetingLineNode,
  ProblemNode,
  SectionNode,
  SpanNode,
  TextLineNode,
  TitleNode,
} from './nodes';

type Context = 'header' | 'section' | 'item' | 'signatures';

/**
 * What one block of lines parses to: the header block (everything before the first §) or one §
 * item with the lines up to the next §. Positions inside are relative to `anchor`.
 */
export interface Block {
  readonly anchor: Anchor;
  /** The length of the block's text, line breaks included. */
  readonly length: number;
  readonly title?: Title;
  readonly header: HeaderField[];
  readonly preamble: BodyLine[];
  readonly sections: AttendanceSection[];
  readonly items: AgendaItem[];
  readonly signatures: SignatureLine[];
  readonly comments: CommentLine[];
  readonly problems: SyntaxProblem[];
}

export interface BlockOptions {
  /** A § follows the block: a run of signature lines at its end is a signature block. */
  readonly followedByItem: boolean;
  /** Every line of the block comes after the document's last § (or there is no §). */
  readonly allAfterLastItem: boolean;
}

// Scratch space for the lines of the block being read (parses never overlap).
let kinds = new Uint8Array(1024);
let firsts = new Int32Array(1024);
let firstEnds = new Int32Array(1024);
/** The keyword kind of each keyword line, found by the first pass and read by the second. */
let lineKeywords: (KeywordKind | undefined)[] = [];
const classified: Classified = { kind: LineKind.Empty, first: 0, firstEnd: 0 };

export class BlockBuilder implements LineTools {
  private readonly anchor: Anchor;
  private title?: Title;
  private readonly header: HeaderField[] = [];
  private readonly preamble: BodyLine[] = [];
  private readonly sections: AttendanceSection[] = [];
  private readonly items: AgendaItem[] = [];
  private readonly signatures: SignatureLine[] = [];
  private readonly comments: CommentLine[] = [];
  private readonly problems: SyntaxProblem[] = [];
  private context: Context = 'header';
  private section?: SectionNode;
  private item?: ItemNode;
  /** The list label the bullets below belong to (`Beslutsunderlag:`), until a blank line. */
  private listLabel?: ItemLabelKind;
  // The line being read.
  lineStart = 0;
  private lineEnd = 0;
  private first = 0;
  private firstEnd = 0;
  /** The kind of the line's keyword, on a keyword line. */
  private keywordKind?: KeywordKind;
  place!: LinePlace;

  constructor(
    readonly text: string,
    private readonly lineStarts: readonly number[],
    private readonly from: number,
    private readonly to: number,
    private readonly options: BlockOptions,
  ) {
    this.anchor = new Anchor(from, text, lineStarts[from]);
  }

  build(): Block {
    const { text, lineStarts, from, to } = this;
    const n = to - from;
    if (kinds.length < n) {
      const size = Math.max(n, kinds.length * 2);
      kinds = new Uint8Array(size);
      firsts = new Int32Array(size);
      firstEnds = new Int32Array(size);
    }
    if (lineKeywords.length > 4096) lineKeywords = [];
    // A run of two or more signature lines (with a signer) right before a § is a signature block:
    // a § typed after the signatures starts a new item without turning them into item text.
    let runStart = -1;
    let signers = 0;
    for (let i = 0; i < n; i++) {
      const line = from + i;
      classifyLine(text, lineStarts[line], lineEndOf(text, lineStarts, line), classified);
      kinds[i] = classified.kind;
      firsts[i] = classified.first;
      firstEnds[i] = classified.firstEnd;
      if (classified.kind === LineKind.Empty || classified.kind === LineKind.Comment) continue;
      if (classified.kind === LineKind.Item) continue; // the block's own § line
      const kind =
        classified.kind === LineKind.Keyword
          ? keywordKindOf(text.slice(classified.first, classified.firstEnd))
          : undefined;
      lineKeywords[i] = kind;
      if (kind && SIGNATURE_BLOCK_KINDS.has(kind)) {
        if (runStart < 0) runStart = i;
        if (kind === 'chair' || kind === 'secretary' || kind === 'adjuster') signers++;
      } else {
        runStart = -1;
        signers = 0;
      }
    }
    // The run's lines count as after the last item; blank lines and comments in it do not matter.
    const signatureRunFrom =
      this.options.followedByItem && runStart >= 0 && signers > 0 && runLength(runStart, n) >= 2
        ? runStart
        : n;
    // After the last § (the lines of the last item after its § line, or all lines without a §).
    const afterFrom = this.options.allAfterLastItem
      ? kinds[0] === LineKind.Item
        ? 1
        : 0
      : signatureRunFrom;
    for (let i = 0; i < n; i++) {
      const line = from + i;
      this.lineStart = lineStarts[line];
      const rawEnd = lineEndOf(text, lineStarts, line);
      this.first = firsts[i];
      this.firstEnd = firstEnds[i];
      // The readers stop before trailing white space of any kind: formatting removes it, so a
      // line must read the same with it (`- Anna Ek (S)\u2009` is no attendance problem).
      this.lineEnd = Math.max(contentEnd(text, this.lineStart, rawEnd), this.firstEnd);
      this.place = new LinePlace(
        this.anchor,
        i,
        rawEnd - this.lineStart,
        this.lineStart - this.anchor.offset,
      );
      const afterLastItem = i >= afterFrom;
      this.keywordKind = lineKeywords[i];
      this.readLine(kinds[i] as LineKind, afterLastItem);
    }
    this.closeItem();
    // A block lives as long as its document (and longer when reused): no room for growth kept.
    return {
      anchor: this.anchor,
      length: (to < lineStarts.length ? lineStarts[to] : text.length) - lineStarts[from],
      title: this.title,
      header: exact(this.header),
      preamble: exact(this.preamble),
      sections: exact(this.sections),
      items: exact(this.items),
      signatures: exact(this.signatures),
      comments: exact(this.comments),
      problems: exact(this.problems),
    };
  }

  private readLine(kind: LineKind, afterLastItem: boolean): void {
    if (kind === LineKind.Empty) {
      this.listLabel = undefined;
      if (this.context === 'item') this.item?.body.push(new BlankLineNode(this.place));
      return;
    }
    if (kind !== LineKind.Bullet && kind !== LineKind.Comment) this.listLabel = undefined;
    switch (kind) {
      case LineKind.Comment:
        this.comments.push(new CommentNode(this.place, this.text.slice(this.first, this.lineEnd)));
        return;
      case LineKind.Title:
        return this.readTitle();
      case LineKind.Item:
        return this.readItem();
      case LineKind.Keyword:
        return this.readKeywordLine(afterLastItem);
      case LineKind.Bullet:
        return this.readBullet();
      default:
        return this.readTextLine(afterLastItem);
    }
  }

  private readTitle(): void {
    const mark = this.first;
    const span = this.span(mark + 1, this.lineEnd);
    if (this.title || this.context !== 'header') {
      this.problem(
        this.place.range,
        'Ett protokoll har en enda rubrik (# …) och den står först. Skriv raden som text eller som en § -punkt.',
        'Minutes have one title (# …), at the top. Write this line as text or as a § item.',
      );
      return;
    }
    this.title = new TitleNode(this.place, mark - this.lineStart, span);
  }

  private readItem(): void {
    this.closeItem();
    this.context = 'item';
    const { text, lineEnd } = this;
    const markStart = this.first;
    const markEnd = this.firstEnd;
    const image = text.slice(markStart, markEnd);
    const section = image.indexOf('§');
    const prefix = section > 0 ? this.span(markStart, markStart + section) : undefined;
    const digits = /\d+/.exec(image);
    let number: Span | undefined;
    if (digits) {
      const s = markStart + digits.index;
      number = this.spanNode(s, s + digits[0].length);
    } else {
      this.problem(
        this.cols(markStart, markEnd),
        '§ saknar nummer. Skriv § N följt av rubriken, till exempel § 3 Ekonomi.',
        '§ has no number. Write § N followed by the title, for example § 3 Budget.',
      );
    }
    let markRangeEnd = markEnd;
    let titleStart = markEnd;
    let suffix: Span | undefined;
    const afterMark = text.slice(markEnd, lineEnd);
    // `§ 45/2024`, `§ 4.5`, `§ 4:2`: a shape that is not an item number must not become the title.
    const odd = number
      ? (/^(?:[/:][ \t]*\d+|[.,\-–]\d+)/.exec(afterMark) ??
        (image.endsWith('.') ? /^\d+/.exec(afterMark) : null))
      : null;
    if (odd && number) {
      this.problem(
        this.cols(markStart, markEnd + odd[0].length),
        `"${text.slice(markStart + section, markEnd + odd[0].length).trim()}" är inget paragrafnummer. Skriv § ${number.text} följt av rubriken; året och diarienumret står i (Dnr …) efter rubriken.`,
        `"${text.slice(markStart + section, markEnd + odd[0].length).trim()}" is not an item number. Write § ${number.text} followed by the title; the year and case number go in (Dnr …) after the title.`,
      );
    }
    const letter = number && !odd ? /^[ \t]*([a-zåäö])(?=[ \t]|$)/.exec(afterMark) : null;
    if (letter) {
      const s = markEnd + letter[0].length - 1;
      suffix = this.spanNode(s, s + 1);
      markRangeEnd = s + 1;
      titleStart = s + 1;
    }
    const titleFrom = odd ? markEnd + odd[0].length : titleStart;
    let title = this.span(titleFrom, lineEnd);
    let caseNumber: Span | undefined;
    if (title) {
      const dnr = /\((\s*(?:Dnr|Diarienr|Diarienummer|Case)\b[^()]*)\)\s*$/i.exec(title.text);
      if (dnr) {
        const open = this.offsetOf(title) + dnr.index;
        caseNumber = this.span(open + 1, open + 1 + dnr[1].length);
        title = this.span(this.offsetOf(title), open);
      }
    }
    const base = this.lineStart;
    this.item = new ItemNode(
      this.place,
      markStart - base,
      markStart + Math.max(section, 0) - base,
      markRangeEnd - base,
      number,
      number ? Number(number.text) : undefined,
      suffix,
      title,
      prefix,
      caseNumber,
    );
  }

  private closeItem(): void {
    const item = this.item;
    if (!item) return;
    // From the § to the end of the last non-blank body line (else of the title or mark).
    const title = item.title as SpanNode | undefined;
    if (title) {
      item._end = title._p;
      item._endCol = title._e;
    }
    item.body = exact(item.body);
    for (let i = item.body.length - 1; i >= 0; i--) {
      const line = item.body[i] as BodyLine & LineNode;
      if (line.kind === 'blank') continue;
      item._end = line;
      item._endCol = line._width;
      break;
    }
    this.items.push(item);
    this.item = undefined;
  }

  private readKeywordLine(afterLastItem: boolean): void {
    const { lineEnd } = this;
    const kind = this.keywordKind as KeywordKind;
    const colonEnd = this.firstEnd;
    const keyword = new KeywordNode(
      kind,
      this.place,
      this.first - this.lineStart,
      colonEnd - this.lineStart,
    );
    const value = this.span(colonEnd, lineEnd);
    const beforeItems = this.items.length === 0 && !this.item;

    if (kind === 'paragraphs' && afterLastItem && this.items.length + (this.item ? 1 : 0) > 0) {
      // `Paragrafer:` may also stand in the signature block.
      this.closeItem();
      this.endSection();
      this.context = 'signatures';
      this.header.push(headerField(this, kind, keyword, value));
      return;
    }
    if ((HEADER_KINDS as readonly KeywordKind[]).includes(kind)) {
      if (beforeItems && this.context !== 'signatures') {
        this.endSection();
        if (this.header.some((h) => h.kind === kind)) {
          this.problem(
            keyword.range,
            `${canonicalKeyword(kind)} står redan i huvudet. Ta bort den ena raden.`,
            `${KEYWORDS[kind][1]} is already given in the header. Remove one of the lines.`,
          );
        }
        this.header.push(headerField(this, kind as HeaderKind, keyword, value));
        return;
      }
      return this.readTextLine(afterLastItem);
    }
    const group = GROUP_OF_SECTION_KEYWORD[kind];
    if (group) {
      if (!beforeItems || this.context === 'signatures') {
        this.problem(
          keyword.range,
          `${canonicalKeyword(kind)}: ska stå före den första §-punkten.`,
          `${KEYWORDS[kind][1]}: belongs before the first § item.`,
        );
        return;
      }
      this.endSection();
      this.section = new SectionNode(
        group === 'absent' ? 'absent' : 'present',
        group,
        this.place,
        keyword,
      );
      this.sections.push(this.section);
      this.context = 'section';
      if (value) {
        // `Närvarande: Ulf Andersson, Gullspång` — the first entry on the keyword line.
        this.readAttendee(this.offsetOf(value), keyword._s, keyword._e);
      }
      return;
    }
    if (
      kind === 'chair' ||
      kind === 'secretary' ||
      kind === 'adjuster' ||
      kind === 'adjusted' ||
      kind === 'posted'
    ) {
      if (afterLastItem) {
        this.closeItem();
        this.endSection();
        this.context = 'signatures';
        this.signatures.push(signatureLine(this, kind, keyword, value));
        return;
      }
      return this.readTextLine(afterLastItem);
    }
    // decision, action, next meeting and the v2 item labels
    const item = this.item;
    if (this.context !== 'item' || !item) {
      this.problem(
        keyword.range,
        `${canonicalKeyword(kind)}: hör till en §-punkt. Skriv raden under punkten den gäller.`,
        `${KEYWORDS[kind][1]}: belongs to a § item. Write the line under the item it concerns.`,
      );
      return;
    }
    if ((ITEM_LABEL_KINDS as readonly KeywordKind[]).includes(kind)) {
      const label = kind as ItemLabelKind;
      item.body.push(labelLine(this, label, keyword, value, colonEnd, lineEnd));
      this.listLabel = LIST_LABEL_KINDS.includes(label) ? label : undefined;
      return;
    }
    if (kind === 'decision') {
      item.body.push(new DecisionLineNode(this.place, keyword, value));
      return;
    }
    if (kind === 'nextMeeting') {
      if (!value) {
        item.body.push(new NextMeetingLineNode(this.place, keyword));
        return;
      }
      const start = this.offsetOf(value);
      const comma = value.text.indexOf(',');
      const space = value.text.search(/\s/);
      const cut = comma >= 0 ? comma : space >= 0 ? space : value.text.length;
      item.body.push(
        new NextMeetingLineNode(
          this.place,
          keyword,
          this.span(start, start + cut),
          this.span(start + cut + (comma >= 0 ? 1 : 0), lineEnd),
        ),
      );
      return;
    }
    item.body.push(actionLine(this, keyword, colonEnd, lineEnd));
  }

  private readBullet(): void {
    const markerStart = this.first;
    const after = this.firstEnd;
    const { lineEnd } = this;
    if (this.context === 'section') return this.readAttendee(after, markerStart - this.lineStart);
    if (this.context === 'signatures') return this.notASignature();
    const item = this.context === 'item' ? this.item : undefined;
    const markerCol = markerStart - this.lineStart;
    if (item) {
      // `- Ja: 7`, `- Avstår: 2` — a vote tally, never an organisation.
      const tally = tallyLine(this, after, lineEnd, markerCol);
      if (tally) {
        item.body.push(tally);
        return;
      }
    }
    const text = this.span(after, lineEnd);
    const list = item ? this.listLabel : undefined;
    // `- Hjo: text` — a short label and a colon followed by a blank or the line end; not
    // `- Kl 10:00 fika`, a URL, a vote tally or a bullet of a list under a label.
    let roundTable: { organisation: Span; text?: Span } | undefined;
    if (!list && text) {
      const colon = roundTableColon(this.text, after, lineEnd);
      if (colon >= 0) {
        const organisation = this.span(after, colon);
        if (
          organisation &&
          !(
            mayBeVoteChoice(this.text.charCodeAt(after)) &&
            voteChoice(this.text.slice(after, colon))
          ) &&
          wordCount(organisation.text) <= 4
        ) {
          roundTable = { organisation, text: this.span(colon + 1, lineEnd) };
        }
      }
    }
    const bullet = new BulletLineNode(
      this.place,
      markerCol,
      text,
      roundTable,
      list,
      list ? bulletPersons(this, list, after, lineEnd) : undefined,
    );
    if (item) item.body.push(bullet);
    else this.preamble.push(bullet);
  }

  private readAttendee(from: number, markerStart: number, markerEnd = markerStart + 1): void {
    const section = this.section as SectionNode;
    const entry = readAttendeeContent(
      this,
      from,
      this.lineEnd,
      section.group,
      markerStart,
      markerEnd,
    );
    section.entries.push(entry);
    section._end = entry as unknown as LineNode;
  }

  private readTextLine(afterLastItem: boolean): void {
    const { text, lineEnd } = this;
    const first = this.first;
    if (this.context === 'item' && this.item) {
      const tally = tallyLine(this, first, lineEnd, -1);
      if (tally) return void this.item.body.push(tally);
    }
    if (this.suggestKeyword()) return;
    if (
      this.context === 'signatures' ||
      (afterLastItem &&
        this.items.length > 0 &&
        this.context !== 'item' &&
        this.signatures.length > 0)
    ) {
      return this.notASignature();
    }
    const span = this.span(this.lineStart, lineEnd) as Span;
    if (this.context === 'section') {
      if (text.slice(this.lineStart, lineEnd).includes(',')) {
        const start = this.offsetOf(span);
        this.problems.push(
          new ProblemNode(
            this.anchor,
            this.place.range,
            {
              sv: 'En närvarorad börjar med "- ": skriv - Namn, Organisation.',
              en: 'An attendance line starts with "- ": write - Name, Organisation.',
            },
            {
              range: this.cols(start, start),
              newText: '- ',
              title: { sv: 'Lägg till "- "', en: 'Add "- "' },
            },
          ),
        );
        return;
      }
      this.endSection();
    }
    if (this.context === 'item' && this.item) {
      const start = this.offsetOf(span);
      // Trailing blanks of any kind change nothing (formatting removes them).
      let end = lineEnd;
      while (end > start && /\s/.test(this.text[end - 1])) end--;
      this.item.body.push(
        immediateLine(span, this.place) ??
          electionLine(this, span, start, end) ??
          new TextLineNode(this.place, span),
      );
      return;
    }
    this.preamble.push(new TextLineNode(this.place, span));
  }

  private notASignature(): void {
    this.problem(
      this.place.range,
      'Efter den sista §-punkten följer bara underskrifter: Ordförande:, Sekreterare:, Justerare:, Justerat:, Anslaget:.',
      'After the last § item only signature lines follow: Chair:, Secretary:, Adjuster:, Signed:, Posted: (or the Swedish keywords).',
    );
  }

  /** A misspelt keyword at the line start is reported with its fix instead of read as text. */
  private suggestKeyword(): boolean {
    // Only a line with a colon can start with `Word:`.
    if (indexBefore(this.text, 58 /* : */, this.first, this.lineEnd) < 0) return false;
    const problem = misspeltKeyword(
      this.text,
      this.first,
      this.lineEnd,
      this.context === 'item',
      this.range,
    );
    if (problem)
      this.problems.push(new ProblemNode(this.anchor, problem.range, problem.message, problem.fix));
    return problem !== undefined;
  }

  private endSection(): void {
    this.section = undefined;
    if (this.context === 'section') this.context = 'header';
  }

  // ---- LineTools: spans and problems on the line being read ----

  problem(range: Range, sv: string, en: string): void {
    this.problems.push(new ProblemNode(this.anchor, range, { sv, en }));
  }

  /** A trimmed span between two absolute offsets of the current line, or undefined when blank. */
  readonly span = (start: number, end: number): Span | undefined => {
    const { text } = this;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    if (start >= end) return undefined;
    return this.spanNode(start, end);
  };

  readonly range = (start: number, end: number): Range => this.cols(start, end);

  offsetOf(span: Span): number {
    const node = span as SpanNode;
    return this.lineStarts[node._p.line] + node._s;
  }

  private spanNode(start: number, end: number): SpanNode {
    return new SpanNode(this.place, start - this.lineStart, end - this.lineStart);
  }

  private cols(start: number, end: number): Range {
    return this.place.cols(start - this.lineStart, end - this.lineStart);
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** The list without spare capacity (a list grown by `push` keeps room for 16 more). */
function exact<T>(list: T[]): T[] {
  if (list.length === 0) return NONE as unknown as T[];
  return list.length < 16 ? list.slice() : list;
}

/** The number of lines from `runStart` on that belong to the run (signature keyword lines). */
function runLength(runStart: number, n: number): number {
  let count = 0;
  for (let i = runStart; i < n; i++) if (kinds[i] === LineKind.Keyword) count++;
  return count;
}

/**
 * The colon of `- Hjo: text`: after a label without `,():@` and followed by a blank or the line
 * end; -1 when there is none.
 */
function roundTableColon(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) {
      if (i === start) return -1;
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      return next === -1 || next === 32 || next === 9 ? i : -1;
    }
    if (c === 44 || c === 40 || c === 41 || c === 64) return -1;
  }
  return -1;
}

/** False when a label cannot be a vote choice: it starts with an ASCII letter other than j, n, a, y. */
function mayBeVoteChoice(code: number): boolean {
  const lower = code | 0x20;
  if (lower < 97 || lower > 122) return true;
  return lower === 106 || lower === 110 || lower === 97 || lower === 121;
}

/** `text.split(/\s+/).length`, without the array. */
function wordCount(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i)) && (i + 1 >= text.length || !isSpace(text.charCodeAt(i + 1))))
      count++;
  }
  return count;
}

/** `/\s/` for one UTF-16 code unit. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff;
}
