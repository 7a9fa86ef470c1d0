/**
 * Which rows the area table shows: by default the regions every plan is
 * about and, after them, every other region the chosen scenario changes
 * (land ceded, returned, made a zone of the rule table or a strip), so a plan's change is
 * never hidden behind "All 27 regions"; that button shows every row.
 */
import { MIN_CHANGE_KM2, type AreaRow } from '../engine/areas';
import { REGION_IDS } from '../engine/regionMeta';
import { ZONES } from '../engine/rules';

/** The rows always shown first, in this order. */
export const MAIN_ROWS = ['UA-14', 'UA-09', 'donbas', 'crimea', 'UA-23', 'UA-65', 'UA-63', 'ukraine'] as const;
/** Every row, in the table's order. */
export const ALL_ROWS = ['donbas', 'crimea', ...REGION_IDS, 'ukraine'] as const;

/** Whether the scenario changes anything in a row against the line of contact. */
function changes(r: AreaRow): boolean {
  return [r.ceded_km2, r.returned_km2, ...ZONES.map((z) => r[`${z}_km2`]), r.strip_km2].some(
    (v) => v >= MIN_CHANGE_KM2,
  );
}

/**
 * The default rows: MAIN_ROWS, with each other region the scenario changes
 * (in ALL_ROWS order) before the whole of Ukraine. Only rows present in `rows`.
 *
 * @example
 *   // The European counter-proposal returns the Kinburn Spit: Mykolaiv (UA-48) is shown.
 *   defaultRows(rows).map((r) => r.id); // [..., 'UA-63', 'UA-48', 'ukraine']
 */
export function defaultRows(rows: readonly AreaRow[]): AreaRow[] {
  const main: readonly string[] = MAIN_ROWS;
  const extra = ALL_ROWS.filter((id) => !main.includes(id)).filter((id) =>
    rows.some((r) => r.id === id && r.kind === 'region' && changes(r)),
  );
  const ids = [...MAIN_ROWS.slice(0, -1), ...extra, 'ukraine'];
  return pick(rows, ids);
}

/** Every row, in the table's order. */
export function allRows(rows: readonly AreaRow[]): AreaRow[] {
  return pick(rows, ALL_ROWS);
}

function pick(rows: readonly AreaRow[], ids: readonly string[]): AreaRow[] {
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is AreaRow => Boolean(r));
}
