/**
 * The history behind the timeline chart: for every snapshot the page can
 * show, Kyiv's share of Donbas and Russia's share of Ukraine in the status
 * quo, from the engine's `computeAreas` (the figures `frontline areas` gives).
 */
import { computeAreas } from '../engine/areas';
import { overlaysFor, type Manifest, type SnapshotEntry, type Stats } from '../datafolder/manifest';
import { STATUS_QUO, scenarioById } from '../engine/scenarioCatalog';
import type { MessageKey } from '../i18n/messages';

export interface SeriesPoint {
  date: string;
  id: string;
  kind: SnapshotEntry['kind'];
  /** Kyiv's share of Donbas (Donetsk + Luhansk), %. */
  kyivDonbas: number;
  /** Russia's share of Ukraine (1991 borders, occupied and cut-off slivers), %. */
  russiaUkraine: number;
}

/** A figure reported in the news, drawn on the chart as a reference. */
export interface ReportedFigure {
  series: 'kyivDonbas' | 'russiaUkraine';
  value: number;
  /** Decimals the figure was given with: the data "stands at" it when it rounds to it. */
  decimals: number;
  /** When it was reported (month). */
  date: string;
  /** Locale key of its label. */
  label: MessageKey;
  source: string;
}

export const REPORTED: readonly ReportedFigure[] = [
  {
    series: 'kyivDonbas',
    value: 14.5,
    decimals: 1,
    date: '2025-11-20',
    label: 'chart.reported',
    source: 'Novaya Gazeta Europe, Nov 2025 (AP: "approximately 14 %")',
  },
];

/** One point per entry, computed in slices so the page stays responsive. */
export async function statusQuoSeries(
  manifest: Manifest,
  stats: Stats,
  entries: readonly SnapshotEntry[],
  slice = 100,
): Promise<SeriesPoint[]> {
  const sq = scenarioById(STATUS_QUO);
  const ordlo = manifest.ordlo?.km2 ?? {};
  const out: SeriesPoint[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const rows = computeAreas(sq, { overlays: overlaysFor(stats, e.id), ordlo, raw: false });
    const pct = (id: string, key: 'ukraine_pct' | 'russia_pct'): number => rows.find((r) => r.id === id)![key];
    out.push({
      date: e.date,
      id: e.id,
      kind: e.kind,
      kyivDonbas: pct('donbas', 'ukraine_pct'),
      russiaUkraine: pct('ukraine', 'russia_pct'),
    });
    if (i % slice === slice - 1) await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

/**
 * When the data last stood at a reported figure: the last snapshot date on
 * which the series, rounded to the figure's precision (one decimal, as the
 * figure was reported and as the page shows shares), is at or above the
 * reported value; null when it never is. "About 14.5 %" of Donbas for Kyiv
 * is thus the last day its share showed as 14.5 % or more, after which it
 * only fell. This is the one definition behind the method note, the chart
 * and the README (a test checks the README's date against it).
 *
 * @example lastAtReported(points, REPORTED[0]) // '2025-06-14' on the built-in data (14.47 %)
 */
export function lastAtReported(points: readonly SeriesPoint[], fig: ReportedFigure): string | null {
  const k = 10 ** fig.decimals;
  let match: string | null = null;
  for (const p of points) if (Math.round(p[fig.series] * k) / k >= fig.value) match = p.date;
  return match;
}
