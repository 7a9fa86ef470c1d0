/**
 * Polygon boolean operations on integer coordinates (Clipper2).
 *
 * Why Clipper2 and not Turf's `intersect`: Turf 7 (polyclip-ts) needs about
 * 2.5 s per daily snapshot here; Clipper2 works on integers, so its results are
 * exact and robust to the near-coincident edges two independent data sets
 * produce, and it is an order of magnitude faster. Coordinates are degrees ×
 * 1e7 (about 1 cm), far below any data set's precision.
 */
import {
  Clipper,
  ClipType,
  FillRule,
  PolyTree64,
  type Path64,
  type Paths64,
  type PolyPath64,
  type Rect64,
} from 'clipper2-ts';
import type { Geometry, MultiPolygon, Position } from 'geojson';
import { path64AreaM2 } from './ellipsoid';

/**
 * Integer coordinates are degrees × SCALE (1e-7° ≈ 1 cm): Clipper2 works on integers.
 *
 * @example { x: Math.round(lon * SCALE), y: Math.round(lat * SCALE) }
 */
export const SCALE = 1e7;
/**
 * Rings as Clipper2 integer paths (see SCALE), outer rings and holes wound opposite ways.
 *
 * @example const paths: Paths = pathsFromGeometry(feature.geometry);
 */
export type Paths = Paths64;
/**
 * One ring of Paths.
 *
 * @example const ring: Path64 = paths[0];
 */
export type { Path64 };

/**
 * Rings of a Polygon or MultiPolygon as integer paths (closing point dropped).
 *
 * @example pathsFromGeometry({ type: 'Polygon', coordinates: [[[30, 50], [31, 50], [31, 51], [30, 50]]] })[0].length // 3
 */
export function pathsFromGeometry(geometry: Geometry | null): Paths {
  if (!geometry) return [];
  const polygons: Position[][][] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : geometry.type === 'GeometryCollection'
          ? geometry.geometries.flatMap((g) =>
              g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [],
            )
          : [];
  const out: Paths = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const path: Path64 = [];
      for (const pos of ring) {
        const x = Math.round(pos[0] * SCALE);
        const y = Math.round(pos[1] * SCALE);
        const last = path[path.length - 1];
        if (!last || last.x !== x || last.y !== y) path.push({ x, y });
      }
      const first = path[0];
      const last = path[path.length - 1];
      if (path.length > 1 && first.x === last.x && first.y === last.y) path.pop();
      if (path.length >= 3) out.push(path);
    }
  }
  return out;
}

/**
 * Normalise any ring soup (self-intersecting, wrongly wound, overlapping
 * polygons) to valid, non-overlapping polygons: a union under the non-zero
 * fill rule. This is how invalid geometry from a source is repaired.
 *
 * @example repair(pathsFromGeometry(f.geometry)) // a bow-tie becomes two triangles
 */
export function repair(paths: Paths): Paths {
  return Clipper.union(paths, [], FillRule.NonZero);
}

/**
 * The part of `a` inside `b` (non-zero fill).
 *
 * @example areaKm2(intersect(occupied, region.paths)) // occupied km² of a region
 */
export function intersect(a: Paths, b: Paths): Paths {
  if (a.length === 0 || b.length === 0) return [];
  return Clipper.intersect(a, b, FillRule.NonZero);
}

/**
 * The part of `a` outside `b` (non-zero fill).
 *
 * @example difference(region.paths, held) // a region's Ukrainian-held land
 */
export function difference(a: Paths, b: Paths): Paths {
  if (a.length === 0) return [];
  if (b.length === 0) return a;
  return Clipper.difference(a, b, FillRule.NonZero);
}

/**
 * `a` and `b` together (non-zero fill).
 *
 * @example union(occupied, contested) // all held or contested land
 */
export function union(a: Paths, b: Paths): Paths {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return Clipper.union(a, b, FillRule.NonZero);
}

/**
 * Area in km² on the WGS84 ellipsoid of valid paths (holes wound the other way).
 *
 * @example areaKm2(pathsFromGeometry(region.geometry)) // ≈ 26,500 for Donetsk oblast
 */
export function areaKm2(paths: Paths): number {
  let m2 = 0;
  for (const p of paths) m2 += path64AreaM2(p, SCALE);
  return Math.abs(m2) / 1e6;
}

/**
 * One connected polygon: its outer ring and holes.
 *
 * @example components(paths).map((c: PolygonPaths) => c.holes.length)
 */
export interface PolygonPaths {
  outer: Path64;
  holes: Path64[];
}

/**
 * Split valid paths into connected polygons (outer ring with its holes).
 *
 * @example components(difference(region.paths, held)).length // Ukrainian-held pieces of a region
 */
export function components(paths: Paths): PolygonPaths[] {
  if (paths.length === 0) return [];
  const tree = new PolyTree64();
  Clipper.booleanOpWithPolyTree(ClipType.Union, paths, null, tree, FillRule.NonZero);
  const out: PolygonPaths[] = [];
  const visitOuter = (node: PolyPath64): void => {
    for (let i = 0; i < node.count; i++) {
      const outer = node.child(i);
      const holes: Path64[] = [];
      for (let j = 0; j < outer.count; j++) {
        const hole = outer.child(j);
        if (hole.polygon) holes.push(hole.polygon);
        visitOuter(hole); // islands inside holes
      }
      if (outer.polygon) out.push({ outer: outer.polygon, holes });
    }
  };
  visitOuter(tree);
  return out;
}

function ringToPositions(path: Path64, ccw: boolean): Position[] {
  const ring = path.map((p) => [p.x / SCALE, p.y / SCALE]);
  const signed = path64AreaM2(path, SCALE);
  if (signed > 0 !== ccw) ring.reverse();
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/**
 * Valid paths as an RFC 7946 MultiPolygon (outer rings counter-clockwise).
 *
 * @example JSON.stringify({ type: 'Feature', properties: {}, geometry: toMultiPolygon(paths) })
 */
export function toMultiPolygon(paths: Paths): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: components(paths).map((c) => [
      ringToPositions(c.outer, true),
      ...c.holes.map((h) => ringToPositions(h, false)),
    ]),
  };
}

/**
 * An axis-aligned box in integer coordinates (see SCALE).
 *
 * @example const b: Bbox = bboxOf(region.paths);
 */
export interface Bbox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * The box around paths (an empty box, min > max, for none).
 *
 * @example bboxOf(region.paths).maxX / SCALE // the region's eastmost longitude
 */
export function bboxOf(paths: Paths): Bbox {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const path of paths)
    for (const p of path) {
      if (p.x < b.minX) b.minX = p.x;
      if (p.y < b.minY) b.minY = p.y;
      if (p.x > b.maxX) b.maxX = p.x;
      if (p.y > b.maxY) b.maxY = p.y;
    }
  return b;
}

/**
 * Whether two boxes share a point: a cheap test before a clip.
 *
 * @example if (!bboxesOverlap(region.bbox, bboxOf(occupied))) return 0;
 */
export function bboxesOverlap(a: Bbox, b: Bbox): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/**
 * The paths clipped to a rectangle (fast, O(n)); used to key caches by local geometry.
 *
 * @example clipToBbox(snapshot.occupied, region.bbox) // the part that can touch the region
 */
export function clipToBbox(paths: Paths, b: Bbox): Paths {
  if (paths.length === 0) return [];
  const rect: Rect64 = { left: b.minX, top: b.minY, right: b.maxX, bottom: b.maxY };
  return Clipper.rectClip(rect, paths);
}

/**
 * Index of the first ring that crosses itself (a "bow tie"), or -1. Such a
 * ring has no one meaning: its signed area counts one lobe against the other,
 * while its union counts both. We compare the two rather than test all edge
 * pairs: one Clipper union per ring is far cheaper.
 *
 * @example selfCrossingRing(pathsFromGeometry(f.geometry)) >= 0 // a ring crosses itself
 */
export function selfCrossingRing(paths: Paths): number {
  for (const [i, path] of paths.entries()) {
    const signed = Math.abs(Clipper.area(path));
    const filled = Clipper.union([path], [], FillRule.NonZero).reduce((s, p) => s + Math.abs(Clipper.area(p)), 0);
    // Slack: 1e6 units² is about 100 m², so a collapsed sliver of a ring (seen in real boundary files) passes.
    if (Math.abs(filled - signed) > 1e-9 * signed + 1e6) return i;
  }
  return -1;
}
