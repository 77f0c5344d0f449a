import type { PersonRef, ProtokollAst, Span, TallyLine } from '../syntax/ast';
import { KEYWORDS, NATIONAL_PARTIES, canonicalKeyword, keywordKind } from '../syntax/keywords';
import { withoutColon } from '../text';
import { lex, Bullet, Comment, ItemMark, Keyword, TitleMark } from '../syntax/lexer';
import type { Range, TextEdit } from '../types';

/**
 * Canonical formatting: `§ N` marks (a body prefix such as `KS` kept), Swedish keyword spelling
 * with `: ` (English aliases become Swedish; Swedish synonyms such as `Justerande` and
 * `Ledamöter` are kept), `- ` list markers, single spaces in attendance lines with `, ` between
 * parts and one blank before `(`, party letters as `(S)`, `§ 12–15` with an en dash, vote tallies
 * as `Ja: 7`, no trailing blanks, one blank line between blocks, the document's own line ending.
 * Words are never changed, and lines the parser could not read are left as written (apart from
 * trailing blanks) so that formatting never hides a mistake.
 */
export function formatText(
  text: string,
  ast: ProtokollAst,
  onlyLines?: { start: number; end: number },
): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const { lines } = lex(text);
  const problemLines = new Set(ast.problems.map((p) => p.range.start.line));
  const keywordLines = new Set<number>();
  for (const h of ast.header) keywordLines.add(h.range.start.line);
  for (const s of ast.sections) keywordLines.add(s.keyword.range.start.line);
  for (const s of ast.signatures) keywordLines.add(s.range.start.line);
  const tallies = new Map<number, TallyLine>();
  for (const item of ast.items) {
    for (const b of item.body) {
      if (b.kind === 'tally') tallies.set(b.range.start.line, b);
      else if (b.kind !== 'text' && b.kind !== 'blank' && b.kind !== 'bullet')
        keywordLines.add(b.range.start.line);
    }
  }
  const attendance = new Set<number>();
  for (const s of ast.sections) {
    for (const e of s.entries) {
      if (e.range.start.line !== s.keyword.range.start.line) attendance.add(e.range.start.line);
    }
  }
  const pieces = canonicalPieces(ast);
  const firstSignature = ast.signatures[0]?.range.start.line;
  const blockStarts = new Set<number>([
    ...ast.items.map((i) => i.mark.start.line),
    ...ast.sections.map((s) => s.range.start.line),
  ]);
  if (firstSignature !== undefined) blockStarts.add(firstSignature);

  const out: string[] = [];
  for (const line of lines) {
    const raw = text
      .slice(line.start, line.end)
      .replace(bom && line.line === 0 ? /^\uFEFF/ : /$^/, '');
    const inRange = !onlyLines || (line.line >= onlyLines.start && line.line <= onlyLines.end);
    if (!inRange) {
      out.push(raw);
      continue;
    }
    let formatted: string;
    if (problemLines.has(line.line)) formatted = raw.trimEnd();
    else {
      // Character positions of the line are those of `source` (the BOM only precedes line 0's
      // first token, and canonical pieces never touch the first token).
      const source = applyPieces(text.slice(line.start, line.end), pieces.get(line.line));
      formatted = formatLine(
        source,
        line.tokens,
        line.start,
        keywordLines.has(line.line),
        attendance.has(line.line),
        tallies.get(line.line),
      );
    }
    if (!onlyLines) {
      const previous = out[out.length - 1];
      if (formatted === '') {
        if (out.length === 0 || previous === '') continue;
      } else if (
        blockStarts.has(line.line) &&
        out.length > 0 &&
        previous !== '' &&
        !previous.startsWith('//')
      ) {
        out.push('');
      }
    }
    out.push(formatted);
  }
  if (!onlyLines) {
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    if (out.length > 0) out.push('');
  }
  return bom + out.join(eol);
}

function formatLine(
  source: string,
  tokens: ReturnType<typeof lex>['lines'][number]['tokens'],
  lineStart: number,
  isKeywordLine: boolean,
  isAttendance: boolean,
  tally: TallyLine | undefined,
): string {
  const first = tokens[0];
  if (!first) return '';
  const start = first.startOffset - lineStart;
  const after = start + first.image.length;
  // Leading: only the blanks the lexer skips; a Unicode space before `Nej:` keeps `- \u2000Nej: …`
  // a bullet (without it the line would become a vote tally).
  const rest = (from: number): string =>
    source
      .slice(from)
      .replace(/^[ \t]+/, '')
      .trimEnd();
  // The line from its first token: only the indentation the lexer skips ([ \t\uFEFF]) goes.
  // `trim()` would also drop a leading no-break or other Unicode space, and the line
  // `\u00a0§ 2 …` (body text) would come back as a new item.
  const asWritten = (): string => source.slice(start).trimEnd();
  if (tally) {
    const marker = first.tokenType === Bullet ? '- ' : '';
    const value = source.slice(tally.label.range.end.character).trim();
    const shown = tally.persons.length > 0 ? spaceList(value) : value;
    return `${marker}${TALLY_LABELS[tally.choice]}:${shown ? ` ${shown}` : ''}`;
  }
  switch (first.tokenType) {
    case Comment:
      return asWritten();
    case TitleMark:
      return `# ${rest(after)}`.trimEnd();
    case ItemMark: {
      const digits = /\d+/.exec(first.image)?.[0] ?? '';
      const prefix = /^[^§]*/.exec(first.image)![0].trim();
      return `${prefix ? `${prefix} ` : ''}§ ${digits} ${rest(after)}`.trimEnd();
    }
    case Keyword: {
      if (!isKeywordLine) return asWritten();
      const spelling = withoutColon(first.image);
      const value = rest(after);
      return `${formattedKeyword(spelling)}:${value ? ' ' + value : ''}`;
    }
    case Bullet: {
      const content = rest(after);
      if (isAttendance) return `- ${spaceList(content)}`.trimEnd();
      return content ? `- ${content}` : '-';
    }
    default:
      return asWritten();
  }
}

const TALLY_LABELS = { yes: 'Ja', no: 'Nej', abstain: 'Avstår' } as const;

/**
 * Swedish synonyms a municipality or association may use as its house style: formatting keeps
 * them (with the canonical capitalisation) instead of writing the first spelling. English
 * spellings always become the Swedish canonical keyword.
 */
const KEPT_SWEDISH_SYNONYMS: ReadonlySet<string> = new Set([
  'Ledamöter',
  'Övriga deltagande',
  'Yrkande',
  'Reservationer',
  'Protokollsanteckningar',
  'Expedieras till',
  'Bilaga',
  'Protokollförare',
  'Justerande',
]);

function formattedKeyword(spelling: string): string {
  const kind = keywordKind(spelling);
  if (!kind) return spelling;
  const written = spelling.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  const synonym = (KEYWORDS[kind] as readonly string[]).find(
    (s) => s.toLowerCase() === written && KEPT_SWEDISH_SYNONYMS.has(s),
  );
  return synonym ?? canonicalKeyword(kind);
}

/** One space between words, `, ` between parts, one blank before `(` and none inside. */
function spaceList(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?, ?/g, ', ')
    .replace(/ ?\( ?/g, ' (')
    .replace(/ ?\)/g, ')')
    .trim();
}

/** A replacement of part of a line: `[start, end)` in characters of the line. */
interface Piece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Party letters: the parentheses around them are rewritten too. */
  readonly party?: boolean;
}

/**
 * The parts of lines that have a canonical form of their own: party letters in parentheses
 * (`( kd )` → `(KD)`) and paragraph sets (`§12 - 15` → `§ 12–15`), wherever the parser read them.
 */
function canonicalPieces(ast: ProtokollAst): Map<number, Piece[]> {
  const byLine = new Map<number, Piece[]>();
  const add = (line: number, piece: Piece): void => {
    const list = byLine.get(line);
    if (list) list.push(piece);
    else byLine.set(line, [piece]);
  };
  const party = (span: Span | undefined): void => {
    if (!span) return;
    add(span.range.start.line, {
      start: span.range.start.character,
      end: span.range.end.character,
      text: canonicalParty(span.text),
      party: true,
    });
  };
  const persons = (list: readonly PersonRef[] | undefined): void => {
    for (const person of list ?? []) party(person.party);
  };
  const paragraphs = (span: Span | undefined): void => {
    if (!span) return;
    add(span.range.start.line, {
      start: span.range.start.character,
      end: span.range.end.character,
      text: canonicalParagraphs(span.text),
    });
  };
  for (const field of ast.header) {
    persons(field.persons);
    paragraphs(field.paragraphs?.span);
  }
  for (const section of ast.sections) {
    for (const entry of section.entries) {
      party(entry.party);
      party(entry.replaces?.party);
      paragraphs(entry.paragraphs?.span);
    }
  }
  for (const item of ast.items) {
    for (const line of item.body) {
      if (line.kind === 'tally' || line.kind === 'election') persons(line.persons);
      else if (line.kind === 'label' || line.kind === 'bullet') persons(line.persons);
    }
  }
  for (const line of ast.signatures) persons(line.persons);
  return byLine;
}

/** `kd` → `KD` when the upper-case form is a national party and the written one is not. */
function canonicalParty(letters: string): string {
  const trimmed = letters.trim();
  const upper = trimmed.toUpperCase();
  return NATIONAL_PARTIES[trimmed] === undefined && NATIONAL_PARTIES[upper] !== undefined
    ? upper
    : trimmed;
}

/** `§12 - 15` → `§ 12–15`; separators keep their words (`och`), commas get one blank after. */
function canonicalParagraphs(text: string): string {
  return text
    .replace(/(\d)[ \t]*[-–—][ \t]*(?=\d)/g, '$1–')
    .replace(/^(§§?)[ \t]*/, '$1 ')
    .replace(/[ \t]*,[ \t]*/g, ', ');
}

/**
 * The line with the pieces replaced. A party piece takes in the parentheses around it and the
 * blanks before them: `Anna Ek( s )` → `Anna Ek (S)`.
 */
function applyPieces(line: string, pieces: readonly Piece[] | undefined): string {
  if (!pieces) return line;
  let out = line;
  for (const piece of [...pieces].sort((a, b) => b.start - a.start)) {
    let { start, end, text } = piece;
    if (piece.party) {
      let open = start;
      while (open > 0 && (line[open - 1] === ' ' || line[open - 1] === '\t')) open--;
      let close = end;
      while (close < line.length && (line[close] === ' ' || line[close] === '\t')) close++;
      if (open > 0 && line[open - 1] === '(' && line[close] === ')') {
        start = open - 1;
        end = close + 1;
        while (start > 0 && (line[start - 1] === ' ' || line[start - 1] === '\t')) start--;
        text = `${start > 0 ? ' ' : ''}(${text})`;
      }
    }
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}

/** The smallest single edit that turns `before` into `after`. */
export function minimalEdit(
  before: string,
  after: string,
  positionAt: (offset: number) => Range['start'],
): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  // Never cut a CRLF pair or a surrogate pair in two.
  while (start > 0 && (before[start - 1] === '\r' || isHighSurrogate(before.charCodeAt(start - 1))))
    start--;
  while (
    endBefore < before.length &&
    (before[endBefore] === '\n' || isLowSurrogate(before.charCodeAt(endBefore)))
  ) {
    endBefore++;
    endAfter++;
  }
  return [
    {
      range: { start: positionAt(start), end: positionAt(endBefore) },
      newText: after.slice(start, endAfter),
    },
  ];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
