/**
 * The built-in base style: sea as the background, everything else is added
 * by the map component from the page's own data. Glyphs are served by the
 * app itself (copied from tileserver-gl-styles at build time), so no request
 * leaves the page's origin.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import polylabel from 'polylabel';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Locale } from '../i18n/messages';
import { ringAreaM2 } from '../engine/ellipsoid';
import { PALETTES } from './palette';

export const FONT = ['Noto Sans Regular'];

/**
 * A filter for the features of one kind: every source of the map tags its features with `kind`.
 *
 * @example
 *   kindIs('frontline'); // ['==', ['get', 'kind'], 'frontline']
 */
export function kindIs(kind: string): ExpressionSpecification {
  return ['==', ['get', 'kind'], kind];
}

/** A name in the page's language, as every name layer reads it (each of their sources has name_en and name_uk). */
export function nameField(locale: Locale): ExpressionSpecification {
  return ['get', locale === 'uk' ? 'name_uk' : 'name_en'];
}

/** `pageUrl` is the page's address: glyphs are resolved against it, since the app's base is relative ('./'). */
export function baseStyle(pageUrl: string, base: string): StyleSpecification {
  return {
    version: 8,
    glyphs: `${new URL(`${base}glyphs/`, pageUrl).href}{fontstack}/{range}.pbf`,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': PALETTES.light.sea } }],
  };
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
