/** Where snapshots come from: a folder (searched recursively), a file, or an http(s) URL. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../lib/geo/errors';
import { dateFromName, type SnapshotKind } from '../lib/geo/snapshot';
import { HttpClient, redactUrl } from './net';

export interface SourceFile {
  /** Name shown in the data set and in messages: relative path or URL. */
  name: string;
  read(): Promise<string>;
  /** Snapshot date (UTC), when the name does not carry it (a revision from DeepState's API). */
  date?: string;
  /** Snapshot kind with `date` (default raw). */
  kind?: SnapshotKind;
}

/** A source's date and kind: given with it, or implied by its name. */
export function sourceDate(s: SourceFile): { date: string; kind: SnapshotKind } | undefined {
  return s.date ? { date: s.date, kind: s.kind ?? 'raw' } : dateFromName(s.name);
}

const GEOJSON = /\.(geo)?json$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (GEOJSON.test(entry.name)) out.push(path);
  }
}

export async function collectSources(source: string): Promise<SourceFile[]> {
  if (/^https?:\/\//i.test(source)) {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      throw new InputError('--source', `"${redactUrl(source)}" is not a valid URL`);
    }
    // The name is published in the manifest: never with credentials or a query (tokens).
    return [{ name: redactUrl(url), read: () => new HttpClient().getText(url) }];
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new InputError('--source', `only http and https URLs are supported, not "${redactUrl(source)}"`);
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new InputError('--source', `${source}: no such file or folder`);
  }
  if (stat.isFile()) return [{ name: basename(source), read: async () => readFileSync(source, 'utf8') }];
  const files: string[] = [];
  walk(source, files);
  if (files.length === 0) throw new InputError('--source', `${source}: no .geojson or .json files in this folder`);
  return files.sort().map((path) => ({ name: relative(source, path), read: async () => readFileSync(path, 'utf8') }));
}
