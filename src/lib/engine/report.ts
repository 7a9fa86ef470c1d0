/**
 * An area report: the figures for one snapshot and one scenario, with what
 * they rest on (source, date, boundaries, method). The CLI prints it, the
 * page shows it, exports carry it.
 */
import { computeAreas, type AreaRow } from './areas';
import {
  ATTRIBUTION,
  overlaysFor,
  type KindChoice,
  type Manifest,
  type SnapshotEntry,
  type Stats,
} from '../datafolder/manifest';
import { InputError } from './errors';
import { ENCLAVE_MAX_KM2, LAND_BORDER_KM, NEAR_KM } from './sliverRule';
import { needsOrdlo, type ScenarioDefinition } from './scenarios';
import { GENERATOR } from '../datafolder/tables';
import type { StripAreas } from './strip';

export interface AreaReport {
  date: string;
  scenario: string;
  source: { name: string; attribution: string; file: string; kind: string; snapshot: string };
  boundaries: { name: string; sha256: string };
  method: { area: string; clipping: string; slivers: string; grey_zone: string; raw: boolean; strip?: string };
  /** The app (and CLI) version that computed it. */
  generator: { name: string; version: string };
  rows: AreaRow[];
}

/** What a report's figures do with DeepState's grey zone (see `foldsGreyZone`). */
export const GREY_ZONE = {
  contested: 'counted as contested (contested_km2), held by neither side',
  ukraine:
    'counted as held by Ukraine, as the daily files do (they leave the grey zone out): a raw snapshot standing in for a missing day of the daily series',
} as const;

/**
 * Whether a snapshot's grey zone counts as Ukrainian-held rather than
 * contested. The daily files (from 2024-07-08) have no grey zone: what they
 * leave out counts as Ukrainian-held. A raw file standing in for a missing
 * day of that series (or after its last day) would make the series dip by
 * the grey zone's share on that day alone, so in the continuous series
 * (`any`) it is counted the same way. Asked for as a raw series, or before
 * the daily files begin, the grey zone stays contested.
 */
export function foldsGreyZone(manifest: Manifest, snapshot: SnapshotEntry, series: KindChoice): boolean {
  if (series !== 'any' || snapshot.kind !== 'raw') return false;
  return manifest.snapshots.some((s) => s.kind === 'daily' && s.date <= snapshot.date);
}

export function methodOf(
  manifest: Manifest,
  raw: boolean,
  greyZone: keyof typeof GREY_ZONE = 'contested',
): AreaReport['method'] {
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

/** How the strip was measured, for a report's method. */
export function stripMethodOf(widthKm: number): string {
  return `demilitarised strip of ${widthKm} km on each side of DeepStateMap's line of contact (round ends), clipped to the display boundaries; reported beside the other figures (strip_km2), not part of them`;
}

/** A scenario with a rule such as `pre-2022` needs the ORDLO layer in the data set: fail with a message that says how to get it. */
export function checkOrdlo(manifest: Manifest, scenario: ScenarioDefinition): void {
  if (needsOrdlo(scenario) && !manifest.ordlo)
    throw new InputError(
      '--scenario',
      `${scenario.id} needs DeepState's ORDLO layer, which only the raw layer files have: ingest a folder that includes them (e.g. ../shared/data/deepstate)`,
    );
}

/** How a report is computed beyond its snapshot and scenario. */
export interface ReportOptions {
  /** Plain overlay: slivers left as they are. */
  raw?: boolean;
  /** The series the snapshot was chosen from (default `any`, the continuous one): decides the grey zone (see foldsGreyZone). */
  series?: KindChoice;
  /** Language of region names. */
  lang?: 'en' | 'uk';
  /** A scenario with `strip_km` needs its strip's areas (strip.ts `computeStrip(...).areas`) for that snapshot. */
  strip?: Readonly<Record<string, StripAreas>>;
}

/**
 * The report for a scenario on a snapshot.
 *
 * @example areaReport(manifest, stats, snapshotOn(manifest, '2025-11-20'), scenarioById('us-28-point')).rows.find((r) => r.id === 'donbas')
 */
export function areaReport(
  manifest: Manifest,
  stats: Stats,
  snapshot: SnapshotEntry,
  scenario: ScenarioDefinition,
  options: ReportOptions = {},
): AreaReport {
  const { raw = false, series = 'any', lang = 'en', strip } = options;
  checkOrdlo(manifest, scenario);
  // A programming error, not bad input: figures without the strip would silently show 0.
  if (scenario.strip_km !== undefined && !strip)
    throw new Error(
      `scenario ${scenario.id} has a ${scenario.strip_km} km strip: pass its areas (strip.ts computeStrip)`,
    );
  const fold = foldsGreyZone(manifest, snapshot, series);
  const overlays = overlaysFor(stats, snapshot.id).map((o) => (fold ? { ...o, contested_km2: 0 } : o));
  const rows = computeAreas(scenario, { overlays, ordlo: manifest.ordlo?.km2 ?? {}, raw, strip }, lang);
  return {
    date: snapshot.date,
    scenario: scenario.id,
    // A file of one's own (kind custom) is credited as itself, not as DeepStateMap.
    source:
      snapshot.kind === 'custom'
        ? {
            name: snapshot.source,
            attribution: `${snapshot.source} (a file of occupied territory given to frontline-scenarios)`,
            file: snapshot.source,
            kind: snapshot.kind,
            snapshot: snapshot.id,
          }
        : {
            name: 'DeepStateMap',
            attribution: ATTRIBUTION,
            file: snapshot.source,
            kind: snapshot.kind,
            snapshot: snapshot.id,
          },
    boundaries: manifest.boundaries,
    method:
      scenario.strip_km !== undefined
        ? { ...methodOf(manifest, raw, fold ? 'ukraine' : 'contested'), strip: stripMethodOf(scenario.strip_km) }
        : methodOf(manifest, raw, fold ? 'ukraine' : 'contested'),
    generator: { ...GENERATOR },
    rows,
  };
}
