/**
 * Checks that a polygonal GeoJSON geometry from outside is usable before the
 * engine touches it: coordinates that are arrays of the right depth, finite
 * longitudes and latitudes in range, rings that can enclose an area. What
 * fails is refused with one InputError naming the file and the polygon,
 * never a TypeError deep in the engine ("e is not iterable") or an empty
 * snapshot that shows all land as Ukraine's.
 *
 * The walk is iterative and reads exactly the depth GeoJSON defines, so an
 * array nested a million deep costs one look at its first level.
 */
import type { Geometry, Polygon, MultiPolygon } from 'geojson';
import { InputError, type InputProblem } from './errors';

/** What is wrong, as a problem code for the page and words for the CLI. */
type Problem = [InputProblem, string];

/**
 * A Polygon or MultiPolygon, or a GeometryCollection of them (one level: RFC 7946 advises against nesting).
 *
 * @example fc.features.filter((f) => isPolygonal(f.geometry))
 */
export function isPolygonal(g: unknown): boolean {
  const type = (g as Geometry | null)?.type;
  if (type === 'Polygon' || type === 'MultiPolygon') return true;
  if (type !== 'GeometryCollection') return false;
  const parts = (g as { geometries?: unknown }).geometries;
  return (
    Array.isArray(parts) &&
    parts.some(
      (p) =>
        (p as Geometry | null)?.type === 'Polygon' ||
        (p as Geometry | null)?.type === 'MultiPolygon' ||
        (p as Geometry | null)?.type === 'GeometryCollection',
    )
  );
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Why a position is not [lon, lat] in degrees, or undefined when it is. */
function positionProblem(pos: unknown): Problem | undefined {
  if (!Array.isArray(pos)) return ['bad-coordinates', `a position is ${kind(pos)}, not [longitude, latitude]`];
  if (pos.length < 2)
    return [
      'bad-coordinates',
      `a position has ${pos.length} number${pos.length === 1 ? '' : 's'}, not [longitude, latitude]`,
    ];
  const [lon, lat] = pos as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number')
    return [
      'bad-coordinates',
      `a position holds ${kind(typeof lon !== 'number' ? lon : lat)}, not [longitude, latitude] numbers`,
    ];
  if (!Number.isFinite(lon) || !Number.isFinite(lat))
    return ['bad-coordinates', `a coordinate is not a finite number (${lon}, ${lat})`];
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return [
      'not-lonlat',
      `a coordinate is out of range for longitude/latitude (${lon}, ${lat}); is the file in a projected CRS?`,
    ];
  return undefined;
}

/** Why the rings of one polygon are unusable, or undefined when they are fine. */
function polygonProblem(rings: unknown): Problem | undefined {
  if (!Array.isArray(rings)) return ['bad-coordinates', `its coordinates are ${kind(rings)}, not an array of rings`];
  for (const [r, ring] of rings.entries()) {
    if (!Array.isArray(ring)) return ['bad-coordinates', `ring ${r} is ${kind(ring)}, not an array of positions`];
    // 4 positions: a triangle and its closing point, the least that encloses an area.
    if (ring.length < 4)
      return [
        'short-ring',
        `ring ${r} has ${ring.length} position${ring.length === 1 ? '' : 's'}; a ring needs at least 4 (the first repeated at the end)`,
      ];
    for (const pos of ring) {
      const p = positionProblem(pos);
      if (p) return [p[0], `ring ${r}: ${p[1]}`];
    }
  }
  return undefined;
}

/**
 * Throw an InputError naming `source` and `label` (polygon `index`) if the geometry's
 * coordinates are not usable. `geometry` must satisfy isPolygonal.
 *
 * @example checkPolygonal(f.geometry, 'my-line.geojson', i) // throws on NaN, short rings, nesting
 */
export function checkPolygonal(geometry: unknown, source: string, index: number, label = `polygon ${index}`): void {
  const fail = (why: string, problem: InputProblem = 'bad-coordinates'): never => {
    throw new InputError(source, `${label}: ${why}`, problem, { polygon: index });
  };
  const check = (g: Polygon | MultiPolygon): void => {
    const coords = (g as { coordinates?: unknown }).coordinates;
    const polygons =
      g.type === 'Polygon'
        ? [coords]
        : Array.isArray(coords)
          ? coords
          : fail(`its coordinates are ${kind(coords)}, not an array of polygons`);
    for (const rings of polygons as unknown[]) {
      const p = polygonProblem(rings);
      if (p) fail(p[1], p[0]);
    }
  };
  const g = geometry as Geometry;
  if (g.type !== 'GeometryCollection') return check(g as Polygon | MultiPolygon);
  for (const part of g.geometries) {
    const type = (part as Geometry | null)?.type;
    if (type === 'GeometryCollection') fail('a GeometryCollection inside a GeometryCollection; flatten it');
    if (type === 'Polygon' || type === 'MultiPolygon') check(part as Polygon | MultiPolygon);
  }
}
