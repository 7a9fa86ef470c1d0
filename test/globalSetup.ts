/**
 * Names the test run (FRONTLINE_RUN), so the browser tests build the app once.
 * With the reference data: ingest it once for the whole run (with the
 * default boundaries, as the built-in set is made; ingest is incremental, so
 * a second run only re-reads files). Without it: say in one line which tests
 * are skipped and why.
 */
import { run } from '../src/cli/main';
import { DEEPSTATE, HAVE_SHARED, NO_SHARED, TEST_DATA } from './helpers/paths';

export default async function setup(): Promise<void> {
  // One id for this run: the browser test files build the app once between them (test/helpers/browser.ts buildApp).
  process.env.FRONTLINE_RUN ??= `${process.pid}-${Date.now()}`;
  if (!HAVE_SHARED) {
    process.stderr.write(
      `[globalSetup] ${NO_SHARED}: the tests read the built-in data set, and those that need the original files are skipped (marked "needs the reference data")\n`,
    );
    return;
  }
  let err = '';
  const started = Date.now();
  const code = await run(['ingest', '--source', DEEPSTATE, '--data', TEST_DATA], {
    out: () => {},
    err: (t) => void (err += t),
    isTTY: false,
  });
  if (code !== 0) throw new Error(`ingest of the reference data failed (${code}): ${err}`);
  process.stderr.write(`[globalSetup] ${err.trim()} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
