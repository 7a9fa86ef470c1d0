/**
 * The overlay of a snapshot on the regions: per region, the area held by
 * Russia, the grey zone, and the slivers that are artefacts of two data sets
 * whose borders and coasts do not line up.
 *
 * Slivers. DeepState draws its own coast and international border; the region
 * boundaries draw theirs. Where DeepState's line runs inside the boundary
 * file's, a plain overlay leaves a strip "held by Ukraine" along the Crimean
 * coast or the Russian border of Luhansk. We call a connected piece of
 * Ukrainian-held land a sliver when (a) it was cut by the occupied or
 * contested area (it has a vertex that is not one of the region's own) or,
 * for an island the data set did not draw, lies within `NEAR_KM` of held
 * land (Tuzla Island in the Kerch Strait, which the daily files leave out, is one; Snake Island, 35 km off Ukrainian-held coast, is not), and (b) its mean
 * width, 2 × area ÷ perimeter, is under `SLIVER_WIDTH_KM`. Slivers count as
 * held by Russia; `raw` figures leave them as they are.
 */
import { areaKm2, bboxesOverlap, bboxOf, clipToBbox, components, difference, intersect, SCALE, union, type Bbox, type Path64, type Paths, type PolygonPaths } from './polygons';
import type { Region } from './regions';
import type { Snapshot } from './snapshot';

/** Pieces of Ukrainian-held land narrower than this on average are slivers. */
export const SLIVER_WIDTH_KM = 1;

export interface RegionOverlay {
  id: string;
  area_km2: number;
  /** Held by Russia, plain overlay. */
  occupied_km2: number;
  contested_km2: number;
  /** Ukrainian-held slivers (see above), added to Russia's share unless raw. */
  sliver_km2: number;
}

export interface RegionGeometry {
  occupied: Paths;
  contested: Paths;
  slivers: Paths;
  ukraine: Paths;
}

const DEG_KM = 111.32;

function perimeterKm(path: Path64): number {
  let km = 0;
  for (let i = 0; i < path.length; i++) {
    const a = path[i];
    const b = path[(i + 1) % path.length];
    const lat = ((a.y + b.y) / 2 / SCALE) * (Math.PI / 180);
    const dx = ((b.x - a.x) / SCALE) * DEG_KM * Math.cos(lat);
    const dy = ((b.y - a.y) / SCALE) * DEG_KM;
    km += Math.hypot(dx, dy);
  }
  return km;
}

/** Distance within which an untouched island counts as lying against held land. */
const NEAR_KM = 5;

function isSliver(piece: PolygonPaths, region: Region, held: Paths): boolean {
  const cut = piece.outer.some((p) => !region.vertices.has(`${p.x},${p.y}`));
  if (!cut) {
    const b = bboxOf([piece.outer]);
    const pad = (NEAR_KM / DEG_KM) * SCALE * 1.6; // 1.6: degrees of longitude are shorter at 50°N
    const near = clipToBbox(held, { minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad });
    if (near.length === 0) return false;
  }
  const paths = [piece.outer, ...piece.holes];
  const perimeter = paths.reduce((s, p) => s + perimeterKm(p), 0);
  return perimeter > 0 && (2 * areaKm2(paths)) / perimeter < SLIVER_WIDTH_KM;
}

/** FNV-1a over coordinates: a cache key for the geometry near a region. */
function hashPaths(h: number, paths: Paths): number {
  for (const path of paths) {
    h = Math.imul(h ^ path.length, 16777619);
    for (const p of path) {
      h = Math.imul(h ^ (p.x | 0), 16777619);
      h = Math.imul(h ^ (p.y | 0), 16777619);
    }
  }
  return h >>> 0;
}

interface Cached {
  overlay: RegionOverlay;
  geometry: RegionGeometry;
}

/**
 * Overlays snapshots on one set of regions. It remembers, per region, the
 * result for the geometry near that region (the snapshot clipped to the
 * region's bounding box), so a history of nearly identical days recomputes
 * only the regions where the line moved.
 */
export class Overlayer {
  private cache = new Map<string, Map<number, Cached>>();
  constructor(readonly regions: readonly Region[]) {}

  private compute(region: Region, occupied: Paths, contested: Paths): Cached {
    const occ = intersect(occupied, region.paths);
    const con = intersect(contested, region.paths);
    const held = union(occ, con);
    const rest = held.length ? difference(region.paths, held) : region.paths;
    const pieces = held.length ? components(rest) : [];
    const slivers: Paths = [];
    const ukraine: Paths = held.length ? [] : region.paths;
    for (const piece of pieces) (isSliver(piece, region, held) ? slivers : ukraine).push(piece.outer, ...piece.holes);
    return {
      overlay: { id: region.id, area_km2: region.area_km2, occupied_km2: areaKm2(occ), contested_km2: areaKm2(con), sliver_km2: areaKm2(slivers) },
      geometry: { occupied: occ, contested: con, slivers, ukraine },
    };
  }

  private regionResult(region: Region, occupied: Paths, contested: Paths, occBox: Bbox, conBox: Bbox): Cached {
    const touches = bboxesOverlap(region.bbox, occBox) || bboxesOverlap(region.bbox, conBox);
    const localOcc = touches ? clipToBbox(occupied, region.bbox) : [];
    const localCon = touches ? clipToBbox(contested, region.bbox) : [];
    const key = hashPaths(hashPaths(2166136261, localOcc) ^ 0x9e3779b9, localCon);
    let perRegion = this.cache.get(region.id);
    if (!perRegion) this.cache.set(region.id, (perRegion = new Map()));
    const hit = perRegion.get(key);
    if (hit) return hit;
    const result = localOcc.length || localCon.length ? this.compute(region, localOcc, localCon) : this.compute(region, [], []);
    if (perRegion.size > 64) perRegion.delete(perRegion.keys().next().value!);
    perRegion.set(key, result);
    return result;
  }

  /** Area figures per region for a snapshot. */
  overlay(snapshot: Pick<Snapshot, 'occupied' | 'contested'>): RegionOverlay[] {
    const occBox = bboxOf(snapshot.occupied);
    const conBox = bboxOf(snapshot.contested);
    return this.regions.map((region) => this.regionResult(region, snapshot.occupied, snapshot.contested, occBox, conBox).overlay);
  }

  /** Geometry per region (same cache as `overlay`). */
  geometry(snapshot: Pick<Snapshot, 'occupied' | 'contested'>): Map<string, RegionGeometry> {
    const occBox = bboxOf(snapshot.occupied);
    const conBox = bboxOf(snapshot.contested);
    return new Map(this.regions.map((r) => [r.id, this.regionResult(r, snapshot.occupied, snapshot.contested, occBox, conBox).geometry]));
  }

}

/** Area in km² per region id of a pre-2022 layer (ORDLO). */
export function areasByRegion(regions: readonly Region[], paths: Paths): Record<string, number> {
  const box = bboxOf(paths);
  return Object.fromEntries(regions.map((r) => [r.id, paths.length && bboxesOverlap(r.bbox, box) ? areaKm2(intersect(paths, r.paths)) : 0]));
}
