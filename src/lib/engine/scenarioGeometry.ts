/**
 * The geometry of a scenario: per region, the land each side holds under it,
 * as GeoJSON features with `control`: ukraine | russia | buffer | contested.
 */
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { RegionGeometry } from './overlay';
import { areaKm2, difference, intersect, toMultiPolygon, union, type Paths } from './polygons';
import type { Region } from './regions';
import { ruleFor, type ScenarioDefinition } from './scenarios';

/**
 * Who holds a piece of the scenario's geometry.
 *
 * @example const kind: ControlKind = 'buffer';
 */
export type ControlKind = 'ukraine' | 'russia' | 'buffer' | 'contested';

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
    const push = (control: ControlKind, paths: Paths): void => {
      if (paths.length) out.push({ region, control, paths });
    };
    switch (ruleFor(scenario, region.id)) {
      case 'line':
        push('ukraine', ukraine);
        push('russia', russia);
        push('contested', g.contested);
        break;
      case 'ukraine':
        push('ukraine', region.paths);
        break;
      case 'russia':
        push('russia', region.paths);
        break;
      case 'buffer':
        push('russia', russia);
        push('buffer', union(ukraine, g.contested));
        break;
      case 'pre-2022': {
        const held = intersect(ordlo, region.paths);
        push('russia', held);
        push('ukraine', difference(region.paths, held));
        break;
      }
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
