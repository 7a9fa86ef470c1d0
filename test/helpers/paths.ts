/**
 * Where the tests find their data. With the shared reference data beside the
 * project (`../shared/data`, or `$FRONTLINE_SHARED`), the test run ingests it
 * once into its own copy (test/artifacts/data, with the default boundaries,
 * exactly as `npm run data:builtin` does) and the tests that read the
 * original files run. Without it (a fresh clone), the tests read the
 * built-in data set, and those that need the originals are skipped, as the
 * global set-up says in one line.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const SHARED = process.env.FRONTLINE_SHARED ?? join(ROOT, '..', 'shared', 'data');
export const DEEPSTATE = join(SHARED, 'deepstate');
export const DAILY = join(DEEPSTATE, 'daily');
export const RAW = join(DEEPSTATE, 'raw');
export const HIRES = join(SHARED, 'boundaries', 'ukraine-oblasts-2020.geojson');
/** The reference data is there: tests that read its original files run. */
export const HAVE_SHARED = existsSync(DAILY) && existsSync(RAW) && existsSync(HIRES);
/** Why a test that needs the reference data was skipped. */
export const NO_SHARED = `the reference data (${SHARED}) is not there`;
/** The built-in data set in the repository. */
export const BUILTIN_DATA = join(ROOT, 'data', 'builtin');
/** The data set the tests read: the reference data ingested once per test run, else the built-in set. */
export const TEST_DATA = HAVE_SHARED ? join(ROOT, 'test', 'artifacts', 'data') : BUILTIN_DATA;
