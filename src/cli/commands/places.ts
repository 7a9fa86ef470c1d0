/** `frontline places`: the towns that change hands under a scenario on a date. */
import { join } from 'node:path';
import { csvFormatRows } from 'd3-dsv';
import type { FeatureCollection } from 'geojson';
import { ATTRIBUTION, snapshotOn } from '../../lib/geo/dataset';
import { InputError } from '../../lib/geo/errors';
import { ControlIndex, PLACE_ZONES, placeTotals, placesChangingHands, type PlaceChange, type PlaceZone } from '../../lib/geo/places';
import { checkOrdlo } from '../../lib/geo/report';
import { checkFormat } from '../format';
import { loadPlacesFile } from '../gazetteer';
import { readJsonFile, UsageError, type Io } from '../io';
import { dataDir, loadDataset } from '../store';
import { checkKind, chooseScenarios } from './areas';

export interface PlacesOptions {
  date?: string;
  scenario?: string;
  'scenario-file'?: string;
  zone?: string;
  format?: string;
  kind?: string;
  data?: string;
}

/** The columns of a row, in CSV order. */
export const PLACES_CSV_HEADER = ['date', 'scenario', 'name', 'name_uk', 'id', 'population', 'lon', 'lat', 'region', 'zone', 'now', 'credit'] as const;

export const PLACES_METHOD = {
  control:
    "who holds a town now: its point in the map's pieces of its region for the snapshot (the engine's overlay with slivers counted as held by Russia, simplified to 30 m), as the page draws them",
  zones:
    'buffer: held by Ukraine now, demilitarised under the scenario; ceded: held by Ukraine now, Russia\'s under it; returned: held by Russia now, Ukraine\'s under it. A town in the grey zone (raw snapshots only) goes where the map paints the grey zone (now: contested)',
  population: "GeoNames' figures, from before the full-scale invasion (2001 census or official estimates up to January 2022)",
};

function checkZone(value: string | undefined): PlaceZone | undefined {
  if (value === undefined) return undefined;
  if (!PLACE_ZONES.includes(value as PlaceZone)) throw new UsageError(`--zone must be one of ${PLACE_ZONES.join(', ')}, not "${value}"`);
  return value as PlaceZone;
}

/** A row as printed: English name as `name`. */
function outputRow(p: PlaceChange): Record<string, string | number | undefined> {
  return { name: p.name_en, name_uk: p.name_uk, id: p.id, population: p.population, lon: p.lon, lat: p.lat, region: p.region, zone: p.zone, now: p.now };
}

export async function places(opts: PlacesOptions, io: Io): Promise<void> {
  const format = checkFormat(opts.format, ['json', 'csv'], 'json');
  if (!opts.date) throw new UsageError('places needs --date YYYY-MM-DD');
  const zone = checkZone(opts.zone);
  const [def] = chooseScenarios(opts, false);
  const ds = loadDataset(dataDir(opts.data));
  const entry = snapshotOn(ds.manifest, opts.date, checkKind(opts.kind));
  checkOrdlo(ds.manifest, def);
  const gazetteer = loadPlacesFile(ds.dir, ds.manifest.boundaries.sha256);
  const read = (file: string): FeatureCollection => {
    const fc = readJsonFile(join(ds.dir, file)) as FeatureCollection;
    if (!fc || !Array.isArray(fc.features)) throw new InputError(join(ds.dir, file), 'not a GeoJSON FeatureCollection: run ingest again');
    return fc;
  };
  const pieces = [...read(entry.file).features, ...(ds.manifest.ordlo ? read(ds.manifest.ordlo.file).features : [])];
  const all = placesChangingHands(def, gazetteer.places, new ControlIndex(pieces));
  const rows = zone ? all.rows.filter((r) => r.zone === zone) : all.rows;
  const credit = `DeepStateMap; places: ${gazetteer.source.attribution}`;
  if (format === 'csv') {
    const lines = rows.map((r) => {
      const o = outputRow(r);
      return [entry.date, def.id, ...PLACES_CSV_HEADER.slice(2, -1).map((k) => String(o[k] ?? '')), credit];
    });
    io.out(csvFormatRows([[...PLACES_CSV_HEADER], ...lines]) + '\n');
    return;
  }
  const out = {
    date: entry.date,
    scenario: def.id,
    source: { name: 'DeepStateMap', attribution: ATTRIBUTION, file: entry.source, kind: entry.kind, snapshot: entry.id },
    boundaries: ds.manifest.boundaries,
    gazetteer: { ...gazetteer.source, min_population: gazetteer.min_population, method: gazetteer.method },
    method: PLACES_METHOD,
    zone: zone ?? 'all',
    totals: placeTotals(rows),
    rows: rows.map(outputRow),
  };
  io.out(JSON.stringify(out, null, 1) + '\n');
}
