/**
 * Calendar days as the data names them: `YYYY-MM-DD`, at UTC midnight. The
 * one place that turns such a string into a time and checks that it is a
 * real day (the file names, the manifest, the URL and a reader's own file all
 * ask).
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * The UTC midnight of a day.
 *
 * @example utcDay('2025-11-20').getTime() === Date.UTC(2025, 10, 20) // true
 */
export function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Whether a string is a real calendar day written YYYY-MM-DD (not 2025-02-30, not 2025-2-3).
 *
 * @example isCalendarDay('2024-02-29') // true; isCalendarDay('2025-02-29') // false
 */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = utcDay(value);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The day `n` days after a day (before it for a negative `n`).
 *
 * @example addDays('2025-12-31', 1) // '2026-01-01'
 */
export function addDays(iso: string, n: number): string {
  return new Date(utcDay(iso).getTime() + n * DAY_MS).toISOString().slice(0, 10);
}
