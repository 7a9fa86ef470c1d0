/**
 * `--datapackage DIR`: a table and its datapackage.json written as one
 * folder. The folder appears whole or not at all (written beside DIR, then
 * swapped in), and a folder that holds anything but a package this program
 * wrote is refused, so no one's files are replaced.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR } from '../lib/datafolder/provenance';
import { siblingOf, swapIn } from './folderGuard';
import { readJsonFile, writeFileAtomic } from './io';
import { UsageError } from './io';

/** The name of a package's descriptor, as the specification fixes it. */
export const DESCRIPTOR = 'datapackage.json';

/** The files a package of ours in DIR lists (its descriptor and resources); throws if DIR holds anything else. */
function checkReplaceable(dir: string): void {
  if (!statSync(dir).isDirectory()) throw new UsageError(`--datapackage ${dir}: not a folder`);
  const present = readdirSync(dir);
  if (present.length === 0) return;
  const notOurs = `--datapackage ${dir}: the folder is not empty and is not a data package that ${GENERATOR.name} wrote; give a new or empty folder`;
  if (!present.includes(DESCRIPTOR)) throw new UsageError(notOurs);
  const d = readJsonFile(join(dir, DESCRIPTOR)) as {
    frontline?: { generator?: { name?: string } };
    resources?: { path?: unknown }[];
  };
  if (d?.frontline?.generator?.name !== GENERATOR.name || !Array.isArray(d.resources)) throw new UsageError(notOurs);
  const listed = new Set([DESCRIPTOR, ...d.resources.map((r) => String(r?.path))]);
  const other = present.filter((f) => !listed.has(f));
  if (other.length > 0)
    throw new UsageError(
      `--datapackage ${dir}: holds files that are not part of its package (${other.slice(0, 3).join(', ')}); give a new or empty folder`,
    );
}

/**
 * Write `files` (name → text) as the folder DIR, replacing a package this
 * program wrote there before.
 *
 * @example writePackageFolder('out/us-draft', { 'a.csv': csv, 'datapackage.json': json })
 */
export function writePackageFolder(dir: string, files: Record<string, string>): void {
  if (existsSync(dir)) checkReplaceable(dir);
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
