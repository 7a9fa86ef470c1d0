/** Calendar days (engine/calendar.ts), against days checked by hand. */
import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDay, utcDay } from '../src/lib/engine/calendar';

describe('calendar days', () => {
  it('reads a day as its UTC midnight', () => {
    expect(utcDay('2025-11-20').getTime()).toBe(Date.UTC(2025, 10, 20));
    expect(utcDay('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('knows real days from impossible or loosely written ones', () => {
    for (const d of ['2024-02-29', '2025-12-31', '2022-02-24', '0001-01-01']) expect(isCalendarDay(d), d).toBe(true);
    for (const d of [
      '2025-02-29',
      '2025-02-30',
      '2025-13-01',
      '2025-00-10',
      '2025-1-5',
      '20250101',
      '2025-11-20T00:00',
      ' 2025-11-20',
      '',
    ])
      expect(isCalendarDay(d), d).toBe(false);
  });

  it('counts days across months, years and a leap day', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-11-20', 0)).toBe('2025-11-20');
  });
});
