import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import {
  CONFIG_SIZE_LIMIT,
  describeError,
  MINUTES_SIZE_LIMIT,
  readRegularFile,
} from '../safeFiles';
// Required, not imported: this program is bundled as CommonJS, and the ES module entry of
// tinyglobby's folder walker needs import.meta.url, which such a bundle lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

/** A file the CLI could not use, with the reason in words. */
export interface FileError {
  readonly path: string;
  readonly reason: string;
}

/** Folders never searched: installed packages and version control. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
/** Per folder, in gitignore syntax: what folder searches and globs leave out. */
export const IGNORE_FILE_NAME = '.protokollignore';
/** The name standing for standard input among the paths. */
export const STDIN = '-';

/** The file system calls the folder walk makes; tests inject failures through it. */
export interface WalkFileSystem {
  statSync(p: string): fs.Stats;
  readdirSync(p: string, options: { withFileTypes: true }): fs.Dirent[];
}

export interface CollectOptions {
  readonly fileSystem?: WalkFileSystem;
  /** Told every file found and every path skipped, with the reason (`--debug`). */
  readonly debug?: (line: string) => void;
  /** Where relative globs start. */
  readonly cwd?: string;
}

/**
 * The `.protokoll` files named by the paths: files as given (also when ignored), folders searched
 * recursively, globs expanded (tinyglobby), `-` kept for standard input. Folders and globs leave
 * out `node_modules`, `.git` and what `.protokollignore` files list. A path or folder that cannot
 * be read is reported in `errors` and the search goes on. Sorted within each path, no duplicates.
 */
export function collectFiles(
  paths: readonly string[],
  options: CollectOptions = {},
): { files: string[]; errors: FileError[] } {
  const fileSystem = options.fileSystem ?? fs;
  const debug = options.debug ?? (() => undefined);
  const cwd = options.cwd ?? process.cwd();
  const ignores = new IgnoreFiles();
  const files: string[] = [];
  const errors: FileError[] = [];
  for (const p of paths) {
    if (p === STDIN) {
      files.push(p);
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fileSystem.statSync(p);
    } catch (e) {
      if (isDynamicPattern(p)) {
        files.push(...expandGlob(p, cwd, ignores, debug, errors));
        continue;
      }
      errors.push({ path: p, reason: describe(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const before = errors.length;
      const found = walk(p, { fileSystem, errors, ignores, debug });
      if (found.length === 0 && errors.length === before)
        errors.push({ path: p, reason: 'no *.protokoll files in this directory' });
      files.push(...found);
    } else {
      debug(`found ${p} (named on the command line)`);
      files.push(p);
    }
  }
  return { files: [...new Set(files)], errors };
}

function expandGlob(
  pattern: string,
  cwd: string,
  ignores: IgnoreFiles,
  debug: (line: string) => void,
  errors: FileError[],
): string[] {
  const matches = globSync(pattern, {
    cwd,
    onlyFiles: true,
    dot: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
    expandDirectories: false,
    absolute: path.isAbsolute(pattern),
  }).sort();
  const found: string[] = [];
  for (const match of matches) {
    const file = match;
    const why = ignores.why(path.resolve(cwd, file), false);
    if (why) debug(`skipped ${file} (${why})`);
    else {
      debug(`found ${file} (matches ${pattern})`);
      found.push(file);
    }
  }
  if (found.length === 0) errors.push({ path: pattern, reason: 'no files match this pattern' });
  return found;
}

interface Walk {
  readonly fileSystem: WalkFileSystem;
  readonly errors: FileError[];
  readonly ignores: IgnoreFiles;
  readonly debug: (line: string) => void;
}

function walk(dir: string, context: Walk): string[] {
  let entries: fs.Dirent[];
  try {
    entries = context.fileSystem.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    context.errors.push({ path: dir, reason: `cannot list this folder: ${describe(e)}` });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const isDirectory = entry.isDirectory();
    if (!isDirectory && !entry.name.endsWith('.protokoll')) continue;
    if (isDirectory && SKIPPED_DIRECTORIES.has(entry.name)) {
      context.debug(`skipped ${full}/ (${entry.name} is never searched)`);
      continue;
    }
    const why = context.ignores.why(path.resolve(full), isDirectory);
    if (why) {
      context.debug(`skipped ${full}${isDirectory ? '/' : ''} (${why})`);
      continue;
    }
    if (isDirectory) out.push(...walk(full, context));
    else if (entry.isFile()) {
      context.debug(`found ${full}`);
      out.push(full);
    } else if (entry.isSymbolicLink()) {
      // A link to a file is checked as the file; a link to a folder is not followed (loops).
      let target: fs.Stats | undefined;
      try {
        target = context.fileSystem.statSync(full);
      } catch (e) {
        context.errors.push({ path: full, reason: describe(e) });
        continue;
      }
      if (target.isFile()) {
        context.debug(`found ${full} (a link)`);
        out.push(full);
      } else context.debug(`skipped ${full} (a link to something that is not a file)`);
    } else context.debug(`skipped ${full} (not a regular file)`);
  }
  return out;
}

/** The `.protokollignore` files of the folders above a path, read once each. */
class IgnoreFiles {
  private readonly byFolder = new Map<string, Ignore | undefined>();

  /** Why `absolute` is ignored (`.protokollignore in DIR: pattern`), or `undefined`. */
  why(absolute: string, isDirectory: boolean): string | undefined {
    // The nearest ignore file decides, as in git: a deeper one can re-include with !pattern.
    for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
      const rules = this.rules(folder);
      if (rules) {
        const relative = path.relative(folder, absolute).split(path.sep).join('/');
        const result = rules.test(isDirectory ? `${relative}/` : relative);
        if (result.ignored)
          return `${IGNORE_FILE_NAME} in ${folder}: ${result.rule?.pattern ?? 'a parent folder'}`;
        if (result.unignored) return undefined;
      }
      if (path.dirname(folder) === folder || this.isRepositoryRoot(folder)) return undefined;
    }
  }

  private readonly roots = new Map<string, boolean>();

  private isRepositoryRoot(folder: string): boolean {
    let root = this.roots.get(folder);
    if (root === undefined)
      this.roots.set(folder, (root = fs.existsSync(path.join(folder, '.git'))));
    return root;
  }

  private rules(folder: string): Ignore | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const file = path.join(folder, IGNORE_FILE_NAME);
    let rules: Ignore | undefined;
    if (fs.existsSync(file)) {
      const read = readRegularFile(file, CONFIG_SIZE_LIMIT);
      if ('bytes' in read) rules = ignore().add(read.bytes.toString('utf8'));
    }
    this.byFolder.set(folder, rules);
    return rules;
  }
}

/**
 * Reads a UTF-8 text file, by default without its byte order mark, as editors show it. Binary
 * files and other encodings are refused rather than decoded lossily: a lossy read that is
 * written back (format --write) would destroy the user's text.
 */
export function readText(
  file: string,
  { keepBom = false } = {},
): { text: string } | { error: FileError } {
  const read = readRegularFile(file, MINUTES_SIZE_LIMIT);
  if ('error' in read) return { error: { path: file, reason: read.error.reason } };
  return decodeText(read.bytes, file, { keepBom });
}

/** {@link readText} for bytes already read (standard input); `file` names them in messages. */
export function decodeText(
  buffer: Buffer,
  file: string,
  { keepBom = false } = {},
): { text: string } | { error: FileError } {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    return { error: { path: file, reason: 'the file is UTF-16; save it as UTF-8 and try again' } };
  }
  if (buffer.includes(0)) {
    return { error: { path: file, reason: 'this is a binary file, not a .protokoll text file' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    const at = firstInvalidUtf8(buffer);
    return {
      error: {
        path: file,
        reason: `not UTF-8 text (invalid byte 0x${buffer[at].toString(16)} at offset ${at}); save the file as UTF-8 and try again`,
      },
    };
  }
  // TextDecoder drops a leading BOM; put it back when the caller writes the text out again.
  const hasBom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return { text: keepBom && hasBom ? '\uFEFF' + text : text };
}

function firstInvalidUtf8(buffer: Buffer): number {
  for (let i = 1; i <= buffer.length; i++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, i), { stream: true });
    } catch {
      return i - 1;
    }
  }
  return 0;
}

/** A file system error in words. */
export const describe = describeError;
