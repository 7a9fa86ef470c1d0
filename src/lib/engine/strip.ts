/**
 * A demilitarised strip: the band of W km on each side of the line of
 * contact, clipped to Ukraine's regions, measured per region and split by
 * which side of the line it lies on. No DOM: the page and the CLI call the
 * same functions on the same inputs, so they show the same numbers.
 *
 * Inputs both have: the snapshot file of the date (its `frontline`,
 * `occupied` and `contested` features) and `regions-display.geojson`, the
 * regions the page draws (simplified to about 100 m, which moves a strip's
 * area by far less than its width's own uncertainty does).
 *
 * Method: the line is projected to an azimuthal equidistant projection
 * centred on it (sphere of the Gaussian mean radius at the centre's
 * latitude; over the ±400 km the line spans, distances in it are true to
 * 0.3 %), offset by W with round joins and round ends by Clipper2 (integer
 * decimetres), projected back, and clipped per region. Areas are the
 * engine's ellipsoidal ones. Why not Turf's `buffer`: it is the same method
 * (d3's azimuthal equidistant projection) with JSTS doing the offset, and
 * measured slower on the real line; see README ("Demilitarised strip").
 */
import { isStripWidth, STRIP_MAX_KM, stripRegions, type ScenarioDefinition } from './scenarios';
import { Clipper, EndType, JoinType, type Path64 } from 'clipper2-ts';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';
import { WGS84_A as A, WGS84_E2 as E2 } from './ellipsoid';
import {
  areaKm2,
  bboxesOverlap,
  bboxOf,
  clipToBbox,
  intersect,
  pathsFromGeometry,
  SCALE,
  toMultiPolygon,
  union,
  type Paths,
} from './polygons';

/**
 * Strip areas of one region, km².
 *
 * @example computeStrip(input, 5).areas['UA-14'].km2
 */
export interface StripAreas {
  /** All of the strip in the region. */
  km2: number;
  /** The part on land held by Ukraine on the date. */
  ukraine_side_km2: number;
  /**
   * The part on land occupied or contested on the date, as DeepState draws it
   * (the snapshot's layers: border and coast slivers, which the area figures
   * count as Russia's, count here as Ukraine's side; they are metres wide).
   */
  russia_side_km2: number;
}

/**
 * What a strip is computed from (see stripInputOf).
 *
 * @example computeStrip(stripInputOf(snapshotFc, regionsDisplayFc), 5)
 */
export interface StripInput {
  /** The line of contact of the date. */
  line: MultiLineString;
  /** Region id → boundary paths. */
  regions: ReadonlyMap<string, Paths>;
  /** Occupied ∪ contested on the date: which side of the line a piece of strip is on. */
  held: Paths;
}

/**
 * A strip, clipped per region.
 *
 * @example stripFeatures(computeStrip(input, 5)) // what frontline scenario adds as layer 'strip'
 */
export interface Strip {
  width_km: number;
  /** Region id → the strip's paths in it (regions it does not reach are absent). */
  paths: ReadonlyMap<string, Paths>;
  /** Region id → its strip areas (every region of the input, 0 where the strip does not reach). */
  areas: Record<string, StripAreas>;
}

/** Decimetres per projected unit: integer coordinates for Clipper, 10 cm apart. */
const UNITS_PER_M = 10;
/**
 * Largest gap between a round cap or join and the true arc, as a share of W:
 * 1 m at W = 1 km. The strip's area comes out 0.02–0.05 % low (measured on
 * 2025-11-20 against 0.1 m); a 4× finer tolerance halves that error but
 * takes 2–3× as long.
 */
const ARC_TOLERANCE = 1e-3;
const DEG = Math.PI / 180;

/** A spherical azimuthal equidistant projection centred on (lon0, lat0), in metres. */
interface Projection {
  forward(lon: number, lat: number): [number, number];
  inverse(x: number, y: number): [number, number];
}

function equidistant(lon0: number, lat0: number): Projection {
  const s = Math.sin(lat0 * DEG);
  const w = 1 - E2 * s * s;
  // Gaussian mean radius √(MN): the sphere closest to the ellipsoid around the centre.
  const R = (A * Math.sqrt(1 - E2)) / w;
  const sin0 = Math.sin(lat0 * DEG);
  const cos0 = Math.cos(lat0 * DEG);
  return {
    forward(lon, lat) {
      const phi = lat * DEG;
      const dl = (lon - lon0) * DEG;
      const cosc = Math.min(1, Math.max(-1, sin0 * Math.sin(phi) + cos0 * Math.cos(phi) * Math.cos(dl)));
      const c = Math.acos(cosc);
      const k = c < 1e-12 ? 1 : c / Math.sin(c);
      return [
        R * k * Math.cos(phi) * Math.sin(dl),
        R * k * (cos0 * Math.sin(phi) - sin0 * Math.cos(phi) * Math.cos(dl)),
      ];
    },
    inverse(x, y) {
      const rho = Math.hypot(x, y);
      if (rho < 1e-9) return [lon0, lat0];
      const c = rho / R;
      const sinc = Math.sin(c);
      const cosc = Math.cos(c);
      const phi = Math.asin(cosc * sin0 + (y * sinc * cos0) / rho);
      const lon = lon0 + Math.atan2(x * sinc, rho * cos0 * cosc - y * sin0 * sinc) / DEG;
      return [lon, phi / DEG];
    },
  };
}

/**
 * The band of `widthKm` on each side of the line (round ends and joins),
 * unclipped, as integer paths in degrees × 1e7.
 *
 * @example bandAround({ type: 'MultiLineString', coordinates: [[[36, 48], [37, 48]]] }, 5)
 */
export function bandAround(line: MultiLineString, widthKm: number): Paths {
  if (!isStripWidth(widthKm)) throw new RangeError(`strip width ${widthKm} km is not in (0, ${STRIP_MAX_KM}]`);
  const lines = line.coordinates.filter((l) => l.length >= 1);
  if (lines.length === 0) return [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const l of lines)
    for (const [x, y] of l) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  const proj = equidistant((minX + maxX) / 2, (minY + maxY) / 2);
  const projected: Paths = lines.map((l) => {
    const path: Path64 = [];
    for (const [lon, lat] of l) {
      const [x, y] = proj.forward(lon, lat);
      const p = { x: Math.round(x * UNITS_PER_M), y: Math.round(y * UNITS_PER_M) };
      const last = path[path.length - 1];
      if (!last || last.x !== p.x || last.y !== p.y) path.push(p);
    }
    return path;
  });
  const delta = widthKm * 1000 * UNITS_PER_M;
  const band = Clipper.inflatePaths(projected, delta, JoinType.Round, EndType.Round, 2, delta * ARC_TOLERANCE);
  return band.map((path) =>
    path.map((p) => {
      const [lon, lat] = proj.inverse(p.x / UNITS_PER_M, p.y / UNITS_PER_M);
      return { x: Math.round(lon * SCALE), y: Math.round(lat * SCALE) };
    }),
  );
}

/**
 * The strip of `widthKm` on each side of the line, clipped to each region
 * (to the regions of `only`, when given: elsewhere it is 0 and not drawn),
 * with its areas per region and side.
 *
 * @example computeStrip(loadStripInput(folder, entry), 10).areas['UA-23'].ukraine_side_km2
 */
export function computeStrip(input: StripInput, widthKm: number, only?: readonly string[]): Strip {
  const band = bandAround(input.line, widthKm);
  const bandBox = bboxOf(band);
  const paths = new Map<string, Paths>();
  const areas: Record<string, StripAreas> = {};
  for (const [id, region] of input.regions) {
    const box = bboxOf(region);
    const wanted = !only || only.includes(id);
    // The band cut to the region's box first (linear time): the clip then sees a fraction of the band.
    const inRegion =
      wanted && band.length && bboxesOverlap(box, bandBox) ? intersect(clipToBbox(band, box), region) : [];
    const km2 = areaKm2(inRegion);
    let russia = 0;
    if (inRegion.length) {
      paths.set(id, inRegion);
      russia = Math.min(km2, areaKm2(intersect(inRegion, clipToBbox(input.held, bboxOf(inRegion)))));
    }
    areas[id] = { km2, ukraine_side_km2: km2 - russia, russia_side_km2: russia };
  }
  return { width_km: widthKm, paths, areas };
}

/**
 * A scenario's strip on a snapshot, or null when it has none: its width
 * (`strip_km`) in the regions where it may lie (scenarios.ts stripRegions:
 * the ones it names, and only where it keeps the line). The page, the CLI's
 * areas and scenario commands all call this, so they draw and count the same strip.
 *
 * @example scenarioStrip(loadStripInput(folder, entry), scenarioById('framework-20-point'))?.areas['UA-14'].km2
 */
export function scenarioStrip(input: StripInput, scenario: ScenarioDefinition): Strip | null {
  return scenario.strip_km === undefined ? null : computeStrip(input, scenario.strip_km, stripRegions(scenario));
}

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/**
 * The strip's inputs from what the page and the CLI both load: a snapshot
 * file (`snapshots/<id>.geojson`) and the display regions
 * (`regions-display.geojson`, features with `properties.id`).
 *
 * @example computeStrip(stripInputOf(app.fullSnapshot.fc, dataset.regions), 5) // as the page does
 */
export function stripInputOf(snapshot: FC, regions: FC): StripInput {
  const layer = (name: string) => snapshot.features.filter((f) => f.properties?.layer === name && f.geometry);
  const line: MultiLineString = {
    type: 'MultiLineString',
    coordinates: layer('frontline').flatMap((f) =>
      f.geometry?.type === 'MultiLineString' ? f.geometry.coordinates : [],
    ),
  };
  const held = union(
    layer('occupied').flatMap((f) => pathsFromGeometry(f.geometry)),
    layer('contested').flatMap((f) => pathsFromGeometry(f.geometry)),
  );
  const byId = new Map<string, Paths>();
  for (const f of regions.features) {
    const id = f.properties?.id;
    if (typeof id === 'string') byId.set(id, [...(byId.get(id) ?? []), ...pathsFromGeometry(f.geometry)]);
  }
  return { line, regions: byId, held };
}

/**
 * The strip per region as map features: `layer: 'strip'`, `region`,
 * `width_km`, `area_km2` (like the scenario's other features), and the two
 * sides' km².
 *
 * @example { type: 'FeatureCollection', features: stripFeatures(computeStrip(input, 5)) }
 */
export function stripFeatures(strip: Strip): Feature<MultiPolygon>[] {
  return [...strip.paths].map(([region, paths]) => {
    const a = strip.areas[region];
    return {
      type: 'Feature',
      properties: {
        layer: 'strip',
        region,
        width_km: strip.width_km,
        area_km2: a.km2,
        ukraine_side_km2: a.ukraine_side_km2,
        russia_side_km2: a.russia_side_km2,
      },
      geometry: toMultiPolygon(paths),
    };
  });
}
