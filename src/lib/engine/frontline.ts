/**
 * The line of contact: where Ukrainian-held land meets occupied or contested
 * land inside Ukraine, without the international border, the coast or the
 * borders between regions.
 */
import type { MultiLineString, Position } from 'geojson';
import type { RegionGeometry } from './overlay';
import { SCALE, type Path64 } from './polygons';
import type { Region } from './regions';

/**
 * Edges of the Ukrainian-held pieces of each region (slivers already removed)
 * that are not on the region's own boundary (border, coast or a neighbouring
 * region). A clip only adds vertices where it crosses the boundary, so an
 * edge lies on the boundary when it joins two adjacent region vertices, or
 * runs from a region vertex along one of its boundary edges to such a
 * crossing.
 *
 * @example lineOfContact(regions, overlayer.geometry(snapshot)).coordinates.length // its stretches
 */
export function lineOfContact(
  regions: readonly Region[],
  geometry: ReadonlyMap<string, RegionGeometry>,
): MultiLineString {
  const lines: Position[][] = [];
  for (const region of regions) {
    const g = geometry.get(region.id);
    if (!g || (g.occupied.length === 0 && g.contested.length === 0)) continue;
    for (const path of g.ukraine) collectRuns(path, region.vertices, lines);
  }
  return { type: 'MultiLineString', coordinates: lines };
}

type Pt = { x: number; y: number };

/** b lies on the segment from a to c, within rounding (Clipper rounds crossings to integers). */
function onSegment(a: Pt, c: Pt, b: Pt): boolean {
  const dx = c.x - a.x;
  const dy = c.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return false;
  const t = ((b.x - a.x) * dx + (b.y - a.y) * dy) / len2;
  if (t < -1e-9 || t > 1 + 1e-9) return false;
  const cross = (b.x - a.x) * dy - (b.y - a.y) * dx;
  return (cross * cross) / len2 <= 4; // within 2 units (2e-7°, ~2 cm)
}

function onRegionBoundary(a: Pt, b: Pt, neighbours: ReadonlyMap<string, Pt[]>): boolean {
  const na = neighbours.get(`${a.x},${a.y}`);
  const nb = neighbours.get(`${b.x},${b.y}`);
  if (na && nb) return true;
  if (na) return na.some((n) => onSegment(a, n, b));
  if (nb) return nb.some((n) => onSegment(b, n, a));
  return false;
}

function collectRuns(path: Path64, neighbours: ReadonlyMap<string, Pt[]>, out: Position[][]): void {
  const n = path.length;
  const kept = (i: number): boolean => !onRegionBoundary(path[i], path[(i + 1) % n], neighbours);
  // Start the walk just after a dropped edge so runs are not split at index 0.
  let start = 0;
  while (start < n && kept(start)) start++;
  if (start === n) {
    out.push([...path, path[0]].map(toPosition)); // the whole ring is front line
    return;
  }
  let run: Position[] = [];
  for (let k = 1; k <= n; k++) {
    const i = (start + k) % n;
    if (kept(i)) {
      if (run.length === 0) run.push(toPosition(path[i]));
      run.push(toPosition(path[(i + 1) % n]));
    } else if (run.length) {
      out.push(run);
      run = [];
    }
  }
  if (run.length) out.push(run);
}

function toPosition(p: { x: number; y: number }): Position {
  return [p.x / SCALE, p.y / SCALE];
}
