/**
 * Control snapshots: DeepStateMap's daily merged files and raw layered API
 * output, parsed into occupied and contested territory on one date.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { classifyLayer, HELD_BY_RUSSIA, type LayerClass } from './classify';
import { InputError } from './errors';
import { checkPolygonal, isPolygonal } from './geometryCheck';
import { checkLonLat } from './regions';
import { FIRST_YEAR, LAST_YEAR } from './snapshotYears';

export { FIRST_YEAR, LAST_YEAR } from './snapshotYears';
import { difference, pathsFromGeometry, repair, selfCrossingRing, type Paths } from './polygons';
import { isCalendarDay } from './calendar';

/**
 * Where a snapshot comes from: DeepState's daily merged files, its raw
 * layered files, or a reader's own file (credited as itself).
 *
 * @example dateFromName('deepstatemap_data_20251120.geojson')!.kind // 'daily'
 */
export type SnapshotKind = 'daily' | 'raw' | 'custom';

/**
 * A snapshot parsed and repaired: who holds what on a date, as integer paths.
 *
 * @example parseSnapshot(json, 'deepstatemap_data_20251120.geojson').occupied.length
 */
export interface Snapshot {
  /** YYYY-MM-DD (UTC). */
  date: string;
  kind: SnapshotKind;
  /** File name or URL it came from. */
  source: string;
  /** Held by Russia on the date: occupied, ORDLO and Crimea layers, repaired. */
  occupied: Paths;
  /** Grey zone not also marked occupied (raw files only). */
  contested: Paths;
  /** Occupied before 2022 (ORDLO layer of a raw file), when the file has it. */
  ordlo: Paths;
  /** Polygons per class, for reports and tests. */
  layers: Partial<Record<LayerClass, number>>;
}

const DAILY_NAME = /deepstatemap_data_(\d{4})(\d{2})(\d{2})(?!\d)/;
const RAW_NAME = /(?:^|[/\\])(\d{9,11})\.geojson$/;
// Not inside a longer number: `10000-01-01` is no date of year 0000.
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/** The date if it is a real calendar date within FIRST_YEAR..LAST_YEAR, else an InputError naming the file. */
function checkedDate(date: string, name: string): string {
  const year = Number(date.slice(0, 4));
  if (!isCalendarDay(date) || year < FIRST_YEAR || year > LAST_YEAR)
    throw new InputError(
      name,
      `the date in the file name, ${date}, is not a date between ${FIRST_YEAR} and ${LAST_YEAR}`,
      'bad-date',
      { date },
    );
  return date;
}

/**
 * Snapshot date and kind implied by a file name, if any; a name whose date
 * is no calendar date within FIRST_YEAR..LAST_YEAR is refused (InputError).
 *
 * @example dateFromName('1754035200.geojson') // { date: '2025-08-01', kind: 'raw' }
 */
export function dateFromName(name: string): { date: string; kind: SnapshotKind } | undefined {
  const d = DAILY_NAME.exec(name);
  if (d) return { date: checkedDate(`${d[1]}-${d[2]}-${d[3]}`, name), kind: 'daily' };
  const r = RAW_NAME.exec(name);
  if (r) {
    const t = new Date(Number(r[1]) * 1000);
    return { date: checkedDate(t.toISOString().slice(0, 10), name), kind: 'raw' };
  }
  const i = ISO_DATE.exec(name);
  if (i) return { date: checkedDate(`${i[1]}-${i[2]}-${i[3]}`, name), kind: 'custom' };
  return undefined;
}

/**
 * Parse a DeepState file (daily or raw) or any GeoJSON of occupied territory.
 * A file whose polygons carry DeepState layer names is read as raw layers;
 * otherwise every polygon counts as occupied. `date` overrides the date from
 * the name (for files named otherwise).
 *
 * @example parseSnapshot(JSON.parse(text), 'my-line.geojson', '2025-11-20').kind // 'custom'
 */
export function parseSnapshot(json: unknown, source: string, date?: string): Snapshot {
  const fc = json as FeatureCollection;
  let features: Feature[];
  if (fc && fc.type === 'FeatureCollection' && Array.isArray(fc.features)) features = fc.features;
  else if (fc && (fc as unknown as Feature).type === 'Feature') features = [fc as unknown as Feature];
  else throw new InputError(source, 'not a GeoJSON FeatureCollection or Feature', 'not-geojson');
  const named = dateFromName(source);
  const when = date ?? named?.date;
  if (!when)
    throw new InputError(
      source,
      'cannot tell the snapshot date from the file name (expected deepstatemap_data_YYYYMMDD, <unix-seconds>.geojson or a YYYY-MM-DD in the name)',
    );
  const polys = features.filter((f) => f && isPolygonal(f.geometry));
  if (polys.length === 0) throw new InputError(source, 'has no Polygon or MultiPolygon features', 'no-polygons');
  for (const [i, f] of polys.entries()) checkPolygonal(f.geometry, source, i);
  const layered = polys.some((f) => typeof f.properties?.name === 'string');
  const byClass = new Map<LayerClass, Geometry[]>();
  for (const [i, f] of polys.entries()) {
    const paths = pathsFromGeometry(f.geometry);
    const bad = selfCrossingRing(paths);
    if (bad >= 0) {
      const p = paths[bad][0];
      throw new InputError(
        source,
        `polygon ${i} has a ring that crosses itself (ring ${bad}, starting at ${p.x / 1e7}, ${p.y / 1e7}); fix the ring, e.g. with QGIS "Fix geometries"`,
        'self-crossing',
        {
          polygon: i,
          lon: p.x / 1e7,
          lat: p.y / 1e7,
        },
      );
    }
    const cls: LayerClass = layered ? classifyLayer(f.properties?.name, f.properties?.fill) : 'occupied';
    // push, not a copy per polygon: a file of 100,000 polygons must not take quadratic time.
    const list = byClass.get(cls);
    if (list) list.push(f.geometry);
    else byClass.set(cls, [f.geometry]);
  }
  if (!HELD_BY_RUSSIA.some((c) => byClass.has(c))) {
    // A layered file none of whose layers is occupied would show all land as Ukraine's: refuse it.
    const names = [...new Set(polys.map((f) => String(f.properties?.name ?? '')).filter(Boolean))].slice(0, 3);
    throw new InputError(
      source,
      `none of its ${polys.length} polygons is in a layer classified as occupied (layer names such as ${names.map((n) => `"${n.slice(0, 60)}"`).join(', ')}); DeepState's raw files name the layer "Окуповано /// Occupied", and a file of occupied territory alone should have no "name" property`,
      'unclassified',
    );
  }
  const pathsOf = (classes: readonly LayerClass[]): Paths =>
    repair(classes.flatMap((c) => byClass.get(c) ?? []).flatMap((g) => pathsFromGeometry(g)));
  const occupied = pathsOf(HELD_BY_RUSSIA);
  if (occupied.length === 0)
    throw new InputError(
      source,
      'its occupied polygons enclose no area (every ring collapses to a line or a point)',
      'no-area',
    );
  checkLonLat(occupied, source, 'occupied territory');
  const contested = difference(pathsOf(['contested']), occupied);
  const layers: Partial<Record<LayerClass, number>> = {};
  for (const [cls, geoms] of byClass) layers[cls] = geoms.length;
  return {
    date: when,
    kind: named?.kind === 'raw' ? 'raw' : named?.kind === 'daily' ? 'daily' : 'custom',
    source,
    occupied,
    contested,
    ordlo: pathsOf(['ordlo']),
    layers,
  };
}
