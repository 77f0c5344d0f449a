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

/**
 * Reads a UTF-8 text file, by default without its byte order mark, as editors show it. Binary
 * files and other encodings are refused rather than decoded lossily: a lossy read that is
 * written back (format --write) would destroy the user's text.
 */
export function readText(
  file: string,
  { keepBom = false } = {},
): { text: string } | { error: FileError } {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    return { error: { path: file, reason: describe(e) } };
  }
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
