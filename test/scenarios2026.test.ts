/**
 * The plans of 2026 (anchorage-formula, framework-20-point, dmz-feb-2026) on
 * 2025-11-20, against expectations built by hand from the status quo's own
 * per-region figures of that date; the plan strip's width (--strip-km, the
 * page's strip_km); and the switcher's grouping by proposer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaRow } from '../src/lib/engine/areas';
import { snapshotOn } from '../src/lib/datafolder/manifest';
import { REGION_IDS } from '../src/lib/engine/regionMeta';
import { areaReport } from '../src/lib/engine/report';
import { CONTROL_KINDS } from '../src/lib/engine/rules';
import { SCENARIOS, scenarioById, scenarioGroups } from '../src/lib/engine/scenarioCatalog';
import { stripRegions, validateScenario, withStripWidth, type ScenarioDefinition } from '../src/lib/engine/scenarios';
import { scenarioStrip, type Strip } from '../src/lib/engine/strip';
import { formatUrlState, parseUrlState } from '../src/lib/state/url';
import { loadStripInput, readDataFolder, type DataFolder } from '../src/cli/store';
import { cli } from './helpers/cli';
import { TEST_DATA } from './helpers/paths';

const DATE = '2025-11-20';
const FIVE = ['UA-43', 'UA-40', 'UA-09', 'UA-14', 'UA-23', 'UA-65']; // Crimea, Sevastopol and the four oblasts
const FOUR = ['UA-14', 'UA-09', 'UA-23', 'UA-65'];

let ds: DataFolder;
let statusQuo: Map<string, AreaRow>;
/** A scenario's rows on DATE by id, with the strip computed when it has one. */
const rowsOf = (def: ScenarioDefinition, strip?: Strip | null): Map<string, AreaRow> =>
  new Map(
    areaReport(ds.manifest, ds.stats, snapshotOn(ds.manifest, DATE), def, { strip: strip?.areas }).rows.map((r) => [
      r.id,
      r,
    ]),
  );
const held = (r: AreaRow) => [r.ukraine_km2, r.russia_km2, r.buffer_km2, r.contested_km2, r.neutral_km2];

beforeAll(() => {
  ds = readDataFolder(TEST_DATA);
  statusQuo = rowsOf(scenarioById('status-quo'));
});

/** Every region's parts add up to its area, and every group's to the sum of its regions. */
function expectPartsAddUp(rows: Map<string, AreaRow>): void {
  for (const r of rows.values()) {
    const parts = CONTROL_KINDS.reduce((s, k) => s + r[`${k}_km2`], 0);
    expect(Math.abs(parts - r.area_km2), `${r.id}`).toBeLessThan(1e-6 * r.area_km2);
  }
  const regionSum = REGION_IDS.reduce((s, id) => s + rows.get(id)!.area_km2, 0);
  expect(rows.get('ukraine')!.area_km2).toBeCloseTo(regionSum, 6);
}

describe('anchorage-formula on 2025-11-20', () => {
  it('leaves Ukraine nothing of Donetsk or Luhansk, returns every region outside the five, keeps the south at the line', () => {
    const rows = rowsOf(scenarioById('anchorage-formula'));
    for (const id of ['UA-14', 'UA-09']) {
      expect(rows.get(id)!.ukraine_km2).toBe(0);
      expect(rows.get(id)!.ukraine_pct).toBe(0);
      expect(rows.get(id)!.russia_km2).toBeCloseTo(statusQuo.get(id)!.area_km2, 6);
    }
    // Kharkiv, Sumy, Dnipropetrovsk (where Russia holds land on the date), and every other region outside the five.
    for (const id of ['UA-63', 'UA-59', 'UA-12']) expect(statusQuo.get(id)!.russia_km2).toBeGreaterThan(100);
    for (const id of REGION_IDS.filter((x) => !FIVE.includes(x))) {
      expect(rows.get(id)!.russia_km2, id).toBe(0);
      expect(rows.get(id)!.returned_km2, id).toBeCloseTo(statusQuo.get(id)!.russia_km2, 6);
    }
    for (const id of ['UA-23', 'UA-65']) expect(held(rows.get(id)!)).toEqual(held(statusQuo.get(id)!));
    // Ukraine gives up exactly what it held in Donetsk and Luhansk.
    expect(rows.get('ukraine')!.ceded_km2).toBeCloseTo(
      statusQuo.get('UA-14')!.ukraine_km2 + statusQuo.get('UA-09')!.ukraine_km2,
      6,
    );
    expectPartsAddUp(rows);
  });
});

describe('dmz-feb-2026 on 2025-11-20', () => {
  it("makes Ukraine's part of Donetsk a neutral zone, leaves Russia's Donetsk and every other region as on the line", () => {
    const rows = rowsOf(scenarioById('dmz-feb-2026'));
    const d = rows.get('UA-14')!;
    const sq = statusQuo.get('UA-14')!;
    expect(sq.ukraine_km2).toBeGreaterThan(1000);
    // The daily series has no grey zone, so Ukraine's Donetsk is all there is outside Russia's.
    expect(d.neutral_km2).toBeCloseTo(sq.ukraine_km2 + sq.contested_km2, 6);
    expect(d.russia_km2).toBeCloseTo(sq.russia_km2, 6);
    expect([d.ukraine_km2, d.buffer_km2]).toEqual([0, 0]);
    for (const id of REGION_IDS.filter((x) => x !== 'UA-14')) {
      expect(held(rows.get(id)!), id).toEqual(held(statusQuo.get(id)!));
      expect(rows.get(id)!.neutral_km2).toBe(0);
    }
    // Not recognised as anyone's, so not Russia's: Ukraine's total drops by it, Russia's does not grow.
    expect(rows.get('ukraine')!.russia_km2).toBeCloseTo(statusQuo.get('ukraine')!.russia_km2, 6);
    expect(rows.get('ukraine')!.neutral_km2).toBeCloseTo(d.neutral_km2, 6);
    expectPartsAddUp(rows);
  });
});

describe('framework-20-point on 2025-11-20', () => {
  const strips = new Map<number, Strip>();
  beforeAll(() => {
    const input = loadStripInput(ds, snapshotOn(ds.manifest, DATE));
    for (const w of [5, 10, 40])
      strips.set(w, scenarioStrip(input, withStripWidth(scenarioById('framework-20-point'), w))!);
  }, 120_000);

  it('declares its strip in its file: 10 km by default, 5, 10 or 40, in the four oblasts', () => {
    const def = scenarioById('framework-20-point');
    expect(def.strip).toEqual({ default_km: 10, choices_km: [5, 10, 40], regions: FOUR });
    expect(def.strip_km).toBe(10);
    expect(stripRegions(def)).toEqual(FOUR);
  });

  it("holds exactly the status quo's land, at every width", () => {
    for (const [w, strip] of strips) {
      const rows = rowsOf(withStripWidth(scenarioById('framework-20-point'), w), strip);
      for (const [id, sq] of statusQuo) {
        expect(held(rows.get(id)!), `${w} km ${id}`).toEqual(held(sq));
        expect(rows.get(id)!.net_km2).toBe(0);
      }
      expectPartsAddUp(rows);
    }
  });

  it('has a strip that grows with W (5 < 10 < 40) in each of the four oblasts, and none outside them', () => {
    const km2 = (w: number, id: string) => strips.get(w)!.areas[id].km2;
    for (const id of FOUR) {
      expect(km2(5, id), id).toBeGreaterThan(100);
      expect(km2(10, id), id).toBeGreaterThan(km2(5, id));
      expect(km2(40, id), id).toBeGreaterThan(km2(10, id));
      const a = strips.get(10)!.areas[id];
      expect(a.ukraine_side_km2 + a.russia_side_km2).toBeCloseTo(a.km2, 6);
    }
    // Kharkiv, Dnipropetrovsk and Crimea lie on the line too, but the plan's strip is not theirs.
    for (const id of REGION_IDS.filter((x) => !FOUR.includes(x))) {
      for (const w of [5, 10, 40]) expect(km2(w, id), `${w} km ${id}`).toBe(0);
      expect(strips.get(40)!.paths.has(id)).toBe(false);
    }
    const rows = rowsOf(scenarioById('framework-20-point'), strips.get(10));
    expect(rows.get('ukraine')!.strip_km2).toBeCloseTo(
      FOUR.reduce((s, id) => s + km2(10, id), 0),
      6,
    );
  });
});

describe('where a strip may lie', () => {
  it('is never where the scenario moves the boundary away from the line', () => {
    expect(stripRegions(scenarioById('us-28-point'))).toEqual(['UA-23', 'UA-65']);
    expect(stripRegions(scenarioById('dmz-feb-2026'))).not.toContain('UA-14');
    expect(stripRegions(scenarioById('status-quo'))).toEqual([...REGION_IDS]);
    expect(stripRegions(scenarioById('borders-1991'))).toEqual([]);
  });

  it('is checked in a file: the default among the choices, widths in (0, 50], known regions', () => {
    const file = (strip: unknown) => ({ id: 'x', title: 'X', rules: { default: 'line', regions: {} }, strip });
    expect(() => validateScenario(file({ default_km: 7, choices_km: [5, 10], regions: [] }), 'f')).toThrow(
      /"strip.default_km" must be one of/,
    );
    expect(() => validateScenario(file({ default_km: 60, choices_km: [60], regions: [] }), 'f')).toThrow(
      /"strip.choices_km"/,
    );
    expect(() => validateScenario(file({ default_km: 5, choices_km: [5], regions: ['UA-99'] }), 'f')).toThrow(
      /"strip.regions"/,
    );
  });
});

describe('frontline areas --strip-km', () => {
  it('gives any scenario a strip of that width, only where it keeps the line', async () => {
    const r = await cli('areas', '--date', DATE, '--scenario', 'us-28-point', '--strip-km', '5', '--data', TEST_DATA);
    expect(r.code, r.err).toBe(0);
    const rows = new Map((JSON.parse(r.out).rows as AreaRow[]).map((x) => [x.id, x]));
    expect(rows.get('UA-23')!.strip_km2).toBeGreaterThan(100);
    expect(rows.get('UA-65')!.strip_km2).toBeGreaterThan(100);
    for (const id of ['UA-14', 'UA-09', 'UA-63', 'UA-43']) expect(rows.get(id)!.strip_km2, id).toBe(0);
    expect(JSON.parse(r.out).method.strip).toBeDefined();
  }, 120_000);

  it.each(['0', '-1', '50.5', '80', 'five', '5km', '', 'NaN', '1e1'])(
    'refuses --strip-km %j with one line and exit 2',
    async (w) => {
      const r = await cli('areas', '--date', DATE, '--scenario', 'status-quo', `--strip-km=${w}`, '--data', TEST_DATA);
      expect(r.code).toBe(2);
      // One line saying what is wrong (the usage follows, as for every usage error).
      expect(r.err.split('\n')[0]).toBe(
        `frontline areas: --strip-km must be a width in km greater than 0 and at most 50, not "${w}"`,
      );
      expect(r.out).toBe('');
    },
  );
});

describe('the URL parameter strip_km', () => {
  const IDS = SCENARIOS.map((s) => s.id);
  const parse = (q: string) => parseUrlState(q, IDS, SCENARIOS);
  it("takes one of the plan's widths", () => {
    expect(parse('?scenario=framework-20-point&strip_km=40').strip_km).toBe(40);
    expect(parse('?scenario=framework-20-point&strip_km=5').strip_km).toBe(5);
  });
  it.each([
    '?scenario=framework-20-point&strip_km=7',
    '?scenario=framework-20-point&strip_km=50',
    '?scenario=framework-20-point&strip_km=-5',
    '?scenario=framework-20-point&strip_km=40abc',
    '?scenario=framework-20-point&strip_km=4e1',
    '?scenario=framework-20-point&strip_km=%3Cscript%3E',
    `?scenario=framework-20-point&strip_km=${'4'.repeat(300)}`,
    '?scenario=us-28-point&strip_km=10',
    '?scenario=nope&strip_km=10',
    '?strip_km=10',
  ])('ignores %s (the plan keeps its default)', (q) => {
    const s = parse(q);
    expect(s.strip_km).toBeUndefined();
    // The rest of the link still reads.
    if (q.includes('framework')) expect(s.scenario).toBe('framework-20-point');
  });
  it('writes it after the scenario, and reads back what it wrote', () => {
    const q = formatUrlState({ scenario: 'framework-20-point', strip_km: 40, date: DATE, embed: false });
    expect(q).toBe('?scenario=framework-20-point&strip_km=40&date=2025-11-20');
    expect(parse(q)).toMatchObject({ scenario: 'framework-20-point', strip_km: 40, date: DATE });
    expect(formatUrlState({ strip_km: 40, embed: false })).toBe('');
  });
});

describe('the switcher groups', () => {
  it('are by proposer, in order, each by date, so a reader sees the proposals move', () => {
    expect(scenarioGroups(SCENARIOS).map((g) => [g.proposer, g.scenarios.map((s) => s.id)])).toEqual([
      ['reference', ['borders-1991', 'pre-2022', 'status-quo']],
      ['us', ['us-28-point', 'dmz-feb-2026']],
      ['europe', ['europe-counter']],
      ['ukraine-us', ['framework-20-point']],
      ['russia', ['russia-demand', 'anchorage-formula']],
    ]);
    // Every built-in plan says who proposed it, and is listed once.
    for (const s of SCENARIOS) expect(s.proposer, s.id).toBeDefined();
    expect(scenarioGroups(SCENARIOS).flatMap((g) => g.scenarios)).toHaveLength(SCENARIOS.length);
  });

  it('name every source with its address, and note where sources disagree (both languages)', () => {
    for (const id of ['anchorage-formula', 'framework-20-point', 'dmz-feb-2026']) {
      const s = scenarioById(id);
      expect(s.clause_is_quote).toBe(false);
      expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const src of [s.source, ...(s.sources ?? [])]) expect(src.url, src.name).toMatch(/^https?:\/\//);
      expect(s.note).toBeTruthy();
      expect(s.uk?.note).toBeTruthy();
    }
  });
});
