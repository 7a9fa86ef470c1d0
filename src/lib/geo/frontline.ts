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
 * that are not edges of the region itself. An edge whose two ends are both
 * vertices of the region lies on the region's boundary (border, coast or a
 * neighbouring region); every other edge was made by the occupied area.
 */
export function lineOfContact(regions: readonly Region[], geometry: ReadonlyMap<string, RegionGeometry>): MultiLineString {
  const lines: Position[][] = [];
  for (const region of regions) {
    const g = geometry.get(region.id);
    if (!g || (g.occupied.length === 0 && g.contested.length === 0)) continue;
    for (const path of g.ukraine) collectRuns(path, region.vertices, lines);
  }
  return { type: 'MultiLineString', coordinates: lines };
}

function collectRuns(path: Path64, regionVertices: ReadonlySet<string>, out: Position[][]): void {
  const n = path.length;
  const onBoundary = path.map((p) => regionVertices.has(`${p.x},${p.y}`));
  const kept = (i: number): boolean => !(onBoundary[i] && onBoundary[(i + 1) % n]);
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
