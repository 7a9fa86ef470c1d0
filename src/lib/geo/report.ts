/**
 * An area report: the figures for one snapshot and one scenario, with what
 * they rest on (source, date, boundaries, method). The CLI prints it, the
 * page shows it, exports carry it.
 */
import { computeAreas, type AreaRow } from './areas';
import { ATTRIBUTION, overlaysFor, type Manifest, type SnapshotEntry, type Stats } from './dataset';
import { InputError } from './errors';
import { ENCLAVE_MAX_KM2, NEAR_KM } from './sliverRule';
import type { ScenarioDefinition } from './scenarios';
import { GENERATOR } from './tables';
import type { StripAreas } from './strip';

export interface AreaReport {
  date: string;
  scenario: string;
  source: { name: string; attribution: string; file: string; kind: string; snapshot: string };
  boundaries: { name: string; sha256: string };
  method: { area: string; clipping: string; slivers: string; raw: boolean; strip?: string };
  /** The app (and CLI) version that computed it. */
  generator: { name: string; version: string };
  rows: AreaRow[];
}

export function methodOf(manifest: Manifest, raw: boolean): AreaReport['method'] {
  return {
    area: 'WGS84 ellipsoid: equal-area (authalic) projection of each vertex, exact for straight edges in that projection',
    clipping: 'Clipper2 boolean operations on integer coordinates (1e-7 degree)',
    slivers: raw
      ? 'plain overlay (--raw): slivers left as they are'
      : `Ukrainian-held pieces touching held land (or islands within ${NEAR_KM} km of it) count as held by Russia when their mean width is under ${manifest.sliver_width_km} km, or when they are cut off against the coast or border (no inland link to other Ukrainian-held land, under ${ENCLAVE_MAX_KM2} km²)`,
    raw,
  };
}

/** How the strip was measured, for a report's method. */
export function stripMethodOf(widthKm: number): string {
  return `demilitarised strip of ${widthKm} km on each side of DeepStateMap's line of contact (round ends), clipped to the display boundaries; reported beside the other figures (strip_km2), not part of them`;
}

/** A scenario with a `pre-2022` rule needs the ORDLO layer in the data set: fail with a message that says how to get it. */
export function checkOrdlo(manifest: Manifest, scenario: ScenarioDefinition): void {
  const needsOrdlo = Object.values(scenario.rules.regions).includes('pre-2022') || scenario.rules.default === 'pre-2022';
  if (needsOrdlo && !manifest.ordlo)
    throw new InputError('--scenario', `${scenario.id} needs DeepState's ORDLO layer, which only the raw layer files have: ingest a folder that includes them (e.g. ../shared/data/deepstate)`);
}

/**
 * The report for a scenario on a snapshot. A scenario with `strip_km` needs
 * its strip's areas (strip.ts `computeStrip(...).areas`) for that snapshot.
 */
export function areaReport(
  manifest: Manifest,
  stats: Stats,
  snapshot: SnapshotEntry,
  scenario: ScenarioDefinition,
  raw: boolean,
  lang: 'en' | 'uk' = 'en',
  strip?: Readonly<Record<string, StripAreas>>,
): AreaReport {
  checkOrdlo(manifest, scenario);
  // A programming error, not bad input: figures without the strip would silently show 0.
  if (scenario.strip_km !== undefined && !strip) throw new Error(`scenario ${scenario.id} has a ${scenario.strip_km} km strip: pass its areas (strip.ts computeStrip)`);
  const rows = computeAreas(scenario, { overlays: overlaysFor(stats, snapshot.id), ordlo: manifest.ordlo?.km2 ?? {}, raw, strip }, lang);
  return {
    date: snapshot.date,
    scenario: scenario.id,
    // A file of one's own (kind custom) is credited as itself, not as DeepStateMap.
    source:
      snapshot.kind === 'custom'
        ? { name: snapshot.source, attribution: `${snapshot.source} (a file of occupied territory given to frontline-scenarios)`, file: snapshot.source, kind: snapshot.kind, snapshot: snapshot.id }
        : { name: 'DeepStateMap', attribution: ATTRIBUTION, file: snapshot.source, kind: snapshot.kind, snapshot: snapshot.id },
    boundaries: manifest.boundaries,
    method: scenario.strip_km !== undefined ? { ...methodOf(manifest, raw), strip: stripMethodOf(scenario.strip_km) } : methodOf(manifest, raw),
    generator: { ...GENERATOR },
    rows,
  };
}
