/**
 * Areas on the WGS84 ellipsoid.
 *
 * Turf's `area` works on a sphere (radius 6,371,008.8 m) and comes out about
 * 0.3 % below the ellipsoidal area at Ukraine's latitudes. We use the exact
 * equal-area route instead: map each vertex to Lambert's cylindrical
 * equal-area projection of the ellipsoid, x = λ, y = sin β with β the
 * authalic latitude, and take the planar shoelace area scaled by the authalic
 * radius squared. The only approximation is that edges are straight in that
 * projection rather than geodesics, which for vertices a few hundred metres
 * apart changes nothing in the fifth significant digit (checked in
 * test/ellipsoid.test.ts against GeographicLib's geodesic polygon area).
 */
import type { Point64 } from 'clipper2-ts';

/**
 * WGS84: semi-major axis (m) and first eccentricity squared (also the strip's local projection, strip.ts).
 *
 * @example (WGS84_A * WGS84_A * Math.PI) / 1e6 // the equator's disc, km²
 */
export const WGS84_A = 6378137;
const F = 1 / 298.257223563;
/**
 * WGS84's first eccentricity squared, e² = f(2 − f).
 *
 * @example Math.sqrt(WGS84_E2) // e ≈ 0.0818
 */
export const WGS84_E2 = F * (2 - F);
const A = WGS84_A;
const E2 = WGS84_E2;
const E = Math.sqrt(E2);

/** q(φ) of Snyder, "Map Projections: A Working Manual", eq. 3-12. */
function q(sinPhi: number): number {
  return (
    (1 - E2) * (sinPhi / (1 - E2 * sinPhi * sinPhi) - (1 / (2 * E)) * Math.log((1 - E * sinPhi) / (1 + E * sinPhi)))
  );
}

const QP = q(1);
/** Authalic radius squared (m²): the sphere with the ellipsoid's surface area. */
const RQ2 = (A * A * QP) / 2;
const DEG = Math.PI / 180;

/**
 * sin of the authalic latitude for a geodetic latitude in degrees.
 *
 * @example sinAuthalic(90) // 1: the pole is the pole on the authalic sphere too
 */
export function sinAuthalic(latDeg: number): number {
  return q(Math.sin(latDeg * DEG)) / QP;
}

/** Shoelace sum in the equal-area projection over n vertices given by accessors. */
function equalAreaM2(n: number, lonAt: (i: number) => number, latAt: (i: number) => number): number {
  if (n < 3) return 0;
  let sum = 0;
  let px = lonAt(n - 1) * DEG;
  let py = sinAuthalic(latAt(n - 1));
  for (let i = 0; i < n; i++) {
    const x = lonAt(i) * DEG;
    const y = sinAuthalic(latAt(i));
    sum += (x - px) * (y + py);
    px = x;
    py = y;
  }
  return (-sum / 2) * RQ2;
}

/**
 * Signed area in m² of a ring of [lon, lat] positions (closed or not);
 * counter-clockwise is positive.
 *
 * @example ringAreaM2([[30, 50], [31, 50], [31, 51], [30, 51]]) // ≈ 7.96e9
 */
export function ringAreaM2(ring: ReadonlyArray<readonly number[]>): number {
  return equalAreaM2(
    ring.length,
    (i) => ring[i][0],
    (i) => ring[i][1],
  );
}

/**
 * Signed area in m² of an integer ring (coordinates in degrees × `scale`).
 *
 * @example path64AreaM2(paths[0], SCALE) / 1e6 // km², positive for a counter-clockwise ring
 */
export function path64AreaM2(path: readonly Point64[], scale: number): number {
  return equalAreaM2(
    path.length,
    (i) => path[i].x / scale,
    (i) => path[i].y / scale,
  );
}
