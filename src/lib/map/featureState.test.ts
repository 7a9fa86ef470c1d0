import { describe, expect, it } from 'vitest';
import { ClassStates } from './featureState';
import type { ScenarioDisplay } from './scenarioLayers';

const display = (regions: [string, 'russia' | 'returned' | null][], pieces: [number, 'russia' | null][]) =>
  ({ regions: new Map(regions), pieces: new Map(pieces), classes: [] }) as ScenarioDisplay;

describe('ClassStates', () => {
  it('sends every feature once, then only the ones whose class changed', () => {
    const states = new ClassStates();
    const keyOf = new Map([
      [0, 'UA-14:russia'],
      [1, 'UA-23:russia'],
    ]);
    expect(states.changes(display([['UA-14', null]], [[0, 'russia']]), keyOf)).toEqual([
      { source: 'regions', id: 'UA-14', cls: null },
      { source: 'pieces', id: 'UA-14:russia', cls: 'russia' },
    ]);
    expect(states.changes(display([['UA-14', null]], [[0, 'russia']]), keyOf)).toEqual([]);
    expect(
      states.changes(
        display(
          [['UA-14', 'returned']],
          [
            [0, 'russia'],
            [1, null],
          ],
        ),
        keyOf,
      ),
    ).toEqual([
      { source: 'regions', id: 'UA-14', cls: 'returned' },
      { source: 'pieces', id: 'UA-23:russia', cls: null },
    ]);
  });

  it('skips a piece the dated source does not hold (no key)', () => {
    expect(new ClassStates().changes(display([], [[7, 'russia']]), new Map())).toEqual([]);
  });
});
