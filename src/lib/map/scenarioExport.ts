/**
 * The scenario as the page draws it, as an RFC 7946 FeatureCollection with
 * the same schema as `frontline scenario` (one feature per region and
 * control: ukraine | russia | buffer | contested, with `area_km2`).
 *
 * The page has display geometry only (regions ~100 m, pieces ~30 m, see
 * lib/engine/display.ts), so the shapes are simplified; the `area_km2` of each
 * feature is the engine's figure (the CLI's), not the area of the
 * simplified shape. `frontline scenario` gives full-precision geometry.
 * Loaded on demand: it brings Clipper2 into the page.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { AreaRow } from '../engine/areas';
import { difference, pathsFromGeometry, toMultiPolygon, union, type Paths } from '../engine/polygons';
import { CONTROL_KINDS, type ControlKind } from '../engine/rules';
import { CONTROL_OF, type PieceCollection, type ScenarioDisplay } from './scenarioLayers';

export interface ExportProps {
  region: string;
  control: ControlKind;
  area_km2: number;
}

/**
 * Per region, paint the base and then each piece in the map's order; what a
 * later layer covers is taken out of the controls painted before it.
 */
export function displayedScenario(
  regions: FeatureCollection<Geometry, Record<string, unknown> | null>,
  pieces: PieceCollection,
  display: ScenarioDisplay,
  rows: readonly AreaRow[],
  metadata: Record<string, unknown>,
): FeatureCollection<MultiPolygon, ExportProps> & { metadata: Record<string, unknown> } {
  const byRegion = new Map<string, Feature<MultiPolygon>[]>();
  for (const f of pieces.features) byRegion.set(f.properties.region, [...(byRegion.get(f.properties.region) ?? []), f]);
  const features: Feature<MultiPolygon, ExportProps>[] = [];
  for (const region of regions.features) {
    const id = String(region.properties?.id);
    const row = rows.find((r) => r.id === id);
    if (!row) continue;
    const acc = new Map<ControlKind, Paths>();
    const paint = (control: ControlKind, paths: Paths): void => {
      for (const [other, have] of acc) if (other !== control) acc.set(other, difference(have, paths));
      acc.set(control, union(acc.get(control) ?? [], paths));
    };
    const base = display.regions.get(id);
    paint(base ? CONTROL_OF[base] : 'ukraine', pathsFromGeometry(region.geometry));
    for (const p of byRegion.get(id) ?? []) {
      const cls = display.pieces.get((p.properties as { fid: number }).fid);
      if (cls) paint(CONTROL_OF[cls], pathsFromGeometry(p.geometry));
    }
    for (const control of CONTROL_KINDS) {
      const paths = acc.get(control);
      const km2 = Number(row[`${control}_km2` as const]);
      // Where the engine has none, what is left is the seam between region and piece outlines at display precision.
      if (!paths?.length || km2 < 0.005) continue;
      features.push({
        type: 'Feature',
        properties: { region: id, control, area_km2: Math.round(km2 * 100) / 100 },
        geometry: toMultiPolygon(paths),
      });
    }
  }
  // RFC 7946 forbids `properties` on a FeatureCollection: provenance is a foreign member, as in `frontline scenario`.
  return { type: 'FeatureCollection', features, metadata };
}
