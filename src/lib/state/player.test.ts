import { describe, expect, it } from 'vitest';
import { Player } from './player.svelte';

describe('Player', () => {
  it('steps until there is no next snapshot, one step at a time', async () => {
    let shown = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const player = new Player(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      shown++;
      return shown < 5;
    });
    player.interval = 0;
    await player.play();
    expect(shown).toBe(5);
    expect(maxInFlight).toBe(1);
    expect(player.playing).toBe(false);
  });

  it('a pause stops it and cancels the step in flight', async () => {
    let shown = 0;
    let cancelled = 0;
    const player = new Player(
      async () => {
        await new Promise((r) => setTimeout(r, 5));
        shown++;
        return true;
      },
      () => cancelled++,
    );
    player.interval = 0;
    const done = player.play();
    await new Promise((r) => setTimeout(r, 30));
    player.pause();
    await done;
    const at = shown;
    await new Promise((r) => setTimeout(r, 30));
    expect(player.playing).toBe(false);
    expect(shown).toBeLessThanOrEqual(at + 1);
    expect(cancelled).toBe(1);
    player.pause();
    expect(cancelled).toBe(1);
  });

  it('a failing step stops playback', async () => {
    const player = new Player(async () => {
      throw new Error('404');
    });
    await player.play();
    expect(player.playing).toBe(false);
  });
});
