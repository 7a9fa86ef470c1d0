import { describe, expect, it } from 'vitest';
import { lastAtReported, REPORTED, type ReportedFigure, type SeriesPoint } from './timeSeries';

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
  decimals: 1,
  date: '2025-11-20',
  label: 'chart.reported',
  source: 'y',
};

describe('lastAtReported', () => {
  it('is the last date the share, rounded to one decimal, is at least the reported value', () => {
    const pts = [
      pt('2025-01-01', 20),
      pt('2025-02-01', 14.52),
      pt('2025-03-01', 14.46), // shows as 14.5 %: still "about 14.5 %"
      pt('2025-04-01', 14.44), // shows as 14.4 %
      pt('2025-05-01', 12),
    ];
    expect(lastAtReported(pts, fig)).toBe('2025-03-01');
  });
  it('takes the last such date when the series comes back up to it', () => {
    const pts = [pt('2025-01-01', 16), pt('2025-02-01', 14), pt('2025-03-01', 14.5), pt('2025-04-01', 13)];
    expect(lastAtReported(pts, fig)).toBe('2025-03-01');
  });
  it('is the last date when the series never falls below, and null when it never reaches it', () => {
    expect(lastAtReported([pt('2025-01-01', 16), pt('2025-02-01', 15)], fig)).toBe('2025-02-01');
    expect(lastAtReported([pt('2025-01-01', 14.44), pt('2025-02-01', 9)], fig)).toBeNull();
    expect(lastAtReported([], fig)).toBeNull();
  });
  it('the page reports Kyiv\'s "about 14.5 %" of Donbas with one decimal', () => {
    expect(REPORTED[0]).toMatchObject({ series: 'kyivDonbas', value: 14.5, decimals: 1 });
  });
});
