/** Where the tests find the shared reference data and their own ingested copy. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
export const SHARED = process.env.FRONTLINE_SHARED ?? join(ROOT, '..', 'shared', 'data');
export const DEEPSTATE = join(SHARED, 'deepstate');
export const DAILY = join(DEEPSTATE, 'daily');
export const RAW = join(DEEPSTATE, 'raw');
export const HIRES = join(SHARED, 'boundaries', 'ukraine-oblasts-2020.geojson');
/** The reference data ingested once per test run (high-resolution boundaries). */
export const TEST_DATA = join(ROOT, 'test', 'artifacts', 'data');
