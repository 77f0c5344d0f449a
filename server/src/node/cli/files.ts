import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file the CLI could not use, with the reason in words. */
export interface FileError {
  readonly path: string;
  readonly reason: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

/** The `.protokoll` files named by the paths; directories are searched recursively, sorted. */
export function collectFiles(paths: readonly string[]): { files: string[]; errors: FileError[] } {
  const files: string[] = [];
  const errors: FileError[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      errors.push({ path: p, reason: describe(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const found = walk(p);
      if (found.length === 0)
        errors.push({ path: p, reason: 'no *.protokoll files in this directory' });
      files.push(...found);
    } else files.push(p);
  }
  return { files: [...new Set(files)], errors };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.'))
        out.push(...walk(full));
    } else if (entry.isFile() && entry.name.endsWith('.protokoll')) out.push(full);
  }
  return out;
}

/** Reads a text file as UTF-8 without its byte order mark, as editors show it. */
export function readText(file: string): { text: string } | { error: FileError } {
  try {
    const buffer = fs.readFileSync(file);
    if (buffer.includes(0))
      return { error: { path: file, reason: 'this is a binary file, not a .protokoll text file' } };
    return { text: buffer.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (e) {
    return { error: { path: file, reason: describe(e) } };
  }
}

export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}
