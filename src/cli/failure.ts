/**
 * What the CLI says when a command fails: always one line on stderr. A known
 * problem (bad input, bad arguments, the file system saying no) is named
 * with its file or argument; anything else is a bug of ours: one line that
 * asks for a report and names a log file holding the stack, which a user
 * never has to read on the terminal.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../lib/engine/errors';
import { fsProblem, UsageError } from './io';
import { redactUrls } from './net';
import { safeText } from './terminal';

/** How a failure ends the process: its exit code and the line for stderr (empty: say nothing). */
export interface Failure {
  code: 0 | 1 | 2;
  line: string;
}

function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/** A broken pipe: the reader of our output went away (`frontline areas … | head`). Not a failure. */
export function isBrokenPipe(e: unknown): boolean {
  return isErrno(e) && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED');
}

/**
 * Where the stack of an unexpected error goes: a file in the system's
 * temporary folder, readable by the user only. Returns its path, or why it
 * could not be written.
 */
export function writeErrorLog(e: unknown, argv: readonly string[]): string {
  const path = join(tmpdir(), `frontline-error-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
  const text = [
    `frontline ${argv.map((a) => redactUrls(a)).join(' ')}`,
    `node ${process.version} on ${process.platform}-${process.arch}`,
    e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e),
    '',
  ].join('\n');
  try {
    writeFileSync(path, text, { mode: 0o600 });
    return `the details are in ${path}`;
  } catch (w) {
    return `no log could be written (${(w as NodeJS.ErrnoException).code ?? 'error'} in ${tmpdir()})`;
  }
}

/**
 * The one line and exit code for any error a command throws. `prefix` is
 * `frontline <command>`; `usage` is added after a usage error.
 */
export function describeFailure(e: unknown, prefix: string, argv: readonly string[], usage?: string): Failure {
  if (isBrokenPipe(e)) return { code: 0, line: '' };
  if (e instanceof UsageError || (isErrno(e) && e.code!.startsWith('ERR_PARSE_ARGS'))) {
    return { code: 2, line: `${prefix}: ${safeText((e as Error).message)}\n${usage ? `usage: ${usage}\n` : ''}` };
  }
  if (e instanceof InputError)
    return { code: e.what.startsWith('--') ? 2 : 1, line: `${prefix}: ${safeText(e.message)}\n` };
  const problem = isErrno(e) ? fsProblem(e.code) : undefined;
  if (problem) {
    const err = e as NodeJS.ErrnoException & { dest?: string };
    const where = err.dest ? `${err.path} -> ${err.dest}` : (err.path ?? err.syscall ?? 'a file');
    return { code: 1, line: `${prefix}: ${safeText(where)}: ${problem}\n` };
  }
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e).split('\n')[0];
  return {
    code: 1,
    line: `${prefix}: unexpected error (${safeText(message, 300)}); please report it at the project's issue tracker: ${safeText(writeErrorLog(e, argv))}\n`,
  };
}
