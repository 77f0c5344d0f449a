import { CstParser, type CstNode, type IRecognitionException, type IToken } from 'chevrotain';
import {
  allTokens,
  At,
  Bullet,
  Colon,
  Comma,
  Comment,
  ItemMark,
  Keyword,
  LParen,
  RParen,
  Text,
  TitleMark,
} from './lexer';

/**
 * The line grammars. The document's block structure (header, sections, items, signature block)
 * is decided line by line in `build.ts`; this parser reads the inside of a line. It runs once per
 * line on that line's tokens, so a syntax error can never swallow the lines after it.
 */
class ProtokollLineParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, nodeLocationTracking: 'none' });
    this.performSelfAnalysis();
  }

  /** Any line: its leading token decides what it is; the rest is kept as tokens. */
  public line = this.RULE('line', () => {
    this.OPTION(() => {
      this.OR([
        { ALT: () => this.CONSUME(Comment) },
        { ALT: () => this.CONSUME(TitleMark) },
        { ALT: () => this.CONSUME(ItemMark) },
        { ALT: () => this.CONSUME(Keyword) },
        { ALT: () => this.CONSUME(Bullet) },
      ]);
    });
    this.OPTION2(() => this.SUBRULE(this.rest));
  });

  public rest = this.RULE('rest', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.piece));
  });

  private piece = this.RULE('piece', () => {
    this.OR([
      { ALT: () => this.CONSUME(Text) },
      { ALT: () => this.CONSUME(Comma) },
      { ALT: () => this.CONSUME(LParen) },
      { ALT: () => this.CONSUME(RParen) },
      { ALT: () => this.CONSUME(Colon) },
      { ALT: () => this.CONSUME(At) },
    ]);
  });

  /** `Name, Organisation (role)` — the content of an attendance line after its marker. */
  public attendee = this.RULE('attendee', () => {
    this.OPTION(() => this.SUBRULE(this.words, { LABEL: 'name' }));
    this.OPTION2(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.words, { LABEL: 'organisation' });
    });
    this.OPTION3(() => {
      this.CONSUME(LParen);
      this.SUBRULE3(this.words, { LABEL: 'role' });
      this.CONSUME(RParen);
    });
  });

  /** Text with no separators: names, organisations, roles. */
  private words = this.RULE('words', () => {
    this.AT_LEAST_ONE(() =>
      this.OR([{ ALT: () => this.CONSUME(Text) }, { ALT: () => this.CONSUME(Colon) }]),
    );
  });

  /** `text @Owner Name, YYYY-MM-DD` — the content of an action line after its keyword. */
  public action = this.RULE('action', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.CONSUME(Text) },
        { ALT: () => this.CONSUME(Comma) },
        { ALT: () => this.CONSUME(LParen) },
        { ALT: () => this.CONSUME(RParen) },
        { ALT: () => this.CONSUME(Colon) },
      ]),
    );
    this.OPTION(() => {
      this.CONSUME(At);
      this.SUBRULE(this.words, { LABEL: 'owner' });
      this.OPTION2(() => {
        this.CONSUME2(Comma);
        this.SUBRULE2(this.words, { LABEL: 'due' });
      });
    });
  });
}

let instance: ProtokollLineParser | undefined;

/** The one parser instance: chevrotain parsers are costly to build and meant to be reused. */
function parser(): ProtokollLineParser {
  instance ??= new ProtokollLineParser();
  return instance;
}

export interface LineParse {
  readonly cst: CstNode;
  readonly errors: IRecognitionException[];
}

export type LineRule = 'line' | 'attendee' | 'action';

/** Parses one line's tokens with the given line grammar. */
export function parseLine(tokens: IToken[], rule: LineRule): LineParse {
  const p = parser();
  p.input = tokens;
  const cst = p[rule]();
  return { cst, errors: [...p.errors] };
}
