/**
 * An area report: the figures for one snapshot and one scenario, with what
 * they rest on (source, date, boundaries, method). The CLI prints it, the
 * page shows it, exports carry it.
 */
import { computeAreas, type AreaRow } from './areas';
import { overlaysFor, type KindChoice, type Manifest, type SnapshotEntry, type Stats } from '../datafolder/manifest';
import { GENERATOR, methodOf, sourceOf, stripMethodOf, type Provenance } from '../datafolder/provenance';
import { InputError } from './errors';
import { needsOrdlo, type ScenarioDefinition } from './scenarios';
import type { StripAreas } from './strip';

/**
 * The figures for one snapshot and scenario, after what they rest on (datafolder/provenance.ts).
 *
 * @example areaReport(manifest, stats, entry, scenarioById('status-quo')).rows.find((r) => r.id === 'UA-14')
 */
export interface AreaReport extends Provenance {
  rows: AreaRow[];
}

/**
 * Whether a snapshot's grey zone counts as Ukrainian-held rather than
 * contested. The daily files (from 2024-07-08) have no grey zone: what they
 * leave out counts as Ukrainian-held. A raw file standing in for a missing
 * day of that series (or after its last day) would make the series dip by
 * the grey zone's share on that day alone, so in the continuous series
 * (`any`) it is counted the same way. Asked for as a raw series, or before
 * the daily files begin, the grey zone stays contested.
 *
 * @example foldsGreyZone(manifest, snapshotOn(manifest, '2025-08-01', 'raw'), 'any') // true once daily files exist
 */
export function foldsGreyZone(manifest: Manifest, snapshot: SnapshotEntry, series: KindChoice): boolean {
  if (series !== 'any' || snapshot.kind !== 'raw') return false;
  return manifest.snapshots.some((s) => s.kind === 'daily' && s.date <= snapshot.date);
}

/**
 * A scenario with a `pre-2022` rule needs the ORDLO layer in the data set: fail with a message that says how to get it.
 *
 * @example checkOrdlo(manifest, scenarioById('pre-2022')) // throws when the data set has no ORDLO layer
 */
export function checkOrdlo(manifest: Manifest, scenario: ScenarioDefinition): void {
  if (needsOrdlo(scenario) && !manifest.ordlo)
    throw new InputError(
      '--scenario',
      `${scenario.id} needs DeepState's ORDLO layer, which only the raw layer files have: ingest a folder that includes them (e.g. ../shared/data/deepstate)`,
    );
}

/**
 * How a report is computed beyond its snapshot and scenario.
 *
 * @example areaReport(manifest, stats, entry, def, { raw: true, lang: 'uk' })
 */
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
    source: sourceOf(snapshot),
    boundaries: manifest.boundaries,
    method:
      scenario.strip_km !== undefined
        ? { ...methodOf(manifest, raw, fold ? 'ukraine' : 'contested'), strip: stripMethodOf(scenario.strip_km) }
        : methodOf(manifest, raw, fold ? 'ukraine' : 'contested'),
    generator: { ...GENERATOR },
    rows,
  };
}
