/**
 * What a scenario changes, as a box to frame: the bounding box of every
 * feature the map draws as ceded, returned or a zone (buffer, neutral: the engine's pieces
 * and the regions' bases, classed by scenarioDisplay) and of the strip's
 * polygons. A scenario switch fits the map to it (state/framing.svelte.ts),
 * so a small change such as the Kinburn Spit is readable, not a sliver.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { DrawClass, PieceCollection, ScenarioDisplay } from './scenarioLayers';
import type { Box } from '../engine/box';
import { ZONES } from '../engine/rules';

/** The classes that mark land a scenario moves (the grey zone and Russian-held land are the status quo's too). */
export const CHANGE_CLASSES: readonly DrawClass[] = ['ceded', 'returned', ...ZONES];

function extend(box: Box, p: Position): void {
  if (p[0] < box[0]) box[0] = p[0];
  if (p[1] < box[1]) box[1] = p[1];
  if (p[0] > box[2]) box[2] = p[0];
  if (p[1] > box[3]) box[3] = p[1];
}

function walk(box: Box, g: Geometry | null): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') for (const c of g.geometries) walk(box, c);
  else if (g.type === 'Point') extend(box, g.coordinates);
  else if (g.type === 'LineString' || g.type === 'MultiPoint') for (const p of g.coordinates) extend(box, p);
  else if (g.type === 'Polygon' || g.type === 'MultiLineString')
    for (const ring of g.coordinates) for (const p of ring) extend(box, p);
  else for (const poly of g.coordinates) for (const ring of poly) for (const p of ring) extend(box, p);
}

/**
 * The bounding box of some features, or null when they have no coordinates.
 *
 * @example
 *   boxOf([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[30, 46], [31, 47]] } }]);
 *   // [30, 46, 31, 47]
 */
export function boxOf(features: readonly Feature[]): Box | null {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) walk(box, f.geometry);
  return box[0] <= box[2] ? box : null;
}

/**
 * The box of what the scenario changes on the map: the regions whose base
 * and the pieces whose class is in CHANGE_CLASSES, and the strip. Null when
 * it changes nothing (the status quo).
 *
 * @example
 *   changedBox(display, pieces, regions, strip); // [31.5, 46.45, 32.2, 46.65] for the Kinburn Spit alone
 */
export function changedBox(
  display: ScenarioDisplay,
  pieces: PieceCollection,
  regions: FeatureCollection | null,
  strip: FeatureCollection,
): Box | null {
  const changed = (cls: DrawClass | null | undefined): boolean => Boolean(cls && CHANGE_CLASSES.includes(cls));
  return boxOf([
    ...(regions?.features ?? []).filter((f) => changed(display.regions.get(String(f.properties?.id)))),
    ...pieces.features.filter((f) => changed(display.pieces.get(f.properties.fid))),
    ...strip.features,
  ]);
}
