/**
 * Control snapshots: DeepStateMap's daily merged files and raw layered API
 * output, parsed into occupied and contested territory on one date.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { classifyLayer, HELD_BY_RUSSIA, type LayerClass } from './classify';
import { InputError } from './errors';
import { checkLonLat } from './regions';
import { difference, pathsFromGeometry, repair, selfCrossingRing, type Paths } from './polygons';

export type SnapshotKind = 'daily' | 'raw' | 'custom';

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

const DAILY_NAME = /deepstatemap_data_(\d{4})(\d{2})(\d{2})/;
const RAW_NAME = /(?:^|[/\\])(\d{9,11})\.geojson$/;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;

/** Snapshot date and kind implied by a file name, if any. */
export function dateFromName(name: string): { date: string; kind: SnapshotKind } | undefined {
  const d = DAILY_NAME.exec(name);
  if (d) return { date: `${d[1]}-${d[2]}-${d[3]}`, kind: 'daily' };
  const r = RAW_NAME.exec(name);
  if (r) return { date: new Date(Number(r[1]) * 1000).toISOString().slice(0, 10), kind: 'raw' };
  const i = ISO_DATE.exec(name);
  if (i) return { date: `${i[1]}-${i[2]}-${i[3]}`, kind: 'custom' };
  return undefined;
}

function polygonal(g: Geometry | null): boolean {
  if (!g) return false;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return true;
  return g.type === 'GeometryCollection' && g.geometries.some(polygonal);
}

/**
 * Parse a DeepState file (daily or raw) or any GeoJSON of occupied territory.
 * A file whose polygons carry DeepState layer names is read as raw layers;
 * otherwise every polygon counts as occupied. `date` overrides the date from
 * the name (for files named otherwise).
 */
export function parseSnapshot(json: unknown, source: string, date?: string): Snapshot {
  const fc = json as FeatureCollection;
  let features: Feature[];
  if (fc && fc.type === 'FeatureCollection' && Array.isArray(fc.features)) features = fc.features;
  else if (fc && (fc as unknown as Feature).type === 'Feature') features = [fc as unknown as Feature];
  else throw new InputError(source, 'not a GeoJSON FeatureCollection or Feature', 'not-geojson');
  const named = dateFromName(source);
  const when = date ?? named?.date;
  if (!when) throw new InputError(source, 'cannot tell the snapshot date from the file name (expected deepstatemap_data_YYYYMMDD, <unix-seconds>.geojson or a YYYY-MM-DD in the name)');
  const polys = features.filter((f) => f && polygonal(f.geometry));
  if (polys.length === 0) throw new InputError(source, 'has no Polygon or MultiPolygon features', 'no-polygons');
  const layered = polys.some((f) => typeof f.properties?.name === 'string');
  const byClass = new Map<LayerClass, Geometry[]>();
  for (const [i, f] of polys.entries()) {
    const paths = pathsFromGeometry(f.geometry);
    const bad = selfCrossingRing(paths);
    if (bad >= 0) {
      const p = paths[bad][0];
      throw new InputError(source, `polygon ${i} has a ring that crosses itself (ring ${bad}, starting at ${p.x / 1e7}, ${p.y / 1e7}); fix the ring, e.g. with QGIS "Fix geometries"`, 'self-crossing', {
        polygon: i,
        lon: p.x / 1e7,
        lat: p.y / 1e7,
      });
    }
    const cls: LayerClass = layered ? classifyLayer(f.properties?.name, f.properties?.fill) : 'occupied';
    byClass.set(cls, [...(byClass.get(cls) ?? []), f.geometry]);
  }
  const pathsOf = (classes: readonly LayerClass[]): Paths =>
    repair(classes.flatMap((c) => byClass.get(c) ?? []).flatMap((g) => pathsFromGeometry(g)));
  const occupied = pathsOf(HELD_BY_RUSSIA);
  if (occupied.length) checkLonLat(occupied, source, 'occupied territory');
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
