/**
 * Ukraine's 27 first-level units, their groups, and the matching of a
 * boundary file's features to ISO 3166-2:UA ids.
 */
import type { Point64 } from 'clipper2-ts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { InputError } from './errors';
import { checkPolygonal } from './geometryCheck';
import { REGION_IDS, REGIONS, type RegionMeta } from './regionMeta';
import { areaKm2, bboxOf, pathsFromGeometry, repair, SCALE, selfCrossingRing, type Bbox, type Paths } from './polygons';

/**
 * The region table (regionMeta.ts), also from here for code that builds regions.
 *
 * @example import { REGIONS, regionsFromGeoJSON } from './regions';
 */
export { GROUPS, REGION_IDS, REGIONS, type GroupMeta, type RegionMeta } from './regionMeta';

const metaById = new Map(REGIONS.map((r) => [r.id, r]));

/**
 * Lower case, apostrophes and the generic words oblast/city removed.
 *
 * @example normaliseName('Donets’k Oblast') // 'donetsk'
 */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFC')
    .replace(/['’ʼ`]/g, '')
    .replace(/\b(oblast|city|region|obl\.?)\b/g, '')
    .replace(/(^|\s)(область|місто|м\.)(?=\s|$)/g, ' ')
    .replace(/[\s\-_.]+/g, ' ')
    .trim();
}

const byName = new Map<string, string>();
for (const r of REGIONS) {
  for (const n of [r.id, r.ne, `UA-${r.ne}`, r.name_en, r.name_uk, ...r.aliases]) byName.set(normaliseName(n), r.id);
}

/**
 * The id for a name or code, or undefined.
 *
 * @example matchRegion('Донецька область') // 'UA-14'
 */
export function matchRegion(name: string): string | undefined {
  return byName.get(normaliseName(name));
}

/**
 * Region boundaries ready for the engine.
 *
 * @example regionsFromGeoJSON(fc, 'ukraine.geojson').find((r) => r.id === 'UA-14')!.area_km2
 */
export interface Region extends RegionMeta {
  paths: Paths;
  bbox: Bbox;
  area_km2: number;
  /**
   * "x,y" of every vertex to its two neighbours along the boundary: tells
   * edges on the region's boundary from edges a clip made.
   */
  vertices: Map<string, Point64[]>;
  /** "x,y" of the vertices this region shares with another: its inland borders. */
  shared: Set<string>;
  /** "a|b" (sorted vertex keys) of each inland border edge to an id shared by both regions. */
  inlandEdges: Map<string, number>;
}

/**
 * The key of an undirected edge between two vertex keys.
 *
 * @example edgeKey('370000000,480000000', '380000000,480000000') // the same either way round
 */
export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const NAME_KEYS = [
  'id',
  'iso_3166_2',
  'ISO_3166_2',
  'region_code',
  'name',
  'NAME',
  'name_en',
  'name_uk',
  'ADMIN_1',
  'shapeName',
  'NAME_1',
];

function featureName(f: Feature): string | undefined {
  const props = f.properties ?? {};
  for (const k of NAME_KEYS) {
    const v = props[k];
    if (typeof v === 'string' && matchRegion(v)) return v;
  }
  for (const v of Object.values(props)) if (typeof v === 'string' && matchRegion(v)) return v;
  return undefined;
}

/** A feature's properties for a message, short; JSON.stringify overflows the stack on deeply nested values. */
function shownProperties(props: unknown): string {
  try {
    return JSON.stringify(props ?? {}).slice(0, 120);
  } catch {
    return '(unprintable)';
  }
}

/**
 * Build the 27 regions from a FeatureCollection whose features carry an id
 * or a name (English, Ukrainian, ISO or Natural Earth code) of each unit.
 * Several features of one unit are merged. Fails on an unknown name or a
 * missing unit: a silently missing oblast would make every total wrong.
 *
 * @example regionsFromGeoJSON(JSON.parse(readFileSync(file, 'utf8')), file).length // 27
 */
export function regionsFromGeoJSON(fc: unknown, file: string): Region[] {
  const collection = fc as FeatureCollection;
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new InputError(file, 'not a GeoJSON FeatureCollection of regions');
  const geometries = new Map<string, Geometry[]>();
  for (const [i, f] of collection.features.entries()) {
    if (!f || typeof f !== 'object' || Array.isArray(f))
      throw new InputError(file, `feature ${i} is not a GeoJSON Feature`);
    const name = featureName(f);
    if (!name) {
      const shown = shownProperties(f.properties);
      throw new InputError(
        file,
        `feature ${i} has no name that matches one of Ukraine's 27 regions (properties ${shown})`,
      );
    }
    const id = matchRegion(name)!;
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon'))
      throw new InputError(file, `feature ${i} (${name}) has no Polygon or MultiPolygon geometry`);
    checkPolygonal(f.geometry, file, i, `feature ${i} (${name})`);
    if (selfCrossingRing(pathsFromGeometry(f.geometry)) >= 0)
      throw new InputError(file, `feature ${i} (${name}) has a ring that crosses itself`);
    const list = geometries.get(id);
    if (list) list.push(f.geometry);
    else geometries.set(id, [f.geometry]);
  }
  const missing = REGION_IDS.filter((id) => !geometries.has(id));
  if (missing.length)
    throw new InputError(
      file,
      `no boundary for ${missing.map((id) => `${id} ${metaById.get(id)!.name_en}`).join(', ')}`,
    );
  const built = REGIONS.map((meta) => {
    const paths = repair(geometries.get(meta.id)!.flatMap((g) => pathsFromGeometry(g)));
    checkLonLat(paths, file, meta.name_en);
    const vertices = new Map<string, Point64[]>();
    for (const path of paths)
      for (const [i, p] of path.entries()) {
        const key = `${p.x},${p.y}`;
        const around = [path[(i + path.length - 1) % path.length], path[(i + 1) % path.length]];
        vertices.set(key, [...(vertices.get(key) ?? []), ...around]);
      }
    return {
      ...meta,
      paths,
      bbox: bboxOf(paths),
      area_km2: areaKm2(paths),
      vertices,
      shared: new Set<string>(),
      inlandEdges: new Map<string, number>(),
    };
  });
  const owners = new Map<string, number>();
  for (const r of built) for (const key of r.vertices.keys()) owners.set(key, (owners.get(key) ?? 0) + 1);
  for (const r of built) for (const key of r.vertices.keys()) if (owners.get(key)! > 1) r.shared.add(key);
  const edgeIds = new Map<string, number>();
  for (const r of built)
    for (const path of r.paths)
      for (let i = 0; i < path.length; i++) {
        const a = `${path[i].x},${path[i].y}`;
        const b = `${path[(i + 1) % path.length].x},${path[(i + 1) % path.length].y}`;
        if (!r.shared.has(a) || !r.shared.has(b)) continue;
        const key = edgeKey(a, b);
        let id = edgeIds.get(key);
        if (id === undefined) edgeIds.set(key, (id = edgeIds.size));
        r.inlandEdges.set(key, id);
      }
  return built;
}

/**
 * Ukraine lies within 22–41°E, 44–53°N: anything else is swapped or projected coordinates.
 *
 * @example checkLonLat(snapshot.occupied, 'my-line.geojson', 'occupied territory') // throws if swapped
 */
export function checkLonLat(paths: Paths, file: string, what: string): void {
  const b = bboxOf(paths);
  const S = SCALE;
  if (b.minX < -180 * S || b.maxX > 180 * S || b.minY < -90 * S || b.maxY > 90 * S)
    throw new InputError(
      file,
      `${what}: coordinates out of range for longitude/latitude (is it in a projected CRS?)`,
      'not-lonlat',
    );
  if (b.minX > 41 * S || b.maxX < 22 * S || b.minY > 53 * S || b.maxY < 44 * S) {
    const swapped = b.minX >= 44 * S && b.maxX <= 53 * S && b.minY >= 22 * S && b.maxY <= 41 * S;
    throw new InputError(
      file,
      `${what}: lies outside Ukraine${swapped ? ' (latitude and longitude look swapped)' : ''}`,
      swapped ? 'swapped' : 'outside-ukraine',
    );
  }
}
