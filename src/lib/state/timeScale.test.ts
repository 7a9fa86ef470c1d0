import { describe, expect, it } from 'vitest';
import { indexAtOrBefore, MONTHLY_SHARE, thinLabels, TimelineScale, type DatedEntry } from './timeScale';

/** A hand-built series like the built-in one: monthly raw files, then daily files. */
function series(): DatedEntry[] {
  const out: DatedEntry[] = [];
  for (let m = 0; m < 28; m++) {
    const d = new Date(Date.UTC(2022, 3 + m, 1)).toISOString().slice(0, 10);
    out.push({ date: d, kind: 'raw' });
  }
  for (let i = 0; i < 700; i++) {
    const d = new Date(Date.UTC(2024, 7, 1) + i * 86_400_000).toISOString().slice(0, 10);
    out.push({ date: d, kind: 'daily' });
  }
  return out;
}

describe('TimelineScale', () => {
  const s = series();
  const scale = new TimelineScale(s);

  it('gives the monthly era its share of the width, not its share of the snapshots', () => {
    expect(scale.dailyStart).toBe('2024-08-01');
    expect(scale.position('2024-08-01')).toBeCloseTo(MONTHLY_SHARE, 9);
    // 28 of 728 snapshots: stepping by snapshot gave them 3.7 %.
    expect(28 / s.length).toBeLessThan(0.04);
    // Inside an era, position is proportional to time: mid-way in days is mid-way in width.
    const midMonthly = new Date((Date.parse('2022-04-01') + Date.parse('2024-08-01')) / 2).toISOString().slice(0, 10);
    expect(scale.position(midMonthly)).toBeCloseTo(MONTHLY_SHARE / 2, 3);
  });

  it('maps the ends to the ends and is monotone in time', () => {
    expect(scale.position(s[0].date)).toBe(0);
    expect(scale.position(s.at(-1)!.date)).toBe(1);
    const pos = s.map((e) => scale.position(e.date));
    for (let i = 1; i < pos.length; i++) expect(pos[i]).toBeGreaterThan(pos[i - 1]);
  });

  it('takes a position back to the nearest snapshot, and every snapshot to itself', () => {
    s.forEach((e, i) => expect(scale.nearest(scale.position(e.date))).toBe(i));
    expect(scale.nearest(0)).toBe(0);
    expect(scale.nearest(1)).toBe(s.length - 1);
    expect(scale.nearest(-3)).toBe(0);
    expect(scale.nearest(7)).toBe(s.length - 1);
    // Between two monthly files, the closer one: 10 May 2022 is nearer 1 May than 1 June.
    expect(s[scale.nearest(scale.position('2022-05-10'))].date).toBe('2022-05-01');
    expect(s[scale.nearest(scale.position('2022-05-25'))].date).toBe('2022-06-01');
    // The middle of the slider is in the daily era.
    expect(s[scale.nearest(0.5)].kind).toBe('daily');
  });

  it('ticks every 1 January inside the series', () => {
    expect(scale.yearTicks().map((t) => t.year)).toEqual([2023, 2024, 2025, 2026]);
    const [y23, y24, y25] = scale.yearTicks();
    expect(y24.pos - y23.pos).toBeLessThan(y25.pos - y24.pos); // a monthly year is shorter than a daily one
  });

  it('hides year labels that would crowd on a narrow slider, keeping the first', () => {
    const ticks = [0.05, 0.1, 0.3, 0.32, 0.7].map((pos, i) => ({ year: 2022 + i, pos, label: true }));
    expect(thinLabels(ticks, 300).map((t) => t.label)).toEqual([true, false, true, false, true]);
    expect(thinLabels(ticks, 2000).every((t) => t.label)).toBe(true);
    expect(thinLabels(ticks, 300).map((t) => t.pos)).toEqual(ticks.map((t) => t.pos));
  });

  it('is a plain time scale without a monthly era, and copes with one or no snapshot', () => {
    const daily = s.filter((e) => e.kind === 'daily');
    const plain = new TimelineScale(daily);
    expect(plain.dailyStart).toBeNull();
    expect(plain.position(daily[350].date)).toBeCloseTo(350 / 699, 9);
    const one = new TimelineScale([{ date: '2025-01-01', kind: 'daily' }]);
    expect(one.position('2025-01-01')).toBe(0);
    expect(one.nearest(0.7)).toBe(0);
    expect(new TimelineScale([]).nearest(0.5)).toBe(-1);
  });

  it('marks dated events inside the series, joining those too close to tell apart', () => {
    const marks = scale.marks([
      { date: '1991-12-01', title: 'borders' },
      { date: '2025-11-23', title: 'europe' },
      { date: '2024-06-14', title: 'russia' },
      { date: '2025-11-20', title: 'us' },
    ]);
    expect(marks.map((m) => m.events.map((e) => e.title))).toEqual([['russia'], ['us', 'europe']]);
    expect(marks[1].date).toBe('2025-11-20');
    expect(marks[0].pos).toBeCloseTo(scale.position('2024-06-14'), 9);
  });
});

describe('indexAtOrBefore', () => {
  const dates = ['2024-07-08', '2024-07-09', '2024-07-12'];
  it('finds a snapshot date itself, and the one below a date between two (a reader’s own line)', () => {
    expect(indexAtOrBefore(dates, '2024-07-09')).toBe(1);
    expect(indexAtOrBefore(dates, '2024-07-10')).toBe(1);
    expect(indexAtOrBefore(dates, '2030-01-01')).toBe(2);
  });
  it('is -1 before the first snapshot and in an empty series', () => {
    expect(indexAtOrBefore(dates, '2024-07-07')).toBe(-1);
    expect(indexAtOrBefore([], '2024-07-09')).toBe(-1);
  });
});
