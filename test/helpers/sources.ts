/**
 * Source files for tests that ingest: the real DeepStateMap files from the
 * reference data when it is there, otherwise the same snapshots rebuilt from
 * the built-in data set (its `layers/` chunks hold each snapshot's occupied
 * and contested layers as the source drew them, and ordlo.geojson the ORDLO
 * layer). A rebuilt file ingests to the same figures as the original: the
 * engine reads nothing else from it.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { readDataFolder } from '../../src/cli/store';
import { BUILTIN_DATA, DAILY, HAVE_SHARED, RAW } from './paths';

/** A daily file's name for a date (`deepstatemap_data_YYYYMMDD.geojson`). */
export const dailyName = (date: string): string => `deepstatemap_data_${date.replaceAll('-', '')}.geojson`;

const LAYER_NAMES: Record<string, string> = {
  occupied: 'Окуповано /// Occupied /// geoJSON.status.occupied',
  contested: 'Статус невідомий /// Unknown status /// geoJSON.status.unknown',
  ordlo: 'ОРДЛО /// CADR and CALR /// geoJSON.territories.ordlo',
};

let rebuilt: string | undefined;

/** The text of a snapshot's source file, rebuilt from the built-in data set. */
function rebuild(id: string): string {
  const ds = readDataFolder(BUILTIN_DATA);
  const entry = ds.manifest.snapshots.find((s) => s.id === id);
  if (!entry) throw new Error(`the built-in data set has no snapshot ${id}`);
  const layers = ds.chunks.frame('layers', entry).features;
  if (entry.kind === 'daily') {
    const occupied = layers.find((f) => f.properties.layer === 'occupied')!;
    return JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: occupied.geometry }],
    });
  }
  const features: Feature[] = layers.map((f) => ({
    type: 'Feature',
    properties: { name: LAYER_NAMES[String(f.properties.layer)] },
    geometry: f.geometry,
  }));
  if (ds.manifest.ordlo?.snapshot === id) {
    const ordlo = (
      JSON.parse(readFileSync(join(BUILTIN_DATA, ds.manifest.ordlo.file), 'utf8')) as FeatureCollection
    ).features.find((f) => f.properties?.layer === 'ordlo')!;
    features.push({ type: 'Feature', properties: { name: LAYER_NAMES.ordlo }, geometry: ordlo.geometry });
  }
  return JSON.stringify({ type: 'FeatureCollection', features } satisfies FeatureCollection);
}

/**
 * The path of a snapshot's source file: `daily` a date (`YYYY-MM-DD`), `raw`
 * a raw file's name (`<unix-seconds>.geojson`, whose UTC date is the id).
 */
export function sourceFile(spec: { daily: string } | { raw: string }): string {
  const [name, original] =
    'daily' in spec ? [dailyName(spec.daily), join(DAILY, dailyName(spec.daily))] : [spec.raw, join(RAW, spec.raw)];
  if (HAVE_SHARED) return original;
  rebuilt ??= mkdtempSync(join(tmpdir(), 'frontline-rebuilt-'));
  const path = join(rebuilt, name);
  if (!existsSync(path)) {
    const id =
      'daily' in spec
        ? spec.daily
        : `${new Date(Number(spec.raw.replace('.geojson', '')) * 1000).toISOString().slice(0, 10)}-raw`;
    writeFileSync(path, rebuild(id));
  }
  return path;
}

/** Copy source files into `dir` under their own names. */
export function putSources(dir: string, ...specs: ({ daily: string } | { raw: string })[]): void {
  for (const spec of specs)
    copyFileSync(sourceFile(spec), join(dir, 'daily' in spec ? dailyName(spec.daily) : spec.raw));
}
