import * as fs from 'node:fs';
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { mergeConfig, readConfig, type ProtokollConfig, type Range } from '../language';

export const CONFIG_FILE_NAME = '.protokoll.json';

/** A problem in a configuration file, with its place in that file. */
export interface ConfigFileProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

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
export function loadConfigFile(file: string): {
  config: Partial<ProtokollConfig>;
  problems: ConfigFileProblem[];
} {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    return {
      config: {},
      problems: [
        { file, range: zeroRange(), message: `cannot read the configuration file (${reason})` },
      ],
    };
  }
  return parseConfigText(text, file);
}

/** Validates configuration JSON text (comments and trailing commas are tolerated). */
export function parseConfigText(
  text: string,
  file: string,
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
  if (errors.length > 0 || !tree) {
    const problems = errors.map((e) => ({
      file,
      range: at(e.offset, e.length),
      message: `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`,
    }));
    if (problems.length === 0)
      problems.push({
        file,
        range: zeroRange(),
        message:
          'the file is empty; write a JSON object such as {"requiredSignatures": ["Ordförande", "Sekreterare"]}',
      });
    return { config: {}, problems };
  }
  const { config, problems } = readConfig(nodeValue(tree));
  return {
    config,
    problems: problems.map((p) => {
      const node = findNodeAtLocation(tree, p.path);
      const target =
        node?.parent?.type === 'property' && typeof p.path[p.path.length - 1] === 'string'
          ? (node.parent.children?.[0] ?? node)
          : (node ?? tree);
      return {
        file,
        range: at(target.offset, target.length),
        message: `${p.path.length ? p.path.join('.') + ': ' : ''}${p.message}`,
      };
    }),
  };
}

/** The configuration for a document: defaults, then `base` (editor settings), then the file. */
export function resolveConfig(
  documentPath: string,
  base: Partial<ProtokollConfig> = {},
  options: { noConfig?: boolean; configFile?: string } = {},
): ResolvedConfig {
  if (options.noConfig) return { config: mergeConfig(base), problems: [] };
  const file = options.configFile ?? findConfigFile(path.dirname(documentPath));
  if (!file) return { config: mergeConfig(base), problems: [] };
  const loaded = loadConfigFile(file);
  return { config: mergeConfig(base, loaded.config), file, problems: loaded.problems };
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

function describeParseError(code: string): string {
  const known: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":" after the property name',
    CommaExpected: 'expected "," between entries',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the object',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfComment: 'unterminated comment',
  };
  return known[code] ?? code;
}

function position(lineStarts: number[], offset: number) {
  let line = 0;
  while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
  return { line, character: offset - lineStarts[line] };
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
