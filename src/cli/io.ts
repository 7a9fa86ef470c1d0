/**
 * The CLI's I/O: where text goes (so tests can run commands in memory), files
 * written atomically, JSON read with errors that name the file.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../lib/geo/errors';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: draw progress bars. */
  isTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

/** A usage error: wrong or missing arguments. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Write through a temporary file and rename, so no reader ever sees half a file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      if (typeof data === 'string') writeSync(fd, data);
      else writeSync(fd, data);
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
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const truncated = /end of (JSON )?input|Unterminated/i.test(msg) ? ' (the file looks truncated)' : '';
    throw new InputError(what, `not valid JSON${truncated}: ${msg}`);
  }
}

export function readFileText(path: string, what = path): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(what, 'no such file');
    if (code === 'EISDIR') throw new InputError(what, 'is a folder, expected a file');
    throw new InputError(what, (e as Error).message);
  }
}

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
    this.io.err(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${note}`.padEnd(100).slice(0, 100));
    if (done >= this.total) this.io.err('\n');
  }
}
