/**
 * The built-in base style: sea as the background, everything else is added
 * by the map component from the page's own data. Glyphs are served by the
 * app itself (copied from tileserver-gl-styles at build time), so no request
 * leaves the page's origin.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import polylabel from 'polylabel';
import type { StyleSpecification } from 'maplibre-gl';
import { ringAreaM2 } from '../engine/ellipsoid';
import { LIGHT_PALETTE } from './palette';

export const FONT = ['Noto Sans Regular'];

/** `pageUrl` is the page's address: glyphs are resolved against it, since the app's base is relative ('./'). */
export function baseStyle(pageUrl: string, base: string): StyleSpecification {
  return {
    version: 8,
    glyphs: `${new URL(`${base}glyphs/`, pageUrl).href}{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': LIGHT_PALETTE.sea } }],
  };
}

/**
 * A 12 × 12 tile of diagonal stripes for the buffer zone's fill-pattern:
 * opaque (stripes on a pale ground), so it covers the region's base class.
 */
export function hatchImage(colour: string): { width: number; height: number; data: Uint8Array } {
  const size = 12;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const pale = [r, g, b].map((c) => Math.round(c * 0.2 + 255 * 0.8));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 4;
      data.set(on ? [r, g, b, 255] : [pale[0], pale[1], pale[2], 255], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

/** Ukraine's extent: the first view, and the limit of panning. */
export const UKRAINE_BOUNDS: [[number, number], [number, number]] = [
  [22.0, 44.3],
  [40.3, 52.4],
];

/**
 * One label point per region: the pole of inaccessibility of its largest part
 * (MapLibre would label every part of a MultiPolygon, and a point source is a
 * fraction of the polygons' size).
 */
export function labelPoints(fc: FeatureCollection<Geometry, Record<string, unknown> | null>): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: fc.features.flatMap((f) => {
      const parts =
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates]
          : f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates
            : [];
      if (!parts.length) return [];
      const largest = parts.reduce((a, b) => (Math.abs(ringAreaM2(b[0])) > Math.abs(ringAreaM2(a[0])) ? b : a));
      const [x, y] = polylabel(largest, 0.01);
      return [
        {
          type: 'Feature' as const,
          properties: f.properties,
          geometry: { type: 'Point' as const, coordinates: [x, y] },
        },
      ];
    }),
  };
}
