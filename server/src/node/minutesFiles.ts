// Finding the `.protokoll` files of a folder, leaving out what `.protokollignore` files list
// (gitignore syntax, matched with the `ignore` package as git does). One implementation for the
// CLI (`protokoll check|format FOLDER`, globs) and the language server's workspace check
// (`workspace/diagnostic`, "Check All Minutes"), so both see the same files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CONFIG_SIZE_LIMIT, describeError, readRegularFile } from './safeFiles';

/** A file or folder that could not be used, with the reason in words. */
export interface FileError {
  readonly path: string;
  readonly reason: string;
}

/** Per folder, in gitignore syntax: what folder searches and globs leave out. */
const IGNORE_FILE_NAME = '.protokollignore';

/**
 * Folders never searched: installed packages and version control. Everything else (build output,
 * hidden folders) is searched unless a `.protokollignore` lists it.
 */
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** The file system calls the folder walk makes; tests inject failures through it. */
export interface WalkFileSystem {
  statSync(p: string): fs.Stats;
  readdirSync(p: string, options: { withFileTypes: true }): fs.Dirent[];
}

/**
 * The `.protokollignore` files of the folders above a path, read once each. The nearest file with
 * a matching pattern decides, as in git: a deeper file can re-include with `!pattern`. Files are
 * looked up to the repository root (a folder with `.git`), or else to the file system root.
 */
export class IgnoreFiles {
  private readonly byFolder = new Map<string, Ignore | undefined>();
  private readonly roots = new Map<string, boolean>();

  /** Why `absolute` is ignored (`.protokollignore in DIR: pattern`), or `undefined`. */
  why(absolute: string, isDirectory: boolean): string | undefined {
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

  /** Whether `absolute` (a folder when `isDirectory`) is left out. */
  ignores(absolute: string, isDirectory = false): boolean {
    return this.why(absolute, isDirectory) !== undefined;
  }

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

export interface FindOptions {
  readonly fileSystem?: WalkFileSystem;
  /** Shared between searches to read each `.protokollignore` once. */
  readonly ignores?: IgnoreFiles;
  /** Told every file found and every path skipped, with the reason (`--debug`). */
  readonly debug?: (line: string) => void;
  /** Stop after this many files; the result then says `truncated`. */
  readonly limit?: number;
}

/**
 * The `.protokoll` files under `root`, sorted by name within each folder (paths start with `root`
 * as given). Leaves out {@link SKIPPED_DIRECTORIES} and what `.protokollignore` files (in `root`,
 * below it, and above it up to the repository root) list. Links to files are followed, links to
 * folders are not (loops). A folder that cannot be listed or a broken link is reported in
 * `errors` and the search goes on.
 */
export function findMinutesFiles(
  root: string,
  options: FindOptions = {},
): { files: string[]; errors: FileError[]; truncated: boolean } {
  const search: Search = {
    fileSystem: options.fileSystem ?? fs,
    ignores: options.ignores ?? new IgnoreFiles(),
    debug: options.debug ?? (() => undefined),
    limit: options.limit ?? Infinity,
    files: [],
    errors: [],
    truncated: false,
  };
  walk(root, search);
  return { files: search.files, errors: search.errors, truncated: search.truncated };
}

interface Search {
  readonly fileSystem: WalkFileSystem;
  readonly ignores: IgnoreFiles;
  readonly debug: (line: string) => void;
  readonly limit: number;
  readonly files: string[];
  readonly errors: FileError[];
  truncated: boolean;
}

function walk(dir: string, search: Search): void {
  let entries: fs.Dirent[];
  try {
    entries = search.fileSystem.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    search.errors.push({ path: dir, reason: `cannot list this folder: ${describeError(e)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (search.truncated) return;
    const full = path.join(dir, entry.name);
    const isDirectory = entry.isDirectory();
    if (!isDirectory && !entry.name.endsWith('.protokoll')) continue;
    if (isDirectory && SKIPPED_DIRECTORIES.has(entry.name)) {
      search.debug(`skipped ${full}/ (${entry.name} is never searched)`);
      continue;
    }
    const why = search.ignores.why(path.resolve(full), isDirectory);
    if (why) {
      search.debug(`skipped ${full}${isDirectory ? '/' : ''} (${why})`);
      continue;
    }
    if (isDirectory) walk(full, search);
    else if (entry.isFile()) found(full, '', search);
    else if (entry.isSymbolicLink()) {
      // A link to a file is checked as the file; a link to a folder is not followed (loops).
      let target: fs.Stats | undefined;
      try {
        target = search.fileSystem.statSync(full);
      } catch (e) {
        search.errors.push({ path: full, reason: describeError(e) });
        continue;
      }
      if (target.isFile()) found(full, ' (a link)', search);
      else search.debug(`skipped ${full} (a link to something that is not a file)`);
    } else search.debug(`skipped ${full} (not a regular file)`);
  }
}

function found(file: string, note: string, search: Search): void {
  if (search.files.length >= search.limit) {
    search.truncated = true;
    search.debug(`stopped at ${file} (more than ${search.limit} files)`);
    return;
  }
  search.debug(`found ${file}${note}`);
  search.files.push(file);
}
