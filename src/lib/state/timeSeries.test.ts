import { describe, expect, it } from 'vitest';
import { lastMatch, type ReportedFigure, type SeriesPoint } from './timeSeries';

const pt = (date: string, kyivDonbas: number): SeriesPoint => ({
  date,
  id: date,
  kind: 'daily',
  kyivDonbas,
  russiaUkraine: 20,
});
const fig: ReportedFigure = {
  series: 'kyivDonbas',
  value: 14.5,
  date: '2025-11-20',
  label: 'chart.reported',
  source: 'y',
};

describe('lastMatch', () => {
  it('finds the last date the series crosses the reported value', () => {
    const pts = [
      pt('2025-01-01', 20),
      pt('2025-02-01', 14),
      pt('2025-03-01', 15),
      pt('2025-04-01', 13),
      pt('2025-05-01', 12),
    ];
    expect(lastMatch(pts, fig)).toBe('2025-04-01');
  });
  it('counts touching the value exactly', () => {
    expect(lastMatch([pt('2025-01-01', 16), pt('2025-02-01', 14.5), pt('2025-03-01', 16)], fig)).toBe('2025-02-01');
  });
  it('is null when the series never reaches it', () => {
    expect(lastMatch([pt('2025-01-01', 20), pt('2025-02-01', 19)], fig)).toBeNull();
  });
});
