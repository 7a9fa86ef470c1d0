import { describe, expect, it } from 'vitest';
import { planStep, Player, PLAY_SPEEDS, type PlaySource } from './player.svelte';

const DAY = 86_400_000;
const days = (n: number, from = '2025-01-01'): string[] =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * DAY).toISOString().slice(0, 10));

/** A source over `dates` whose `show` takes `ms` and counts what it showed. */
function source(
  dates: string[],
  ms = 1,
  start = dates[0],
): PlaySource & { shown: string[]; inFlight: number; max: number } {
  let current: string | null = start;
  const s = {
    shown: [] as string[],
    inFlight: 0,
    max: 0,
    dates: () => dates,
    current: () => current,
    async show(d: string) {
      s.inFlight++;
      s.max = Math.max(s.max, s.inFlight);
      await new Promise((r) => setTimeout(r, ms));
      s.inFlight--;
      current = d;
      s.shown.push(d);
    },
  };
  return s;
}

describe('play speeds', () => {
  it('go from a week to three months a second, slowest first', () => {
    expect(PLAY_SPEEDS.map((s) => s.days)).toEqual([7, 30, 91]);
  });
  it('planStep waits for the playhead to reach the next snapshot at the speed', () => {
    const t = days(10).map((d) => Date.parse(d));
    // At 1 week a second a day takes 1000/7 ms.
    const s = planStep(t, 0, t[0], 7);
    expect(s.index).toBe(1);
    expect(s.waitMs).toBeCloseTo(1000 / 7, 6);
    // A monthly gap of 30 days at a month a second: one second.
    expect(planStep([0, 30 * DAY], 0, 0, 30).waitMs).toBeCloseTo(1000, 6);
  });
  it('planStep skips the days the playhead has passed (a slow step), never past the last', () => {
    const t = days(10).map((d) => Date.parse(d));
    expect(planStep(t, 0, t[4] + DAY / 2, 91)).toEqual({ index: 4, waitMs: 0 });
    expect(planStep(t, 2, t[9] + 50 * DAY, 91)).toEqual({ index: 9, waitMs: 0 });
  });
});

describe('Player', () => {
  it('plays to the end one step at a time, each snapshot in turn at a week a second', async () => {
    const src = source(days(4));
    const player = new Player(src);
    player.speed = 'week';
    await player.play();
    expect(src.shown).toEqual(days(4).slice(1));
    expect(src.max).toBe(1);
    expect(player.playing).toBe(false);
  });

  it('skips days it cannot show in time at a fast speed', async () => {
    const src = source(days(60), 40);
    const player = new Player(src);
    player.speed = 'quarter'; // 91 days/s: a 40 ms step passes 3.6 days
    await player.play();
    expect(src.shown.at(-1)).toBe(days(60).at(-1));
    expect(src.shown.length).toBeLessThan(30);
    expect(src.shown).toEqual([...src.shown].sort());
  });

  it('starts again from the first snapshot when played at the last', async () => {
    const d = days(3);
    const src = source(d, 1, d[2]);
    const player = new Player(src);
    player.speed = 'quarter';
    await player.play();
    expect(src.shown).toEqual(d);
  });

  it("from a date between two snapshots (a reader's own line), goes on from the next one", async () => {
    const d = days(5);
    const src = source(d, 1, '2025-01-02T12'); // after 2 January, before 3 January
    const player = new Player(src);
    player.speed = 'quarter';
    await player.play();
    expect(src.shown).toEqual(d.slice(2));
  });

  it('a pause stops it and cancels the step in flight', async () => {
    let cancelled = 0;
    const src = source(days(200), 5);
    const player = new Player(src, () => cancelled++);
    player.speed = 'quarter';
    const done = player.play();
    await new Promise((r) => setTimeout(r, 60));
    player.pause();
    await done;
    const at = src.shown.length;
    expect(at).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(player.playing).toBe(false);
    expect(src.shown.length).toBeLessThanOrEqual(at + 1);
    expect(cancelled).toBe(1);
    player.pause();
    expect(cancelled).toBe(1);
  });

  it('a failing step stops playback', async () => {
    const player = new Player({
      dates: () => days(3),
      current: () => days(3)[0],
      show: async () => {
        throw new Error('404');
      },
    });
    await player.play();
    expect(player.playing).toBe(false);
  });
});
