/**
 * `frontline update`: fetch the revisions DeepStateMap published since the
 * data folder's newest day (one per day: the last of that day, raw layers
 * with the grey zone) and ingest them on top of what is there, with the day's
 * notes. A revision that cannot be fetched or read is named and skipped; the
 * others land. Fetched revisions are cached, so a run after a failure only
 * downloads what is missing.
 */
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkDate, ENGINE_VERSION, type Manifest, type Note } from '../../lib/datafolder/manifest';
import { InputError } from '../../lib/engine/errors';
import { parseSnapshot } from '../../lib/engine/snapshot';
import { DEFAULT_BOUNDARIES } from '../boundaries';
import {
  apiUrl,
  dailyRevisions,
  DEFAULT_API,
  noteOf,
  parseRevisionList,
  RevisionCache,
  revisionDate,
  revisionUrl,
  type Revision,
} from '../deepstate';
import { parseJson, Progress, readFileText, sha256, UsageError, type Io } from '../io';
import { HttpClient, redactUrl, redactUrls } from '../net';
import type { SourceFile } from '../sources';
import { checkOwnFolder } from '../folderGuard';
import { BUILTIN_DATA_DIR, dataDir, dataFolderExists, readDataFolder } from '../store';
import { ingest } from './ingest';
import { addDays } from '../../lib/engine/calendar';

/**
 * `frontline update`'s options (see COMMANDS in ../main.ts).
 */
export interface UpdateOptions {
  api?: string;
  since?: string;
  data?: string;
  boundaries?: string;
  /** For tests and the bench: the HTTP client, the cache, and the data folder a first run starts from. */
  http?: HttpClient;
  cache?: RevisionCache;
  builtin?: string;
}

/** Returns the exit code: 0 when every new revision landed, 1 when some were skipped. */
export async function update(opts: UpdateOptions, io: Io): Promise<number> {
  const since = opts.since === undefined ? undefined : checkDate(opts.since, '--since');
  const api = opts.api ?? DEFAULT_API;
  const listUrl = apiUrl(api, 'public'); // a bad --api fails here, before anything is read or written
  const out = dataDir(opts.data);
  checkOwnFolder(out); // before anything is fetched: update writes only into a folder that is ours
  const builtin = opts.builtin ?? BUILTIN_DATA_DIR;
  // A first run without --since starts from the built-in set (the page then keeps its history); --since bounds a first run to those days.
  const seedFrom =
    dataFolderExists(out) || since !== undefined ? undefined : dataFolderExists(builtin) ? builtin : undefined;
  const base = seedFrom ?? (dataFolderExists(out) ? out : undefined);
  const manifest = base ? readDataFolder(base).manifest : undefined;
  if (manifest) checkAddable(manifest, base!, opts.boundaries);
  const from = since ?? defaultSince(manifest);
  if (!from) throw new UsageError(`${out} has no data yet: give --since YYYY-MM-DD, the first day to fetch`);

  const http = opts.http ?? new HttpClient();
  const { revisions, skipped } = parseRevisionList(parseJson(await http.getText(listUrl), redactUrl(listUrl)), listUrl);
  if (skipped) io.err(`note: ${skipped} entries of ${redactUrl(listUrl)} have no usable id; left out\n`);
  // A list whose shape changed would otherwise look like "up to date".
  if (revisions.length && !revisions.some((r) => r.status))
    io.err(`note: none of the ${revisions.length} revisions of ${redactUrl(listUrl)} is published (status true)\n`);
  if (seedFrom) seedDataFolder(out, seedFrom);

  const have = ingestedRevisions(manifest);
  const wanted = dailyRevisions(revisions, from).filter((r) => !have.has(r.id));
  if (wanted.length === 0) {
    io.err(`up to date: no new revisions from ${from} on at ${redactUrl(api)} (${revisions.length} listed)\n`);
    return 0;
  }

  const cache = opts.cache ?? new RevisionCache();
  const progress = new Progress(io, 'update', wanted.length);
  const sources: SourceFile[] = [];
  const notes: Record<string, Note> = {};
  const failed: number[] = [];
  for (const [i, r] of wanted.entries()) {
    const date = revisionDate(r.id);
    progress.tick(i, `fetching ${date}`);
    try {
      sources.push(await fetchRevision(r, api, http, cache));
      notes[date] = noteOf(r);
    } catch (e) {
      failed.push(r.id);
      // Any error, not only known ones: one bad revision must not cost the others.
      line(io, `revision ${r.id} (${date}) skipped: ${redactUrls((e as Error).message)}`);
    }
    progress.tick(i + 1, date);
  }

  if (cache.writeFailed)
    io.err(`note: could not write the cache ${cache.dir}; the next run downloads these revisions again\n`);
  if (sources.length) {
    await ingest({ sources, notes, data: out, boundaries: opts.boundaries }, io);
    io.err(
      `update: ${sources.length} new revision${sources.length === 1 ? '' : 's'} (${sources[0].date}${sources.length > 1 ? ` … ${sources.at(-1)!.date}` : ''}) from ${redactUrl(api)}, notes in notes.json\n`,
    );
  }
  if (failed.length) {
    line(
      io,
      `frontline update: ${failed.length} of ${wanted.length} revisions failed and were skipped: ${failed.join(', ')}`,
    );
    return 1;
  }
  return 0;
}

/** A revision from the cache or the API, checked the way ingest will read it, as a source for ingest. */
async function fetchRevision(r: Revision, api: string, http: HttpClient, cache: RevisionCache): Promise<SourceFile> {
  const url = revisionUrl(api, r.id);
  const name = redactUrl(url);
  const date = revisionDate(r.id);
  let got = cache.read(r.id);
  let cached = got !== undefined;
  if (!got) {
    const text = await http.getText(url);
    got = { text, json: parseJson(text, name) };
    cached = cache.write(r.id, text);
  }
  // Ingest stops at the first file it cannot read; checking here lets update skip just this one.
  const snap = parseSnapshot(got.json, name, date);
  if (snap.occupied.length === 0)
    throw new InputError(name, 'no occupied territory in any layer DeepState names (not a raw revision?)');
  const { text } = got;
  const path = cache.path(r.id);
  // Read back from the cache rather than held in memory: a long catch-up holds hundreds of MB otherwise.
  return { name, date, kind: 'raw', read: async () => (cached ? readFileText(path, name) : text) };
}

/** Refuse what would make ingest rebuild the folder from the new revisions alone (and drop its history). */
function checkAddable(m: Manifest, dir: string, boundaries: string | undefined): void {
  if (m.engine !== ENGINE_VERSION)
    throw new InputError(
      dir,
      `was written by engine ${m.engine}, this version is ${ENGINE_VERSION}: run \`frontline ingest\` with its sources first (update adds to a data folder, it does not rebuild one)`,
    );
  const sha = sha256(readFileText(boundaries ?? DEFAULT_BOUNDARIES, boundaries ?? 'built-in boundaries'));
  if (sha !== m.boundaries.sha256)
    throw new InputError(
      '--boundaries',
      `${dir} was ingested with the boundaries ${m.boundaries.name}; give that file as --boundaries${boundaries ? '' : ' (the built-in set is different)'}`,
    );
}

/**
 * The day after the newest snapshot; or that day itself when its snapshot is
 * a revision from the API, because DeepState may publish again later that
 * day (a run at noon must not miss the evening's revision; an unchanged one
 * is not fetched again, see ingestedRevisions).
 */
function defaultSince(m: Manifest | undefined): string | undefined {
  const newest = m?.snapshots.reduce<string | undefined>((a, e) => (a && a > e.date ? a : e.date), undefined);
  if (!newest) return undefined;
  const fromApi = m!.snapshots.some(
    (e) => e.date === newest && e.kind === 'raw' && /^https?:\/\//.test(e.source) && REVISION_SOURCE.test(e.source),
  );
  return fromApi ? newest : addDays(newest, 1);
}

const REVISION_SOURCE = /(?:^|\/)(\d{9,11})(?:\.geojson|\/geojson)$/;

/** Revision ids the data folder holds already (from the API or raw files of the same name). */
function ingestedRevisions(m: Manifest | undefined): Set<number> {
  const ids = new Set<number>();
  for (const e of m?.snapshots ?? []) {
    const hit = e.kind === 'raw' ? REVISION_SOURCE.exec(e.source) : null;
    if (hit) ids.add(Number(hit[1]));
  }
  return ids;
}

/** Copy a complete data folder to `out` through a temporary folder, so no half copy is ever left as `out`. */
export function seedDataFolder(out: string, from: string): void {
  const tmp = `${out}.seed-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dirname(out), { recursive: true });
  try {
    cpSync(from, tmp, { recursive: true });
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new InputError(out, `could not copy the built-in data set ${from} there: ${(e as Error).message}`);
  }
}

/** A line of its own on stderr, also when a progress bar is being drawn there. */
function line(io: Io, text: string): void {
  io.err(`${io.isTTY ? '\r\x1b[K' : ''}${text}\n`);
}
