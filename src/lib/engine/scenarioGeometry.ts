/**
 * The geometry of a scenario: per region, the land each side holds under it,
 * as GeoJSON features with `control`: ukraine | russia | buffer | contested.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { RegionGeometry } from './overlay';
import { areaKm2, difference, intersect, toMultiPolygon, union, type Paths } from './polygons';
import type { Region } from './regions';
import { pieceGroups, RULE_TABLE, usesOrdlo, type ControlKind, type Land } from './rules';
import { ruleFor, type ScenarioDefinition } from './scenarios';

export type { ControlKind } from './rules';

/**
 * The properties of a scenario feature: its region, control and km².
 *
 * @example scenarioFeatures(pieces).features[0].properties.area_km2
 */
export interface ControlProps {
  region: string;
  control: ControlKind;
  area_km2: number;
}

/**
 * Per region and control, the pieces under the scenario (integer paths).
 *
 * @example scenarioPieces(scenarioById('us-28-point'), regions, overlayer.geometry(snapshot), ordlo, false)
 */
export function scenarioPieces(
  scenario: ScenarioDefinition,
  regions: readonly Region[],
  geometry: ReadonlyMap<string, RegionGeometry>,
  ordlo: Paths,
  raw: boolean,
): { region: Region; control: ControlKind; paths: Paths }[] {
  const out: { region: Region; control: ControlKind; paths: Paths }[] = [];
  for (const region of regions) {
    const g = geometry.get(region.id)!;
    const russia = raw ? g.occupied : union(g.occupied, g.slivers);
    const ukraine = raw ? [...g.ukraine, ...g.slivers] : g.ukraine;
    const row = RULE_TABLE[ruleFor(scenario, region.id)];
    const held = usesOrdlo(row) ? intersect(ordlo, region.paths) : [];
    const land: Record<Land, () => Paths> = {
      ukraine: () => ukraine,
      russia: () => russia,
      contested: () => g.contested,
      ordlo: () => held,
      rest: () => difference(region.paths, held),
    };
    for (const { control, land: kinds, whole } of pieceGroups(row)) {
      // A class that gets the whole region is its outline, not a union of pieces with seams.
      const paths = whole ? region.paths : kinds.slice(1).reduce((acc, k) => union(acc, land[k]()), land[kinds[0]]());
      if (paths.length) out.push({ region, control, paths });
    }
  }
  return out;
}

/**
 * The scenario as an RFC 7946 FeatureCollection, one feature per region and control.
 *
 * @example JSON.stringify(scenarioFeatures(scenarioPieces(def, regions, geometry, ordlo, false)))
 */
export function scenarioFeatures(
  pieces: ReturnType<typeof scenarioPieces>,
): FeatureCollection<MultiPolygon, ControlProps> {
  const features: Feature<MultiPolygon, ControlProps>[] = pieces.map(({ region, control, paths }) => ({
    type: 'Feature',
    properties: { region: region.id, control, area_km2: areaKm2(paths) },
    geometry: toMultiPolygon(paths),
  }));
  return { type: 'FeatureCollection', features };
}
