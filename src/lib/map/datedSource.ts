/**
 * The date's map data (pieces and line of contact) as one GeoJSON source
 * that a date change updates with a diff, not a replacement: MapLibre then
 * re-indexes and re-tiles only what moved (its `updateData` reloads the
 * tiles the changed features touch), which is most of what a timeline step
 * costs. Features are keyed so that a piece or a line keeps its id from one
 * date to the next.
 */
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import type { FilterSpecification, GeoJSONSourceDiff } from 'maplibre-gl';
import type { PieceCollection } from './scenarioLayers';

/** Properties of a feature of the dated source; `key` is its id (the source's promoteId). */
export interface DatedProps {
  key: string;
  kind: string;
  region?: string;
}

export type DatedCollection = FeatureCollection<Geometry, DatedProps>;

/**
 * The pieces (one per region and kind) and each line of the line of contact
 * (keyed by its first vertex, so an unchanged line keeps its key when others
 * appear or go), with `keyOf`: piece fid → key, for feature state. Empty
 * pieces (the marker of an all-held region) are left out.
 */
export function datedFeatures(
  pieces: PieceCollection,
  frontline: FeatureCollection,
): { fc: DatedCollection; keyOf: Map<number, string> } {
  const features: Feature<Geometry, DatedProps>[] = [];
  const used = new Set<string>();
  const unique = (key: string): string => {
    let k = key;
    for (let n = 2; used.has(k); n++) k = `${key}#${n}`;
    used.add(k);
    return k;
  };
  const keyOf = new Map<number, string>();
  for (const f of pieces.features) {
    // An all-held region's empty marker draws nothing, and MapLibre cannot take the bounds of an empty geometry in an update.
    if (f.geometry.coordinates.length === 0) continue;
    const key = unique(`${f.properties.region}:${f.properties.kind}`);
    keyOf.set(f.properties.fid, key);
    features.push({
      type: 'Feature',
      properties: { key, kind: f.properties.kind, region: f.properties.region },
      geometry: f.geometry,
    });
  }
  for (const f of frontline.features) {
    const g = f.geometry;
    const lines = g.type === 'MultiLineString' ? g.coordinates : g.type === 'LineString' ? [g.coordinates] : [];
    for (const coordinates of lines) {
      if (coordinates.length < 2) continue;
      const geometry: LineString = { type: 'LineString', coordinates };
      features.push({
        type: 'Feature',
        properties: { key: unique(`line:${coordinates[0].join(',')}`), kind: 'frontline' },
        geometry,
      });
    }
  }
  return { fc: { type: 'FeatureCollection', features }, keyOf };
}

/** Whether two geometries are the same (the history's frames share unchanged arrays, so most checks stop at the first line). */
function sameGeometry(a: Geometry, b: Geometry): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  if ('coordinates' in a && 'coordinates' in b && a.coordinates === b.coordinates) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What turns `before` into `after`, by key: features to remove, to add, and
 * geometries to replace (a feature's properties never change for a key).
 * Null when nothing changed.
 */
export function datedDiff(
  before: ReadonlyMap<string, Feature<Geometry, DatedProps>>,
  after: DatedCollection,
): GeoJSONSourceDiff | null {
  const add: Feature<Geometry, DatedProps>[] = [];
  const update: { id: string; newGeometry: Geometry }[] = [];
  const seen = new Set<string>();
  for (const f of after.features) {
    const key = f.properties.key;
    seen.add(key);
    const old = before.get(key);
    if (!old) add.push(f);
    else if (!sameGeometry(old.geometry, f.geometry)) update.push({ id: key, newGeometry: f.geometry });
  }
  const remove = [...before.keys()].filter((k) => !seen.has(k));
  if (!add.length && !update.length && !remove.length) return null;
  return { remove, add, update };
}

/** The collection's features by key (what datedDiff compares against). */
export function byKey(fc: DatedCollection): Map<string, Feature<Geometry, DatedProps>> {
  return new Map(fc.features.map((f) => [f.properties.key, f]));
}

/** The filter for the dated source's pieces a scenario colours: all but the ORDLO outline and the line of contact. */
export const SCENARIO_PIECES: FilterSpecification = ['match', ['get', 'kind'], ['ordlo', 'frontline'], false, true];

/** How to bring a source to new contents: all of it, a diff, or nothing. */
export type SourceUpdate = { set: DatedCollection } | { diff: GeoJSONSourceDiff } | null;

/**
 * The dated source's contents as last sent. A new source (the map was
 * rebuilt) gets all of it; the same one gets a diff.
 *
 * @example
 *   const shown = new DatedSourceState();
 *   shown.update(src, fc); // { set: fc }
 *   shown.update(src, fc); // null
 */
export class DatedSourceState {
  private shown: { source: object; features: ReturnType<typeof byKey> } | null = null;

  /** What to send `source` so it holds `fc`. */
  update(source: object, fc: DatedCollection): SourceUpdate {
    const before = this.shown;
    this.shown = { source, features: byKey(fc) };
    if (before?.source !== source) return { set: fc };
    const diff = datedDiff(before.features, fc);
    return diff ? { diff } : null;
  }
}
