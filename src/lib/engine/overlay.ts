// Over 300 lines: the sliver rule is one algorithm (pieces, groups across regions, land borders) sharing one cache; split, its parts would not read alone.
/**
 * The overlay of a snapshot on the regions: per region, the area held by
 * Russia, the grey zone, and the slivers that are artefacts of two data sets
 * whose borders and coasts do not line up.
 *
 * Slivers. DeepState draws its own coast and international border; the region
 * boundaries draw theirs, and may count water (the Syvash lagoon) as land.
 * Where DeepState's line runs inside the boundary file's, a plain overlay
 * leaves land "held by Ukraine" along the Crimean coast or the Russian border
 * of Luhansk. A connected piece of Ukrainian-held land touches held land when
 * it was cut by occupied or contested land (it has a vertex that is not one of
 * its region's own) or, for an island the snapshot did not draw, lies within
 * `NEAR_KM` of held land (Tuzla Island in the Kerch Strait does; Snake Island,
 * 35 km off Ukrainian-held coast, does not). Such a piece is a sliver when
 *   (a) its mean width, 2 × area ÷ perimeter, is under `SLIVER_WIDTH_KM`; or
 *   (b) it is cut off against the coast: pieces that share an inland border
 *       edge are joined across regions, and a group under `ENCLAVE_MAX_KM2`
 *       that does not reach the main body of Ukrainian-held land (the largest
 *       group) but runs along the coast lies between the line and the sea: a
 *       coastline or lagoon mismatch (Syvash, the Molochnyi estuary), or coast
 *       that only occupied land reaches (the Kinburn peninsula in Kherson
 *       oblast). A pocket enclosed by occupied land on all sides stays
 *       Ukrainian, and so does one against a land border (with Russia or
 *       Belarus: the pockets of April 2022 between the grey zone or the
 *       occupied land and the border, where DeepState marks no occupation),
 *       when the overlayer is given the neighbouring countries' land.
 * Slivers count as held by Russia; `raw` figures leave them as they are.
 */
import { Clipper, EndType, JoinType, PointInPolygonResult } from 'clipper2-ts';
import type { Geometry } from 'geojson';
import {
  areaKm2,
  bboxesOverlap,
  bboxOf,
  clipToBbox,
  components,
  difference,
  intersect,
  pathsFromGeometry,
  SCALE,
  union,
  type Bbox,
  type Path64,
  type Paths,
} from './polygons';
import { edgeKey, type Region } from './regions';
import type { Snapshot } from './snapshot';

import { ENCLAVE_MAX_KM2, LAND_BORDER_KM, NEAR_KM, SLIVER_WIDTH_KM } from './sliverRule';
/**
 * The sliver rule's parameters (sliverRule.ts), where the rule is.
 *
 * @example import { SLIVER_WIDTH_KM } from './overlay';
 */
export { ENCLAVE_MAX_KM2, LAND_BORDER_KM, NEAR_KM, SLIVER_WIDTH_KM };

/**
 * One region's overlay: its area and the km² held by Russia, contested, and
 * slivers (Ukrainian-held in a plain overlay, Russia's unless raw).
 *
 * @example new Overlayer(regions).overlay(snapshot).find((o) => o.id === 'UA-14')!.occupied_km2
 */
export interface RegionOverlay {
  id: string;
  area_km2: number;
  /** Held by Russia, plain overlay. */
  occupied_km2: number;
  contested_km2: number;
  /** Ukrainian-held slivers (see above), added to Russia's share unless raw. */
  sliver_km2: number;
}

/**
 * One region's overlay as geometry: what the map draws and the CLI's scenario GeoJSON clips.
 *
 * @example new Overlayer(regions).geometry(snapshot).get('UA-14')!.slivers
 */
export interface RegionGeometry {
  occupied: Paths;
  contested: Paths;
  slivers: Paths;
  ukraine: Paths;
}

interface Piece {
  paths: Paths;
  area: number;
  touchesHeld: boolean;
  /** Runs along the coast or the international border (a vertex of its region shared with no other). */
  touchesOuter: boolean;
  /** Runs along a land border with another country (see Overlayer's `land`). */
  touchesLand: boolean;
  thin: boolean;
  /** Ids of the inland border edges it runs along: how pieces join across regions. */
  inlandEdges: number[];
}

/** What one region contributes, cached by the geometry near it. */
interface RegionPart {
  occupied: Paths;
  contested: Paths;
  occupied_km2: number;
  contested_km2: number;
  pieces: Piece[];
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

function inlandEdges(path: Path64, region: Region, out: number[]): void {
  for (let i = 0; i < path.length; i++) {
    const a = `${path[i].x},${path[i].y}`;
    const b = `${path[(i + 1) % path.length].x},${path[(i + 1) % path.length].y}`;
    const id = region.shared.has(a) && region.shared.has(b) ? region.inlandEdges.get(edgeKey(a, b)) : undefined;
    if (id !== undefined) out.push(id);
  }
}

function makePiece(
  outer: Path64,
  holes: Path64[],
  region: Region,
  held: Paths,
  landBorder: ReadonlySet<string>,
): Piece {
  const paths = [outer, ...holes];
  const area = areaKm2(paths);
  let touchesHeld = outer.some((p) => !region.vertices.has(`${p.x},${p.y}`));
  if (!touchesHeld && held.length) {
    const b = bboxOf([outer]);
    const pad = (NEAR_KM / DEG_KM) * SCALE * 1.6; // 1.6: degrees of longitude are shorter at 50°N
    touchesHeld =
      clipToBbox(held, { minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad }).length > 0;
  }
  const perimeter = paths.reduce((s, p) => s + perimeterKm(p), 0);
  const edges: number[] = [];
  for (const p of paths) inlandEdges(p, region, edges);
  const touchesOuter = outer.some((p) => {
    const key = `${p.x},${p.y}`;
    return region.vertices.has(key) && !region.shared.has(key);
  });
  const touchesLand = landBorder.size > 0 && outer.some((p) => landBorder.has(`${p.x},${p.y}`));
  return {
    paths,
    area,
    touchesHeld,
    touchesOuter,
    touchesLand,
    thin: perimeter > 0 && (2 * area) / perimeter < SLIVER_WIDTH_KM,
    inlandEdges: edges,
  };
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

/** Union-find: pieces that run along the same inland edge are one group. */
function groups(pieces: readonly Piece[], edgeCount: number): number[] {
  const parent = Array.from({ length: pieces.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Int32Array(edgeCount).fill(-1);
  pieces.forEach((p, i) => {
    for (const e of p.inlandEdges) {
      const o = owner[e];
      if (o < 0) owner[e] = i;
      else parent[find(i)] = find(o);
    }
  });
  return parent.map((_, i) => find(i));
}

/**
 * Overlays snapshots on one set of regions. It remembers, per region, the
 * result for the geometry near that region (the snapshot clipped to the
 * region's bounding box), so a history of nearly identical days recomputes
 * only the regions where the line moved.
 */
/**
 * Overlays snapshots on a set of regions, with the sliver rule; keeps a
 * per-region cache, so consecutive days (which share most of their geometry)
 * are fast.
 *
 * @example const o = new Overlayer(regions, landOf(neighbours)); o.overlay(snapshot); o.geometry(snapshot);
 */
export class Overlayer {
  private cache = new Map<string, Map<number, RegionPart>>();
  private readonly edgeCount: number;
  /** Per region id, its boundary vertices on a land border with another country. */
  private readonly landBorder = new Map<string, ReadonlySet<string>>();
  /**
   * `land`: the neighbouring countries' land (data/boundaries/neighbours-ne10m.geojson),
   * which tells a land border from the coast for the enclave rule. Without it
   * every outer edge counts as coast (the rule as it was before engine 7).
   *
   * @example new Overlayer(regions, pathsFromGeometry(neighbours.features[0].geometry)).overlay(snapshot)
   */
  constructor(
    readonly regions: readonly Region[],
    land: Paths = [],
  ) {
    let max = -1;
    for (const r of regions) for (const id of r.inlandEdges.values()) if (id > max) max = id;
    this.edgeCount = max + 1;
    for (const r of regions) this.landBorder.set(r.id, landBorderVertices(r, land));
  }

  private compute(region: Region, occupied: Paths, contested: Paths): RegionPart {
    const occ = intersect(occupied, region.paths);
    const con = intersect(contested, region.paths);
    const held = union(occ, con);
    const rest = held.length ? difference(region.paths, held) : region.paths;
    return {
      occupied: occ,
      contested: con,
      occupied_km2: areaKm2(occ),
      contested_km2: areaKm2(con),
      pieces: components(rest).map((c) => makePiece(c.outer, c.holes, region, held, this.landBorder.get(region.id)!)),
    };
  }

  private part(
    region: Region,
    snapshot: Pick<Snapshot, 'occupied' | 'contested'>,
    occBox: Bbox,
    conBox: Bbox,
  ): RegionPart {
    const touches = bboxesOverlap(region.bbox, occBox) || bboxesOverlap(region.bbox, conBox);
    const localOcc = touches ? clipToBbox(snapshot.occupied, region.bbox) : [];
    const localCon = touches ? clipToBbox(snapshot.contested, region.bbox) : [];
    const key = hashPaths(hashPaths(2166136261, localOcc) ^ 0x9e3779b9, localCon);
    let perRegion = this.cache.get(region.id);
    if (!perRegion) this.cache.set(region.id, (perRegion = new Map()));
    let hit = perRegion.get(key);
    if (!hit) {
      hit = this.compute(region, localOcc, localCon);
      if (perRegion.size > 64) perRegion.delete(perRegion.keys().next().value!);
      perRegion.set(key, hit);
    }
    return hit;
  }

  /** Per region: its part, and which of its pieces are slivers. */
  private resolve(
    snapshot: Pick<Snapshot, 'occupied' | 'contested'>,
  ): { region: Region; part: RegionPart; sliver: boolean[] }[] {
    const occBox = bboxOf(snapshot.occupied);
    const conBox = bboxOf(snapshot.contested);
    const parts = this.regions.map((region) => ({ region, part: this.part(region, snapshot, occBox, conBox) }));
    const pieces = parts.flatMap(({ part }) => part.pieces);
    const group = groups(pieces, this.edgeCount);
    const size = new Map<number, { area: number; touchesHeld: boolean; touchesOuter: boolean; touchesLand: boolean }>();
    pieces.forEach((p, i) => {
      const g = size.get(group[i]) ?? { area: 0, touchesHeld: false, touchesOuter: false, touchesLand: false };
      size.set(group[i], {
        area: g.area + p.area,
        touchesHeld: g.touchesHeld || p.touchesHeld,
        touchesOuter: g.touchesOuter || p.touchesOuter,
        touchesLand: g.touchesLand || p.touchesLand,
      });
    });
    let main = -1;
    for (const [g, s] of size) if (main < 0 || s.area > size.get(main)!.area) main = g;
    let i = 0;
    return parts.map(({ region, part }) => ({
      region,
      part,
      sliver: part.pieces.map((p) => {
        const g = group[i++];
        const s = size.get(g)!;
        return (
          p.touchesHeld && (p.thin || (g !== main && s.touchesOuter && !s.touchesLand && s.area < ENCLAVE_MAX_KM2))
        );
      }),
    }));
  }

  /** Area figures per region for a snapshot. */
  overlay(snapshot: Pick<Snapshot, 'occupied' | 'contested'>): RegionOverlay[] {
    return this.resolve(snapshot).map(({ region, part, sliver }) => ({
      id: region.id,
      area_km2: region.area_km2,
      occupied_km2: part.occupied_km2,
      contested_km2: part.contested_km2,
      sliver_km2: part.pieces.reduce((s, p, k) => s + (sliver[k] ? p.area : 0), 0),
    }));
  }

  /** Geometry per region (same cache as `overlay`). */
  geometry(snapshot: Pick<Snapshot, 'occupied' | 'contested'>): Map<string, RegionGeometry> {
    return new Map(
      this.resolve(snapshot).map(({ region, part, sliver }) => [
        region.id,
        {
          occupied: part.occupied,
          contested: part.contested,
          slivers: part.pieces.filter((_, k) => sliver[k]).flatMap((p) => p.paths),
          ukraine: part.pieces.filter((_, k) => !sliver[k]).flatMap((p) => p.paths),
        },
      ]),
    );
  }
}

/** A region's outer boundary vertices (shared with no other region) that lie within LAND_BORDER_KM of another country's land. */
function landBorderVertices(region: Region, land: Paths): Set<string> {
  const out = new Set<string>();
  if (land.length === 0) return out;
  const pad = (LAND_BORDER_KM / DEG_KM) * SCALE;
  // Degrees of longitude are shorter than degrees of latitude here (cos 50° ≈ 0.64): pad by the longer.
  const grown = Clipper.inflatePaths(
    clipToBbox(land, padBox(region.bbox, 2 * pad)),
    pad * 1.6,
    JoinType.Round,
    EndType.Polygon,
  );
  const boxes = grown.map((p) => bboxOf([p]));
  for (const key of region.vertices.keys()) {
    if (region.shared.has(key)) continue;
    const [x, y] = key.split(',').map(Number);
    const pt = { x, y };
    if (
      grown.some(
        (path, i) =>
          x >= boxes[i].minX &&
          x <= boxes[i].maxX &&
          y >= boxes[i].minY &&
          y <= boxes[i].maxY &&
          Clipper.pointInPolygon(pt, path) !== PointInPolygonResult.IsOutside,
      )
    )
      out.add(key);
  }
  return out;
}

function padBox(b: Bbox, pad: number): Bbox {
  return { minX: b.minX - pad, minY: b.minY - pad, maxX: b.maxX + pad, maxY: b.maxY + pad };
}

/**
 * The land of a FeatureCollection of countries (the neighbours file), for the Overlayer.
 *
 * @example new Overlayer(regions, landOf(JSON.parse(readFileSync('data/boundaries/neighbours-ne10m.geojson', 'utf8'))))
 */
export function landOf(fc: unknown): Paths {
  const features = (fc as { features?: { geometry?: Geometry | null }[] } | null)?.features;
  return Array.isArray(features) ? features.flatMap((f) => pathsFromGeometry(f.geometry ?? null)) : [];
}

/**
 * Area in km² per region id of a pre-2022 layer (ORDLO).
 *
 * @example areasByRegion(regions, snapshot.ordlo)['UA-14'] // km² of ORDLO in Donetsk oblast
 */
export function areasByRegion(regions: readonly Region[], paths: Paths): Record<string, number> {
  const box = bboxOf(paths);
  return Object.fromEntries(
    regions.map((r) => [r.id, paths.length && bboxesOverlap(r.bbox, box) ? areaKm2(intersect(paths, r.paths)) : 0]),
  );
}
