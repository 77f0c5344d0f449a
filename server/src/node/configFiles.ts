import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  stripComments,
  type ParseError,
} from 'jsonc-parser';
import {
  mergeConfig,
  readConfig,
  type Locale,
  type ProtokollConfig,
  type Range,
} from '../language';

export const CONFIG_FILE_NAME = '.protokoll.json';

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

type Bilingual = Readonly<Record<Locale, string>>;

export interface ResolvedConfig {
  readonly config: ProtokollConfig;
  /** The configuration file used, if any. */
  readonly file?: string;
  readonly problems: ConfigFileProblem[];
}

/** The nearest `.protokoll.json` in `dir` or a folder above it. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Reads and validates a configuration file. A broken file is reported, never thrown: its valid
 * settings still apply and each problem names the file and the position.
 */
export function loadConfigFile(
  file: string,
  language: ConfigLanguage = {},
): {
  config: Partial<ProtokollConfig>;
  problems: ConfigFileProblem[];
} {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    const message: Bilingual = {
      sv: `kan inte läsa inställningsfilen (${reason}); kontrollera att den finns och att du får läsa den`,
      en: `cannot read the configuration file (${reason}); check that it exists and that you may read it`,
    };
    const locale = language.locale ?? language.fallbackLocale ?? 'sv';
    return { config: {}, problems: [{ file, range: zeroRange(), message: message[locale] }] };
  }
  return parseConfigText(text, file, language);
}

/** Validates configuration JSON text (comments and trailing commas are tolerated). */
export function parseConfigText(
  text: string,
  file: string,
  language: ConfigLanguage = {},
): { config: Partial<ProtokollConfig>; problems: ConfigFileProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors, { allowTrailingComma: true, disallowComments: false });
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const at = (offset: number, length: number): Range => ({
    start: position(lineStarts, offset),
    end: position(lineStarts, offset + length),
  });
  // Even a file with a syntax error usually still says which language it wants.
  const read = tree ? readConfig(nodeValue(tree)) : undefined;
  const locale = language.locale ?? read?.config.locale ?? language.fallbackLocale ?? 'sv';
  if (errors.length > 0 || !read || !tree) {
    const empty = stripComments(body).trim() === '';
    const problems = empty
      ? []
      : errors.map((e) => ({
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
    problems: read.problems.map((p) => {
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
 * The configuration for a document: defaults, then `base` (editor settings), then the file, then
 * the caller's `locale`. Problems are written in that `locale`, else the file's, else `base`'s.
 */
export function resolveConfig(
  documentPath: string,
  base: Partial<ProtokollConfig> = {},
  options: { noConfig?: boolean; configFile?: string; locale?: Locale } = {},
): ResolvedConfig {
  const chosen = options.locale ? { locale: options.locale } : {};
  if (options.noConfig) return { config: mergeConfig(base, chosen), problems: [] };
  const file = options.configFile ?? findConfigFile(path.dirname(documentPath));
  if (!file) return { config: mergeConfig(base, chosen), problems: [] };
  const loaded = loadConfigFile(file, { locale: options.locale, fallbackLocale: base.locale });
  return { config: mergeConfig(base, loaded.config, chosen), file, problems: loaded.problems };
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
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
  return { line, character: offset - lineStarts[line] };
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
