import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, type AreaRow } from '../engine/areas';
import { REGION_IDS } from '../engine/regionMeta';
import { ALL_ROWS, allRows, defaultRows, MAIN_ROWS } from './tableRows';

/** A row with every figure 0 but those given. */
function row(id: string, figures: Partial<AreaRow> = {}): AreaRow {
  const zero = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as AreaRow;
  const kind = id === 'donbas' || id === 'crimea' || id === 'ukraine' ? 'group' : 'region';
  return { ...zero, id, name: id, kind, ...figures };
}
const table = (changed: Record<string, Partial<AreaRow>>): AreaRow[] =>
  ALL_ROWS.map((id) => row(id, changed[id] ?? {}));

describe('defaultRows (the area table)', () => {
  it('shows the main rows alone when the scenario changes nothing elsewhere', () => {
    expect(defaultRows(table({ 'UA-14': { ceded_km2: 6000 } })).map((r) => r.id)).toEqual([...MAIN_ROWS]);
  });

  it('adds each other region the scenario changes, before Ukraine (the Kinburn Spit: Mykolaiv)', () => {
    const ids = defaultRows(table({ 'UA-48': { returned_km2: 135 } })).map((r) => r.id);
    expect(ids).toEqual([...MAIN_ROWS.slice(0, -1), 'UA-48', 'ukraine']);
  });

  it('counts a buffer or a strip as a change, not a rounding error', () => {
    const ids = defaultRows(
      table({ 'UA-12': { strip_km2: 40 }, 'UA-59': { buffer_km2: 3 }, 'UA-18': { ceded_km2: 0.2 } }),
    ).map((r) => r.id);
    expect(ids).toContain('UA-12');
    expect(ids).toContain('UA-59');
    expect(ids).not.toContain('UA-18');
    expect(ids.at(-1)).toBe('ukraine');
  });

  it('"All 27 regions" lists every row once', () => {
    const ids = allRows(table({})).map((r) => r.id);
    expect(ids).toHaveLength(REGION_IDS.length + 3);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
