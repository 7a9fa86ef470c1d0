/**
 * Where snapshots come from: a folder (searched recursively), a file, or an
 * http(s) URL. Local files are read through io.ts's readFileText, which
 * refuses FIFOs, devices and oversized files with one line.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { InputError } from '../lib/engine/errors';
import { dateFromName, type SnapshotKind } from '../lib/engine/snapshot';
import { fsProblem, readFileText } from './io';
import { HttpClient, redactUrl } from './net';

/**
 * A snapshot file to ingest: its name (which carries its date) and how to read it, read only when needed.
 */
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

/** A file-system error while looking at the source, as one line naming the path. */
function sourceError(e: unknown, path: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(
    '--source',
    `${path}: ${code === 'ENOENT' ? 'no such file or folder' : (fsProblem(code) ?? (e as Error).message)}`,
  );
}

/**
 * The .geojson/.json files under `root`, walked with a stack rather than
 * recursion (a deep tree cannot overflow it). Symbolic links are not
 * followed into folders, so a link cycle cannot loop; a linked or special
 * file is listed and refused by readFileText if it is not a regular file.
 */
function walk(root: string): string[] {
  const out: string[] = [];
  const todo = [root];
  while (todo.length) {
    const dir = todo.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw sourceError(e, dir);
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) todo.push(path);
      else if (GEOJSON.test(entry.name)) out.push(path);
    }
  }
  return out;
}

const readAs = (path: string, name: string) => async (): Promise<string> => readFileText(path, name);

/**
 * The snapshot files of `--source`: a folder (searched recursively), one .geojson file, or an http(s) URL.
 */
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
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source))
    throw new InputError('--source', `only http and https URLs are supported, not "${redactUrl(source)}"`);
  let stat: Stats;
  try {
    stat = statSync(source);
  } catch (e) {
    throw sourceError(e, source);
  }
  if (stat.isFile()) return [{ name: basename(source), read: readAs(source, basename(source)) }];
  if (!stat.isDirectory())
    throw new InputError(
      '--source',
      `${source}: is not a file or a folder (${stat.isFIFO() ? 'a FIFO' : 'a device or socket'})`,
    );
  const files = walk(source);
  if (files.length === 0) throw new InputError('--source', `${source}: no .geojson or .json files in this folder`);
  return files.sort().map((path) => ({ name: relative(source, path), read: readAs(path, relative(source, path)) }));
}
