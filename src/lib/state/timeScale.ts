/**
 * The timeline's time scale: a snapshot's place on the slider is proportional
 * to its date, piecewise, so that the monthly era (the raw layer files of
 * 2022–24, one a month) gets a fixed share of the width and the daily era the
 * rest. On a plain time scale the monthly years would take half the slider;
 * stepping by snapshot squeezed them into 3.5 % (28 of ~800 steps).
 */
import { scaleUtc, type ScaleTime } from 'd3-scale';
import { utcDay } from '../engine/calendar';

/** The share of the slider's width given to the monthly era (before the first daily snapshot). */
export const MONTHLY_SHARE = 0.22;

/** A snapshot as the timeline needs it: a date and its kind. */
export interface DatedEntry {
  date: string;
  kind: string;
}

/** A year tick under the slider: the year, its position (0…1), and whether its label is shown (see thinLabels). */
export interface YearTick {
  year: number;
  pos: number;
  label: boolean;
}

/** A dated event shown as a mark (a plan: its date and title). */
export interface DatedEvent {
  date: string;
  title: string;
}

/** A mark on the timeline: the first event's date, its position (0…1), and the events it stands for. */
export interface DateMark {
  date: string;
  pos: number;
  events: DatedEvent[];
}

/**
 * The mapping between snapshots and slider positions (0 = first, 1 = last).
 * Positions are monotone in time; a position goes back to the nearest snapshot.
 */
export class TimelineScale {
  private readonly times: number[];
  private readonly scale: ScaleTime<number, number>;
  /** The first daily snapshot's date, when the series has a monthly era before it; else null. */
  readonly dailyStart: string | null;

  constructor(
    private readonly entries: readonly DatedEntry[],
    monthlyShare = MONTHLY_SHARE,
  ) {
    this.times = entries.map((e) => utcDay(e.date).getTime());
    const first = entries[0]?.date ?? '2022-01-01';
    const last = entries.at(-1)?.date ?? first;
    const daily = entries.findIndex((e) => e.kind === 'daily');
    // A monthly era only when raw snapshots come before the daily ones (not for a daily-only or raw-only set).
    this.dailyStart = daily > 0 && daily < entries.length - 1 ? entries[daily].date : null;
    const domain = this.dailyStart
      ? [utcDay(first), utcDay(this.dailyStart), utcDay(last)]
      : [utcDay(first), utcDay(last)];
    const range = this.dailyStart ? [0, monthlyShare, 1] : [0, 1];
    this.scale = scaleUtc().domain(domain).range(range).clamp(true);
  }

  /** The position (0…1) of a date; 0 for a series of one snapshot. */
  position(date: string): number {
    if (this.times.length < 2 || this.times[0] === this.times.at(-1)) return 0;
    return this.scale(utcDay(date));
  }

  /** The index of the snapshot nearest in time to a position (0…1); -1 for an empty series. */
  nearest(pos: number): number {
    const n = this.times.length;
    if (n === 0) return -1;
    const t = this.scale.invert(Math.min(1, Math.max(0, pos))).getTime();
    // Binary search for the first snapshot at or after t, then the closer of it and the one before.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && t - this.times[lo - 1] <= this.times[lo] - t ? lo - 1 : lo;
  }

  /** 1 January of every year inside the series, with its position. */
  yearTicks(): YearTick[] {
    if (this.times.length < 2) return [];
    const from = new Date(this.times[0]).getUTCFullYear() + 1;
    const to = new Date(this.times.at(-1)!).getUTCFullYear();
    const out: YearTick[] = [];
    for (let y = from; y <= to; y++) out.push({ year: y, pos: this.position(`${y}-01-01`), label: true });
    return out;
  }

  /** Marks for dated events on this scale (see groupMarks). */
  marks(events: readonly DatedEvent[], minGap = 0.02): DateMark[] {
    if (this.entries.length === 0) return [];
    return groupMarks(events, [this.entries[0].date, this.entries.at(-1)!.date], (d) => this.position(d), minGap);
  }
}

/**
 * Marks for dated events inside `[first, last]` (earlier or later ones are
 * left out), in date order, placed by `position` (0…1); events closer than
 * `minGap` (a share of the width) share one mark, so marks neither overlap
 * nor hide each other.
 */
export function groupMarks(
  events: readonly DatedEvent[],
  [first, last]: readonly [string, string],
  position: (date: string) => number,
  minGap = 0.02,
): DateMark[] {
  const inside = events.filter((e) => e.date >= first && e.date <= last).sort((a, b) => a.date.localeCompare(b.date));
  const out: DateMark[] = [];
  for (const e of inside) {
    const pos = position(e.date);
    const prev = out.at(-1);
    if (prev && pos - prev.pos < minGap) prev.events.push(e);
    else out.push({ date: e.date, pos, events: [e] });
  }
  return out;
}

/**
 * The ticks with labels only where they do not crowd: on a `widthPx` wide
 * slider, a label closer than `minPx` to the last shown one is hidden (its
 * tick stays), so the short monthly years on a phone do not run together.
 */
export function thinLabels(ticks: readonly YearTick[], widthPx: number, minPx = 36): YearTick[] {
  let shown = -Infinity;
  return ticks.map((t) => {
    const label = (t.pos - shown) * widthPx >= minPx;
    if (label) shown = t.pos;
    return { ...t, label };
  });
}

/**
 * The index of the latest of `dates` (oldest first) at or before `date`, -1
 * when it is before them all. A reader's own line may fall between two
 * snapshots: the timeline steps, and play starts, from the one before it.
 */
export function indexAtOrBefore(dates: readonly string[], date: string): number {
  let i = -1;
  while (i + 1 < dates.length && dates[i + 1] <= date) i++;
  return i;
}
