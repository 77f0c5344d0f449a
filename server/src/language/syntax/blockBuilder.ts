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
import { itemLine } from './itemLine';
import { mayBeVoteChoice, roundTableColon, wordCount } from './roundTable';
import { misspeltKeyword } from './misspelt';
import {
  classifyLine,
  keywordKindAt,
  lineEndOf,
  LineKind,
  trimEnd,
  trimStart,
  type Classified,
} from './lines';
import { SectionNode } from './attendanceNodes';
import {
  BlankLineNode,
  BulletLineNode,
  DecisionLineNode,
  NextMeetingLineNode,
  TextLineNode,
} from './bodyLineNodes';
import { CommentNode, TitleNode } from './headerNodes';
import type { ItemNode } from './itemNode';
import { Anchor, KeywordNode, LinePlace, type LineNode, SpanNode } from './place';
import { ProblemNode } from './problemNode';

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
  private anchor: Anchor;
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
  // Where the line being read is (`LineAt`): the nodes of the most frequent lines copy it from
  // the builder, so no place object is made for their lines.
  _anchor: Anchor;
  _rel = 0;
  private linePlace?: LinePlace;
  /** The body lines of the open item (`bodyCount` of them; the rest are left from earlier items). */
  private readonly body: BodyLine[] = [];
  private bodyCount = 0;
  // The block being read.
  private options: BlockOptions = { followedByItem: false, allAfterLastItem: true };

  /** A builder for the blocks of one text; it reads one block at a time, reusing its lists. */
  constructor(
    readonly text: string,
    private readonly lineStarts: readonly number[],
  ) {
    this.anchor = this._anchor = new Anchor(0, text, 0, lineStarts);
  }

  /** The line being read as a place, for spans that are kept as objects (made on first use). */
  get place(): LinePlace {
    return (this.linePlace ??= new LinePlace(this.anchor, this._rel));
  }

  /**
   * Reads lines `from`–`to` (exclusive) as one block. A block of one § item and nothing else (no
   * comment, problem or signature) is that item itself, with the block's length in `_length`: a
   * block object and a list per item were a tenth of what the parse keeps.
   */
  build(from: number, to: number, options: BlockOptions): Block | ItemNode {
    const { text, lineStarts } = this;
    this.options = options;
    this.anchor = this._anchor = new Anchor(from, text, lineStarts[from], lineStarts);
    this.title = undefined;
    this.context = 'header';
    this.section = undefined;
    this.item = undefined;
    this.listLabel = undefined;
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
          ? keywordKindAt(text, classified.first, classified.firstEnd)
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
      this._rel = i;
      this.linePlace = undefined;
      const afterLastItem = i >= afterFrom;
      this.keywordKind = lineKeywords[i];
      this.readLine(kinds[i] as LineKind, afterLastItem);
    }
    this.closeItem();
    const length = (to < lineStarts.length ? lineStarts[to] : text.length) - lineStarts[from];
    if (
      this.items.length === 1 &&
      this.title === undefined &&
      this.header.length === 0 &&
      this.preamble.length === 0 &&
      this.sections.length === 0 &&
      this.signatures.length === 0 &&
      this.comments.length === 0 &&
      this.problems.length === 0
    ) {
      const item = this.items.pop() as ItemNode;
      item._length = length;
      return item;
    }
    // A block lives as long as its document (and longer when reused): no room for growth kept.
    return {
      anchor: this.anchor,
      length,
      title: this.title,
      header: take(this.header),
      preamble: take(this.preamble),
      sections: take(this.sections),
      items: take(this.items),
      signatures: take(this.signatures),
      comments: take(this.comments),
      problems: take(this.problems),
    };
  }

  private readLine(kind: LineKind, afterLastItem: boolean): void {
    if (kind === LineKind.Empty) {
      this.listLabel = undefined;
      if (this.context === 'item' && this.item) this.addBody(new BlankLineNode(this));
      return;
    }
    if (kind !== LineKind.Bullet && kind !== LineKind.Comment) this.listLabel = undefined;
    switch (kind) {
      case LineKind.Comment:
        this.comments.push(new CommentNode(this, this.text.slice(this.first, this.lineEnd)));
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
    this.item = itemLine(this, this.first, this.firstEnd, this.lineEnd);
  }

  private addBody(line: BodyLine): void {
    this.body[this.bodyCount++] = line;
  }

  private closeItem(): void {
    const item = this.item;
    if (!item) return;
    // The body's lines were gathered in the builder's list: the item's list is made once, exact.
    item.body =
      this.bodyCount === 0 ? (NONE as unknown as BodyLine[]) : this.body.slice(0, this.bodyCount);
    this.bodyCount = 0;
    this.items.push(item);
    this.item = undefined;
  }

  private readKeywordLine(afterLastItem: boolean): void {
    const { text, lineEnd } = this;
    const kind = this.keywordKind as KeywordKind;
    const colonEnd = this.firstEnd;
    const item = this.item;
    if (this.context === 'item' && item && (kind === 'decision' || kind === 'action')) {
      // The most frequent keyword lines keep columns, not span objects.
      const base = this.lineStart;
      if (kind === 'decision') {
        const ts = trimStart(text, colonEnd, lineEnd);
        const te = trimEnd(text, ts, lineEnd);
        const some = ts < te;
        this.addBody(
          new DecisionLineNode(
            this,
            this.first - base,
            colonEnd - base,
            some ? ts - base : -1,
            some ? te - base : -1,
          ),
        );
      } else this.addBody(actionLine(this, this.first, colonEnd, lineEnd));
      return;
    }
    const keyword = new KeywordNode(
      kind,
      this.place,
      this.first - this.lineStart,
      colonEnd - this.lineStart,
    );
    const value = this.span(colonEnd, lineEnd);
    const beforeItems = this.items.length === 0 && !item;

    if (kind === 'paragraphs' && afterLastItem && this.items.length + (item ? 1 : 0) > 0) {
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
    // decision, action (outside an item), next meeting and the v2 item labels
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
      this.addBody(labelLine(this, label, keyword, value, colonEnd, lineEnd));
      this.listLabel = LIST_LABEL_KINDS.includes(label) ? label : undefined;
      return;
    }
    if (!value) {
      this.addBody(new NextMeetingLineNode(this.place, keyword));
      return;
    }
    const start = this.offsetOf(value);
    const comma = value.text.indexOf(',');
    const space = value.text.search(/\s/);
    const cut = comma >= 0 ? comma : space >= 0 ? space : value.text.length;
    this.addBody(
      new NextMeetingLineNode(
        this.place,
        keyword,
        this.span(start, start + cut),
        this.span(start + cut + (comma >= 0 ? 1 : 0), lineEnd),
      ),
    );
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
        this.addBody(tally);
        return;
      }
    }
    const source = this.text;
    const base = this.lineStart;
    const ts = trimStart(source, after, lineEnd);
    const te = trimEnd(source, ts, lineEnd);
    const list = item ? this.listLabel : undefined;
    // `- Hjo: text` — a short label and a colon followed by a blank or the line end; not
    // `- Kl 10:00 fika`, a URL, a vote tally or a bullet of a list under a label.
    let os = -1;
    let oe = -1;
    let rs = -1;
    let re = -1;
    if (!list && ts < te) {
      const colon = roundTableColon(source, after, lineEnd);
      if (colon >= 0) {
        const start = trimStart(source, after, colon);
        const end = trimEnd(source, start, colon);
        if (
          start < end &&
          !(mayBeVoteChoice(source.charCodeAt(after)) && voteChoice(source.slice(after, colon))) &&
          wordCount(source, start, end) <= 4
        ) {
          os = start - base;
          oe = end - base;
          const restStart = trimStart(source, colon + 1, lineEnd);
          const restEnd = trimEnd(source, restStart, lineEnd);
          if (restStart < restEnd) {
            rs = restStart - base;
            re = restEnd - base;
          }
        }
      }
    }
    const bullet = new BulletLineNode(
      this,
      markerCol,
      ts < te ? ts - base : -1,
      ts < te ? te - base : -1,
      os,
      oe,
      rs,
      re,
      list,
      list ? bulletPersons(this, list, after, lineEnd) : undefined,
    );
    if (item) this.addBody(bullet);
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
      if (tally) return void this.addBody(tally);
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
    const base = this.lineStart;
    const ts = trimStart(text, base, lineEnd);
    const te = trimEnd(text, ts, lineEnd);
    if (this.context === 'section') {
      if (indexBefore(text, 44 /* , */, base, lineEnd) >= 0) {
        this.problems.push(
          new ProblemNode(
            this.anchor,
            this.place.range,
            {
              sv: 'En närvarorad börjar med "- ": skriv - Namn, Organisation.',
              en: 'An attendance line starts with "- ": write - Name, Organisation.',
            },
            {
              range: this.cols(ts, ts),
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
      // `Justeras omedelbart.` and `Till justerare utses …` start with one of these letters.
      const lower = text.charCodeAt(ts) | 0x20;
      if (lower === 106 || lower === 112 || lower === 98 || lower === 116 || lower === 97) {
        const span = this.span(ts, te) as Span;
        // Trailing blanks of any kind change nothing (formatting removes them).
        const end = contentEnd(text, ts, lineEnd);
        const line = immediateLine(span, this.place) ?? electionLine(this, span, ts, end);
        if (line) return void this.addBody(line);
      }
      this.addBody(new TextLineNode(this, ts - base, te - base));
      return;
    }
    this.preamble.push(new TextLineNode(this, ts - base, te - base));
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
    // Only a line with a colon can start with `Word:` or `Two words:`, and one ASCII character
    // other than a letter or blank before the colon rules it out (the scan stops at the line end).
    let colon = -1;
    for (let i = this.first; i < this.lineEnd; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 58 /* : */) {
        colon = i;
        break;
      }
      if (c < 128 && c !== 32 && c !== 9 && !((c | 0x20) >= 97 && (c | 0x20) <= 122)) return false;
    }
    if (colon < 0) return false;
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
    start = trimStart(text, start, end);
    end = trimEnd(text, start, end);
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
    const line = this.anchor.line + this._rel;
    return {
      start: { line, character: start - this.lineStart },
      end: { line, character: end - this.lineStart },
    };
  }
}

const NONE: readonly never[] = Object.freeze([]);

/** The list's entries in a list without spare capacity; `list` is emptied for the next block. */
function take<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as unknown as T[]) : list.splice(0);
}

/** The number of lines from `runStart` on that belong to the run (signature keyword lines). */
function runLength(runStart: number, n: number): number {
  let count = 0;
  for (let i = runStart; i < n; i++) if (kinds[i] === LineKind.Keyword) count++;
  return count;
}
