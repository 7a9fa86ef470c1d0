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

/** A page row rounded as the CLI rounds (km² to 0.01, shares to 0.001), so it compares with the CLI's JSON. */
export function roundLikeCli<R extends Record<string, number | string>>(r: R): R {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => {
      const f = k.endsWith('_pct') ? 1000 : 100;
      return [k, typeof v === 'number' ? Math.round(v * f) / f : v];
    }),
  ) as R;
}
