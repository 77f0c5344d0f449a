import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export { CONFIG_SIZE_LIMIT, MINUTES_SIZE_LIMIT } from '../common/files';

/** Why a file could not be read or written, in words, and the system's code when there is one. */
export interface FileFailure {
  readonly code?: string;
  readonly reason: string;
  /** For `ENOTREG`: what the path is instead of a regular file. */
  readonly kind?: 'directory' | 'pipe' | 'device' | 'socket' | 'other';
}

/**
 * Reads a regular file of at most `limit` bytes. Devices (`/dev/zero`), named pipes, sockets and
 * folders are refused without reading from them, also behind a link, so a hostile path can
 * neither hang the program nor fill its memory. Never throws.
 */
export function readRegularFile(
  file: string,
  limit: number,
): { bytes: Buffer } | { error: FileFailure } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe for reading would otherwise wait for a writer forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: failure(e) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { error: notRegular(stat) };
    if (stat.size > limit) return { error: tooLarge(stat.size, limit) };
    // Read up to one byte past the limit: a file can grow, and some (in /proc) report size 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { error: tooLarge(total, limit, true) };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { error: failure(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** "1.5 MB", "12 kB", "300 bytes". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

function tooLarge(size: number, limit: number, atLeast = false): FileFailure {
  return {
    code: 'EFBIG',
    reason: `the file is ${atLeast ? 'more than ' : ''}${formatSize(size)}, more than the ${formatSize(limit)} allowed; is this the right file?`,
  };
}

function notRegular(stat: fs.Stats): FileFailure {
  const kind = stat.isDirectory()
    ? 'directory'
    : stat.isFIFO()
      ? 'pipe'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'device'
        : stat.isSocket()
          ? 'socket'
          : 'other';
  const reason = {
    directory: 'is a directory, not a file',
    pipe: 'is a named pipe (FIFO), not a regular file',
    device: 'is a device, not a regular file',
    socket: 'is a socket, not a regular file',
    other: 'is not a regular file',
  }[kind];
  return { code: 'ENOTREG', reason, kind };
}

function failure(e: unknown): FileFailure {
  const code = (e as NodeJS.ErrnoException)?.code;
  return { code, reason: describeError(e) };
}

/** A file system error in words. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links (a link that points back to itself?)';
    case 'ENXIO':
      return 'is a socket or device, not a regular file';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/** The identity of a file: its real path and its device and inode. */
interface Identity {
  readonly realPath: string;
  readonly dev: number;
  readonly ino: number;
}

function identity(file: string): Identity | undefined {
  try {
    const realPath = fs.realpathSync(file);
    const stat = fs.statSync(realPath);
    return { realPath, dev: stat.dev, ino: stat.ino };
  } catch {
    return undefined;
  }
}

function sameFile(a: Identity, b: Identity): boolean {
  return a.realPath === b.realPath || (a.dev === b.dev && a.ino === b.ino);
}

/**
 * The input that `target` is, by its real path or by its device and inode (a symbolic or hard
 * link to it), or `undefined` when it is none of them.
 */
export function inputAt(target: string, inputs: readonly string[]): string | undefined {
  const out = identity(target);
  const outPath = path.resolve(target);
  for (const input of inputs) {
    if (path.resolve(input) === outPath) return input;
    const source = identity(input);
    if (out && source && sameFile(out, source)) return input;
  }
  return undefined;
}

/** Why writing `target` is refused because it is one of `inputs`, or `undefined`. */
export function sourceRefusal(target: string, inputs: readonly string[]): string | undefined {
  const input = inputAt(target, inputs);
  if (input === undefined) return undefined;
  return path.resolve(input) === path.resolve(target)
    ? 'refusing to overwrite the source document; choose another output file'
    : `refusing to write: this is the source document ${input} under another name (a link); choose another output file`;
}

/** A write that was refused or failed; `message` says why and what to do. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    /** Refused before writing anything (the target is an input, a folder, a dangling link). */
    readonly refused = false,
  ) {
    super(message);
  }
}

/**
 * Writes `bytes` to `target` atomically: into a new file in the same folder, then renamed over
 * the target, so a reader never sees half a file and a failure leaves the old one as it was.
 * An existing target keeps its mode (and, when permitted, its owner). A symbolic link is
 * followed to the file it names, which is replaced while the link stays; a dangling link or a
 * link to a folder is refused. Refuses, before writing anything, when the target is any of
 * `inputs` under another name (a symbolic or hard link). Throws {@link WriteError}.
 */
export function writeFileAtomically(
  target: string,
  bytes: Buffer | string,
  inputs: readonly string[] = [],
): string {
  const refusal = sourceRefusal(target, inputs);
  if (refusal) throw new WriteError(refusal, 'ESOURCE', true);
  let real = path.resolve(target);
  let existing: fs.Stats | undefined;
  try {
    const link = fs.lstatSync(real);
    if (link.isSymbolicLink()) {
      try {
        real = fs.realpathSync(real);
      } catch (e) {
        throw new WriteError(
          `is a link to ${fs.readlinkSync(target)}, which cannot be followed (${describeError(e)}); remove the link or choose another output file`,
          'EDANGLING',
          true,
        );
      }
    }
    existing = fs.statSync(real);
  } catch (e) {
    if (e instanceof WriteError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new WriteError(`cannot write (${describeError(e)})`, code);
  }
  if (existing && !existing.isFile()) {
    throw new WriteError(
      `${existing.isDirectory() ? 'is a directory' : 'is not a regular file'}; choose another output file`,
      'ENOTREG',
      true,
    );
  }
  const temporary = path.join(
    path.dirname(real),
    `.${path.basename(real)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number | undefined;
  try {
    // 'wx': a new file, never through a link an attacker put in place of the temporary name.
    fd = fs.openSync(temporary, 'wx', existing ? 0o600 : 0o666);
    fs.writeFileSync(fd, bytes);
    if (existing) {
      try {
        fs.fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // Only root may give a file away; the mode is what matters.
      }
      // After the owner: changing the owner clears the set-user-ID bit.
      fs.fchmodSync(fd, existing.mode & 0o7777);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, real);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw new WriteError(`cannot write (${describeError(e)})`, (e as NodeJS.ErrnoException).code);
  }
  return real;
}
