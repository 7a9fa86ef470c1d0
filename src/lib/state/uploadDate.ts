/**
 * The date a reader's file gives in its own properties, for a file whose
 * name has none: the page offers it in the date prompt (UploadLine). Pure,
 * no DOM.
 */
import { FIRST_YEAR, LAST_YEAR } from '../engine/snapshotYears';
import { isCalendarDay } from '../engine/calendar';

/** Property names that date a file, most telling first (compared without case). */
export const DATE_KEYS = ['date', 'datetime', 'valid_from', 'updated', 'updated_at', 'last_updated', 'timestamp'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** YYYY-MM-DD if it is a real calendar date within FIRST_YEAR..LAST_YEAR, else null. */
function realDate(date: string): string | null {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return isCalendarDay(date) ? date : null;
}

/**
 * One property value as a UTC date: an ISO date, an ISO date-time (with an
 * offset it is converted to UTC; without one its own date is taken), or a
 * unix time in seconds or milliseconds (a number or a string of digits).
 */
function dateOfValue(value: unknown): string | null {
  if (typeof value === 'string' && /^\d{9,13}$/.test(value.trim())) return dateOfValue(Number(value));
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // Below 1e11 it is seconds (until the year 5138), above it milliseconds.
    const d = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(d.getTime()) ? null : realDate(d.toISOString().slice(0, 10));
  }
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  if (!realDate(day)) return null;
  if (!m[7]) return day;
  const d = new Date(value.trim().replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : realDate(d.toISOString().slice(0, 10));
}

/** The first dating key of an object (DATE_KEYS order, any case) whose value reads as a date. */
function dateOfObject(o: unknown): string | null {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return null;
  const byKey = new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of DATE_KEYS) {
    const date = dateOfValue(byKey.get(key));
    if (date) return date;
  }
  return null;
}

/**
 * The date a GeoJSON file gives itself, or null: the FeatureCollection's (or
 * Feature's) top-level members first, then its `properties` or `metadata`
 * object, else the latest date among its features' properties. Keys as in
 * DATE_KEYS; values ISO dates or date-times, or unix seconds or milliseconds.
 *
 * @example dateFromProperties({ type: 'FeatureCollection', updated_at: 1763683200, features: [] }) // '2025-11-21'
 */
export function dateFromProperties(json: unknown): string | null {
  if (!json || typeof json !== 'object') return null;
  const top = json as { properties?: unknown; metadata?: unknown; features?: unknown };
  const own = dateOfObject(top) ?? dateOfObject(top.properties) ?? dateOfObject(top.metadata);
  if (own) return own;
  if (!Array.isArray(top.features)) return null;
  let latest: string | null = null;
  for (const f of top.features as unknown[]) {
    const date = dateOfObject((f as { properties?: unknown } | null)?.properties);
    if (date && (!latest || date > latest)) latest = date;
  }
  return latest;
}
