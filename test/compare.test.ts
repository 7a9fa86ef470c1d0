/**
 * Compare (issue 14.2): the page's compared figures (engine/difference.ts on
 * the page's engine call) equal the difference of two CLI runs, for two plans
 * on one date and for one plan on two dates; and the sentence names the
 * engine's number.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaRow } from '../src/lib/engine/areas';
import { areaDifference, COMPARED_KEYS, largestDifference, sideReport } from '../src/lib/engine/difference';
import { snapshotOn } from '../src/lib/datafolder/manifest';
import { scenarioById } from '../src/lib/engine/scenarioCatalog';
import { formatKm2 } from '../src/lib/i18n/format';
import { compareSentence } from '../src/lib/text/compareSentence';
import { loadStripInput, readDataFolder, type DataFolder } from '../src/cli/store';
import { stripRegions } from '../src/lib/engine/scenarios';
import { computeStrip } from '../src/lib/engine/strip';
import { customScenario, scenarioFileOf } from '../src/lib/state/customScenario';
import { cli } from './helpers/cli';
import { TEST_DATA } from './helpers/paths';

const D = ['--data', TEST_DATA];
let ds: DataFolder;
beforeAll(() => {
  ds = readDataFolder(TEST_DATA);
});

/** The CLI's JSON rows of one run. */
async function cliRows(...args: string[]): Promise<Map<string, AreaRow>> {
  const r = await cli('areas', ...args, ...D);
  expect(r.code, r.err).toBe(0);
  return new Map((JSON.parse(r.out) as { rows: AreaRow[] }).rows.map((row) => [row.id, row]));
}

/** The page's side: the same call CompareState makes. */
const pageRows = (date: string, id: string): AreaRow[] =>
  sideReport(ds.manifest, ds.stats, snapshotOn(ds.manifest, date), scenarioById(id)).rows;

/** Every row's B − A equals the two CLI runs' difference (the CLI rounds km² to 0.01 and shares to 0.001). */
function expectCliDifference(
  diff: ReturnType<typeof areaDifference>,
  a: Map<string, AreaRow>,
  b: Map<string, AreaRow>,
): void {
  expect(diff).toHaveLength(a.size);
  for (const row of diff)
    for (const k of COMPARED_KEYS) {
      const tolerance = k.endsWith('_pct') ? 0.0011 : 0.011;
      expect(Math.abs(row.diff[k] - (b.get(row.id)![k] - a.get(row.id)![k])), `${row.id} ${k}`).toBeLessThan(tolerance);
    }
}

describe('compare figures against two CLI runs', () => {
  it('a custom plan with its own 5 km strip as side B: its figures need the strip, and equal the CLI run of its file', async () => {
    const plan = customScenario(
      'Donbas buffer',
      'us-28-point',
      { default: 'ukraine', regions: { 'UA-14': 'buffer', 'UA-23': 'line' } },
      5,
    );
    const entry = snapshotOn(ds.manifest, '2025-11-20');
    expect(() => sideReport(ds.manifest, ds.stats, entry, plan)).toThrow(/5 km strip: pass its areas/);
    const strip = computeStrip(loadStripInput(ds, entry), 5, stripRegions(plan)).areas;
    const rows = sideReport(ds.manifest, ds.stats, entry, plan, strip).rows;
    const file = join(mkdtempSync(join(tmpdir(), 'frontline-compare-')), 'custom.json');
    writeFileSync(file, scenarioFileOf(plan));
    const b = await cliRows('--date', '2025-11-20', '--scenario-file', file);
    const a = await cliRows('--date', '2025-11-20', '--scenario', 'us-28-point');
    expectCliDifference(areaDifference(pageRows('2025-11-20', 'us-28-point'), rows), a, b);
    expect(Number(b.get('UA-23')!.strip_km2)).toBeGreaterThan(0); // the strip lies where the line is kept
    for (const r of rows) expect(r.strip_km2, r.id).toBeCloseTo(Number(b.get(r.id)!.strip_km2), 1);
  });

  it('two plans on 2025-11-20: framework-20-point against us-28-point', async () => {
    const [a, b] = await Promise.all([
      cliRows('--date', '2025-11-20', '--scenario', 'us-28-point'),
      cliRows('--date', '2025-11-20', '--scenario', 'framework-20-point'),
    ]);
    const diff = areaDifference(pageRows('2025-11-20', 'us-28-point'), pageRows('2025-11-20', 'framework-20-point'));
    expectCliDifference(diff, a, b);
    // The US draft cedes all of Donetsk; the framework keeps the line: the difference is Kyiv's part of Donetsk.
    const top = largestDifference(diff)!;
    expect(top.id).toBe('UA-14');
    expect(top.diff.ukraine_km2).toBeCloseTo(b.get('UA-14')!.ukraine_km2 - a.get('UA-14')!.ukraine_km2, 1);
    expect(top.diff.ukraine_km2).toBeGreaterThan(1000);
    const sentence = compareSentence(
      { scenario: scenarioById('us-28-point'), date: '2025-11-20' },
      { scenario: scenarioById('framework-20-point'), date: '2025-11-20' },
      diff,
    );
    expect(sentence).toContain(formatKm2(b.get('UA-14')!.ukraine_km2 - a.get('UA-14')!.ukraine_km2));
    expect(sentence).toMatch(
      /^The 20-point framework leaves Kyiv .* more of Donetsk Oblast than the US 28-point draft/,
    );
  });

  it('one plan on two dates: the status quo on 2024-11-20 and 2025-11-20', async () => {
    const [a, b] = await Promise.all([
      cliRows('--date', '2024-11-20', '--scenario', 'status-quo'),
      cliRows('--date', '2025-11-20', '--scenario', 'status-quo'),
    ]);
    const diff = areaDifference(pageRows('2024-11-20', 'status-quo'), pageRows('2025-11-20', 'status-quo'));
    expectCliDifference(diff, a, b);
    // The front moved west through the year: Kyiv holds less of Donbas on the later date.
    expect(diff.find((r) => r.id === 'donbas')!.diff.ukraine_km2).toBeLessThan(0);
    // Each side's parts still add up: the groups' differences are the sums of their regions'.
    const donbas = diff.filter((r) => r.id === 'UA-14' || r.id === 'UA-09');
    expect(donbas.reduce((s, r) => s + r.diff.russia_km2, 0)).toBeCloseTo(
      diff.find((r) => r.id === 'donbas')!.diff.russia_km2,
      6,
    );
    const sentence = compareSentence(
      { scenario: scenarioById('status-quo'), date: '2024-11-20' },
      { scenario: scenarioById('status-quo'), date: '2025-11-20' },
      diff,
    );
    const top = largestDifference(diff)!;
    expect(sentence).toContain(formatKm2(Math.abs(top.diff.ukraine_km2)));
    expect(sentence).toMatch(/^On 20 November 2025 Kyiv holds .* less of .* than on 20 November 2024/);
  });
});
