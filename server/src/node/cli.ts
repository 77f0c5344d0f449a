import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  byRangeStart,
  createProtokollService,
  createTextDocument,
  DIAGNOSTIC_CODES,
  mergeConfig,
  type ProtokollConfig,
  type ProtokollDiagnostic,
  type ProtokollTextDocument,
  withinCodeCap,
} from '../language';
import {
  parseArgs,
  UsageError,
  USAGE,
  type CheckArgs,
  type FormatArgs,
  type RenderArgs,
} from './cli/args';
import { collectFiles, decodeText, readText, STDIN, type FileError } from './cli/files';
import { applyAllFixes } from './cli/fix';
import {
  formatGithub,
  formatJson,
  formatSarif,
  formatText,
  fromRange,
  toCliProblem,
  useColour,
  type CliProblem,
} from './cli/output';
import { loadConfigFile, resolveConfig } from './configFiles';
import { MINUTES_SIZE_LIMIT, WriteError, writeFileAtomically, formatSize } from './safeFiles';
import { VERSION } from '../common/packageInfo';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Raw bytes for standard output (a PDF); no line break is added. */
  write(bytes: Buffer): void;
  /** All of standard input, or `undefined` past `limit` bytes. */
  readStdin(limit: number): Buffer | undefined;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colour by default). */
  isTerminal: boolean;
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

/** A minutes text to work on: a file, or standard input under its `--stdin-filename`. */
interface Input {
  /** As messages name it: the path given, or the `--stdin-filename`, or `<stdin>`. */
  readonly name: string;
  /** The file system path whose folder decides the configuration and names outputs. */
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly fromStdin: boolean;
}

function readInput(
  file: string,
  args: { stdinFilename?: string },
  io: Io,
  options: { keepBom?: boolean } = {},
): Input | { error: FileError } {
  if (file !== STDIN) {
    const read = readText(file, options);
    if ('error' in read) return read;
    const uri = pathToFileURL(path.resolve(io.cwd, file)).href;
    return { name: file, path: file, uri, text: read.text, fromStdin: false };
  }
  const name = args.stdinFilename ?? '<stdin>';
  const bytes = io.readStdin(MINUTES_SIZE_LIMIT);
  if (!bytes) {
    return {
      error: {
        path: name,
        reason: `standard input is more than ${formatSize(MINUTES_SIZE_LIMIT)}`,
      },
    };
  }
  const read = decodeText(bytes, name, options);
  if ('error' in read) return read;
  // Without a name, standard input stands for a file in the current folder.
  const where = path.resolve(io.cwd, args.stdinFilename ?? 'stdin.protokoll');
  return { name, path: where, uri: pathToFileURL(where).href, text: read.text, fromStdin: true };
}

function collect(args: { paths: string[]; debug: boolean }, io: Io) {
  const debug = args.debug ? (line: string) => io.stderr(`protokoll: debug: ${line}`) : undefined;
  return collectFiles(args.paths, { debug, cwd: io.cwd });
}

function check(args: CheckArgs, io: Io): number {
  const problems: CliProblem[] = [];
  const explicit = loadExplicitConfig(args, io, problems);
  if (explicit === 'unreadable') return 2;
  const { files, errors } = collect(args, io);
  reportFileErrors(errors, io);
  const reportedConfigs = new Set<string>();
  const checked: {
    file: string;
    doc: ProtokollTextDocument;
    config: ProtokollConfig;
    diagnostics: ProtokollDiagnostic[];
  }[] = [];
  // With --fix, the fixed standard input goes to standard output: the report goes to stderr.
  const fixingStdin = args.fix && files.includes(STDIN);
  const report = fixingStdin ? (t: string) => io.stderr(t) : (t: string) => io.stdout(t);
  for (const file of files) {
    const input = readInput(file, args, io, { keepBom: args.fix });
    if ('error' in input) {
      reportFileErrors([input.error], io);
      errors.push(input.error);
      continue;
    }
    const { config, configFile, problems: configProblems } = configFor(input.path, args, explicit);
    if (args.debug)
      io.stderr(`protokoll: debug: ${input.name}: configuration ${configFile ?? '(defaults)'}`);
    if (configFile && !reportedConfigs.has(configFile)) {
      reportedConfigs.add(configFile);
      for (const p of configProblems)
        problems.push(fromRange(p.file, p.range, 'error', 'config', p.message));
    }
    let text = input.text;
    if (args.fix) {
      const fixed = applyAllFixes(service, input.uri, text, config);
      if (input.fromStdin) io.write(Buffer.from(fixed.text.replace(/^\uFEFF/, '')));
      else if (fixed.text !== text) {
        try {
          writeFileAtomically(file, fixed.text);
          io.stderr(`protokoll: fixed ${input.name}`);
        } catch (e) {
          const reason = e instanceof WriteError ? e.message : String(e);
          io.stderr(`protokoll: cannot write ${input.name}: ${reason}`);
          errors.push({ path: input.name, reason });
          continue;
        }
      }
      text = fixed.text.replace(/^\uFEFF/, '');
    }
    const doc = createTextDocument(input.uri, text);
    checked.push({
      file: input.name,
      doc,
      config,
      diagnostics: service.getDiagnostics(doc, config),
    });
  }
  // Minutes of one body numbered through the year continue from file to file within a folder,
  // as the editor checks them.
  const series = new Map<string, ProtokollDiagnostic[]>();
  const folders = new Map<string, typeof checked>();
  for (const entry of checked) {
    const folder = path.dirname(fileURLToPath(entry.doc.uri));
    folders.set(folder, [...(folders.get(folder) ?? []), entry]);
  }
  for (const group of folders.values()) {
    for (const [uri, found] of service.getSeriesDiagnostics(group)) series.set(uri, found);
  }
  for (const { file, doc, diagnostics } of checked) {
    const all = withinCodeCap(diagnostics, series.get(doc.uri) ?? []).sort(byRangeStart);
    for (const d of all) problems.push(toCliProblem(file, d));
    service.close(doc.uri);
  }
  if (args.format === 'json') report(formatJson(problems));
  else if (args.format === 'sarif')
    report(
      formatSarif(
        problems,
        { ...DIAGNOSTIC_CODES, config: 'error' },
        VERSION,
        io.cwd,
        documentationLinks(),
      ),
    );
  else if (args.format === 'github') {
    if (problems.length > 0) report(formatGithub(problems));
  } else if (problems.length > 0)
    report(formatText(problems, useColour(args.color, io.env, io.isTerminal && !fixingStdin)));
  if (args.format === 'text' || args.format === 'github') {
    const count = (s: string) => problems.filter((p) => p.severity === s).length;
    const left = args.fix ? ' left after fixing' : '';
    const summary = `${checked.length} file${checked.length === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes${left}`;
    io.stderr(summary);
  }
  if (errors.length > 0) return 2;
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function format(args: FormatArgs, io: Io): number {
  const { files, errors } = collect(args, io);
  reportFileErrors(errors, io);
  let unformatted = 0;
  for (const file of files) {
    const input = readInput(file, args, io, { keepBom: true });
    if ('error' in input) {
      reportFileErrors([input.error], io);
      errors.push(input.error);
      continue;
    }
    const raw = input.text;
    const doc = createTextDocument(input.uri, raw);
    const formatted = service.formatText(doc);
    service.close(doc.uri);
    if (args.mode === 'print') {
      io.stdout(formatted.replace(/\r?\n$/, ''));
    } else if (formatted !== raw) {
      unformatted++;
      if (args.mode === 'check')
        io.stdout(
          input.fromStdin
            ? `${input.name}: needs formatting (run protokoll format - to print it formatted)`
            : `${file}: needs formatting (run protokoll format --write ${file})`,
        );
      else {
        try {
          // Atomically, keeping the mode; through a link, the linked file itself is replaced.
          writeFileAtomically(file, formatted);
          io.stderr(`formatted ${file}`);
        } catch (e) {
          const reason = e instanceof WriteError ? e.message : String(e);
          io.stderr(`protokoll: cannot write ${file}: ${reason}`);
          errors.push({ path: file, reason });
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
  const input = readInput(args.paths[0], args, io);
  if ('error' in input) {
    reportFileErrors([input.error], io);
    return 2;
  }
  if (input.fromStdin && !args.stdinFilename && args.format === 'pdf' && !args.output) {
    io.stderr(
      'protokoll: a PDF from standard input needs a name: give -o FILE (or -o - for standard output) or --stdin-filename NAME',
    );
    return 2;
  }
  const { config, configFile } = configFor(input.path, args, explicit);
  // Loaded on demand: the PDF library is large and check/format never need it.
  const { runRender } = await import('./export/index.js');
  const result = await runRender({
    format: args.format,
    output: args.output,
    path: input.fromStdin ? path.relative(io.cwd, input.path) || input.path : input.path,
    text: input.text,
    config,
    inputs: [...(configFile ? [configFile] : [])],
    public: args.public,
  });
  if (result.message) io.stderr(result.message);
  if (result.stdout) io.write(result.stdout);
  return result.exitCode;
}

/**
 * Where the documentation lives, for SARIF: the `homepage` or `repository` of package.json, else
 * the docs shipped beside the program (file: URLs), else nothing.
 */
function documentationLinks(): { home: string; format: string } | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
          name?: string;
          homepage?: string;
          repository?: string | { url?: string };
        };
        if (pkg.name === 'protokoll') {
          const repository = (
            typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
          )
            ?.replace(/^git\+/, '')
            .replace(/\.git$/, '');
          if (repository?.startsWith('https://'))
            return {
              home: pkg.homepage ?? repository,
              format: `${repository}/blob/HEAD/docs/format.md`,
            };
          if (pkg.homepage?.startsWith('https://'))
            return {
              home: pkg.homepage,
              format: `${pkg.homepage.replace(/\/$/, '')}/docs/format.md`,
            };
          const docs = path.join(dir, 'docs', 'format.md');
          if (fs.existsSync(docs))
            return {
              home: pathToFileURL(path.join(dir, 'README.md')).href,
              format: pathToFileURL(docs).href,
            };
          return undefined;
        }
      } catch {
        return undefined;
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Standard input, read synchronously in chunks up to `limit` bytes. */
function readStdin(limit: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let read: number;
    try {
      read = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') break;
      throw e;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
    if (total > limit) return undefined;
  }
  return Buffer.concat(chunks, total);
}

if (require.main === module) {
  const io: Io = {
    stdout: (t) => process.stdout.write(t.endsWith('\n') || t === '' ? t : t + '\n'),
    stderr: (t) => process.stderr.write(t + '\n'),
    write: (bytes) => process.stdout.write(bytes),
    readStdin,
    env: process.env,
    isTerminal: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
