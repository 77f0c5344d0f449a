import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';

/** A command-line usage mistake; the CLI prints the message and exits with 2. */
export class UsageError extends Error {}

/** Options every command takes. */
interface CommonArgs {
  readonly paths: string[];
  /** `--stdin-filename`: the name of the text read from `-` (configuration, output, messages). */
  readonly stdinFilename?: string;
  /** `--debug`: list the files found and skipped, and why, on standard error. */
  readonly debug: boolean;
  /** `--color` (true) or `--no-color` (false); else the environment and the terminal decide. */
  readonly color?: boolean;
}

export interface CheckArgs extends CommonArgs {
  readonly command: 'check';
  readonly format: 'text' | 'json' | 'sarif' | 'github';
  readonly config?: string;
  readonly noConfig: boolean;
  readonly locale?: 'sv' | 'en';
  /** `--fix`: apply every safe fix to the files (or print the fixed standard input). */
  readonly fix: boolean;
}

export interface FormatArgs extends CommonArgs {
  readonly command: 'format';
  readonly mode: 'print' | 'check' | 'write';
}

export interface RenderArgs extends CommonArgs {
  readonly command: 'render';
  readonly format: 'html' | 'pdf' | 'json';
  readonly output?: string;
  readonly config?: string;
  readonly noConfig: boolean;
  readonly locale?: 'sv' | 'en';
  /** `--public`: the public version (secret items and `maskedNames` replaced). */
  readonly public: boolean;
}

export type CliArgs =
  CheckArgs | FormatArgs | RenderArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  protokoll check [--format text|json|sarif|github] [--fix] [--config FILE] [--no-config]
                  [--locale sv|en] [--stdin-filename NAME] [--debug] [--color|--no-color] PATH...
  protokoll format [--check|--write] [--stdin-filename NAME] [--debug] PATH...
  protokoll render [--format html|pdf|json] [-o FILE] [--public] [--config FILE] [--no-config]
                   [--locale sv|en] [--stdin-filename NAME] PATH
  protokoll --help | --version

PATH is a file, a folder (searched for *.protokoll files), a glob such as "2024/**/*.protokoll",
or - for standard input. Folders skip node_modules, .git and what .protokollignore files list
(gitignore syntax). Exit codes: 0 no errors, 1 errors found (or, for format --check, files that
need formatting), 2 usage error or unreadable path.`;

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

const COMMON: OptionSpec = {
  'stdin-filename': { type: 'string' },
  debug: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
};
const CONFIG: OptionSpec = {
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  locale: { type: 'string' },
};
const OPTIONS: Record<'check' | 'format' | 'render', OptionSpec> = {
  check: { ...COMMON, ...CONFIG, format: { type: 'string' }, fix: { type: 'boolean' } },
  format: { ...COMMON, check: { type: 'boolean' }, write: { type: 'boolean' } },
  render: {
    ...COMMON,
    ...CONFIG,
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    public: { type: 'boolean' },
  },
};

function choice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new UsageError(`${name} must be ${list}, not "${value}"`);
}

/** Parses `argv` (without node and script) with `util.parseArgs`. Throws UsageError. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'check' && command !== 'format' && command !== 'render') {
    throw new UsageError(`unknown command "${command}"; use check, format or render`);
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseNodeArgs({
      args: [...rest],
      options: OPTIONS[command],
      strict: true,
      allowPositionals: true,
    }) as typeof parsed;
  } catch (e) {
    throw new UsageError(describeParseError(e, command));
  }
  const { values, positionals: paths } = parsed;
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new UsageError(`--${name} needs a value`);
  }
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH`);
  if (paths.filter((p) => p === '-').length > 1)
    throw new UsageError('standard input (-) can be read only once');
  const stdinFilename = values['stdin-filename'] as string | undefined;
  if (stdinFilename !== undefined && !paths.includes('-'))
    throw new UsageError('--stdin-filename names standard input: also give - as a PATH');
  if (values.color && values['no-color'])
    throw new UsageError('--color and --no-color cannot be combined');
  const common = {
    paths,
    stdinFilename,
    debug: values.debug === true,
    color: values.color ? true : values['no-color'] ? false : undefined,
  };
  const locale = choice('--locale', values.locale as string | undefined, ['sv', 'en'] as const);
  if (values.config !== undefined && values['no-config'])
    throw new UsageError('--config and --no-config cannot be combined');
  const config = values.config as string | undefined;
  const noConfig = values['no-config'] === true;
  const format = values.format as string | undefined;
  if (command === 'check') {
    return {
      command,
      ...common,
      format: choice('--format', format, ['text', 'json', 'sarif', 'github'] as const) ?? 'text',
      config,
      noConfig,
      locale,
      fix: values.fix === true,
    };
  }
  if (command === 'format') {
    if (values.check && values.write)
      throw new UsageError('--check and --write cannot be combined');
    if (values.write && paths.includes('-'))
      throw new UsageError('format --write cannot write standard input back; leave out --write');
    return {
      command,
      ...common,
      mode: values.check ? 'check' : values.write ? 'write' : 'print',
    };
  }
  if (paths.length > 1) throw new UsageError('render takes exactly one PATH');
  return {
    command,
    ...common,
    format: choice('--format', format, ['html', 'pdf', 'json'] as const) ?? 'html',
    output: values.output as string | undefined,
    config,
    noConfig,
    locale,
    public: values.public === true,
  };
}

/** `util.parseArgs`'s errors, in the CLI's words. */
function describeParseError(e: unknown, command: 'check' | 'format' | 'render'): string {
  const code = (e as NodeJS.ErrnoException).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  const name = option.replace(/^-+/, '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const elsewhere = (['check', 'format', 'render'] as const).filter(
        (c) => c !== command && name in OPTIONS[c],
      );
      return elsewhere.length > 0
        ? `option ${option} does not apply to ${command} (only to ${elsewhere.join(' and ')})`
        : `unknown option "${option}" for ${command}; see protokoll --help`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing|ambiguous/.test(message)
        ? `${option} needs a value`
        : `${option} does not take a value`;
    default:
      return message;
  }
}
