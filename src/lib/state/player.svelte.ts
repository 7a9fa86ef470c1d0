/**
 * Play/pause for the timeline: steps one snapshot at a time, waiting for each
 * step (data loaded, map updated) before the next, so a slow machine plays
 * slower rather than piling up requests.
 */
export class Player {
  playing = $state(false);
  /** Milliseconds per step at least. */
  interval = $state(300);
  private run = 0;

  /**
   * `step` shows the next snapshot and says whether there is one after it;
   * `cancel` drops a step still loading, so a pause keeps what is on screen.
   */
  constructor(
    private readonly step: () => Promise<boolean>,
    private readonly cancel: () => void = () => {},
  ) {}

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

  async play(): Promise<void> {
    const run = ++this.run;
    this.playing = true;
    while (this.run === run) {
      const started = performance.now();
      let more: boolean;
      try {
        more = await this.step();
      } catch {
        more = false; // a snapshot that fails to load stops playback; the page shows the error
      }
      if (this.run !== run) return;
      if (!more) break;
      const wait = this.interval - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    if (this.run === run) this.playing = false;
  }
}
