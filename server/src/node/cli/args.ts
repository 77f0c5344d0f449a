/** A command-line usage mistake; the CLI prints the message and exits with 2. */
export class UsageError extends Error {}

export interface CheckArgs {
  readonly command: 'check';
  readonly format: 'text' | 'json' | 'sarif';
  readonly config?: string;
  readonly noConfig: boolean;
  readonly locale?: 'sv' | 'en';
  readonly paths: string[];
}

export interface FormatArgs {
  readonly command: 'format';
  readonly mode: 'print' | 'check' | 'write';
  readonly paths: string[];
}

export interface RenderArgs {
  readonly command: 'render';
  readonly format: 'html' | 'pdf' | 'json';
  readonly output?: string;
  readonly config?: string;
  readonly noConfig: boolean;
  readonly locale?: 'sv' | 'en';
  /** `--public`: the public version (secret items and `maskedNames` replaced). */
  readonly public: boolean;
  readonly paths: string[];
}

export type CliArgs =
  CheckArgs | FormatArgs | RenderArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  protokoll check [--format text|json|sarif] [--config FILE] [--no-config] [--locale sv|en] PATH...
  protokoll format [--check|--write] PATH...
  protokoll render [--format html|pdf|json] [-o FILE] [--public] [--config FILE] [--no-config] [--locale sv|en] PATH
  protokoll --help | --version

Directories are searched for *.protokoll files. Exit codes: 0 no errors, 1 errors found
(or, for format --check, files that need formatting), 2 usage error or unreadable file.`;

/** Parses `argv` (without node and script). Throws UsageError with a precise message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help')
    return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'check' && command !== 'format' && command !== 'render') {
    throw new UsageError(`unknown command "${command}"; use check, format or render`);
  }
  const options = new Map<string, string | true>();
  const paths: string[] = [];
  const valued = new Set(['--format', '--config', '--locale', '-o', '--output']);
  const flags = new Set(['--no-config', '--check', '--write', '--public']);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (valued.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      options.set(name === '--output' ? '-o' : name, value);
    } else if (flags.has(name)) {
      options.set(name, true);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}" for ${command}`);
    } else {
      paths.push(arg);
    }
  }
  const allowed: Record<string, string[]> = {
    check: ['--format', '--config', '--no-config', '--locale'],
    format: ['--check', '--write'],
    render: ['--format', '-o', '--public', '--config', '--no-config', '--locale'],
  };
  for (const key of options.keys()) {
    if (!allowed[command].includes(key))
      throw new UsageError(`option ${key} does not apply to ${command}`);
  }
  if (paths.length === 0) throw new UsageError(`${command} needs at least one PATH`);
  const locale = options.get('--locale');
  if (locale !== undefined && locale !== 'sv' && locale !== 'en')
    throw new UsageError(`--locale must be sv or en, not "${locale}"`);
  if (options.has('--config') && options.has('--no-config'))
    throw new UsageError('--config and --no-config cannot be combined');
  const config = options.get('--config') as string | undefined;
  const noConfig = options.has('--no-config');
  const format = options.get('--format') as string | undefined;
  if (command === 'check') {
    if (format !== undefined && !['text', 'json', 'sarif'].includes(format))
      throw new UsageError(`--format must be text, json or sarif, not "${format}"`);
    return {
      command,
      format: (format ?? 'text') as CheckArgs['format'],
      config,
      noConfig,
      locale,
      paths,
    };
  }
  if (command === 'format') {
    if (options.has('--check') && options.has('--write'))
      throw new UsageError('--check and --write cannot be combined');
    return {
      command,
      mode: options.has('--check') ? 'check' : options.has('--write') ? 'write' : 'print',
      paths,
    };
  }
  if (format !== undefined && !['html', 'pdf', 'json'].includes(format))
    throw new UsageError(`--format must be html, pdf or json, not "${format}"`);
  if (paths.length > 1) throw new UsageError('render takes exactly one PATH');
  return {
    command,
    format: (format ?? 'html') as RenderArgs['format'],
    output: options.get('-o') as string | undefined,
    config,
    noConfig,
    locale,
    public: options.has('--public'),
    paths,
  };
}
