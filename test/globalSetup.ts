/**
 * Ingest ../shared/data once for the whole run (with the high-resolution
 * boundaries). Ingest is incremental, so a second run only re-reads files.
 */
import { run } from '../src/cli/main';
import { DEEPSTATE, HIRES, TEST_DATA } from './helpers/paths';

export default async function setup(): Promise<void> {
  let err = '';
  const started = Date.now();
  const code = await run(['ingest', '--source', DEEPSTATE, '--boundaries', HIRES, '--data', TEST_DATA], {
    out: () => {},
    err: (t) => void (err += t),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`ingest of the reference data failed (${code}): ${err}`);
  process.stderr.write(`[globalSetup] ${err.trim()} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
