/**
 * DeepStateMap's public API (see /work/shared/docs/data-sources.md): the
 * list of published revisions, one revision's layers, and a local cache of
 * the revisions fetched (a published revision never changes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Note } from '../lib/datafolder/manifest';
import { HttpError, parseHttpUrl } from './net';
import { writeFileAtomic } from './io';

/**
 * DeepStateMap's history API, which `frontline update` asks unless given --api.
 */
export const DEFAULT_API = 'https://deepstatemap.live/api/history';

/** One entry of `GET /public`. */
export interface Revision {
  /** Unix seconds: when it was published, and the name of the raw files. */
  id: number;
  createdAt: string;
  /** Published (true) or withdrawn. */
  status: boolean;
  description: string;
  descriptionEn: string;
}

/** `base` + `/path`, keeping the base's query (an API key there applies to every call). */
export function apiUrl(base: string, path: string): URL {
  const url = new URL(parseHttpUrl(base).href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  return url;
}

/** The URL of a revision's layers. */
export function revisionUrl(base: string, id: number): URL {
  return apiUrl(base, `${id}/geojson`);
}

/** UTC date of a revision id. */
export function revisionDate(id: number): string {
  return new Date(id * 1000).toISOString().slice(0, 10);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The revisions of a `/public` answer. Anything but an array of objects is
 * an error naming `url`; entries without a usable id are left out (counted in
 * `skipped`), since one odd entry should not stop every other day.
 */
export function parseRevisionList(json: unknown, url: URL): { revisions: Revision[]; skipped: number } {
  if (!Array.isArray(json))
    throw new HttpError(url, `expected a JSON array of revisions, got ${json === null ? 'null' : typeof json}`);
  const revisions: Revision[] = [];
  let skipped = 0;
  for (const r of json as unknown[]) {
    const o = (r ?? {}) as Record<string, unknown>;
    const id = Number(o.id);
    // Unix seconds from 2020 to 2100: a millisecond or string id is not what the raw files are named by.
    if (typeof r !== 'object' || !Number.isInteger(id) || id < 1.5e9 || id > 4.2e9) {
      skipped++;
      continue;
    }
    revisions.push({
      id,
      createdAt: text(o.createdAt) || new Date(id * 1000).toISOString(),
      status: o.status === true,
      description: text(o.description),
      descriptionEn: text(o.descriptionEn),
    });
  }
  if (revisions.length === 0 && json.length > 0)
    throw new HttpError(url, `none of its ${json.length} entries is a revision with a numeric id`);
  return { revisions, skipped };
}

/** One revision per UTC day from `since` on: the last one published that day. Sorted by date. */
export function dailyRevisions(revisions: readonly Revision[], since: string): Revision[] {
  const byDay = new Map<string, Revision>();
  for (const r of revisions) {
    if (!r.status) continue;
    const day = revisionDate(r.id);
    if (day < since) continue;
    const have = byDay.get(day);
    if (!have || r.id > have.id) byDay.set(day, r);
  }
  return [...byDay.values()].sort((a, b) => a.id - b.id);
}

/** The note kept for a revision's day in notes.json. */
export function noteOf(r: Revision): Note {
  return { id: r.id, created_at: r.createdAt, description: r.description, description_en: r.descriptionEn };
}

/** `$FRONTLINE_CACHE`, else `$XDG_CACHE_HOME/frontline-scenarios`, else `~/.cache/frontline-scenarios`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FRONTLINE_CACHE) return env.FRONTLINE_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'frontline-scenarios');
}

/** Revisions fetched before, as `revisions/<id>.geojson` under the cache folder. */
export class RevisionCache {
  /** A write failed (read-only home, full disk): the run goes on, the next one downloads again. */
  writeFailed = false;

  constructor(readonly dir: string = cacheDir()) {}

  path(id: number): string {
    return join(this.dir, 'revisions', `${id}.geojson`);
  }

  /** The cached text and its JSON, or undefined when absent or unreadable (then it is fetched again). */
  read(id: number): { text: string; json: unknown } | undefined {
    const path = this.path(id);
    if (!existsSync(path)) return undefined;
    try {
      const text = readFileSync(path, 'utf8');
      return { text, json: JSON.parse(text) };
    } catch {
      return undefined;
    }
  }

  /** Store a revision; false when the cache cannot be written (the run goes on without it). */
  write(id: number, text: string): boolean {
    try {
      writeFileAtomic(this.path(id), text);
      return true;
    } catch {
      this.writeFailed = true;
      return false;
    }
  }
}
