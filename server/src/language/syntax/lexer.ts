import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { KEYWORDS } from './keywords';
import { contentEnd } from '../text';

/*
 * Two lexer modes: at the start of a line the keywords, marks and list markers are recognised;
 * after the first token of a line only text and the punctuation the line grammars need.
 * Keywords therefore only count at line start ("Beslut:" in mid-sentence is plain text).
 */

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
const NewlineInLine = createToken({
  name: 'NewlineInLine',
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
  pop_mode: true,
  categories: [Newline],
});
const Indent = createToken({ name: 'Indent', pattern: /[ \t\uFEFF]+/, group: Lexer.SKIPPED });
const Blank = createToken({ name: 'Blank', pattern: /[ \t]+/, group: Lexer.SKIPPED });

export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\r\n]*/ });
export const TitleMark = createToken({ name: 'TitleMark', pattern: /#/, push_mode: 'prose' });
// `§ 45`, and `KS § 45`: the body's short name (one to five capitals) may stand before the §.
export const ITEM_MARK_PATTERN = /(?:[A-ZÅÄÖ]{1,5}[ \t]+)?§[ \t]*\d*\.?/;
export const ItemMark = createToken({
  name: 'ItemMark',
  pattern: ITEM_MARK_PATTERN,
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ§'],
  push_mode: 'prose',
});

function keywordPattern(): RegExp {
  const spellings = Object.values(KEYWORDS)
    .flat()
    .flatMap((s) => [s, s.normalize('NFD')])
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/ /g, '[ \\t]+'));
  return new RegExp(`(?:${[...new Set(spellings)].join('|')})[ \\t]*:`, 'i');
}

/** Any keyword spelling followed by its colon (case-insensitive; blanks inside may vary). */
export const KEYWORD_PATTERN = keywordPattern();
export const Keyword = createToken({
  name: 'Keyword',
  pattern: KEYWORD_PATTERN,
  push_mode: 'prose',
  start_chars_hint: [
    ...new Set(
      Object.values(KEYWORDS)
        .flat()
        .flatMap((s) => [s[0], s[0].toLowerCase(), s[0].toUpperCase()]),
    ),
  ],
});
export const Bullet = createToken({
  name: 'Bullet',
  // A lone `-` counts as a bullet whatever blanks (a no-break space) follow it to the line end.
  pattern: /[-•*][ \t]+|[-•](?=[^\S\r\n]*(?![^\r\n]))/,
  start_chars_hint: ['-', '•', '*'],
  push_mode: 'prose',
});

export const Text = createToken({ name: 'Text', pattern: /[^\r\n,():@ \t][^\r\n,():@]*/ });
// After the first token of a line, the rest is one token: most lines are prose whose inside is
// never parsed, and fewer tokens is most of the lexer's speed. The few lines whose inside the
// parser reads (attendance entries, actions) are tokenised again with `lexLineRest`.
const LineStartText = createToken({
  name: 'LineStartText',
  pattern: /[^\r\n \t][^\r\n,():@]*/,
  categories: [Text],
  push_mode: 'prose',
});
const ProseRest = createToken({ name: 'ProseRest', pattern: /[^\r\n]+/, categories: [Text] });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const At = createToken({ name: 'At', pattern: /@/ });

export const allTokens: TokenType[] = [
  Newline,
  NewlineInLine,
  Indent,
  Blank,
  Comment,
  TitleMark,
  ItemMark,
  Keyword,
  Bullet,
  Text,
  LineStartText,
  ProseRest,
  Comma,
  LParen,
  RParen,
  Colon,
  At,
];

// Built on first use: the block builder classifies lines without tokens, so a language server
// that is not asked to format, nor meets an action line it must explain, never needs them (and
// building a lexer analyses every pattern).
let lexer: Lexer | undefined;
const documentLexer = (): Lexer =>
  (lexer ??= new Lexer(
    {
      modes: {
        start: [Newline, Indent, Comment, TitleMark, ItemMark, Keyword, Bullet, LineStartText],
        prose: [NewlineInLine, ProseRest],
      },
      defaultMode: 'start',
    },
    { positionTracking: 'onlyOffset', ensureOptimizations: false },
  ));

let lineLexer: Lexer | undefined;
const lineRestLexer = (): Lexer =>
  (lineLexer ??= new Lexer([Blank, Comma, LParen, RParen, Colon, At, Text], {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
  }));

/** The inside of one line from `start` to `end`: text and the punctuation the line grammars use. */
export function lexLineRest(text: string, start: number, end: number): IToken[] {
  const { tokens } = lineRestLexer().tokenize(text.slice(start, end));
  for (const token of tokens) {
    token.startOffset += start;
    token.endOffset = token.startOffset + token.image.length - 1;
  }
  return tokens;
}

/** The tokens of one source line, without its line break. */
export interface LexedLine {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: IToken[];
}

/**
 * Splits the text into lines and tokenises them. Every character is covered by some token
 * pattern, so the lexer never reports errors; the per-line grouping is what makes one bad line
 * unable to hide the next.
 */
export function lex(text: string): { lines: LexedLine[]; lineStarts: number[] } {
  const { tokens } = documentLexer().tokenize(text);
  const lines: LexedLine[] = [];
  const lineStarts: number[] = [0];
  let current: IToken[] = [];
  let start = 0;
  const endLine = (lineEnd: number) => {
    const end = contentEnd(text, start, lineEnd);
    // A token that is all trailing white space (a line of no-break spaces) is no token.
    while (current.length > 0 && current[current.length - 1].startOffset >= end) current.pop();
    lines.push({ line: lines.length, start, end, tokens: current });
  };
  for (const token of tokens) {
    if (token.tokenType === Newline || token.tokenType === NewlineInLine) {
      endLine(token.startOffset);
      start = token.startOffset + token.image.length;
      lineStarts.push(start);
      current = [];
    } else {
      current.push(token);
    }
  }
  endLine(text.length);
  return { lines, lineStarts };
}
