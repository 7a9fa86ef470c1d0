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

/** The last date on which a series reaches or crosses a reported value (the data "matched" it), or null. */
export function lastMatch(points: readonly SeriesPoint[], fig: ReportedFigure): string | null {
  let match: string | null = null;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1][fig.series] - fig.value;
    const b = points[i][fig.series] - fig.value;
    if (a * b < 0 || b === 0) match = points[i].date;
  }
  return match;
}
