/**
 * Play/pause for the timeline, at a chosen speed in days of history per
 * second. A playhead runs through time at that speed; each step shows the
 * latest snapshot the playhead has reached (at least the next one), waiting
 * for it to be drawn before the next step, so a slow machine skips days
 * rather than piling up requests, and the monthly years pass as fast in time
 * as the daily ones.
 */

import { indexAtOrBefore } from './timeScale';
import { utcDay } from '../engine/calendar';

/** A play speed: its id (the locale key's suffix) and the days of history shown per second. */
export interface PlaySpeed {
  id: 'week' | 'month' | 'quarter';
  days: number;
}

/** The speeds a reader can choose, slowest first. */
export const PLAY_SPEEDS: readonly PlaySpeed[] = [
  { id: 'week', days: 7 },
  { id: 'month', days: 30 },
  { id: 'quarter', days: 91 },
];

/** One month a second: the daily era (two years) plays in about 25 s, the whole history in under a minute. */
const DEFAULT_SPEED: PlaySpeed['id'] = 'month';

const DAY_MS = 86_400_000;

/**
 * The next step of playback: from snapshot `index`, the latest snapshot at or
 * before the playhead (a time in ms), but at least the next one; and how long
 * to wait (ms, at `daysPerSecond`) until the playhead reaches it.
 */
export function planStep(
  times: readonly number[],
  index: number,
  playhead: number,
  daysPerSecond: number,
): { index: number; waitMs: number } {
  let j = index + 1;
  while (j + 1 < times.length && times[j + 1] <= playhead) j++;
  const rate = (daysPerSecond * DAY_MS) / 1000; // history-ms per real ms
  return { index: j, waitMs: Math.max(0, (times[j] - playhead) / rate) };
}

/** What the player plays: the snapshots' dates, the date on show, and a way to show one. */
export interface PlaySource {
  dates(): readonly string[];
  current(): string | null;
  show(date: string): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Plays the snapshots of a PlaySource at `speed`; a pause keeps what is on screen. */
export class Player {
  playing = $state(false);
  speed = $state<PlaySpeed['id']>(DEFAULT_SPEED);
  private run = 0;

  /** `cancel` drops a step still loading, so a pause keeps what is on screen. */
  constructor(
    private readonly source: PlaySource,
    private readonly cancel: () => void = () => {},
  ) {}

  /** Days of history per second at the chosen speed. */
  get daysPerSecond(): number {
    return (PLAY_SPEEDS.find((s) => s.id === this.speed) ?? PLAY_SPEEDS[1]).days;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else void this.play();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.run++;
    this.cancel();
  }

  /** Plays from the date on show (from the first snapshot when that is the last) to the end. */
  async play(): Promise<void> {
    const run = ++this.run;
    this.playing = true;
    const dates = this.source.dates();
    const times = dates.map((d) => utcDay(d).getTime());
    // From the latest snapshot at or before the date on show (a reader's own line may fall between two).
    let index = indexAtOrBefore(dates, this.source.current() ?? '');
    try {
      if (index < 0 || index >= dates.length - 1) {
        index = 0; // at the end (or before the first): start again from the beginning
        await this.source.show(dates[0]);
      }
      let playhead = times[index];
      let last = performance.now();
      while (this.run === run && index < dates.length - 1) {
        const now = performance.now();
        playhead = Math.max(playhead + ((now - last) * this.daysPerSecond * DAY_MS) / 1000, times[index]);
        const step = planStep(times, index, playhead, this.daysPerSecond);
        if (step.waitMs > 0) await sleep(step.waitMs);
        if (this.run !== run) return;
        index = step.index;
        playhead = Math.max(playhead, times[index]);
        last = performance.now();
        await this.source.show(dates[index]);
      }
    } catch {
      // a snapshot that fails to load stops playback; the page shows the error
    }
    if (this.run === run) this.playing = false;
  }
}
