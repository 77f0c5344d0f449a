import type { ProtokollAst } from '../syntax/ast';
import { withoutColon } from '../text';
import { canonicalKeyword, keywordKind } from '../syntax/keywords';
import { lex, Bullet, Comment, ItemMark, Keyword, TitleMark } from '../syntax/lexer';
import type { Range, TextEdit } from '../types';

/**
 * Canonical formatting: `§ N` marks, Swedish keyword spelling with `: `, `- ` list markers,
 * single spaces in attendance lines, no trailing blanks, one blank line between blocks, the
 * document's own line ending. Words are never changed, and lines the parser could not read are
 * left as written (apart from trailing blanks) so that formatting never hides a mistake.
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
  const offsetOfPosition = (p: { line: number; character: number }) =>
    ast.lineStarts[p.line] + p.character;
  const keywordLines = new Set<number>();
  for (const h of ast.header) keywordLines.add(h.range.start.line);
  for (const s of ast.sections) keywordLines.add(s.keyword.range.start.line);
  for (const s of ast.signatures) keywordLines.add(s.range.start.line);
  for (const item of ast.items) {
    for (const b of item.body)
      if (b.kind !== 'text' && b.kind !== 'blank' && b.kind !== 'bullet')
        keywordLines.add(b.range.start.line);
  }
  const attendance = new Map<number, { name?: string; organisation?: string; role?: string }>();
  for (const s of ast.sections) {
    for (const e of s.entries) {
      // v2 lines (party letters, a role or function after a comma, `ersätter`, `§ 12–15`) have
      // no v1 canonical form: they keep their words as written, behind a `- ` marker.
      const v2 =
        e.party ||
        e.function ||
        e.replaces ||
        e.paragraphs ||
        (e.role && text.charCodeAt(offsetOfPosition(e.role.range.start) - 1) !== 40);
      if (e.range.start.line !== s.keyword.range.start.line && !v2) {
        attendance.set(e.range.start.line, {
          name: e.name?.text,
          organisation: e.organisation?.text,
          role: e.role?.text,
        });
      }
    }
  }
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
    const formatted = problemLines.has(line.line)
      ? raw.trimEnd()
      : formatLine(
          line.tokens,
          line.end,
          text,
          keywordLines.has(line.line),
          attendance.get(line.line),
        );
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
  tokens: ReturnType<typeof lex>['lines'][number]['tokens'],
  lineEnd: number,
  text: string,
  isKeywordLine: boolean,
  entry: { name?: string; organisation?: string; role?: string } | undefined,
): string {
  const first = tokens[0];
  if (!first) return '';
  // Leading: only the blanks the lexer skips; a Unicode space before `Nej:` keeps `- \u2000Nej: …`
  // a bullet (without it the line would become a vote tally).
  const rest = (from: number): string =>
    text
      .slice(from, lineEnd)
      .replace(/^[ \t]+/, '')
      .trimEnd();
  // The line from its first token: only the indentation the lexer skips ([ \t\uFEFF]) goes.
  // `raw.trim()` would also drop a leading no-break or other Unicode space, and the line
  // `\u00a0§ 2 …` (body text) would come back as a new item.
  const asWritten = (): string => text.slice(first.startOffset, lineEnd).trimEnd();
  const after = first.startOffset + first.image.length;
  switch (first.tokenType) {
    case Comment:
      return asWritten();
    case TitleMark:
      return `# ${rest(after)}`.trimEnd();
    case ItemMark: {
      const digits = /\d+/.exec(first.image)?.[0] ?? '';
      // `KS § 45`: the body's short name stays.
      const prefix = first.image.slice(0, first.image.indexOf('§')).trim();
      return `${prefix ? `${prefix} ` : ''}§ ${digits} ${rest(after)}`.trimEnd();
    }
    case Keyword: {
      if (!isKeywordLine) return asWritten();
      const spelling = withoutColon(first.image);
      const canonical = canonicalKeywordOf(spelling);
      const value = rest(after);
      return `${canonical}:${value ? ' ' + value : ''}`;
    }
    case Bullet: {
      if (entry) {
        const main = [entry.name, entry.organisation].filter(Boolean).join(', ');
        return `- ${main}${entry.role ? ` (${entry.role})` : ''}`.trimEnd();
      }
      const content = rest(after);
      return content ? `- ${content}` : '-';
    }
    default:
      return asWritten();
  }
}

function canonicalKeywordOf(spelling: string): string {
  const kind = keywordKind(spelling);
  return kind ? canonicalKeyword(kind) : spelling;
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
