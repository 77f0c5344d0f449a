import * as path from 'node:path';
import { styleText } from 'node:util';
import { Severity, type ProtokollDiagnostic, type Range } from '../../language';
import { codeAnchor } from '../../common/packageInfo';

/** One reported problem, as the CLI prints it (1-based lines and columns). */
export interface CliProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string;
  readonly message: string;
}

const SEVERITY_NAMES: Record<Severity, CliProblem['severity']> = {
  [Severity.Error]: 'error',
  [Severity.Warning]: 'warning',
  [Severity.Information]: 'information',
  [Severity.Hint]: 'hint',
};

export function toCliProblem(file: string, d: ProtokollDiagnostic): CliProblem {
  return fromRange(file, d.range, SEVERITY_NAMES[d.severity], d.code, d.message);
}

export function fromRange(
  file: string,
  range: Range,
  severity: CliProblem['severity'],
  code: string,
  message: string,
): CliProblem {
  return {
    file,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    severity,
    code,
    message,
  };
}

const COLOURS: Record<CliProblem['severity'], 'red' | 'yellow' | 'cyan' | 'gray'> = {
  error: 'red',
  warning: 'yellow',
  information: 'cyan',
  hint: 'gray',
};

/**
 * Whether to colour the output: `--color`/`--no-color` first, then `NO_COLOR` (any non-empty
 * value turns colour off, https://no-color.org), then `FORCE_COLOR` (`0` or `false` off, anything
 * else on), then whether standard output is a terminal.
 */
export function useColour(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTerminal: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR);
  return isTerminal;
}

/** `file:line:col severity code message`, like a compiler; coloured when `colour` is set. */
export function formatText(problems: readonly CliProblem[], colour: boolean): string {
  // The caller has decided; styleText must not check the stream again.
  const style = (format: Parameters<typeof styleText>[0], text: string) =>
    colour ? styleText(format, text, { validateStream: false }) : text;
  return problems
    .map((p) => {
      const where = `${p.file}:${p.line}:${p.column}`;
      return `${style('bold', where)} ${style(COLOURS[p.severity], p.severity)} ${style('dim', p.code)} ${p.message}`;
    })
    .join('\n');
}

/**
 * GitHub Actions workflow commands, one per problem: `::error file=…,line=…,col=…,endLine=…,
 * endColumn=…,title=…::message`. Information and hints become notices.
 */
export function formatGithub(problems: readonly CliProblem[]): string {
  const command: Record<CliProblem['severity'], string> = {
    error: 'error',
    warning: 'warning',
    information: 'notice',
    hint: 'notice',
  };
  return problems
    .map((p) => {
      const properties = [
        `file=${escapeProperty(p.file.split(path.sep).join('/'))}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${escapeProperty(`protokoll ${p.code}`)}`,
      ];
      return `::${command[p.severity]} ${properties.join(',')}::${escapeData(p.message)}`;
    })
    .join('\n');
}

/** As @actions/core escapes a command's message: %, CR and LF. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core escapes a property value: also : and , which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatJson(problems: readonly CliProblem[]): string {
  return JSON.stringify(problems, null, 2);
}

const SARIF_LEVEL: Record<CliProblem['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * A SARIF 2.1.0 log with one run; a rule for every diagnostic code. `documentation` is where
 * docs/format.md is published (a section per code, {@link codeAnchor}); without it the log has
 * no `informationUri` and no `helpUri` rather than invented ones.
 */
export function formatSarif(
  problems: readonly CliProblem[],
  rules: Readonly<Record<string, string>>,
  version: string,
  cwd: string,
  documentation?: { readonly home: string; readonly format: string },
): string {
  const ruleIds = Object.keys(rules);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'protokoll',
            version,
            ...(documentation ? { informationUri: documentation.home } : {}),
            rules: ruleIds.map((id) => ({
              id,
              ...(documentation ? { helpUri: `${documentation.format}#${codeAnchor(id)}` } : {}),
              defaultConfiguration: {
                level: SARIF_LEVEL[rules[id] as CliProblem['severity']] ?? 'warning',
              },
              shortDescription: { text: id },
            })),
          },
        },
        results: problems.map((p) => ({
          ruleId: p.code,
          ruleIndex: Math.max(0, ruleIds.indexOf(p.code)),
          level: SARIF_LEVEL[p.severity],
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(p.file, cwd) },
                region: {
                  startLine: p.line,
                  startColumn: p.column,
                  endLine: p.endLine,
                  endColumn: p.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function toUri(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  const chosen =
    relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, file) : relative;
  return chosen.split(path.sep).map(encodeURIComponent).join('/');
}
