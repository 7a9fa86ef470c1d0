/** The normalized data folder on disk (see src/lib/datafolder/manifest.ts for its format). */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { SOURCE_NAME } from '../lib/datafolder/provenance';
import { InputError } from '../lib/engine/errors';
import type { ChunkSet, Manifest, SnapshotEntry, Stats } from '../lib/datafolder/manifest';
import { chunkOf, DATASET_FORMAT } from '../lib/datafolder/manifest';
import { HistoryChunkReader, type FrameCollection } from '../lib/datafolder/historyCodec';
import { pathsFromGeometry, toMultiPolygon, type Paths } from '../lib/engine/polygons';
import { regionsFromGeoJSON, type Region } from '../lib/engine/regions';
import { stripInputOf, type StripInput } from '../lib/engine/strip';
import { PROJECT_ROOT } from './boundaries';
import { readJsonFile, type Io } from './io';

/** The user's own data folder: where ingest and update write, and what every command reads once it exists. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'public', 'data');
/** The built-in data set shipped in the repository (`npm run data:builtin` rebuilds it), read when the user has none. */
export const BUILTIN_DATA_DIR = join(PROJECT_ROOT, 'data', 'builtin');

/** Where ingest and update write: `--data`, else `$FRONTLINE_DATA`, else public/data (never the built-in set unless named). */
export function dataDir(option: string | undefined): string {
  // Resolved, so a trailing slash cannot put ingest's temporary folder inside the output.
  return resolve(option ?? process.env.FRONTLINE_DATA ?? DEFAULT_DATA_DIR);
}

/**
 * Which data set the reading commands use: `--data` or `$FRONTLINE_DATA`
 * when given, else the user's own public/data when it has a manifest, else
 * the built-in set. `builtin` says which one it came to.
 */
export function readDataDir(option: string | undefined): { dir: string; builtin: boolean } {
  if (option ?? process.env.FRONTLINE_DATA) return { dir: dataDir(option), builtin: false };
  if (dataFolderExists(DEFAULT_DATA_DIR)) return { dir: DEFAULT_DATA_DIR, builtin: false };
  return { dir: BUILTIN_DATA_DIR, builtin: true };
}

/**
 * What a reading command says when there is no data folder: how to make one.
 */
export const HOW_TO_INGEST = `no ingested data: run \`npx frontline update\` (${SOURCE_NAME}'s API) or \`npx frontline ingest --source DIR|FILE|URL\` first`;

/**
 * A data folder as the CLI reads it from disk. (The page's counterpart is
 * `Dataset` in lib/state/data.ts, fetched over HTTP.)
 */
export interface DataFolder {
  dir: string;
  manifest: Manifest;
  stats: Stats;
  /** The snapshots' geometry, decoded from the chunk files on demand. */
  chunks: ChunkStore;
}

/** `path` is `dir` itself or lies inside it (both resolved). */
export function isWithin(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A path named in a manifest, kept inside its data folder (a manifest is data from outside). */
export function insideDataFolder(dir: string, file: string): string {
  const path = resolve(dir, String(file));
  if (typeof file !== 'string' || path === resolve(dir) || !isWithin(path, dir))
    throw new InputError(join(dir, 'manifest.json'), `names a file outside its data folder (${JSON.stringify(file)})`);
  return path;
}

/**
 * The decoded chunk files of a data folder. A range of dates reads the frames
 * of a chunk in order, which the reader decodes each once; a few chunks are
 * kept so that a range crossing months does not decode a month twice.
 */
export class ChunkStore {
  private readonly readers = new Map<string, HistoryChunkReader>();
  constructor(
    private readonly dir: string,
    private readonly manifest: Manifest,
  ) {}

  /** A snapshot's features of one set (`history`: pieces and line of contact; `layers`: occupied and contested). Read-only. */
  frame(set: ChunkSet, entry: SnapshotEntry): FrameCollection {
    const h = chunkOf(this.manifest, set, entry);
    if (!h)
      throw new InputError(
        join(this.dir, 'manifest.json'),
        `lists no ${set} chunk for snapshot ${entry.id}: run ingest again`,
      );
    let reader = this.readers.get(h.file);
    if (!reader) {
      reader = new HistoryChunkReader(
        readJsonFile(insideDataFolder(this.dir, h.file), join(this.dir, h.file)),
        join(this.dir, h.file),
      );
      this.readers.set(h.file, reader);
      if (this.readers.size > 4) this.readers.delete(this.readers.keys().next().value!);
    }
    return reader.frame(entry.id);
  }

  /** All of a snapshot's stored features, as one collection. */
  snapshot(entry: SnapshotEntry): FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: [...this.frame('layers', entry).features, ...this.frame('history', entry).features],
    };
  }
}

/** Whether `dir` holds a data folder (has a manifest). */
export function dataFolderExists(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

/** The data folder in `dir`, its manifest checked; chunks are decoded when asked for. */
export function readDataFolder(dir: string): DataFolder {
  if (!dataFolderExists(dir)) throw new InputError(dir, HOW_TO_INGEST);
  const manifest = readJsonFile(join(dir, 'manifest.json')) as Manifest;
  if (manifest.format !== DATASET_FORMAT)
    throw new InputError(
      join(dir, 'manifest.json'),
      `data format ${manifest.format}, this version reads ${DATASET_FORMAT}: run ingest again`,
    );
  if (!Array.isArray(manifest.snapshots) || !Array.isArray(manifest.history) || !Array.isArray(manifest.layers))
    throw new InputError(
      join(dir, 'manifest.json'),
      'is not a complete manifest (no snapshots, history or layers list): run ingest again',
    );
  const stats = readJsonFile(join(dir, 'stats.json')) as Stats;
  return { dir, manifest, stats, chunks: new ChunkStore(dir, manifest) };
}

/** The boundaries the data folder's figures were computed on (its regions.geojson), as regions. */
export function readRegions(ds: DataFolder): Region[] {
  return regionsFromGeoJSON(readJsonFile(join(ds.dir, 'regions.geojson')), join(ds.dir, 'regions.geojson'));
}

/** The stored geometry of a snapshot, by layer. */
export function loadSnapshotLayers(ds: DataFolder, entry: SnapshotEntry): Record<string, Paths> {
  const layers: Record<string, Paths> = {};
  for (const f of ds.chunks.frame('layers', entry).features as Feature[])
    layers[String(f.properties?.layer ?? '')] = pathsFromGeometry(f.geometry);
  return layers;
}

/**
 * What a demilitarised strip is computed from on a snapshot: the very files
 * the page loads (the snapshot and regions-display.geojson), so both get the
 * same figures.
 */
export function loadStripInput(ds: DataFolder, entry: SnapshotEntry): StripInput {
  const snapshot = ds.chunks.snapshot(entry);
  let regions = displayRegions.get(ds);
  if (!regions)
    displayRegions.set(ds, (regions = readJsonFile(join(ds.dir, 'regions-display.geojson')) as FeatureCollection));
  return stripInputOf(snapshot, regions);
}

/** Read once per data set: a range of dates needs them for every snapshot. */
const displayRegions = new WeakMap<DataFolder, FeatureCollection>();

/**
 * The data folder's ORDLO layer (held before 2022) as paths; none without one.
 */
export function loadOrdlo(ds: DataFolder): Paths {
  if (!ds.manifest.ordlo) return [];
  const fc = readJsonFile(insideDataFolder(ds.dir, ds.manifest.ordlo.file)) as FeatureCollection;
  return fc.features.filter((f) => f.properties?.layer === 'ordlo').flatMap((f) => pathsFromGeometry(f.geometry));
}

/**
 * Features as the one-line GeoJSON FeatureCollection text the data folder's files hold.
 */
export function featureCollection(features: Feature[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features } satisfies FeatureCollection) + '\n';
}

/** The boundaries in use as GeoJSON with `id`, names and area. */
export function regionsFile(regions: readonly Region[]): string {
  return featureCollection(
    regions.map((r) => ({
      type: 'Feature',
      properties: { id: r.id, name_en: r.name_en, name_uk: r.name_uk, area_km2: Math.round(r.area_km2 * 100) / 100 },
      geometry: toMultiPolygon(r.paths),
    })),
  );
}

/**
 * The data set a reading command uses (see readDataDir), loaded. When it is
 * the built-in one and stderr is a terminal, one line says so: a reader must
 * know that the figures stop at the built-in set's last date. (Scripts read
 * it from the output: `source.snapshot` and the dates; their stderr stays
 * empty on success.)
 */
export function openDataFolder(option: string | undefined, io: Io): DataFolder {
  const { dir, builtin } = readDataDir(option);
  const ds = readDataFolder(dir);
  if (builtin && io.isTTY) {
    const last = ds.manifest.snapshots.at(-1)?.date ?? '?';
    io.err(
      `note: using the built-in data set (${SOURCE_NAME}, up to ${last}); \`frontline update\` makes your own, current one in public/data\n`,
    );
  }
  return ds;
}
