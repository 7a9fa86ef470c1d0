/**
 * What the map draws for a scenario: each region's stored pieces (see
 * lib/geo/display.ts) tagged with a display class. No clipping here, so a
 * scenario switch is a re-tagging of a few dozen features. A region is drawn
 * as a base (the whole region in one class) with its pieces on top: a
 * snapshot stores, per region, either the Russian-held pieces or the
 * Ukrainian-held ones, whichever is smaller.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import type { PieceKind } from '../geo/display';
import { ruleFor, type Rule, type ScenarioDefinition } from '../geo/scenarios';

/**
 * - `russia`: held by Russia under the scenario (and now);
 * - `ceded`: held by Ukraine now, Russia's under the scenario;
 * - `buffer`: held by Ukraine now, a demilitarised zone under the scenario;
 * - `returned`: held by Russia now, Ukraine's under the scenario;
 * - `contested`: the grey zone, where the scenario keeps the line;
 * - `ukraine`: held by Ukraine (drawn only on top of a base of another class).
 */
export type DisplayClass = 'russia' | 'ceded' | 'buffer' | 'returned' | 'contested';
export type DrawClass = DisplayClass | 'ukraine';
export const DISPLAY_CLASSES: readonly DisplayClass[] = ['russia', 'ceded', 'buffer', 'returned', 'contested'];
/** Drawing order of pieces on top of the bases; `ordlo` pieces go last as russia. */
export const DRAW_ORDER: readonly DrawClass[] = ['ukraine', 'returned', 'ceded', 'buffer', 'contested', 'russia'];

export interface DisplayProps {
  region: string;
  cls: DrawClass;
}

export interface ScenarioDisplay {
  base: FeatureCollection<MultiPolygon, DisplayProps>;
  pieces: FeatureCollection<MultiPolygon, DisplayProps>;
  /** Classes that appear, for the legend. */
  classes: DisplayClass[];
}

type AnyFC = FeatureCollection<Geometry, Record<string, unknown> | null>;

function piecesByRegion(fc: AnyFC | null): Map<string, Map<PieceKind, Feature[]>> {
  const out = new Map<string, Map<PieceKind, Feature[]>>();
  for (const f of fc?.features ?? []) {
    const p = f.properties;
    if (!p || p.layer !== 'piece') continue;
    const region = String(p.region);
    const kind = p.kind as PieceKind;
    if (!out.has(region)) out.set(region, new Map());
    const m = out.get(region)!;
    m.set(kind, [...(m.get(kind) ?? []), f]);
  }
  return out;
}

/** What the held part, the Ukrainian part and the grey zone become under a rule. */
const UNDER: Record<Rule, { held: DrawClass | null; free: DrawClass | null; grey: DrawClass | null }> = {
  line: { held: 'russia', free: null, grey: 'contested' },
  ukraine: { held: 'returned', free: null, grey: 'returned' },
  russia: { held: 'russia', free: 'ceded', grey: 'ceded' },
  buffer: { held: 'russia', free: 'buffer', grey: 'buffer' },
  'pre-2022': { held: 'returned', free: null, grey: 'returned' },
};

/**
 * The scenario's bases and pieces. `regions` are the display regions,
 * `snapshot` the stored snapshot (null without data), `ordlo` the pre-2022
 * layer (null without raw files).
 */
export function scenarioDisplay(scenario: ScenarioDefinition, regions: AnyFC, snapshot: AnyFC | null, ordlo: AnyFC | null): ScenarioDisplay {
  const pieces = piecesByRegion(snapshot);
  const ordloPieces = piecesByRegion(ordlo);
  const base: Feature<MultiPolygon, DisplayProps>[] = [];
  const top: Feature<MultiPolygon, DisplayProps>[] = [];
  const classes = new Set<DisplayClass>();
  const add = (to: typeof base, fs: Feature[] | undefined, region: string, cls: DrawClass | null): void => {
    if (!cls) return;
    for (const f of fs ?? []) {
      if ((f.geometry as MultiPolygon).coordinates.length === 0) continue;
      to.push({ type: 'Feature', properties: { region, cls }, geometry: f.geometry as MultiPolygon });
      if (cls !== 'ukraine') classes.add(cls);
    }
  };
  for (const regionFeature of regions.features) {
    const region = String(regionFeature.properties?.id);
    const rule = ruleFor(scenario, region);
    const under = UNDER[rule];
    const own = pieces.get(region);
    const whole = [regionFeature];
    if (!snapshot) {
      // Without data only whole regions can be drawn.
      add(base, whole, region, rule === 'russia' ? 'russia' : rule === 'buffer' ? 'buffer' : null);
    } else if (!own) {
      add(base, whole, region, under.free); // all Ukrainian-held on the date
    } else if (own.has('ukraine')) {
      // Stored the Ukrainian part: the region is held, with free pieces on top.
      add(base, whole, region, under.held);
      add(top, own.get('ukraine'), region, under.free ?? (under.held ? 'ukraine' : null));
    } else {
      add(base, whole, region, under.free);
      add(top, own.get('russia'), region, under.held ?? (under.free ? 'ukraine' : null));
    }
    add(top, own?.get('contested'), region, under.grey);
    if (rule === 'pre-2022') add(top, ordloPieces.get(region)?.get('ordlo'), region, 'russia');
  }
  return {
    base: { type: 'FeatureCollection', features: base },
    pieces: { type: 'FeatureCollection', features: top },
    classes: DISPLAY_CLASSES.filter((c) => classes.has(c)),
  };
}

/** The line of contact stored with a snapshot. */
export function frontlineOf(snapshot: AnyFC | null): FeatureCollection {
  return { type: 'FeatureCollection', features: (snapshot?.features ?? []).filter((f) => f.properties?.layer === 'frontline') };
}
