/**
 * Folders of files that a command writes whole: `--datapackage DIR` (a table
 * and its datapackage.json) and `frontline api --out DIR`. The folder
 * appears whole or not at all (written beside DIR, then swapped in), and a
 * folder that holds anything but what this program wrote there is refused,
 * so no one's files are replaced.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR } from '../lib/datafolder/provenance';
import { siblingOf, swapIn } from './folderGuard';
import { readJsonFile, UsageError, writeFileAtomic } from './io';

/** The name of a package's descriptor, as the specification fixes it. */
export const DESCRIPTOR = 'datapackage.json';

/** What a marker file (a descriptor, an API index) says about who wrote the folder and which files are its own. */
interface Marker {
  generator?: { name?: string };
  frontline?: { generator?: { name?: string } };
  resources?: { path?: unknown }[];
  data_set?: { dates?: unknown[] };
}

/** The files a marker lists as the folder's own: a package's resources, or an API's files for its dates. */
function ownFiles(m: Marker): string[] {
  const listed = (m.resources ?? []).map((r) => String(r?.path));
  const dates = (m.data_set?.dates ?? []).map((d) => `areas/${String(d)}.json`);
  return [...listed, ...dates, ...(m.data_set ? [DESCRIPTOR, 'series.csv'] : [])];
}

/** Throws unless DIR is empty or holds only what this program wrote there (named by `marker`). */
function checkReplaceable(dir: string, option: string, marker: string): void {
  if (!statSync(dir).isDirectory()) throw new UsageError(`${option} ${dir}: not a folder`);
  const present = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile());
  if (present.length === 0) return;
  const notOurs = `${option} ${dir}: the folder is not empty and is not one that ${GENERATOR.name} wrote; give a new or empty folder`;
  if (!present.includes(marker)) throw new UsageError(notOurs);
  const m = readJsonFile(join(dir, marker)) as Marker;
  const by = m?.frontline?.generator?.name ?? m?.generator?.name;
  if (by !== GENERATOR.name) throw new UsageError(notOurs);
  const own = new Set([marker, ...ownFiles(m)]);
  const other = present.filter((f) => !own.has(f));
  if (other.length > 0)
    throw new UsageError(
      `${option} ${dir}: holds files that ${GENERATOR.name} did not write there (${other.slice(0, 3).join(', ')}); give a new or empty folder`,
    );
}

/**
 * Write `files` (path in the folder → text) as the folder DIR, replacing
 * what this program wrote there before. `marker` is the file that says so
 * (datapackage.json, or an API's index.json).
 *
 * @example writeOwnFolder('out/us-draft', { 'a.csv': csv, 'datapackage.json': json }, '--datapackage')
 */
export function writeOwnFolder(dir: string, files: Record<string, string>, option: string, marker = DESCRIPTOR): void {
  if (existsSync(dir)) checkReplaceable(dir, option, marker);
  const tmp = siblingOf(dir, 'tmp');
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [name, text] of Object.entries(files)) writeFileAtomic(join(tmp, name), text);
    swapIn(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
