import { readFileSync } from 'node:fs';
import { area as turfArea } from '@turf/turf';
import { Geodesic, PolygonArea } from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { ringAreaM2 } from '../src/lib/engine/ellipsoid';
import { DEFAULT_BOUNDARIES } from '../src/cli/boundaries';
import { HAVE_SHARED, HIRES } from './helpers/paths';

/** GeographicLib's geodesic polygon area on WGS84: the independent reference. */
function geodesicArea(ring: number[][]): number {
  const poly = new PolygonArea.PolygonArea(Geodesic.WGS84, false);
  for (const [lon, lat] of ring.slice(0, -1)) poly.AddPoint(lat, lon);
  return Math.abs(poly.Compute(false, true).area ?? Number.NaN);
}

describe('ellipsoidal area', () => {
  it('matches GeographicLib on a 1° square at 48°N', () => {
    const ring = [
      [37, 48],
      [38, 48],
      [38, 49],
      [37, 49],
      [37, 48],
    ];
    // Densify: our edges are straight in the equal-area projection, GeographicLib's are geodesics.
    const dense: number[][] = [];
    for (let i = 0; i < 4; i++)
      for (let k = 0; k < 100; k++) {
        const [a, b] = [ring[i], ring[i + 1]];
        dense.push([a[0] + ((b[0] - a[0]) * k) / 100, a[1] + ((b[1] - a[1]) * k) / 100]);
      }
    dense.push(dense[0]);
    const ours = ringAreaM2(dense);
    expect(ours).toBeGreaterThan(0); // counter-clockwise is positive
    expect(Math.abs(ours / geodesicArea(dense) - 1)).toBeLessThan(1e-5);
  });

  it('is negative for a clockwise ring', () => {
    expect(
      ringAreaM2([
        [30, 50],
        [30, 51],
        [31, 51],
        [31, 50],
      ]),
    ).toBeLessThan(0);
  });

  it('matches GeographicLib on every oblast of the high-resolution boundaries, and Turf is ~0.3 % low', () => {
    // The full Minregion file when it is there, else the built-in simplified copy of it.
    const fc = JSON.parse(readFileSync(HAVE_SHARED ? HIRES : DEFAULT_BOUNDARIES, 'utf8'));
    for (const f of fc.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      let ours = 0;
      let ref = 0;
      for (const p of polys)
        for (const [i, ring] of p.entries()) {
          const sign = i === 0 ? 1 : -1;
          ours += sign * Math.abs(ringAreaM2(ring));
          ref += sign * geodesicArea(ring);
        }
      expect(Math.abs(ours / ref - 1), f.properties.ADMIN_1).toBeLessThan(1e-4);
      const turf = turfArea(f);
      expect(turf / ref - 1).toBeLessThan(-0.002);
      expect(turf / ref - 1).toBeGreaterThan(-0.005);
    }
  });
});
