/**
 * What the map draws for a scenario. A region is drawn as a base (the whole
 * region in one class) with its pieces on top: a snapshot stores, per region,
 * either the Russian-held pieces or the Ukrainian-held ones, whichever is
 * smaller (see lib/engine/display.ts). A scenario only decides each feature's
 * class, which the map applies as feature state: switching scenarios changes
 * no data and re-tiles nothing.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { PieceKind } from '../engine/display';
import { byHolder, ordloControl, RULE_TABLE, ZONES, type ControlKind, type Holder, type Zone } from '../engine/rules';
import { ruleFor, type ScenarioDefinition } from '../engine/scenarios';

/**
 * - `russia`: held by Russia under the scenario (and now);
 * - `ceded`: held by Ukraine now, Russia's under the scenario;
 * - a zone of the rule table (`buffer`, `neutral`): held by neither army under the scenario, each its own class;
 * - `returned`: held by Russia now, Ukraine's under the scenario;
 * - `contested`: the grey zone, where the scenario keeps the line;
 * - `ukraine`: held by Ukraine (drawn only on top of a base of another class).
 */
export type DisplayClass = 'russia' | 'ceded' | Zone | 'returned' | 'contested';
export type DrawClass = DisplayClass | 'ukraine';
export const DISPLAY_CLASSES: readonly DisplayClass[] = ['russia', 'ceded', ...ZONES, 'returned', 'contested'];
export const DRAW_CLASSES: readonly DrawClass[] = [...DISPLAY_CLASSES, 'ukraine'];

export interface PieceFeatureProps {
  /** Index in the collection: the feature id the map's state is keyed by. */
  fid: number;
  region: string;
  kind: PieceKind;
}

export type PieceCollection = FeatureCollection<MultiPolygon, PieceFeatureProps>;

type AnyFC = FeatureCollection<Geometry, Record<string, unknown> | null>;

/** The pieces of a snapshot and the pre-2022 layer, numbered for feature state. */
export function collectPieces(snapshot: AnyFC | null, ordlo: AnyFC | null): PieceCollection {
  const features: Feature<MultiPolygon, PieceFeatureProps>[] = [];
  for (const f of [...(snapshot?.features ?? []), ...(ordlo?.features ?? [])]) {
    const p = f.properties;
    if (!p || p.layer !== 'piece' || f.geometry.type !== 'MultiPolygon') continue;
    features.push({
      type: 'Feature',
      properties: { fid: features.length, region: String(p.region), kind: p.kind as PieceKind },
      geometry: f.geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}

export interface ScenarioDisplay {
  /** Class of each region's base (null: not drawn). */
  regions: Map<string, DrawClass | null>;
  /** Class of each piece by fid (null: not drawn). */
  pieces: Map<number, DrawClass | null>;
  /** Classes that appear, for the legend. */
  classes: DisplayClass[];
}

/**
 * How land is drawn, by who holds it on the date and what it becomes under
 * the scenario (null: not drawn, it stays Ukrainian). Land of the pre-2022
 * layer is drawn as held by Russia (it all is).
 */
const zonesDrawn = Object.fromEntries(ZONES.map((z) => [z, z])) as Record<Zone, Zone>;
const DRAWN: Record<Holder, Record<ControlKind, DrawClass | null>> = {
  russia: { russia: 'russia', ukraine: 'returned', ...zonesDrawn, contested: 'contested' },
  ukraine: { russia: 'ceded', ukraine: null, ...zonesDrawn, contested: 'contested' },
  contested: { russia: 'ceded', ukraine: 'returned', ...zonesDrawn, contested: 'contested' },
};

/**
 * What each drawn class means for control under the scenario (the page's
 * GeoJSON export paints with it): the inverse of DRAWN, and `ukraine` for
 * Ukrainian pieces drawn on top of a base.
 */
export const CONTROL_OF: Readonly<Record<DrawClass, ControlKind>> = Object.fromEntries([
  ['ukraine', 'ukraine'],
  ...Object.values(DRAWN).flatMap((row) =>
    Object.entries(row).flatMap(([control, cls]) => (cls ? [[cls, control]] : [])),
  ),
]) as Record<DrawClass, ControlKind>;

/**
 * Classes for a scenario. `hasSnapshot` false means no data: only whole
 * regions can be drawn.
 */
export function scenarioDisplay(
  scenario: ScenarioDefinition,
  regionIds: readonly string[],
  pieces: PieceCollection,
  hasSnapshot: boolean,
): ScenarioDisplay {
  const byRegion = new Map<string, Map<PieceKind, Feature<MultiPolygon, PieceFeatureProps>[]>>();
  for (const f of pieces.features) {
    const { region, kind } = f.properties;
    if (!byRegion.has(region)) byRegion.set(region, new Map());
    const m = byRegion.get(region)!;
    m.set(kind, [...(m.get(kind) ?? []), f]);
  }
  const regions = new Map<string, DrawClass | null>();
  const pieceCls = new Map<number, DrawClass | null>(pieces.features.map((f) => [f.properties.fid, null]));
  const set = (fs: Feature<MultiPolygon, PieceFeatureProps>[] | undefined, cls: DrawClass | null): void => {
    for (const f of fs ?? []) if (f.geometry.coordinates.length) pieceCls.set(f.properties.fid, cls);
  };
  for (const region of regionIds) {
    const row = RULE_TABLE[ruleFor(scenario, region)];
    const becomes = byHolder(row);
    const under = {
      held: DRAWN.russia[becomes.russia],
      free: DRAWN.ukraine[becomes.ukraine],
      grey: DRAWN.contested[becomes.contested],
    };
    const own = byRegion.get(region);
    // Without data nothing is known to be held: the region takes the plain class of what Ukrainian-held land becomes.
    if (!hasSnapshot) regions.set(region, becomes.ukraine === 'ukraine' ? null : becomes.ukraine);
    else if (!own?.has('russia') && !own?.has('ukraine'))
      regions.set(region, under.free); // all Ukrainian-held on the date
    else if (own.has('ukraine')) {
      // The Ukrainian part is stored: the region is held, with free pieces on top.
      regions.set(region, under.held);
      set(own.get('ukraine'), under.free ?? (under.held ? 'ukraine' : null));
    } else {
      regions.set(region, under.free);
      set(own.get('russia'), under.held ?? (under.free ? 'ukraine' : null));
    }
    set(own?.get('contested'), under.grey);
    const ordlo = ordloControl(row);
    set(own?.get('ordlo'), ordlo && DRAWN.russia[ordlo]);
  }
  const used = new Set([...regions.values(), ...pieceCls.values()]);
  return { regions, pieces: pieceCls, classes: DISPLAY_CLASSES.filter((c) => used.has(c)) };
}

/** The line of contact stored with a snapshot. */
export function frontlineOf(snapshot: AnyFC | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: (snapshot?.features ?? []).filter((f) => f.properties?.layer === 'frontline'),
  };
}
