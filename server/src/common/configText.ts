// A `.protokoll.json` as text: parsed and validated, with each problem placed in the file. No file
// system here: the Node server reads the file from disk, the browser client through the editor.
import {
  createScanner,
  findNodeAtLocation,
  parseTree,
  SyntaxKind,
  printParseErrorCode,
  stripComments,
  type ParseError,
} from 'jsonc-parser';
import {
  lastAtOrBefore,
  readConfig,
  type Locale,
  type ProtokollConfig,
  type Range,
} from '../language';

export { CONFIG_FILE_NAME } from './files';
/** Problems of one configuration file reported at most; one more line says how many are left. */
export const MAX_CONFIG_PROBLEMS = 100;
/** Objects and arrays nested deeper than this are refused before parsing (a real file needs 2). */
export const MAX_CONFIG_DEPTH = 32;

/** A problem in a configuration file, with its place in that file. */
export interface ConfigFileProblem {
  readonly file: string;
  readonly range: Range;
  /** In the language {@link ConfigLanguage} chose. */
  readonly message: string;
}

/**
 * The language of a configuration file's problems: the caller's `locale`, else the file's own
 * valid `locale`, else `fallbackLocale`, else Swedish.
 */
export interface ConfigLanguage {
  /** The caller's explicit choice (the CLI's `--locale`); it wins over the file's `locale`. */
  readonly locale?: Locale;
  /** Used when neither the caller nor the file names a language (the editor's setting). */
  readonly fallbackLocale?: Locale;
}

export type Bilingual = Readonly<Record<Locale, string>>;

/**
 * Validates configuration JSON text (comments and trailing commas are tolerated). At most
 * {@link MAX_CONFIG_PROBLEMS} problems are returned, then one saying how many more there are.
 */
export function parseConfigText(
  text: string,
  file: string,
  language: ConfigLanguage = {},
): { config: Partial<ProtokollConfig>; problems: ConfigFileProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const at = (offset: number, length: number): Range => ({
    start: position(lineStarts, offset),
    end: position(lineStarts, offset + length),
  });
  // The parser recurses once per level: a file nested thousands deep would exhaust the stack.
  const tooDeep = firstTooDeep(body);
  if (tooDeep !== undefined) {
    const locale = language.locale ?? language.fallbackLocale ?? 'sv';
    const message: Bilingual = {
      sv: `ogiltig inställningsfil: objekt och listor nästlade djupare än ${MAX_CONFIG_DEPTH} nivåer; en inställningsfil behöver högst 2`,
      en: `invalid configuration: objects and arrays nested deeper than ${MAX_CONFIG_DEPTH} levels; a configuration file needs at most 2`,
    };
    return { config: {}, problems: [{ file, range: at(tooDeep, 1), message: message[locale] }] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  // Even a file with a syntax error usually still says which language it wants.
  const read = tree ? readConfig(nodeValue(tree)) : undefined;
  const locale = language.locale ?? read?.config.locale ?? language.fallbackLocale ?? 'sv';
  if (errors.length > 0 || !read || !tree) {
    const empty = stripComments(body).trim() === '';
    const problems = empty
      ? []
      : capped(errors, locale, (e) => ({
          file,
          range: at(e.offset, e.length),
          message: describeParseError(printParseErrorCode(e.error))[locale],
        }));
    if (problems.length === 0) {
      const example = '{"requiredSignatures": ["Ordförande", "Sekreterare"]}';
      const empty: Bilingual = {
        sv: `filen är tom; skriv ett JSON-objekt, till exempel ${example}`,
        en: `the file is empty; write a JSON object such as ${example}`,
      };
      problems.push({ file, range: zeroRange(), message: empty[locale] });
    }
    return { config: {}, problems };
  }
  return {
    config: read.config,
    problems: capped(read.problems, locale, (p) => {
      const node = findNodeAtLocation(tree, p.path);
      const target =
        node?.parent?.type === 'property' && typeof p.path[p.path.length - 1] === 'string'
          ? (node.parent.children?.[0] ?? node)
          : (node ?? tree);
      return {
        file,
        range: at(target.offset, target.length),
        message: `${p.path.length ? p.path.join('.') + ': ' : ''}${p.message[locale]}`,
      };
    }),
  };
}

/**
 * The first {@link MAX_CONFIG_PROBLEMS} of `all`, described, then one problem at the next one's
 * place saying how many more there are. Only those are described: placing each of 100,000
 * problems in the file would take minutes.
 */
function capped<T>(
  all: readonly T[],
  locale: Locale,
  describe: (item: T) => ConfigFileProblem,
): ConfigFileProblem[] {
  const shown = all.slice(0, MAX_CONFIG_PROBLEMS).map(describe);
  const more = all.length - shown.length;
  if (more > 0) {
    const next = describe(all[MAX_CONFIG_PROBLEMS]);
    const message: Bilingual = {
      sv: `ytterligare ${more} problem i inställningsfilen visas inte; rätta de ovanstående först`,
      en: `${more} more problem${more === 1 ? '' : 's'} in this configuration file not shown; fix the ones above first`,
    };
    shown.push({ file: next.file, range: next.range, message: message[locale] });
  }
  return shown;
}

/** The offset of the first `{` or `[` nested deeper than {@link MAX_CONFIG_DEPTH}, if any. */
function firstTooDeep(body: string): number | undefined {
  const scanner = createScanner(body, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_CONFIG_DEPTH) return scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function nodeValue(node: import('jsonc-parser').Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((p) => [
          p.children?.[0]?.value,
          p.children?.[1] ? nodeValue(p.children[1]) : undefined,
        ]),
      );
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function describeParseError(code: string): Bilingual {
  const known: Record<string, Bilingual> = {
    InvalidSymbol: { sv: 'oväntat tecken', en: 'unexpected character' },
    InvalidNumberFormat: { sv: 'ogiltigt tal', en: 'invalid number' },
    PropertyNameExpected: {
      sv: 'förväntade ett egenskapsnamn inom dubbla citattecken',
      en: 'expected a property name in double quotes',
    },
    ValueExpected: { sv: 'förväntade ett värde', en: 'expected a value' },
    ColonExpected: {
      sv: 'förväntade ":" efter egenskapsnamnet',
      en: 'expected ":" after the property name',
    },
    CommaExpected: { sv: 'förväntade "," mellan posterna', en: 'expected "," between entries' },
    CloseBraceExpected: { sv: 'förväntade "}"', en: 'expected "}"' },
    CloseBracketExpected: { sv: 'förväntade "]"', en: 'expected "]"' },
    EndOfFileExpected: {
      sv: 'oväntad text efter objektets slut',
      en: 'unexpected text after the end of the object',
    },
    InvalidCommentToken: { sv: 'ogiltig kommentar', en: 'invalid comment' },
    UnexpectedEndOfComment: {
      sv: 'oavslutad kommentar; avsluta den med */',
      en: 'unterminated comment; end it with */',
    },
    UnexpectedEndOfString: {
      sv: 'oavslutad sträng; avsluta den med "',
      en: 'unterminated string; end it with "',
    },
    UnexpectedEndOfNumber: { sv: 'ofullständigt tal', en: 'incomplete number' },
    InvalidUnicode: {
      sv: 'ogiltig \\u-kod; skriv fyra hexadecimala siffror efter \\u',
      en: 'invalid \\u escape; write four hexadecimal digits after \\u',
    },
    InvalidEscapeCharacter: {
      sv: 'ogiltigt tecken efter \\; skriv \\\\ för ett omvänt snedstreck',
      en: 'invalid character after \\; write \\\\ for a backslash',
    },
    InvalidCharacter: {
      sv: 'styrtecken i en sträng; skriv till exempel \\n för en radbrytning',
      en: 'control character in a string; write for example \\n for a line break',
    },
  };
  const reason = known[code] ?? { sv: code, en: code };
  return { sv: `ogiltig JSON: ${reason.sv}`, en: `invalid JSON: ${reason.en}` };
}

function position(lineStarts: number[], offset: number) {
  const line = lastAtOrBefore(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

export function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
