import * as path from 'node:path';
import { Severity, type ProtokollDiagnostic, type Range } from '../../language';

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

const COLOURS: Record<CliProblem['severity'], string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  hint: '\x1b[90m',
};

/** `file:line:col severity code message`, like a compiler; coloured when `colour` is set. */
export function formatText(problems: readonly CliProblem[], colour: boolean): string {
  return problems
    .map((p) => {
      const where = `${p.file}:${p.line}:${p.column}`;
      if (!colour) return `${where} ${p.severity} ${p.code} ${p.message}`;
      return `\x1b[1m${where}\x1b[0m ${COLOURS[p.severity]}${p.severity}\x1b[0m \x1b[2m${p.code}\x1b[0m ${p.message}`;
    })
    .join('\n');
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

/** A SARIF 2.1.0 log with one run; rules are the diagnostic codes that occur. */
export function formatSarif(
  problems: readonly CliProblem[],
  rules: Readonly<Record<string, string>>,
  version: string,
  cwd: string,
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
            informationUri: 'https://github.com/protokoll/protokoll',
            rules: ruleIds.map((id) => ({
              id,
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
