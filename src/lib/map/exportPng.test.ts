import { describe, expect, it } from 'vitest';
import { formatKm2 } from '../i18n/format';
import { drawDate, PNG_LEGEND, wrap } from './exportPng';
import { legendLayout } from './legendCanvas';
import { legendEntries } from './legend';
import { EXPORT_INK } from './palette';

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
    const placed = legendLayout(ctx, entries, 400, PNG_LEGEND);
    expect(placed.map((p) => p.entry.id)).toEqual(entries.map((e) => e.id));
    expect(placed.at(-1)!.row).toBeGreaterThan(0);
    for (const p of placed) expect(p.x + 17 + p.entry.label.length * 10).toBeLessThanOrEqual(400 - 16);
    expect(legendLayout(ctx, entries, 100_000, PNG_LEGEND).every((p) => p.row === 0)).toBe(true);
  });
});

describe('drawDate (the date large on the exported map)', () => {
  it('writes the date in bold 28 px over a veil that holds it, just inside the map', () => {
    const calls: string[] = [];
    const rec = {
      font: '',
      fillStyle: '' as CanvasRenderingContext2D['fillStyle'],
      measureText: (s: string) => ({ width: s.length * 10 }) as TextMetrics,
      fillRect: (x: number, y: number, w: number, h: number) => calls.push(`rect ${rec.fillStyle} ${x},${y} ${w}x${h}`),
      fillText: (s: string, x: number, y: number) =>
        calls.push(`text ${rec.font.split(' ').slice(0, 2).join(' ')} ${rec.fillStyle} ${s} ${x},${y}`),
    };
    drawDate(rec, '20 листопада 2025 р.', 100, EXPORT_INK.light);
    const width = '20 листопада 2025 р.'.length * 10;
    expect(calls).toEqual([
      `rect ${EXPORT_INK.light.veil} 10,110 ${width + 20}x40`,
      `text bold 28px ${EXPORT_INK.light.fg} 20 листопада 2025 р. 20,140`,
    ]);
  });
});
