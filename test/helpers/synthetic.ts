/** Small hand-checkable geometries: a fake set of 27 regions, rectangles. */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { ringAreaM2 } from '../../src/lib/engine/ellipsoid';
import { REGIONS, regionsFromGeoJSON, type Region } from '../../src/lib/engine/regions';

export function rect(x0: number, y0: number, x1: number, y1: number): number[][] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** A rectangle with a vertex every `step` degrees, like a real boundary (borders join on shared vertices). */
export function denseRect(x0: number, y0: number, x1: number, y1: number, step = 0.01): number[][] {
  const corners = rect(x0, y0, x1, y1);
  const out: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [a, b] = [corners[i], corners[i + 1]];
    const n = Math.max(1, Math.round(Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1])) / step));
    for (let k = 0; k < n; k++)
      out.push([+(a[0] + ((b[0] - a[0]) * k) / n).toFixed(7), +(a[1] + ((b[1] - a[1]) * k) / n).toFixed(7)]);
  }
  out.push(out[0]);
  return out;
}

export function rectKm2(x0: number, y0: number, x1: number, y1: number): number {
  return Math.abs(ringAreaM2(rect(x0, y0, x1, y1))) / 1e6;
}

export function polygonFeature(rings: number[][][], properties: Record<string, unknown> = {}): Feature<Polygon> {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: rings } };
}

/**
 * 27 regions in a row of 0.5° × 0.5° squares from 30°E along 48°N, in REGIONS
 * order; the region with `id` is replaced by `bigRect` when given.
 */
export function syntheticRegions(overrides: Record<string, number[][][]> = {}): Region[] {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: REGIONS.map((r, i) =>
      polygonFeature(overrides[r.id] ?? [rect(22 + i * 0.5, 44, 22.5 + i * 0.5, 44.5)], { id: r.id }),
    ),
  };
  return regionsFromGeoJSON(fc, 'synthetic');
}
