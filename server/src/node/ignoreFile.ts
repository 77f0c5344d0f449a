// `.protokollignore`: which minutes a whole-workspace check leaves out, in .gitignore syntax
// (patterns, `!` to re-include, a trailing `/` for folders, `#` comments), matched with the
// `ignore` package as git does. A `.protokollignore` applies to the folder it is in and every
// folder below it, with paths relative to its own folder, like a nested .gitignore. Shared by the
// language server (workspace diagnostics, "Check All Minutes") and the CLI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const IGNORE_FILE_NAME = '.protokollignore';

/** Folders never searched for minutes: tools' and build output, version control, hidden ones. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.vscode-test',
  'out',
  'dist',
]);

/** One `.protokollignore`: its folder and its rules. */
interface IgnoreLayer {
  readonly folder: string;
  readonly rules: Ignore;
}

/**
 * The `.protokollignore` rules that apply below `root` (the one in `root` itself and those of
 * the folders above it up to `top`, when given), to extend with each folder's own file while
 * walking down.
 */
export class IgnoreRules {
  private constructor(private readonly layers: readonly IgnoreLayer[]) {}

  /** The rules in force in `folder`: the `.protokollignore` files of `folder` and of `top`…`folder`. */
  static forFolder(folder: string, top: string = folder): IgnoreRules {
    const folders: string[] = [];
    let dir = path.resolve(folder);
    const stop = path.resolve(top);
    for (;;) {
      folders.unshift(dir);
      if (dir === stop) break;
      const parent = path.dirname(dir);
      if (parent === dir || !isInside(parent, stop)) break;
      dir = parent;
    }
    return folders.reduce((rules, f) => rules.withFolder(f), new IgnoreRules([]));
  }

  /** These rules plus the `.protokollignore` of `folder`, if it has one. */
  withFolder(folder: string): IgnoreRules {
    const text = readIgnoreFile(path.join(folder, IGNORE_FILE_NAME));
    if (text === undefined) return this;
    return new IgnoreRules([...this.layers, { folder, rules: ignore().add(text) }]);
  }

  /** Whether `file` (absolute; a folder when `isFolder`) is left out. */
  ignores(file: string, isFolder = false): boolean {
    for (const { folder, rules } of this.layers) {
      const relative = path.relative(folder, file);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      const posix = relative.split(path.sep).join('/');
      if (rules.ignores(isFolder ? `${posix}/` : posix)) return true;
    }
    return false;
  }
}

/**
 * The `.protokoll` files under `root`, sorted, leaving out what `.protokollignore` files (in
 * `root`, below it, and above it up to `top`) exclude, and the folders of
 * {@link SKIPPED_DIRECTORIES} and hidden ones. Unreadable folders are passed over. Stops after
 * `limit` files (the result then says `truncated`).
 */
export function findMinutesFiles(
  root: string,
  options: { top?: string; limit?: number } = {},
): { files: string[]; truncated: boolean } {
  const limit = options.limit ?? Infinity;
  const files: string[] = [];
  let truncated = false;
  const walk = (dir: string, rules: IgnoreRules): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (truncated) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || entry.name.startsWith('.')) continue;
        if (!rules.ignores(full, true)) walk(full, rules.withFolder(full));
      } else if (entry.isFile() && entry.name.endsWith('.protokoll') && !rules.ignores(full)) {
        if (files.length >= limit) truncated = true;
        else files.push(full);
      }
    }
  };
  const start = path.resolve(root);
  walk(start, IgnoreRules.forFolder(start, options.top ?? start));
  return { files, truncated };
}

function readIgnoreFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isInside(dir: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
