import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  byRangeStart,
  createProtokollService,
  createTextDocument,
  DIAGNOSTIC_CODES,
  mergeConfig,
  type ProtokollConfig,
  type ProtokollDiagnostic,
  type ProtokollTextDocument,
} from '../language';
import {
  parseArgs,
  UsageError,
  USAGE,
  type CheckArgs,
  type FormatArgs,
  type RenderArgs,
} from './cli/args';
import { collectFiles, readText, type FileError } from './cli/files';
import {
  formatJson,
  formatSarif,
  formatText,
  fromRange,
  toCliProblem,
  type CliProblem,
} from './cli/output';
import { loadConfigFile, resolveConfig } from './configFiles';

const VERSION = '0.1.0';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Raw bytes for standard output (a PDF); no line break is added. */
  write(bytes: Buffer): void;
  colour: boolean;
  cwd: string;
}

/** Runs the CLI and returns its exit code. Never throws: failures become messages. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'version':
        io.stdout(VERSION);
        return 0;
      case 'check':
        return check(args, io);
      case 'format':
        return format(args, io);
      case 'render':
        return await render(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`protokoll: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(
      `protokoll: internal error: ${e instanceof Error ? e.message : String(e)}\nPlease report this with the file that caused it.`,
    );
    return 2;
  }
}

const service = createProtokollService();

function reportFileErrors(errors: readonly FileError[], io: Io): void {
  for (const e of errors) io.stderr(`protokoll: cannot read ${e.path}: ${e.reason}`);
}

/** The configuration of a file: --no-config, --config FILE, or the nearest .protokoll.json. */
function configFor(
  file: string,
  args: { config?: string; noConfig: boolean; locale?: 'sv' | 'en' },
  explicit: { config: Partial<ProtokollConfig> } | undefined,
): {
  config: ProtokollConfig;
  configFile?: string;
  problems: ReturnType<typeof resolveConfig>['problems'];
} {
  if (explicit) {
    const locale = args.locale ? { locale: args.locale } : {};
    return { config: mergeConfig(explicit.config, locale), configFile: args.config, problems: [] };
  }
  const resolved = resolveConfig(file, {}, { noConfig: args.noConfig, locale: args.locale });
  return { config: resolved.config, configFile: resolved.file, problems: resolved.problems };
}

function loadExplicitConfig(
  args: { config?: string; locale?: 'sv' | 'en' },
  io: Io,
  problems: CliProblem[],
): { config: Partial<ProtokollConfig> } | undefined | 'unreadable' {
  if (!args.config) return undefined;
  if (!fs.existsSync(args.config)) {
    io.stderr(`protokoll: cannot read the configuration ${args.config}: no such file`);
    return 'unreadable';
  }
  const loaded = loadConfigFile(args.config, { locale: args.locale });
  for (const p of loaded.problems)
    problems.push(fromRange(p.file, p.range, 'error', 'config', p.message));
  return loaded;
}

function check(args: CheckArgs, io: Io): number {
  const problems: CliProblem[] = [];
  const explicit = loadExplicitConfig(args, io, problems);
  if (explicit === 'unreadable') return 2;
  const { files, errors } = collectFiles(args.paths);
  reportFileErrors(errors, io);
  const reportedConfigs = new Set<string>();
  const checked: {
    file: string;
    doc: ProtokollTextDocument;
    config: ProtokollConfig;
    diagnostics: ProtokollDiagnostic[];
  }[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('error' in read) {
      reportFileErrors([read.error], io);
      errors.push(read.error);
      continue;
    }
    const { config, configFile, problems: configProblems } = configFor(file, args, explicit);
    if (configFile && !reportedConfigs.has(configFile)) {
      reportedConfigs.add(configFile);
      for (const p of configProblems)
        problems.push(fromRange(p.file, p.range, 'error', 'config', p.message));
    }
    const doc = createTextDocument(pathToFileURL(path.resolve(file)).href, read.text);
    checked.push({ file, doc, config, diagnostics: service.getDiagnostics(doc, config) });
  }
  // Minutes of one body numbered through the year continue from file to file within a folder,
  // as the editor checks them.
  const series = new Map<string, ProtokollDiagnostic[]>();
  const folders = new Map<string, typeof checked>();
  for (const entry of checked) {
    const folder = path.dirname(path.resolve(entry.file));
    folders.set(folder, [...(folders.get(folder) ?? []), entry]);
  }
  for (const group of folders.values()) {
    for (const [uri, found] of service.getSeriesDiagnostics(group)) series.set(uri, found);
  }
  for (const { file, doc, diagnostics } of checked) {
    const all = [...diagnostics, ...(series.get(doc.uri) ?? [])].sort(byRangeStart);
    for (const d of all) problems.push(toCliProblem(file, d));
    service.close(doc.uri);
  }
  if (args.format === 'json') io.stdout(formatJson(problems));
  else if (args.format === 'sarif')
    io.stdout(formatSarif(problems, { ...DIAGNOSTIC_CODES, config: 'error' }, VERSION, io.cwd));
  else if (problems.length > 0) io.stdout(formatText(problems, io.colour));
  if (args.format === 'text') {
    const count = (s: string) => problems.filter((p) => p.severity === s).length;
    const summary = `${checked.length} file${checked.length === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes`;
    io.stderr(summary);
  }
  if (errors.length > 0) return 2;
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function format(args: FormatArgs, io: Io): number {
  const { files, errors } = collectFiles(args.paths);
  reportFileErrors(errors, io);
  let unformatted = 0;
  for (const file of files) {
    const read = readText(file, { keepBom: true });
    if ('error' in read) {
      reportFileErrors([read.error], io);
      errors.push(read.error);
      continue;
    }
    const raw = read.text;
    const doc = createTextDocument(pathToFileURL(path.resolve(file)).href, raw);
    const formatted = service.formatText(doc);
    service.close(doc.uri);
    if (args.mode === 'print') {
      io.stdout(formatted.replace(/\r?\n$/, ''));
    } else if (formatted !== raw) {
      unformatted++;
      if (args.mode === 'check')
        io.stdout(`${file}: needs formatting (run protokoll format --write ${file})`);
      else {
        try {
          fs.writeFileSync(file, formatted);
          io.stderr(`formatted ${file}`);
        } catch (e) {
          reportFileErrors(
            [{ path: file, reason: `cannot write: ${(e as NodeJS.ErrnoException).code ?? e}` }],
            io,
          );
          errors.push({ path: file, reason: 'unwritable' });
        }
      }
    }
  }
  if (errors.length > 0) return 2;
  return args.mode === 'check' && unformatted > 0 ? 1 : 0;
}

async function render(args: RenderArgs, io: Io): Promise<number> {
  const problems: CliProblem[] = [];
  const explicit = loadExplicitConfig(args, io, problems);
  if (explicit === 'unreadable') return 2;
  const file = args.paths[0];
  const read = readText(file);
  if ('error' in read) {
    reportFileErrors([read.error], io);
    return 2;
  }
  const { config } = configFor(file, args, explicit);
  // Loaded on demand: the PDF library is large and check/format never need it.
  const { runRender } = await import('./export/index.js');
  const result = await runRender({
    format: args.format,
    output: args.output,
    path: file,
    text: read.text,
    config,
    public: args.public,
  });
  if (result.message) io.stderr(result.message);
  if (result.stdout) io.write(result.stdout);
  return result.exitCode;
}

if (require.main === module) {
  const io: Io = {
    stdout: (t) => process.stdout.write(t.endsWith('\n') || t === '' ? t : t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
    write: (bytes) => process.stdout.write(bytes),
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
