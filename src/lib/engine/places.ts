/**
 * Towns and cities that change hands under a scenario. Which side holds a
 * place now is read from the map's own pieces (src/lib/engine/display.ts), so
 * the list agrees with what the page draws, and the same code runs in the
 * CLI (which reads the pieces from the snapshot file) and in the page (which
 * has them loaded already). No DOM, no fetch.
 *
 * Under a region's rule (src/lib/engine/rules.ts says what it makes of the land) a place is in zone
 * - `buffer`: held by Ukraine now, in the demilitarised zone under the scenario;
 * - `ceded`: held by Ukraine now, Russia's under the scenario;
 * - `returned`: held by Russia now, Ukraine's under the scenario.
 * A place in the grey zone (only raw snapshots have one) goes where the map
 * paints the grey zone: returned when the region goes to Ukraine, ceded when it
 * goes to Russia, buffer in a buffer region, unchanged on the line; `now`
 * says it was contested.
 */
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { PieceKind } from './display';
import {
  byHolder,
  leavesAsIs,
  ordloControl,
  RULE_TABLE,
  usesOrdlo,
  ZONES,
  type ControlKind,
  type Holder,
  type Zone,
} from './rules';
import { ruleFor, type Rule, type ScenarioDefinition } from './scenarios';
import type { Box } from './box';

/**
 * One town of the gazetteer (the data folder's places.json).
 *
 * @example loadPlacesFile(dir, sha256).places.find((p) => p.name_en === 'Kramatorsk')!.population
 */
export interface Place {
  /** GeoNames id. */
  id: number;
  /** KMU 2010 romanisation of the Ukrainian name where GeoNames has it, else GeoNames' name. */
  name_en: string;
  /** Ukrainian name, when GeoNames lists one that romanises (KMU 2010) to its main name. */
  name_uk?: string;
  /** GeoNames' population: pre-war figures (census 2001 or official estimates up to January 2022). */
  population: number;
  lon: number;
  lat: number;
  /** ISO 3166-2:UA id of the region the place lies in (the data set's boundaries). */
  region: string;
}

/**
 * The gazetteer file that ingest writes into the data folder.
 *
 * @example JSON.parse(readFileSync(join(dir, PLACES_FILE), 'utf8')) as PlacesFile
 */
export interface PlacesFile {
  format: number;
  source: { name: string; package: string; url: string; licence: string; attribution: string };
  /** Smallest population listed. */
  min_population: number;
  /** Name and sha256 of the boundaries `region` was found in. */
  boundaries: { name: string; sha256: string };
  method: string;
  places: Place[];
}

/**
 * The gazetteer file's format: readers refuse another (run ingest again).
 *
 * @example file.format === PLACES_FORMAT
 */
export const PLACES_FORMAT = 1;
/**
 * The gazetteer's name in a data folder (not data/map-labels.json, the map's 33 labels).
 *
 * @example join(dir, PLACES_FILE)
 */
export const PLACES_FILE = 'places.json';

export type { Holder } from './rules';
/**
 * How a scenario moves a town: into a zone held by neither army (the rule
 * table's ZONES: buffer, neutral), to Russia (ceded), or back to Ukraine (returned).
 *
 * @example zoneFor('russia', 'ukraine') // 'ceded'
 */
export type PlaceZone = Zone | 'ceded' | 'returned';
/**
 * The zones in the order lists and totals show them.
 *
 * @example PLACE_ZONES.includes(value as PlaceZone) // a valid --zone
 */
export const PLACE_ZONES: readonly PlaceZone[] = [...ZONES, 'ceded', 'returned'];

/**
 * A place that changes hands, with who holds it now.
 *
 * @example placesChangingHands(def, places, index).rows[0].zone
 */
export interface PlaceChange extends Place {
  zone: PlaceZone;
  now: Holder;
}

/**
 * How many towns, and how many people, a zone holds.
 *
 * @example placeTotals(rows).buffer.population
 */
export interface ZoneTotal {
  count: number;
  population: number;
}

/**
 * The towns a scenario moves, largest first, and their totals per zone.
 *
 * @example placesChangingHands(scenarioById('us-28-point'), places, index).totals.all.count
 */
export interface PlacesResult {
  /** Zone order (buffer, ceded, returned), then largest first. */
  rows: PlaceChange[];
  totals: Record<PlaceZone | 'all', ZoneTotal>;
}

/** Even-odd ray casting over every ring: right for valid (multi)polygons, whose holes and parts do not overlap. */
function inRings(rings: readonly Position[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** A MultiPolygon ready for point tests: its rings and the bounding box of each part. */
interface IndexedShape {
  parts: { bounds: Box; rings: Position[][] }[];
}

function indexShape(geometry: MultiPolygon): IndexedShape {
  return {
    parts: geometry.coordinates.map((rings) => {
      const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of rings[0] ?? []) {
        if (x < b[0]) b[0] = x;
        if (y < b[1]) b[1] = y;
        if (x > b[2]) b[2] = x;
        if (y > b[3]) b[3] = y;
      }
      return { bounds: b, rings };
    }),
  };
}

function inShape(shape: IndexedShape, x: number, y: number): boolean {
  return shape.parts.some(
    ({ bounds: b, rings }) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && inRings(rings, x, y),
  );
}

/**
 * A feature of the map's pieces: a snapshot file's `layer: 'piece'` features, or the page's collectPieces output.
 *
 * @example new ControlIndex(frame.features as PieceLike[])
 */
export type PieceLike = Feature<Geometry, { region?: unknown; kind?: unknown; layer?: unknown } | null>;

/**
 * Who holds a point now, from the pieces the map draws. A region stores
 * either its Russian-held or its Ukrainian-held pieces (whichever is
 * smaller; an all-held region an empty `ukraine` marker), plus the grey
 * zone; a region with neither is all Ukrainian-held. Also answers whether a
 * point lies in the pre-2022 layer (`ordlo` pieces), for that scenario rule.
 *
 * @example new ControlIndex([...chunks.frame('history', entry).features, ...ordloFeatures])
 */
export class ControlIndex {
  private readonly byRegion = new Map<string, Map<PieceKind, IndexedShape[]>>();

  constructor(pieces: Iterable<PieceLike>) {
    for (const f of pieces) {
      const p = f.properties;
      if (!p || (p.layer !== undefined && p.layer !== 'piece') || f.geometry?.type !== 'MultiPolygon') continue;
      const region = String(p.region);
      const kind = p.kind as PieceKind;
      let kinds = this.byRegion.get(region);
      if (!kinds) this.byRegion.set(region, (kinds = new Map()));
      kinds.set(kind, [...(kinds.get(kind) ?? []), indexShape(f.geometry)]);
    }
  }

  private hit(region: string, kind: PieceKind, lon: number, lat: number): boolean {
    return (this.byRegion.get(region)?.get(kind) ?? []).some((s) => inShape(s, lon, lat));
  }

  /** Who holds the point (which lies in `region`) on the snapshot's date. */
  holderAt(region: string, lon: number, lat: number): Holder {
    if (this.hit(region, 'contested', lon, lat)) return 'contested';
    const kinds = this.byRegion.get(region);
    if (kinds?.has('ukraine')) return this.hit(region, 'ukraine', lon, lat) ? 'ukraine' : 'russia';
    return this.hit(region, 'russia', lon, lat) ? 'russia' : 'ukraine';
  }

  /** Whether the point lies in the pre-2022 layer (needs the `ordlo` pieces). */
  inOrdlo(region: string, lon: number, lat: number): boolean {
    return this.hit(region, 'ordlo', lon, lat);
  }

  /** Whether the index has the pre-2022 layer at all. */
  get hasOrdlo(): boolean {
    return [...this.byRegion.values()].some((k) => k.has('ordlo'));
  }
}

/** A place's zone by what a scenario makes of it, when that is not who holds it now (made contested, it changes no hands). */
const ZONE_OF: Record<ControlKind, PlaceZone | null> = {
  ...(Object.fromEntries(ZONES.map((z) => [z, z])) as Record<Zone, Zone>),
  ukraine: 'returned',
  russia: 'ceded',
  contested: null,
};

/**
 * The zone of a place under a rule, or null when it does not change hands.
 *
 * @example zoneFor('russia', 'ukraine') // 'ceded'
 */
export function zoneFor(rule: Rule, now: Holder, inOrdlo = false): PlaceZone | null {
  const row = RULE_TABLE[rule];
  const under = (inOrdlo && ordloControl(row)) || byHolder(row)[now];
  return under === now ? null : ZONE_OF[under];
}

/**
 * Count and population per zone (and `all`) of some rows.
 *
 * @example placeTotals(rows.filter((r) => r.region === 'UA-14')).all.count
 */
export function placeTotals(rows: readonly PlaceChange[]): PlacesResult['totals'] {
  const totals = Object.fromEntries(
    [...PLACE_ZONES, 'all'].map((z) => [z, { count: 0, population: 0 }]),
  ) as PlacesResult['totals'];
  for (const r of rows)
    for (const t of [totals[r.zone], totals.all]) {
      t.count++;
      t.population += r.population;
    }
  return totals;
}

/**
 * The places that change hands under a scenario against the status quo of
 * the snapshot the index was built from. Scenarios with a `pre-2022` rule
 * need the ORDLO pieces in the index (the data folder's ordlo.geojson).
 *
 * @example placesChangingHands(scenarioById('us-28-point'), places, new ControlIndex(snapshot.features)).totals.buffer
 */
export function placesChangingHands(
  scenario: ScenarioDefinition,
  places: readonly Place[],
  index: ControlIndex,
): PlacesResult {
  const rows: PlaceChange[] = [];
  for (const place of places) {
    const rule = ruleFor(scenario, place.region);
    if (leavesAsIs(RULE_TABLE[rule])) continue;
    const now = index.holderAt(place.region, place.lon, place.lat);
    const zone = zoneFor(rule, now, usesOrdlo(RULE_TABLE[rule]) && index.inOrdlo(place.region, place.lon, place.lat));
    if (zone) rows.push({ ...place, zone, now });
  }
  rows.sort(
    (a, b) => PLACE_ZONES.indexOf(a.zone) - PLACE_ZONES.indexOf(b.zone) || b.population - a.population || a.id - b.id,
  );
  return { rows, totals: placeTotals(rows) };
}

/**
 * Finds the region a point lies in, among regions given as GeoJSON
 * (Multi)Polygons; each is indexed once, so a gazetteer of hundreds of towns
 * costs one pass over each region's parts.
 *
 * @example regionLocator(regions.map((r) => ({ id: r.id, geometry: toMultiPolygon(r.paths) })))(37.56, 48.72) // 'UA-14' (Kramatorsk)
 */
export function regionLocator(
  regions: readonly { id: string; geometry: Polygon | MultiPolygon }[],
): (lon: number, lat: number) => string | undefined {
  const shapes = regions.map((r) => ({
    id: r.id,
    shape: indexShape(
      r.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [r.geometry.coordinates] } : r.geometry,
    ),
  }));
  return (lon, lat) => shapes.find((s) => inShape(s.shape, lon, lat))?.id;
}
