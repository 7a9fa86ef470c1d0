/** Run CLI commands in memory and capture what they print. */
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false };
  const code = await run(argv, io);
  return { code, out, err };
}
