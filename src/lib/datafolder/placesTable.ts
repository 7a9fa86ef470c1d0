/**
 * The places a scenario moves, as files: identical from `frontline places`
 * and from the page's download, so one can be checked against the other.
 */
import { placeTotals, type PlaceChange, type PlacesFile, type PlaceZone } from '../engine/places';
import type { AreaReport } from '../engine/report';
import { GENERATOR } from './provenance';
import { formatCsv, type CsvCell } from './tables';

/** The columns of a row, in CSV order. */
export const PLACES_CSV_HEADER = [
  'date',
  'scenario',
  'name',
  'name_uk',
  'id',
  'population',
  'lon',
  'lat',
  'region',
  'zone',
  'now',
  'kind',
  'credit',
] as const;

/** What every row of a towns table shares: the snapshot's date and kind, and the scenario. */
export interface PlacesTableKey {
  date: string;
  scenario: string;
  /** The snapshot's kind, as in the area tables: `daily`, `raw`, or `custom` for a reader's own line. */
  kind: string;
}

/**
 * How the towns' zones are decided, in words (the JSON's `method`).
 */
export const PLACES_METHOD = {
  control:
    "who holds a town now: its point in the map's pieces of its region for the snapshot (the engine's overlay with slivers counted as held by Russia, simplified to 30 m), as the page draws them",
  zones:
    "buffer: held by Ukraine now, demilitarised under the scenario and recognised as Russian; neutral: held by Ukraine now, held by neither army under the scenario and recognised as no one's; ceded: held by Ukraine now, Russia's under it; returned: held by Russia now, Ukraine's under it. A town in the grey zone (raw snapshots only) goes where the map paints the grey zone (now: contested)",
  population:
    "GeoNames' figures, from before the full-scale invasion (2001 census or official estimates up to January 2022)",
};

/** A row as printed: the English name as `name`. */
export function placeRow(p: PlaceChange): Record<string, string | number | undefined> {
  return {
    name: p.name_en,
    name_uk: p.name_uk,
    id: p.id,
    population: p.population,
    lon: p.lon,
    lat: p.lat,
    region: p.region,
    zone: p.zone,
    now: p.now,
  };
}

/**
 * The towns as CSV (PLACES_CSV_HEADER's columns), each row with its snapshot's kind and its credit.
 */
export function placesToCsv(key: PlacesTableKey, rows: readonly PlaceChange[], credit: string): string {
  const lines = rows.map((r): CsvCell[] => {
    const o = placeRow(r);
    return [key.date, key.scenario, ...PLACES_CSV_HEADER.slice(2, -2).map((k) => o[k] ?? ''), key.kind, credit];
  });
  return formatCsv([[...PLACES_CSV_HEADER], ...lines]);
}

/** The JSON `frontline places` prints, from the report of the same snapshot and scenario. */
export function placesToJson(
  report: Pick<AreaReport, 'date' | 'scenario' | 'source' | 'boundaries'>,
  gazetteer: PlacesFile,
  rows: readonly PlaceChange[],
  zone: PlaceZone | undefined,
): string {
  const out = {
    date: report.date,
    scenario: report.scenario,
    source: report.source,
    boundaries: report.boundaries,
    gazetteer: { ...gazetteer.source, min_population: gazetteer.min_population, method: gazetteer.method },
    method: PLACES_METHOD,
    generator: GENERATOR,
    zone: zone ?? 'all',
    totals: placeTotals(rows),
    rows: rows.map(placeRow),
  };
  return JSON.stringify(out, null, 1) + '\n';
}
