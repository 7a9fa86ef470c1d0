/**
 * The difference between two area reports (two scenarios on one date, or one
 * scenario on two dates): per region and group, what Kyiv and Moscow hold on
 * each side and side B minus side A. Only subtraction of the engine's own
 * rows: no figure here is computed any other way.
 */
import type { Manifest, SnapshotEntry, Stats } from '../datafolder/manifest';
import type { AreaRow } from './areas';
import { areaReport, type AreaReport, type ReportOptions } from './report';
import { withoutPlanStrip, type ScenarioDefinition } from './scenarios';

/**
 * What the comparison reads of a row: each army's km² and share.
 *
 * @example COMPARED_KEYS.includes('ukraine_km2') // true
 */
export const COMPARED_KEYS = ['ukraine_km2', 'russia_km2', 'ukraine_pct', 'russia_pct'] as const;
/**
 * One side's compared figures (or their difference).
 *
 * @example const side: ComparedFigures = { ukraine_km2: 1, russia_km2: 2, ukraine_pct: 33.3, russia_pct: 66.7 };
 */
export type ComparedFigures = Record<(typeof COMPARED_KEYS)[number], number>;

/**
 * A row of the comparison: side A (the page's), side B (the compared one), and B − A.
 *
 * @example areaDifference(a, b).find((r) => r.id === 'UA-14')!.diff.ukraine_km2
 */
export interface DifferenceRow {
  id: string;
  kind: AreaRow['kind'];
  a: ComparedFigures;
  b: ComparedFigures;
  diff: ComparedFigures;
}

/**
 * Below half a km², a difference rounds to nothing on the page: it is no difference.
 *
 * @example Math.abs(0.3) < NO_DIFFERENCE_KM2 // true: 0.3 km² is no difference
 */
export const NO_DIFFERENCE_KM2 = 0.5;

const pick = (r: AreaRow): ComparedFigures =>
  Object.fromEntries(COMPARED_KEYS.map((k) => [k, r[k]])) as ComparedFigures;

/**
 * Side B minus side A, row by row, in A's order (rows B lacks are left out).
 *
 * @example areaDifference(reportA.rows, reportB.rows).find((r) => r.id === 'donbas')!.diff.russia_pct
 */
export function areaDifference(a: readonly AreaRow[], b: readonly AreaRow[]): DifferenceRow[] {
  const byId = new Map(b.map((r) => [r.id, r]));
  return a.flatMap((ra) => {
    const rb = byId.get(ra.id);
    if (!rb) return [];
    const sa = pick(ra);
    const sb = pick(rb);
    const diff = Object.fromEntries(COMPARED_KEYS.map((k) => [k, sb[k] - sa[k]])) as ComparedFigures;
    return [{ id: ra.id, kind: ra.kind, a: sa, b: sb, diff }];
  });
}

/** The region a sentence names first when differences tie (the war's centre). */
const FIRST = 'UA-14';

/**
 * The region whose Kyiv-held km² differ most between the sides (Donetsk
 * first on a tie, then the rows' order), or null when no region differs by
 * NO_DIFFERENCE_KM2 or more. Groups are never chosen: they repeat regions.
 *
 * @example largestDifference(areaDifference(a, b))?.id // 'UA-14'
 */
export function largestDifference(rows: readonly DifferenceRow[]): DifferenceRow | null {
  const size = (r: DifferenceRow): number => Math.round(Math.abs(r.diff.ukraine_km2));
  const regions = rows.filter((r) => r.kind === 'region');
  const ordered = [...regions.filter((r) => r.id === FIRST), ...regions.filter((r) => r.id !== FIRST)];
  let best: DifferenceRow | null = null;
  for (const r of ordered) if (size(r) >= NO_DIFFERENCE_KM2 && (!best || size(r) > size(best))) best = r;
  return best;
}

/**
 * The compared side's report: the page's own engine call (areaReport) on the
 * plan without its own strip (withoutPlanStrip): the comparison states what
 * each army holds, which does not depend on the strip, and the strip's
 * figures need the date's full snapshot and the strip's geometry code. (The
 * compared map draws the strip: state/stripLoader.svelte.ts.) A custom
 * plan's strip is part of the plan itself (its `strip_km`): its figures need
 * the strip's areas, `strip`, and throw without them, as areaReport does.
 *
 * @example sideReport(manifest, stats, snapshotOn(manifest, '2025-11-20'), scenarioById('framework-20-point')).rows
 */
export function sideReport(
  manifest: Manifest,
  stats: Stats,
  snapshot: SnapshotEntry,
  scenario: ScenarioDefinition,
  strip?: ReportOptions['strip'],
): AreaReport {
  const plan = withoutPlanStrip(scenario);
  return areaReport(manifest, stats, snapshot, plan, plan.strip_km === undefined ? {} : { strip });
}
