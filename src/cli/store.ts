/** The normalized data folder on disk (see src/lib/geo/dataset.ts for its format). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { InputError } from '../lib/geo/errors';
import type { Manifest, SnapshotEntry, Stats } from '../lib/geo/dataset';
import { DATASET_FORMAT } from '../lib/geo/dataset';
import { pathsFromGeometry, toMultiPolygon, type Paths } from '../lib/geo/polygons';
import { regionsFromGeoJSON, type Region } from '../lib/geo/regions';
import { stripInputOf, type StripInput } from '../lib/geo/strip';
import { PROJECT_ROOT } from './boundaries';
import { readJsonFile } from './io';

export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'public', 'data');
/** The data set that ships with the project (a complete data folder, when present). */
export const BUILTIN_DATA_DIR = join(PROJECT_ROOT, 'data', 'builtin');

export function dataDir(option: string | undefined): string {
  // Resolved, so a trailing slash cannot put ingest's temporary folder inside the output.
  return resolve(option ?? process.env.FRONTLINE_DATA ?? DEFAULT_DATA_DIR);
}

export const HOW_TO_INGEST =
  'no ingested data: run `npx frontline ingest --source ../shared/data/deepstate` (a folder, a file, or an https URL of a DeepStateMap snapshot) first';

export interface Dataset {
  dir: string;
  manifest: Manifest;
  stats: Stats;
}

export function datasetExists(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

export function loadDataset(dir: string): Dataset {
  if (!datasetExists(dir)) throw new InputError(dir, HOW_TO_INGEST);
  const manifest = readJsonFile(join(dir, 'manifest.json')) as Manifest;
  if (manifest.format !== DATASET_FORMAT) throw new InputError(join(dir, 'manifest.json'), `data format ${manifest.format}, this version reads ${DATASET_FORMAT}: run ingest again`);
  const stats = readJsonFile(join(dir, 'stats.json')) as Stats;
  return { dir, manifest, stats };
}

export function loadRegions(ds: Dataset): Region[] {
  return regionsFromGeoJSON(readJsonFile(join(ds.dir, 'regions.geojson')), join(ds.dir, 'regions.geojson'));
}

/** The stored geometry of a snapshot, by layer. */
export function loadSnapshotLayers(ds: Dataset, entry: SnapshotEntry): Record<string, Paths> {
  const fc = readJsonFile(join(ds.dir, entry.file)) as FeatureCollection;
  const layers: Record<string, Paths> = {};
  for (const f of fc.features as Feature[]) {
    const layer = String(f.properties?.layer ?? '');
    if (layer !== 'piece' && (f.geometry.type === 'MultiPolygon' || f.geometry.type === 'Polygon')) layers[layer] = pathsFromGeometry(f.geometry);
  }
  return layers;
}

/**
 * What a demilitarised strip is computed from on a snapshot: the very files
 * the page loads (the snapshot and regions-display.geojson), so both get the
 * same figures.
 */
export function loadStripInput(ds: Dataset, entry: SnapshotEntry): StripInput {
  const snapshot = readJsonFile(join(ds.dir, entry.file)) as FeatureCollection;
  let regions = displayRegions.get(ds);
  if (!regions) displayRegions.set(ds, (regions = readJsonFile(join(ds.dir, 'regions-display.geojson')) as FeatureCollection));
  return stripInputOf(snapshot, regions);
}

/** Read once per data set: a range of dates needs them for every snapshot. */
const displayRegions = new WeakMap<Dataset, FeatureCollection>();

export function loadOrdlo(ds: Dataset): Paths {
  if (!ds.manifest.ordlo) return [];
  const fc = readJsonFile(join(ds.dir, ds.manifest.ordlo.file)) as FeatureCollection;
  return fc.features.filter((f) => f.properties?.layer === 'ordlo').flatMap((f) => pathsFromGeometry(f.geometry));
}

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

