import { describe, expect, it } from 'vitest';
import { computeAreas } from '../engine/areas';
import { REGIONS } from '../engine/regions';
import { scenarioById } from '../engine/scenarioCatalog';
import { fmtKm2, fmtPct } from './format';
import { headline } from './headline';

// Every region 1,000 km²; Russia holds 600 of Donetsk, all of Luhansk and 100 of Kharkiv.
const held: Record<string, number> = { 'UA-14': 600, 'UA-09': 1000, 'UA-63': 100 };
const overlays = REGIONS.map((r) => ({
  id: r.id,
  area_km2: 1000,
  occupied_km2: held[r.id] ?? 0,
  contested_km2: 0,
  sliver_km2: 0,
}));
const rows = (id: string) => computeAreas(scenarioById(id), { overlays, ordlo: {}, raw: false });

describe('headline', () => {
  it('without a snapshot, says nothing about giving up or returning land', () => {
    expect(headline(scenarioById('russia-demand'), rows('russia-demand'), null)).toBe(
      `Under Russia's demand, Kyiv would hold ${fmtPct(0)} of Donbas; Russia would hold ${fmtPct((100 * 6100) / 27000)} of Ukraine.`,
    );
  });

  it('status quo: Kyiv holds 400 of 2,000 km² of Donbas', () => {
    expect(headline(scenarioById('status-quo'), rows('status-quo'), '2025-11-20')).toBe(
      `On 20 November 2025, Kyiv held ${fmtPct(20)} of Donbas (${fmtKm2(400)}) and Russia ${fmtPct((100 * 1700) / 27000)} of Ukraine (${fmtKm2(1700)}).`,
    );
  });

  it("US draft: the buffer is Kyiv's 400 km² of Donetsk; Kharkiv's 100 km² are returned", () => {
    const text = headline(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20');
    expect(text).toContain(`Kyiv would hold ${fmtPct(0)} of Donbas`);
    expect(text).toContain(`${fmtKm2(400)} of Donetsk Oblast as a demilitarised buffer zone`);
    expect(text).toContain(`Russia would return ${fmtKm2(100)}`);
  });
});

describe('altText', () => {
  it('describes the US draft in one or two sentences', async () => {
    const { altText } = await import('./altText');
    const text = altText(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20');
    expect(text).toBe(
      // Crimea and Sevastopol are Ukrainian-held in these made-up figures, so Ukraine also gives up their 2,000 km².
      // "Including the buffer zone" counts its 400 km² in both shares: Ukraine's 3,600 + 400 of 27,000 km².
      `Map: under the US 28-point draft, Ukraine would leave ${fmtKm2(400)} of Donetsk Oblast, which becomes a demilitarised zone; Ukraine would give up another ${fmtKm2(2000)}; Russia would return ${fmtKm2(100)}. Russia would hold ${fmtPct((100 * (3600 + 400)) / 27000)} of Ukraine and ${fmtPct(100)} of Donbas including the buffer zone, against the line of contact on 20 November 2025.`,
    );
  });

  it('names the regions the line of contact crosses in the status quo', async () => {
    const { altText } = await import('./altText');
    expect(altText(scenarioById('status-quo'), rows('status-quo'), '2025-11-20')).toContain(
      'The line of contact runs through Donetsk, Kharkiv.',
    );
  });
  it('a custom scenario with a strip reports the strip on its own', () => {
    const def = { ...scenarioById('us-28-point'), id: 'custom', phrase: '“Test”', strip_km: 5 };
    const strip = {
      'UA-14': { km2: 50, ukraine_side_km2: 30, russia_side_km2: 20 },
      'UA-63': { km2: 10, ukraine_side_km2: 4, russia_side_km2: 6 },
    };
    const text = headline(def, computeAreas(def, { overlays, ordlo: {}, raw: false, strip }), '2025-11-20');
    expect(text).toContain(
      `a demilitarised strip of 5\u00a0km each side of the line would cover ${fmtKm2(60)} (${fmtKm2(34)} on the side Ukraine holds)`,
    );
    expect(headline(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20')).not.toContain('strip');
  });
  it('counts the towns that change hands and their people', () => {
    const z = (count: number, population: number) => ({ count, population });
    const totals = { buffer: z(2, 250000), neutral: z(0, 0), ceded: z(0, 0), returned: z(1, 5000), all: z(3, 255000) };
    const text = headline(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20', 'en', totals);
    expect(text).toContain(
      'The buffer zone takes in 2 towns home to 250,000 people before the war; 1 town home to 5,000 people before the war would return to Ukraine.',
    );
    expect(
      headline(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20', 'en', {
        ...totals,
        buffer: z(0, 0),
        returned: z(0, 0),
        all: z(0, 0),
      }),
    ).not.toContain('town');
  });
});

describe('in Ukrainian', () => {
  it('headline and alt text use the Ukrainian phrase, names and number formats', async () => {
    const { altText } = await import('./altText');
    const us = headline(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20', 'uk');
    expect(us).toBe(
      `За американським проєктом із 28 пунктів Київ контролював би ${fmtPct(0, 'uk')} Донбасу; Україна віддала б ${fmtKm2(2400, 'uk')}, які контролює станом на 20 листопада 2025 р. (з них ${fmtKm2(400, 'uk')} Донецької області як демілітаризовану буферну зону); Росія повернула б ${fmtKm2(100, 'uk')}; Росія контролювала б ${fmtPct((100 * 3600) / 27000, 'uk')} України.`,
    );
    expect(fmtKm2(2400, 'uk')).toBe('2\u00a0400\u00a0км²');
    const alt = altText(scenarioById('status-quo'), rows('status-quo'), '2025-11-20', 'uk');
    expect(alt).toContain('Лінія зіткнення проходить областями: Донецька, Харківська.');
    expect(alt).toContain('Дані: DeepStateMap.');
  });

  it('a plan\'s alt text ends on the date\'s "р." with one full stop, not two', async () => {
    const { altText } = await import('./altText');
    const alt = altText(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20', 'uk');
    expect(alt).toMatch(/20 листопада 2025 р\.$/);
    expect(alt).not.toContain('..');
    expect(altText(scenarioById('us-28-point'), rows('us-28-point'), '2025-11-20', 'en')).toMatch(/2025\.$/);
  });

  it("the towns' credit is in the page's language and names GeoNames once", async () => {
    const { translate } = await import('../i18n/messages');
    const uk = translate('uk', 'places.credit', { min: '5 000' });
    expect(uk).toBe('Міста з населенням від 5 000 осіб. Населені пункти: GeoNames (geonames.org), CC BY 4.0');
    expect(translate('en', 'places.credit', { min: '5,000' }).match(/GeoNames/g)).toHaveLength(1);
  });
});
