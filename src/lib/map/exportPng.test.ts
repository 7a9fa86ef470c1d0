import { describe, expect, it } from 'vitest';
import { formatKm2 } from '../i18n/format';
import { wrap } from './exportPng';

// One character = 10 px, so line widths are easy to check by hand.
const ctx = { measureText: (s: string) => ({ width: s.length * 10 }) as TextMetrics };

describe('wrap (PNG export text)', () => {
  it('breaks at spaces to fit the width', () => {
    expect(wrap(ctx, 'aaa bbb ccc', 70)).toEqual(['aaa bbb', 'ccc']);
  });

  it('never breaks a number from its unit or inside a Ukrainian number (no-break spaces)', () => {
    const text = `віддала б ${formatKm2(6282, 'uk')} землі`; // "6 282 км²" with no-break spaces
    const lines = wrap(ctx, text, 120);
    expect(lines).toContain(formatKm2(6282, 'uk'));
    expect(lines.join(' ')).toBe(text);
  });
});
