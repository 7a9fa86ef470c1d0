/**
 * The CLI's I/O: where text goes (so tests can run commands in memory), files
 * written atomically, JSON read with errors that name the file.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../lib/engine/errors';

/**
 * Where a command writes: data to `out`, messages to `err` (so a pipe gets only data); tests pass their own.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: draw progress bars. */
  isTTY: boolean;
}

/**
 * The process's own stdout and stderr, for the CLI's entry point.
 */
export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

/** A usage error: wrong or missing arguments. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Hex SHA-256 of text or bytes: a source file's checksum in the manifest, a chunk's in its entry.
 */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Write through a temporary file and rename, so no reader ever sees half a
 * file. Every byte is checked written (a short write is retried; a full disk
 * is an error naming the file) and synced before the rename.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (let at = 0; at < bytes.length;) {
        const n = writeSync(fd, bytes, at, bytes.length - at);
        if (n <= 0) throw Object.assign(new Error(`${tmp}: wrote nothing`), { code: 'EIO', path: tmp });
        at += n;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Parse JSON text; a syntax error names the file and says where it broke. */
export function parseJson(text: string, what: string): unknown {
  if (text.trim() === '') throw new InputError(what, 'is empty');
  // gzip's magic bytes, as read into UTF-8 text: a compressed file is not parsed (nor inflated: a gzip bomb stays small).
  if (text.startsWith('\u001f\ufffd'))
    throw new InputError(what, 'is gzip-compressed: decompress it first (gunzip)', 'not-json');
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    // V8 names the end of input, or a position at the very end (a file cut inside a number).
    const at = /at position (\d+)/.exec(msg);
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(msg) || (at && Number(at[1]) >= text.trimEnd().length)
        ? ' (the file looks truncated)'
        : '';
    throw new InputError(what, `not valid JSON${truncated}: ${msg}`);
  }
}

/** File-system errors in plain words (Node's own messages are `EACCES: permission denied, open '…'`). */
const FS_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, expected a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'already exists',
  ENOTEMPTY: 'the folder is not empty',
  EBUSY: 'is busy',
  EIO: 'input/output error (a failing disk or a network drive gone?)',
  EXDEV: 'cannot move a file across file systems',
  EFBIG: 'the file is too large',
};

/** The plain-words problem of a file-system error code, if it is one. */
export function fsProblem(code: string | undefined): string | undefined {
  return code ? FS_PROBLEMS[code] : undefined;
}

/** Larger local files are refused before reading: DeepState's raw files are ~3 MB, boundary sets ~40 MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Read a local file as UTF-8, refusing what is not a regular file (a FIFO
 * would block forever, /dev/zero never ends) or is over MAX_FILE_BYTES. The
 * file is opened without blocking and checked through its descriptor, so a
 * file swapped for a FIFO between a check and the read is still caught.
 * Every failure is an InputError naming the file.
 */
export function readFileText(path: string, what = path): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw fsInputError(e, what);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(what, 'is a folder, expected a file');
    if (!stat.isFile())
      throw new InputError(
        what,
        `is not a regular file (${stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device'}); give a file`,
      );
    if (stat.size > MAX_FILE_BYTES)
      throw new InputError(
        what,
        `is ${Math.round(stat.size / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`,
        'too-large',
      );
    return readFileSync(fd, 'utf8');
  } catch (e) {
    throw e instanceof InputError ? e : fsInputError(e, what);
  } finally {
    closeSync(fd);
  }
}

/** A file-system error as one InputError naming the file, in plain words. */
function fsInputError(e: unknown, what: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(what, 'no such file');
  return new InputError(what, fsProblem(code) ?? (e as Error).message);
}

/**
 * A JSON file, parsed; a missing, truncated or invalid file is an InputError naming `what`.
 */
export function readJsonFile(path: string, what = path): unknown {
  return parseJson(readFileText(path, what), what);
}

/** A progress bar on a terminal; nothing when stderr is a pipe or file. */
export class Progress {
  private last = 0;
  constructor(
    private io: Io,
    private label: string,
    private total: number,
  ) {}
  tick(done: number, note = ''): void {
    if (!this.io.isTTY) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, this.total));
    this.io.err(
      `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${note}`
        .padEnd(100)
        .slice(0, 100),
    );
    if (done >= this.total) this.io.err('\n');
  }
}
