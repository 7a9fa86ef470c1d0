/**
 * The CLI as a process: run() handles a command's failures; what is left
 * here is what only a process has. A closed stdout (`frontline … | head`)
 * ends the run quietly with 0, as `cat` does; an error that escapes every
 * promise (a stream's 'error' event, a timer) gets the same one line as any
 * other unexpected error, never a stack trace.
 */
import { describeFailure, isBrokenPipe } from './failure';
import { run } from './main';
import { processIo } from './io';

const argv = process.argv.slice(2);
const prefix = `frontline${argv[0] && !argv[0].startsWith('-') ? ` ${argv[0]}` : ''}`;

function fail(e: unknown): void {
  const failure = describeFailure(e, prefix, argv);
  if (failure.line) {
    try {
      process.stderr.write(failure.line);
    } catch {
      /* stderr is gone too */
    }
  }
  process.exit(failure.code);
}

// EPIPE arrives as an 'error' event on the stream, after the write that caused it.
process.stdout.on('error', (e) => (isBrokenPipe(e) ? process.exit(0) : fail(e)));
process.stderr.on('error', () => process.exit(process.exitCode ?? 1));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

process.exitCode = await run(argv, processIo);
