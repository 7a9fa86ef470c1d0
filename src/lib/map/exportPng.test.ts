import { describe, expect, it } from 'vitest';
import { formatKm2 } from '../i18n/format';
import { legendLayout, wrap } from './exportPng';
import { legendEntries } from './legend';

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

describe('legendLayout (PNG legend rows)', () => {
  it('wraps entries to new rows inside the margins, every entry placed once', () => {
    const entries = legendEntries({
      classes: ['russia', 'ceded', 'buffer'],
      theme: 'light',
      locale: 'en',
      strip: true,
      frontline: true,
    });
    const placed = legendLayout(ctx, entries, 400);
    expect(placed.map((p) => p.entry.id)).toEqual(entries.map((e) => e.id));
    expect(placed.at(-1)!.row).toBeGreaterThan(0);
    for (const p of placed) expect(p.x + 17 + p.entry.label.length * 10).toBeLessThanOrEqual(400 - 16);
    expect(legendLayout(ctx, entries, 100_000).every((p) => p.row === 0)).toBe(true);
  });
});
