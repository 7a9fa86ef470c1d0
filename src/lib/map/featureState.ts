/**
 * Each feature's class as feature state, so a scenario switch changes no
 * data; and what the map was last told, so a change sends MapLibre only the
 * classes that differ (each touch costs the software renderer a repaint).
 * Pure: MapView applies what ClassStates returns. The dated source's own
 * diffing is in datedSource.ts.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { DrawClass, ScenarioDisplay } from './scenarioLayers';

/**
 * A feature's class on the map, as layers read it: the feature state `cls`
 * that ClassStates' changes set ('none' before the first).
 */
export const CLASS_OF: ExpressionSpecification = ['coalesce', ['feature-state', 'cls'], 'none'];

/** One feature state to set: the feature `id` of `source` is drawn as `cls` (null: not drawn). */
export interface ClassChange {
  source: 'regions' | 'pieces';
  id: string;
  cls: DrawClass | null;
}

/**
 * The class each feature was last given.
 *
 * @example
 *   const states = new ClassStates();
 *   states.changes(display, keyOf); // every feature, the first time
 *   states.changes(display, keyOf); // [] (nothing changed)
 */
export class ClassStates {
  private readonly applied = new Map<string, DrawClass | null>();

  /** The changes that make the map show `display`; `keyOf` maps a piece's fid to its key in the dated source. */
  changes(display: ScenarioDisplay, keyOf: ReadonlyMap<number, string>): ClassChange[] {
    const out: ClassChange[] = [];
    const note = (source: ClassChange['source'], id: string, cls: DrawClass | null): void => {
      const key = `${source}|${id}`;
      if (this.applied.has(key) && this.applied.get(key) === cls) return;
      this.applied.set(key, cls);
      out.push({ source, id, cls });
    };
    for (const [id, c] of display.regions) note('regions', id, c);
    for (const [fid, c] of display.pieces) {
      const id = keyOf.get(fid);
      if (id !== undefined) note('pieces', id, c);
    }
    return out;
  }
}
