import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, MINUTES_SIZE_LIMIT, readRegularFile } from '../safeFiles';
import {
  findMinutesFiles,
  IgnoreFiles,
  type FileError,
  type WalkFileSystem,
} from '../minutesFiles';
// Required, not imported: this program is bundled as CommonJS, and the ES module entry of
// tinyglobby's folder walker needs import.meta.url, which such a bundle lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
import tinyglobby = require('tinyglobby');

export type { FileError, WalkFileSystem } from '../minutesFiles';

const { globSync, isDynamicPattern } = tinyglobby;

/** The name standing for standard input among the paths. */
export const STDIN = '-';

export interface CollectOptions {
  readonly fileSystem?: WalkFileSystem;
  /** Told every file found and every path skipped, with the reason (`--debug`). */
  readonly debug?: (line: string) => void;
  /** Where relative globs start. */
  readonly cwd?: string;
}

/**
 * The `.protokoll` files named by the paths: files as given (also when ignored), folders searched
 * recursively ({@link findMinutesFiles}), globs expanded (tinyglobby), `-` kept for standard
 * input. Folders and globs leave out `node_modules`, `.git` and what `.protokollignore` files
 * list. A path or folder that cannot be read is reported in `errors` and the search goes on.
 * Sorted within each path, no duplicates.
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
      const search = findMinutesFiles(p, { fileSystem, ignores, debug });
      errors.push(...search.errors);
      if (search.files.length === 0 && search.errors.length === 0)
        errors.push({ path: p, reason: 'no *.protokoll files in this directory' });
      files.push(...search.files);
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
  for (const file of matches) {
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
