import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, MINUTES_SIZE_LIMIT, readRegularFile } from '../safeFiles';

/** A file the CLI could not use, with the reason in words. */
export interface FileError {
  readonly path: string;
  readonly reason: string;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.vscode-test', 'out', 'dist']);

/** The file system calls the folder walk makes; tests inject failures through it. */
export interface WalkFileSystem {
  statSync(p: string): fs.Stats;
  readdirSync(p: string, options: { withFileTypes: true }): fs.Dirent[];
}

/**
 * The `.protokoll` files named by the paths; directories are searched recursively, sorted. A
 * path or folder that cannot be read is reported in `errors` and the walk goes on.
 */
export function collectFiles(
  paths: readonly string[],
  fileSystem: WalkFileSystem = fs,
): { files: string[]; errors: FileError[] } {
  const files: string[] = [];
  const errors: FileError[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fileSystem.statSync(p);
    } catch (e) {
      errors.push({ path: p, reason: describe(e) });
      continue;
    }
    if (stat.isDirectory()) {
      const before = errors.length;
      const found = walk(p, fileSystem, errors);
      if (found.length === 0 && errors.length === before)
        errors.push({ path: p, reason: 'no *.protokoll files in this directory' });
      files.push(...found);
    } else files.push(p);
  }
  return { files: [...new Set(files)], errors };
}

function walk(dir: string, fileSystem: WalkFileSystem, errors: FileError[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fileSystem.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    errors.push({ path: dir, reason: `cannot list this folder: ${describe(e)}` });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.'))
        out.push(...walk(full, fileSystem, errors));
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
  const read = readRegularFile(file, MINUTES_SIZE_LIMIT);
  if ('error' in read) return { error: { path: file, reason: read.error.reason } };
  const buffer = read.bytes;
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
