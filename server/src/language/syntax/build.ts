import type { IToken } from 'chevrotain';
import type { Position, Range } from '../types';
import { editDistance } from '../text';
import type {
  AgendaItem,
  AttendanceEntry,
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
import {
  attendeeRole,
  canonicalKeyword,
  HEADER_AND_SIGNATURE_SPELLINGS,
  LABEL_SPELLINGS,
  keywordKind,
  KEYWORDS,
  type HeaderKind,
  type KeywordKind,
  type SignatureKind,
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

  constructor(private readonly text: string) {
    const lexed = lex(text);
    this.lines = lexed.lines;
    this.lineStarts = lexed.lineStarts;
  }

  build(): ProtokollAst {
    let lastItemLine = -1;
    for (const line of this.lines) {
      if (line.tokens[0]?.tokenType === ItemMark) lastItemLine = line.line;
    }
    for (const line of this.lines) this.readLine(line, line.line > lastItemLine);
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
      if (this.context === 'item') this.item?.value.body.push({ kind: 'blank', range: whole });
      return;
    }
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
    const letter = number ? /^[ \t]*([a-zåäö])(?=[ \t]|$)/.exec(afterMark) : null;
    if (letter) {
      const s = markEnd + letter[0].length - 1;
      suffix = { text: letter[1], range: this.rangeOf(line, s, s + 1) };
      markRangeEnd = s + 1;
      titleStart = s + 1;
    }
    let title = this.span(line, titleStart, line.end);
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
        mark: this.rangeOf(line, mark.startOffset, markRangeEnd),
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
    const kind = keywordKind(token.image.replace(/[ \t]*:$/, '')) as KeywordKind;
    const colonEnd = token.startOffset + token.image.length;
    const keyword: Keyword = {
      kind,
      text: token.image,
      range: this.rangeOf(line, token.startOffset, colonEnd),
    };
    const value = this.span(line, colonEnd, line.end);
    const whole = this.lineRange(line);
    const beforeItems = this.items.length === 0 && !this.item;

    if (kind === 'date' || kind === 'time' || kind === 'place') {
      if (beforeItems && this.context !== 'signatures') {
        this.endSection();
        if (this.header.some((h) => h.kind === kind)) {
          this.problem(
            keyword.range,
            `${canonicalKeyword(kind)} står redan i huvudet. Ta bort den ena raden.`,
            `${KEYWORDS[kind][1]} is already given in the header. Remove one of the lines.`,
          );
        }
        this.header.push({ kind: kind as HeaderKind, range: whole, keyword, value });
        return;
      }
      return this.readTextLine(line, afterLastItem);
    }
    if (kind === 'present' || kind === 'absent') {
      if (!beforeItems || this.context === 'signatures') {
        this.problem(
          keyword.range,
          `${canonicalKeyword(kind)}: ska stå före den första §-punkten.`,
          `${KEYWORDS[kind][1]}: belongs before the first § item.`,
        );
        return;
      }
      this.endSection();
      this.section = { kind, range: whole, keyword, entries: [] };
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
        this.signatures.push(this.signatureLine(kind, keyword, value, whole));
        return;
      }
      return this.readTextLine(line, afterLastItem);
    }
    // decision, action, next meeting
    if (this.context !== 'item' || !this.item) {
      this.problem(
        keyword.range,
        `${canonicalKeyword(kind)}: hör till en §-punkt. Skriv raden under punkten den gäller.`,
        `${KEYWORDS[kind][1]}: belongs to a § item. Write the line under the item it concerns.`,
      );
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

  private signatureLine(
    kind: SignatureKind,
    keyword: Keyword,
    value: Span | undefined,
    whole: Range,
  ): SignatureLine {
    if (kind === 'adjusted' || kind === 'posted')
      return { kind, range: whole, keyword, names: [], date: value };
    const names: Span[] = [];
    if (value) {
      const line = value.range.start.line;
      const base = this.offsetOf(value);
      let start = 0;
      for (const part of value.text.split(',')) {
        const lexed = this.lines[line];
        const span = this.span(lexed, base + start, base + start + part.length);
        if (span) names.push(span);
        start += part.length + 1;
      }
    }
    return { kind, range: whole, keyword, names };
  }

  private readBullet(line: LexedLine, marker: IToken): void {
    const markerRange = this.rangeOf(line, marker.startOffset, marker.startOffset + 1);
    const after = marker.startOffset + marker.image.length;
    if (this.context === 'section') return this.readAttendee(line, after, markerRange);
    if (this.context === 'signatures') return this.notASignature(line);
    const text = this.span(line, after, line.end);
    // `- Hjo: text` — a short label and a colon followed by a blank or the line end; not
    // `- Kl 10:00 fika` or a URL.
    const label = /^([^,():@\r\n]+):(?=[ \t]|$)/.exec(this.text.slice(after, line.end));
    let roundTable: { organisation: Span; text?: Span } | undefined;
    if (label) {
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
    };
    if (this.context === 'item' && this.item) this.item.value.body.push(bullet);
    else this.preamble.push(bullet);
  }

  private readAttendee(line: LexedLine, from: number, marker: Range): void {
    const section = this.section as AttendanceSection;
    const tokens = lexLineRest(this.text, from, line.end);
    const { errors } = parseLine(tokens, 'attendee');
    if (errors.length > 0) {
      this.syntaxError(
        line,
        errors[0].token,
        '- Namn, Organisation (roll)',
        '- Name, Organisation (role)',
      );
    }
    const comma = tokens.find((t) => t.tokenType === Comma);
    const open = tokens.find((t) => t.tokenType.name === 'LParen');
    const close = tokens.find(
      (t) => t.tokenType.name === 'RParen' && (!open || t.startOffset > open.startOffset),
    );
    const mainEnd = open ? open.startOffset : line.end;
    let name: Span | undefined;
    let organisation: Span | undefined;
    if (comma && comma.startOffset < mainEnd) {
      name = this.span(line, from, comma.startOffset);
      organisation = this.span(line, comma.startOffset + 1, mainEnd);
    } else if (section.kind === 'absent') {
      organisation = this.span(line, from, mainEnd);
    } else {
      name = this.span(line, from, mainEnd);
    }
    const role = open
      ? this.span(line, open.startOffset + 1, close ? close.startOffset : line.end)
      : undefined;
    const entry: AttendanceEntry = {
      range: this.lineRange(line),
      marker,
      name,
      organisation,
      role,
      roleKind: role ? attendeeRole(role.text) : undefined,
    };
    if (role && !entry.roleKind) {
      this.problem(
        role.range,
        `Okänd roll "${role.text}". Använd ordförande, sekreterare, justerare, adjungerad eller ersättare.`,
        `Unknown role "${role.text}". Use chair, secretary, adjuster, co-opted or substitute (or the Swedish ordförande, sekreterare, justerare, adjungerad, ersättare).`,
      );
    }
    section.entries.push(entry);
    (section as { range: Range }).range = { start: section.range.start, end: entry.range.end };
  }

  private readTextLine(line: LexedLine, afterLastItem: boolean): void {
    const whole = this.lineRange(line);
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

  /**
   * A line that starts with `Word:` where Word is one or two edits from a keyword is almost
   * certainly a misspelt keyword; report it with the replacement instead of reading it as text.
   */
  private suggestKeyword(line: LexedLine): boolean {
    const match = /^([\p{L}]+(?: [\p{L}]+)?)[ \t]*:/u.exec(
      this.text.slice(line.tokens[0].startOffset, line.end),
    );
    if (!match) return false;
    const word = match[1];
    const inBody = this.context === 'item';
    if (inBody && word.length < 5) return false;
    const candidates = inBody ? LABEL_SPELLINGS : HEADER_AND_SIGNATURE_SPELLINGS;
    const limit = inBody || word.length < 6 ? 1 : 2;
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
      const d = editDistance(word.toLowerCase(), candidate.toLowerCase(), limit);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (!best || bestDistance === 0) return false;
    const start = line.tokens[0].startOffset;
    const range = this.rangeOf(line, start, start + word.length);
    this.problems.push({
      range,
      message: {
        sv: `Okänt nyckelord "${word}". Menade du "${best}"?`,
        en: `Unknown keyword "${word}". Did you mean "${best}"?`,
      },
      fix: {
        range,
        newText: best,
        title: { sv: `Ersätt med "${best}"`, en: `Replace with "${best}"` },
      },
    });
    return true;
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
