import type { IToken } from 'chevrotain';
import { withoutColon } from '../text';
import type { Position, Range } from '../types';
import type {
  AgendaItem,
  AttendanceSection,
  BodyLine,
  HeaderField,
  Keyword,
  ProtokollAst,
  SignatureLine,
  Span,
  SyntaxProblem,
  Title,
} from './ast';
import { readAttendeeContent, type LineTools } from './attendee';
import { headerField, signatureBlockLines, signatureLine } from './blocks';
import { bulletPersons, electionLine, immediateLine, labelLine, tallyLine } from './itemBody';
import {
  canonicalKeyword,
  GROUP_OF_SECTION_KEYWORD,
  HEADER_KINDS,
  ITEM_LABEL_KINDS,
  LIST_LABEL_KINDS,
  keywordKind,
  KEYWORDS,
  voteChoice,
  type HeaderKind,
  type ItemLabelKind,
  type KeywordKind,
} from './keywords';
import {
  At,
  Bullet,
  Comma,
  Comment,
  ItemMark,
  Keyword as KeywordToken,
  lex,
  lexLineRest,
  TitleMark,
  type LexedLine,
} from './lexer';
import { misspeltKeyword } from './misspelt';
import { parseLine } from './parser';

type Context = 'header' | 'section' | 'item' | 'signatures';

/** Reads the document text into an AST. Never throws; unreadable lines become `problems`. */
export function buildAst(text: string): ProtokollAst {
  return new AstBuilder(text).build();
}

class AstBuilder {
  private readonly lines: LexedLine[];
  private readonly lineStarts: number[];
  private title?: Title;
  private readonly header: HeaderField[] = [];
  private readonly preamble: BodyLine[] = [];
  private readonly sections: AttendanceSection[] = [];
  private readonly items: AgendaItem[] = [];
  private readonly signatures: SignatureLine[] = [];
  private readonly comments: { range: Range; text: string }[] = [];
  private readonly problems: SyntaxProblem[] = [];
  private context: Context = 'header';
  private section?: AttendanceSection;
  private item?: { value: Omit<AgendaItem, 'range'>; start: Position };
  /** The list label the bullets below belong to (`Beslutsunderlag:`), until a blank line. */
  private listLabel?: ItemLabelKind;
  private readonly tools: LineTools;

  constructor(private readonly text: string) {
    const lexed = lex(text);
    this.lines = lexed.lines;
    this.lineStarts = lexed.lineStarts;
    this.tools = {
      text,
      span: (start, end) => this.spanAt(start, end),
      range: (start, end) => this.absoluteRange(start, end),
      problem: (range, sv, en) => this.problem(range, sv, en),
      offsetOf: (span) => this.offsetOf(span),
    };
  }

  build(): ProtokollAst {
    const { lastItemLine, earlierBlock } = signatureBlockLines(this.lines);
    for (const line of this.lines) {
      this.readLine(line, line.line > lastItemLine || earlierBlock.has(line.line));
    }
    this.closeItem();
    return {
      title: this.title,
      header: this.header,
      preamble: this.preamble,
      sections: this.sections,
      items: this.items,
      signatures: this.signatures,
      comments: this.comments,
      problems: this.problems,
      lineCount: this.lines.length,
      lineStarts: this.lineStarts,
    };
  }

  private readLine(line: LexedLine, afterLastItem: boolean): void {
    const first = line.tokens[0];
    const whole = this.lineRange(line);
    if (!first) {
      this.listLabel = undefined;
      if (this.context === 'item') this.item?.value.body.push({ kind: 'blank', range: whole });
      return;
    }
    if (first.tokenType !== Bullet && first.tokenType !== Comment) this.listLabel = undefined;
    switch (first.tokenType) {
      case Comment:
        this.comments.push({ range: whole, text: first.image });
        return;
      case TitleMark:
        return this.readTitle(line, first);
      case ItemMark:
        return this.readItem(line, first);
      case KeywordToken:
        return this.readKeywordLine(line, first, afterLastItem);
      case Bullet:
        return this.readBullet(line, first);
      default:
        return this.readTextLine(line, afterLastItem);
    }
  }

  private readTitle(line: LexedLine, mark: IToken): void {
    const span = this.span(line, mark.startOffset + 1, line.end);
    if (this.title || this.context !== 'header') {
      this.problem(
        this.lineRange(line),
        'Ett protokoll har en enda rubrik (# …) och den står först. Skriv raden som text eller som en § -punkt.',
        'Minutes have one title (# …), at the top. Write this line as text or as a § item.',
      );
      return;
    }
    this.title = {
      range: this.lineRange(line),
      mark: this.rangeOf(line, mark.startOffset, mark.startOffset + 1),
      text: span,
    };
  }

  private readItem(line: LexedLine, mark: IToken): void {
    this.closeItem();
    this.context = 'item';
    const markEnd = mark.startOffset + mark.image.length;
    const section = mark.image.indexOf('§');
    const prefix =
      section > 0 ? this.span(line, mark.startOffset, mark.startOffset + section) : undefined;
    const digits = /\d+/.exec(mark.image);
    let number: Span | undefined;
    if (digits) {
      const s = mark.startOffset + digits.index;
      number = { text: digits[0], range: this.rangeOf(line, s, s + digits[0].length) };
    } else {
      this.problem(
        this.rangeOf(line, mark.startOffset, markEnd),
        '§ saknar nummer. Skriv § N följt av rubriken, till exempel § 3 Ekonomi.',
        '§ has no number. Write § N followed by the title, for example § 3 Budget.',
      );
    }
    let markRangeEnd = markEnd;
    let titleStart = markEnd;
    let suffix: Span | undefined;
    const afterMark = this.text.slice(markEnd, line.end);
    // `§ 45/2024`, `§ 4.5`, `§ 4:2`: a shape that is not an item number must not become the title.
    const odd = number
      ? (/^(?:[/:][ \t]*\d+|[.,\-–]\d+)/.exec(afterMark) ??
        (mark.image.endsWith('.') ? /^\d+/.exec(afterMark) : null))
      : null;
    if (odd && number) {
      this.problem(
        this.rangeOf(line, mark.startOffset, markEnd + odd[0].length),
        `"${this.text.slice(mark.startOffset + section, markEnd + odd[0].length).trim()}" är inget paragrafnummer. Skriv § ${number.text} följt av rubriken; året och diarienumret står i (Dnr …) efter rubriken.`,
        `"${this.text.slice(mark.startOffset + section, markEnd + odd[0].length).trim()}" is not an item number. Write § ${number.text} followed by the title; the year and case number go in (Dnr …) after the title.`,
      );
    }
    const letter = number && !odd ? /^[ \t]*([a-zåäö])(?=[ \t]|$)/.exec(afterMark) : null;
    if (letter) {
      const s = markEnd + letter[0].length - 1;
      suffix = { text: letter[1], range: this.rangeOf(line, s, s + 1) };
      markRangeEnd = s + 1;
      titleStart = s + 1;
    }
    let title = this.span(line, odd ? markEnd + odd[0].length : titleStart, line.end);
    let caseNumber: Span | undefined;
    if (title) {
      const dnr = /\((\s*(?:Dnr|Diarienr|Diarienummer|Case)\b[^()]*)\)\s*$/i.exec(title.text);
      if (dnr) {
        const open = this.offsetOf(title) + dnr.index;
        caseNumber = this.span(line, open + 1, open + 1 + dnr[1].length);
        title = this.span(line, this.offsetOf(title), open);
      }
    }
    this.item = {
      start: this.pos(line, mark.startOffset),
      value: {
        mark: this.rangeOf(line, mark.startOffset + Math.max(section, 0), markRangeEnd),
        prefix,
        number,
        value: number ? Number(number.text) : undefined,
        suffix,
        title,
        caseNumber,
        body: [],
      },
    };
  }

  private closeItem(): void {
    if (!this.item) return;
    const { value, start } = this.item;
    let end: Position = value.title?.range.end ?? value.mark.end;
    for (const body of value.body) if (body.kind !== 'blank') end = body.range.end;
    this.items.push({ ...value, range: { start, end } });
    this.item = undefined;
  }

  private readKeywordLine(line: LexedLine, token: IToken, afterLastItem: boolean): void {
    const kind = keywordKind(withoutColon(token.image)) as KeywordKind;
    const colonEnd = token.startOffset + token.image.length;
    const keyword: Keyword = {
      kind,
      text: token.image,
      range: this.rangeOf(line, token.startOffset, colonEnd),
    };
    const value = this.span(line, colonEnd, line.end);
    const whole = this.lineRange(line);
    const beforeItems = this.items.length === 0 && !this.item;

    if (kind === 'paragraphs' && afterLastItem && this.items.length + (this.item ? 1 : 0) > 0) {
      // `Paragrafer:` may also stand in the signature block.
      this.closeItem();
      this.endSection();
      this.context = 'signatures';
      this.header.push(headerField(this.tools, kind, keyword, value, whole));
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
        this.header.push(headerField(this.tools, kind as HeaderKind, keyword, value, whole));
        return;
      }
      return this.readTextLine(line, afterLastItem);
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
      this.section = {
        kind: group === 'absent' ? 'absent' : 'present',
        group,
        range: whole,
        keyword,
        entries: [],
      };
      this.sections.push(this.section);
      this.context = 'section';
      if (value) {
        // `Närvarande: Ulf Andersson, Gullspång` — the first entry on the keyword line.
        this.readAttendee(line, this.offsetOf(value), keyword.range);
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
        this.signatures.push(signatureLine(this.tools, kind, keyword, value, whole));
        return;
      }
      return this.readTextLine(line, afterLastItem);
    }
    // decision, action, next meeting and the v2 item labels
    if (this.context !== 'item' || !this.item) {
      this.problem(
        keyword.range,
        `${canonicalKeyword(kind)}: hör till en §-punkt. Skriv raden under punkten den gäller.`,
        `${KEYWORDS[kind][1]}: belongs to a § item. Write the line under the item it concerns.`,
      );
      return;
    }
    if ((ITEM_LABEL_KINDS as readonly KeywordKind[]).includes(kind)) {
      const label = kind as ItemLabelKind;
      this.item.value.body.push(
        labelLine(this.tools, label, keyword, value, colonEnd, line.end, whole),
      );
      this.listLabel = LIST_LABEL_KINDS.includes(label) ? label : undefined;
      return;
    }
    this.item.value.body.push(this.labelledLine(line, kind, keyword, value, whole));
  }

  private labelledLine(
    line: LexedLine,
    kind: KeywordKind,
    keyword: Keyword,
    value: Span | undefined,
    whole: Range,
  ): BodyLine {
    if (kind === 'decision') return { kind: 'decision', range: whole, keyword, text: value };
    if (kind === 'nextMeeting') {
      if (!value) return { kind: 'nextMeeting', range: whole, keyword };
      const start = this.offsetOf(value);
      const comma = value.text.indexOf(',');
      const space = value.text.search(/\s/);
      const cut = comma >= 0 ? comma : space >= 0 ? space : value.text.length;
      return {
        kind: 'nextMeeting',
        range: whole,
        keyword,
        date: this.span(line, start, start + cut),
        place: this.span(line, start + cut + (comma >= 0 ? 1 : 0), line.end),
      };
    }
    const tokens = lexLineRest(this.text, keyword.range.end.character + line.start, line.end);
    // The owner's `@` starts a word: `mejla ulf@vara.se @Bo Ek` is owned by Bo Ek.
    const at = tokens.find((t) => {
      const before = this.text.charCodeAt(t.startOffset - 1);
      return t.tokenType === At && (isBlank(before) || before === 58); /* : */
    });
    const { cst, errors } = parseLine(
      at ? tokens.filter((t) => t.startOffset >= at.startOffset) : [],
      'action',
    );
    if (errors.length > 0 || !cst) {
      this.syntaxError(
        line,
        errors[0]?.token,
        'Åtgärd: text @Namn, ÅÅÅÅ-MM-DD',
        'Action: text @Name, YYYY-MM-DD',
      );
    }
    const textEnd = at ? at.startOffset : line.end;
    const afterAt = at ? at.startOffset + 1 : line.end;
    const ownerComma = at
      ? tokens.find((t) => t.tokenType === Comma && t.startOffset > at.startOffset)
      : undefined;
    return {
      kind: 'action',
      range: whole,
      keyword,
      text: this.span(line, keyword.range.end.character + line.start, textEnd),
      at: at ? this.rangeOf(line, at.startOffset, at.startOffset + 1) : undefined,
      owner: at
        ? this.span(line, afterAt, ownerComma ? ownerComma.startOffset : line.end)
        : undefined,
      due: ownerComma ? this.span(line, ownerComma.startOffset + 1, line.end) : undefined,
    };
  }

  private readBullet(line: LexedLine, marker: IToken): void {
    const markerRange = this.rangeOf(line, marker.startOffset, marker.startOffset + 1);
    const after = marker.startOffset + marker.image.length;
    if (this.context === 'section') return this.readAttendee(line, after, markerRange);
    if (this.context === 'signatures') return this.notASignature(line);
    const inItem = this.context === 'item' && this.item;
    if (inItem) {
      // `- Ja: 7`, `- Avstår: 2` — a vote tally, never an organisation.
      const tally = tallyLine(this.tools, after, line.end, this.lineRange(line), markerRange);
      if (tally) {
        this.item!.value.body.push(tally);
        return;
      }
    }
    const text = this.span(line, after, line.end);
    const list = inItem ? this.listLabel : undefined;
    // `- Hjo: text` — a short label and a colon followed by a blank or the line end; not
    // `- Kl 10:00 fika`, a URL, a vote tally or a bullet of a list under a label.
    const label = list
      ? null
      : /^([^,():@\r\n]+):(?=[ \t]|$)/.exec(this.text.slice(after, line.end));
    let roundTable: { organisation: Span; text?: Span } | undefined;
    if (label && !voteChoice(label[1])) {
      const organisation = this.span(line, after, after + label[1].length);
      if (organisation && organisation.text.split(/\s+/).length <= 4) {
        roundTable = { organisation, text: this.span(line, after + label[0].length, line.end) };
      }
    }
    const bullet: BodyLine = {
      kind: 'bullet',
      range: this.lineRange(line),
      marker: markerRange,
      text,
      roundTable,
      list,
      persons: list ? bulletPersons(this.tools, list, after, line.end) : undefined,
    };
    if (inItem) this.item!.value.body.push(bullet);
    else this.preamble.push(bullet);
  }

  private readAttendee(line: LexedLine, from: number, marker: Range): void {
    const section = this.section as AttendanceSection;
    const entry = readAttendeeContent(
      this.tools,
      from,
      line.end,
      section.group,
      this.lineRange(line),
      marker,
    );
    section.entries.push(entry);
    (section as { range: Range }).range = { start: section.range.start, end: entry.range.end };
  }

  private readTextLine(line: LexedLine, afterLastItem: boolean): void {
    const whole = this.lineRange(line);
    if (this.context === 'item' && this.item) {
      const tally = tallyLine(this.tools, line.tokens[0].startOffset, line.end, whole);
      if (tally) return void this.item.value.body.push(tally);
    }
    if (this.suggestKeyword(line)) return;
    if (
      this.context === 'signatures' ||
      (afterLastItem &&
        this.items.length > 0 &&
        this.context !== 'item' &&
        this.signatures.length > 0)
    ) {
      return this.notASignature(line);
    }
    const text = this.span(line, line.start, line.end) as Span;
    if (this.context === 'section') {
      if (this.text.slice(line.start, line.end).includes(',')) {
        const start = this.offsetOf(text);
        this.problems.push({
          range: whole,
          message: {
            sv: 'En närvarorad börjar med "- ": skriv - Namn, Organisation.',
            en: 'An attendance line starts with "- ": write - Name, Organisation.',
          },
          fix: {
            range: this.rangeOf(line, start, start),
            newText: '- ',
            title: { sv: 'Lägg till "- "', en: 'Add "- "' },
          },
        });
        return;
      }
      this.endSection();
    }
    if (this.context === 'item' && this.item) {
      const start = this.offsetOf(text);
      // Trailing blanks of any kind change nothing (formatting removes them).
      let end = line.end;
      while (end > start && /\s/.test(this.text[end - 1])) end--;
      this.item.value.body.push(
        immediateLine(text, whole) ??
          electionLine(this.tools, text, start, end, whole) ?? {
            kind: 'text',
            range: whole,
            text,
          },
      );
      return;
    }
    const body: BodyLine = { kind: 'text', range: whole, text };
    if (this.context === 'item' && this.item) this.item.value.body.push(body);
    else this.preamble.push(body);
  }

  private notASignature(line: LexedLine): void {
    this.problem(
      this.lineRange(line),
      'Efter den sista §-punkten följer bara underskrifter: Ordförande:, Sekreterare:, Justerare:, Justerat:, Anslaget:.',
      'After the last § item only signature lines follow: Chair:, Secretary:, Adjuster:, Signed:, Posted: (or the Swedish keywords).',
    );
  }

  /** A misspelt keyword at the line start is reported with its fix instead of read as text. */
  private suggestKeyword(line: LexedLine): boolean {
    const start = line.tokens[0].startOffset;
    const problem = misspeltKeyword(this.text, start, line.end, this.context === 'item', (s, e) =>
      this.rangeOf(line, s, e),
    );
    if (problem) this.problems.push(problem);
    return problem !== undefined;
  }

  private syntaxError(
    line: LexedLine,
    token: IToken | undefined,
    svShape: string,
    enShape: string,
  ): void {
    const at = token && !Number.isNaN(token.startOffset) ? token : undefined;
    const range = at
      ? this.rangeOf(line, at.startOffset, at.startOffset + at.image.length)
      : this.lineRange(line);
    const what = at ? `"${at.image}"` : 'radslut';
    this.problem(
      range,
      `Oväntat ${what} här. Raden ska ha formen ${svShape}.`,
      `Unexpected ${at ? `"${at.image}"` : 'end of line'} here. The line should read ${enShape}.`,
    );
  }

  private endSection(): void {
    this.section = undefined;
    if (this.context === 'section') this.context = 'header';
  }

  private problem(range: Range, sv: string, en: string): void {
    this.problems.push({ range, message: { sv, en } });
  }

  /** A trimmed span between two absolute offsets on one line. */
  private spanAt(start: number, end: number): Span | undefined {
    return this.span(this.lines[this.lineOf(start)], start, end);
  }

  private absoluteRange(start: number, end: number): Range {
    return this.rangeOf(this.lines[this.lineOf(start)], start, end);
  }

  /** The line holding an offset (binary search over the line starts). */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private pos(line: LexedLine, offset: number): Position {
    return { line: line.line, character: offset - line.start };
  }

  private rangeOf(line: LexedLine, start: number, end: number): Range {
    return { start: this.pos(line, start), end: this.pos(line, end) };
  }

  private lineRange(line: LexedLine): Range {
    return this.rangeOf(line, line.start, line.end);
  }

  private offsetOf(span: Span): number {
    return this.lineStarts[span.range.start.line] + span.range.start.character;
  }

  /** The trimmed text between two offsets of a line, or undefined when it is blank. */
  private span(line: LexedLine, start: number, end: number): Span | undefined {
    while (start < end && isBlank(this.text.charCodeAt(start))) start++;
    while (end > start && isBlank(this.text.charCodeAt(end - 1))) end--;
    if (start >= end) return undefined;
    return { text: this.text.slice(start, end), range: this.rangeOf(line, start, end) };
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff;
}
