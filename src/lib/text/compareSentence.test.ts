import { describe, expect, it } from 'vitest';
import { computeAreas } from '../engine/areas';
import { areaDifference, largestDifference } from '../engine/difference';
import { REGIONS } from '../engine/regions';
import { scenarioById } from '../engine/scenarioCatalog';
import { formatKm2, formatPercent } from '../i18n/format';
import { compareKind, compareSentence, sideLabel } from './compareSentence';

// Every region 1,000 km²; `held` is what Russia holds on a date.
const rows = (id: string, held: Record<string, number>) =>
  computeAreas(scenarioById(id), {
    overlays: REGIONS.map((r) => ({
      id: r.id,
      area_km2: 1000,
      occupied_km2: held[r.id] ?? 0,
      contested_km2: 0,
      sliver_km2: 0,
    })),
    ordlo: {},
    raw: false,
  });
const NOV = { 'UA-14': 600, 'UA-09': 1000, 'UA-23': 300, 'UA-43': 1000, 'UA-40': 1000 };
const side = (id: string, date = '2025-11-20') => ({ scenario: scenarioById(id), date });

describe('compareSentence', () => {
  it('two plans: the US draft takes the 400 km² Kyiv holds of Donetsk, the status quo leaves them', () => {
    const diff = areaDifference(rows('us-28-point', NOV), rows('status-quo', NOV));
    expect(largestDifference(diff)!.id).toBe('UA-14');
    expect(compareSentence(side('us-28-point'), side('status-quo'), diff)).toBe(
      `The status quo leaves Kyiv ${formatKm2(400)} more of Donetsk Oblast than the US 28-point draft (a share of ${formatPercent(40)} against ${formatPercent(0)}).`,
    );
    // The other way round, less; in Ukrainian with its own number format and the genitive.
    const back = areaDifference(rows('status-quo', NOV), rows('us-28-point', NOV));
    expect(compareSentence(side('status-quo'), side('us-28-point'), back, 'uk')).toBe(
      `За американським проєктом із 28 пунктів Київ тримав би на ${formatKm2(400, 'uk')} менше Донецької області, ніж за статус-кво (частка ${formatPercent(0, 'uk')} проти ${formatPercent(40, 'uk')}).`,
    );
  });

  it('two dates: the largest change is named; a tie goes to Donetsk', () => {
    // Russia takes 100 km² more of Donetsk and 100 more of Zaporizhzhia (tie), 50 of Kharkiv.
    const later = { ...NOV, 'UA-14': 700, 'UA-23': 400, 'UA-63': 50 };
    const diff = areaDifference(rows('status-quo', NOV), rows('status-quo', later));
    expect(largestDifference(diff)!.id).toBe('UA-14');
    expect(compareSentence(side('status-quo'), side('status-quo', '2026-08-22'), diff)).toBe(
      `On 22 August 2026 Kyiv holds ${formatKm2(100)} less of Donetsk Oblast than on 20 November 2025 (a share of ${formatPercent(30)} against ${formatPercent(40)}).`,
    );
    // Without the tie, the larger one wins wherever it is.
    const zap = areaDifference(rows('status-quo', NOV), rows('status-quo', { ...NOV, 'UA-23': 500 }));
    expect(largestDifference(zap)!.id).toBe('UA-23');
  });

  it('no difference: says so, and names no region', () => {
    const diff = areaDifference(rows('us-28-point', NOV), rows('us-28-point', NOV));
    expect(largestDifference(diff)).toBeNull();
    const s = compareSentence(side('us-28-point'), side('us-28-point', '2025-12-01'), diff);
    expect(s).toBe(
      'Under the US 28-point draft, Kyiv would hold the same land on 1 December 2025 as on 20 November 2025: no difference in any region.',
    );
    // Under half a km² is no difference either (it rounds to 0 on the page).
    const tiny = areaDifference(rows('status-quo', NOV), rows('status-quo', { ...NOV, 'UA-14': 600.4 }));
    expect(largestDifference(tiny)).toBeNull();
  });

  it('kinds and labels', () => {
    expect(compareKind(side('us-28-point'), side('status-quo'))).toBe('plans');
    expect(compareKind(side('status-quo'), side('status-quo', '2024-01-01'))).toBe('dates');
    expect(compareKind(side('us-28-point'), side('us-28-point', '2024-01-01'))).toBe('planDates');
    expect(compareKind(side('us-28-point'), side('status-quo', '2024-01-01'))).toBe('both');
    expect(sideLabel(side('us-28-point'))).toBe('US 28-point draft · 20 November 2025');
    expect(sideLabel(side('us-28-point'), 'uk')).toBe('Американський проєкт із 28 пунктів · 20 листопада 2025 р.');
  });
});
