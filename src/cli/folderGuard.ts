/**
 * Writing a data folder safely. Ingest and update build the new folder beside
 * the old one (`DIR.tmp-PID`) and swap it in with two renames; this module
 * holds what makes that safe for the user's files:
 *
 * - only a folder that is ours is written: absent, empty, or holding a
 *   `manifest.json` of our format; a file, or a folder of other files (a
 *   thesis, the `--source` folder), is refused and left as it is;
 * - one writer at a time: `DIR.lock` holds the writer's PID; a second writer
 *   refuses with one line, a lock whose process is gone is taken over;
 * - recovery: a run killed between the two renames leaves `DIR.old-PID` and
 *   no `DIR`: the next run puts it back; temporary folders of dead runs are
 *   removed (only ours, by name and with our marks inside).
 */
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SOURCE_NAME } from '../lib/datafolder/provenance';
import { InputError } from '../lib/engine/errors';
import { REGION_IDS } from '../lib/engine/regions';
import { dataFolderExists, readDataFolder, type DataFolder } from './store';
import { safeText } from './terminal';

/** The suffixes of the folders a writer makes beside DIR (with `-PID`). */
type Sibling = 'tmp' | 'old' | 'seed';

/** A process with this PID is running (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, and is someone else's
  }
}

/**
 * Refuse a `--data` that is not ours to write: a file, or a folder with files
 * but no manifest.json. Never reads further into it, never changes it.
 */
export function checkOwnFolder(dir: string): void {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return; // absent: ours to make
  }
  const shown = safeText(dir);
  if (st.isSymbolicLink())
    throw new InputError(dir, `is a symbolic link: give the folder it points to (${shown} is left as it is)`);
  if (!st.isDirectory())
    throw new InputError(
      dir,
      'is a file, not a data folder: give a new or empty folder, or one that frontline ingest made (nothing was changed)',
    );
  const names = readdirSync(dir);
  if (names.length === 0) return;
  if (!names.includes('manifest.json'))
    throw new InputError(
      dir,
      `is not a frontline data folder (it has ${names.length} file${names.length === 1 ? '' : 's'} and no manifest.json): give a new or empty folder (nothing was changed or deleted)`,
    );
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return; // ours but damaged: the health check says so, with the way out
  }
  const m = manifest as { format?: unknown; attribution?: unknown } | null;
  if (!m || typeof m !== 'object' || typeof m.format !== 'number' || m.attribution !== SOURCE_NAME)
    throw new InputError(
      join(dir, 'manifest.json'),
      'is not a frontline data folder manifest: give a new or empty folder (nothing was changed or deleted)',
    );
}

/** What holds DIR for one writer: release it when done (also on failure). */
export interface FolderLock {
  release(): void;
}

/** Take DIR's lock (`DIR.lock`, the writer's PID), or refuse when a live process holds it. */
export function lockFolder(dir: string): FolderLock {
  const path = `${dir}.lock`;
  mkdirSync(dirname(dir), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return {
        release: () => {
          // Only our own lock: a writer that took over a lock we lost must keep it.
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readLock(path), 10);
      if (alive(holder) && holder !== process.pid)
        throw new InputError(
          dir,
          `is being written by another frontline process (PID ${holder}, lock ${safeText(basename(path))}): wait for it to finish, or remove the lock if that process is gone`,
        );
      rmSync(path, { force: true }); // a dead writer's lock
    }
  }
  throw new InputError(dir, `could not take its lock ${safeText(path)}`);
}

function readLock(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** A folder beside DIR that this process writes (`DIR.tmp-PID`, ...). */
export function siblingOf(dir: string, kind: Sibling): string {
  return `${dir}.${kind}-${process.pid}`;
}

/**
 * Tidy what dead writers left beside DIR. A run killed between its two
 * renames left `DIR.old-PID` and no `DIR`: that old folder is the last
 * complete data set, so it is put back. Other `.tmp-`, `.old-` and `.seed-`
 * folders of processes that are gone are removed, if they look like ours.
 * Returns a line for each thing done, for the user to read.
 */
export function recoverFolder(dir: string): string[] {
  const parent = dirname(dir);
  const name = basename(dir);
  if (!existsSync(parent)) return [];
  const said: string[] = [];
  const leftovers = readdirSync(parent)
    .map((f) => ({ f, m: new RegExp(`^${escapeRe(name)}\\.(tmp|old|seed)-(\\d+)$`).exec(f) }))
    .filter((x) => x.m && !alive(Number(x.m[2])) && isOurs(join(parent, x.f)))
    .map((x) => ({ path: join(parent, x.f), kind: x.m![1], pid: Number(x.m![2]) }));
  if (!existsSync(dir)) {
    const old = leftovers.find((l) => l.kind === 'old' && existsSync(join(l.path, 'manifest.json')));
    if (old) {
      renameSync(old.path, dir);
      said.push(
        `recovered ${safeText(dir)} from ${safeText(basename(old.path))} (a run ended between its two renames)`,
      );
      leftovers.splice(leftovers.indexOf(old), 1);
    }
  }
  for (const l of leftovers) {
    removeOurs(l.path);
    said.push(`removed ${safeText(basename(l.path))}, left by a run that ended early`);
  }
  return said;
}

/** What marks a folder beside DIR as one a writer of ours made: a data folder's manifest, a temporary one's scratch folder. */
const OUR_MARKS = ['manifest.json', 'scratch'];

/** A folder a writer of ours made: empty, or with one of OUR_MARKS. */
function isOurs(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    const names = readdirSync(path);
    return names.length === 0 || names.some((n) => OUR_MARKS.includes(n));
  } catch {
    return false;
  }
}

/**
 * Remove a folder of ours so that a kill at any moment leaves what is left
 * still known as ours, for the next run's recoverFolder to finish: its other
 * entries go first, OUR_MARKS last, then the folder itself. (One recursive
 * removal deletes in no set order: killed after the manifest went, it left a
 * folder of chunks that no later run would touch.) `rm` removes one entry:
 * tests pass one that stops part way.
 */
export function removeOurs(
  path: string,
  rm: (p: string) => void = (p) => rmSync(p, { recursive: true, force: true }),
): void {
  if (!existsSync(path)) return;
  const names = readdirSync(path);
  for (const n of names.filter((n) => !OUR_MARKS.includes(n))) rm(join(path, n));
  for (const n of names.filter((n) => OUR_MARKS.includes(n))) rm(join(path, n));
  rm(path);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Put the complete folder `tmp` in DIR's place: two renames, so that DIR is
 * at every moment either the old data set or the new one (a kill between
 * them is undone by recoverFolder).
 */
export function swapIn(tmp: string, dir: string): void {
  const old = siblingOf(dir, 'old');
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  if (!existsSync(old)) return;
  // Removed under a temporary name: a removal cut short leaves a folder the next run removes, never one it puts back.
  renameSync(old, tmp);
  removeOurs(tmp);
}

/**
 * The old data folder, checked: a folder that is ours but damaged stops the
 * run with the way out (`--rebuild`) instead of being rebuilt silently or
 * copied forward.
 */
export function previousFolder(out: string, rebuild: boolean): DataFolder | undefined {
  if (!dataFolderExists(out)) return undefined;
  try {
    const ds = readDataFolder(out);
    checkHealth(ds);
    return ds;
  } catch (e) {
    if (rebuild) return undefined;
    const why = e instanceof InputError ? e.message : (e as Error).message;
    throw new InputError(
      out,
      `is damaged (${why}): run ingest again with --rebuild to make it anew from this source alone (the snapshots only it had are dropped), or restore it from a copy; nothing was changed`,
    );
  }
}

/** Figures that would be copied forward must be whole: one triple of finite km² per region for every snapshot. */
function checkHealth(ds: DataFolder): void {
  const { stats, manifest } = ds;
  if (
    stats.engine !== manifest.engine ||
    stats.regions?.join() !== REGION_IDS.join() ||
    stats.area_km2?.length !== REGION_IDS.length
  )
    throw new InputError(join(ds.dir, 'stats.json'), 'does not match its manifest');
  if (!stats.area_km2.every((x) => Number.isFinite(x) && x > 0))
    throw new InputError(join(ds.dir, 'stats.json'), 'has a region area that is not a positive number');
  for (const e of manifest.snapshots) {
    const rows = stats.overlays?.[e.id];
    if (
      !Array.isArray(rows) ||
      rows.length !== REGION_IDS.length ||
      !rows.every((r) => Array.isArray(r) && r.length === 3 && r.every((x) => Number.isFinite(x) && x >= 0))
    )
      throw new InputError(join(ds.dir, 'stats.json'), `has no valid figures for snapshot ${e.id}`);
  }
}
