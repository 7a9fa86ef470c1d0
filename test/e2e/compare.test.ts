/**
 * Compare in real Chromium (issue 14.2): two plans side by side on one date,
 * both maps drawn, synced, the divider moved by keyboard, the sentence the
 * engine's; two dates (the nearest snapshot, in dark); the phone's A | B
 * toggle; the embed keeps the comparison; side B draws its plan's own strip
 * with the CLI's km². Screenshots:
 * test/artifacts/screenshots/compare-*.png.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nearestSnapshot, snapshotOn } from '../../src/lib/datafolder/manifest';
import { areaDifference, sideReport } from '../../src/lib/engine/difference';
import { SCENARIOS, scenarioById } from '../../src/lib/engine/scenarioCatalog';
import { stripRegions, type ScenarioDefinition } from '../../src/lib/engine/scenarios';
import { computeStrip } from '../../src/lib/engine/strip';
import { parseUrlState } from '../../src/lib/state/url';
import { compareSentence } from '../../src/lib/text/compareSentence';
import { loadStripInput, readDataFolder, type DataFolder } from '../../src/cli/store';
import { appUnderTest, SHOTS } from '../helpers/app';
import { cli } from '../helpers/cli';
import { colourAt, decodePng, embedCode, REFERENCE_DATE, waitForIdle } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
const QUERY = '?scenario=us-28-point&compare=framework-20-point&date=2025-11-20';
let ds: DataFolder;
beforeAll(() => {
  ds = readDataFolder(TEST_DATA);
});

/** The sentence the engine gives for side A and side B (the page must show exactly it). */
function expected(
  a: string | ScenarioDefinition,
  dateA: string,
  b: string | ScenarioDefinition,
  dateB: string,
): string {
  const plan = (s: string | ScenarioDefinition) => (typeof s === 'string' ? scenarioById(s) : s);
  const rows = (s: string | ScenarioDefinition, d: string) => {
    const p = plan(s);
    const entry = snapshotOn(ds.manifest, d);
    // A custom plan's own strip is part of its figures (a catalogue plan's is left out: sideReport).
    const strip =
      p.strip_km !== undefined && !p.strip
        ? computeStrip(loadStripInput(ds, entry), p.strip_km, stripRegions(p)).areas
        : undefined;
    return sideReport(ds.manifest, ds.stats, entry, p, strip).rows;
  };
  return compareSentence(
    { scenario: plan(a), date: dateA },
    { scenario: plan(b), date: dateB },
    areaDifference(rows(a, dateA), rows(b, dateB)),
  );
}

/** Both maps drawn: the page's (side A) and the compared one (side B). */
async function bothIdle(page: Page, a: string, b: string, dateB = REFERENCE_DATE): Promise<void> {
  await waitForIdle(page, a);
  await page.waitForFunction((want) => document.body.dataset.compareIdle === want, `${b}|${dateB}`, {
    timeout: 60_000,
  });
}

/** The strip a map draws: [region, width km, km²] per feature (`compare`: side B's map). */
async function stripOf(page: Page, which: 'map' | 'compare'): Promise<[string, number, number][]> {
  return page.evaluate((w) => {
    type Maps = { frontline: { map: import('maplibre-gl').Map; compare: { map: import('maplibre-gl').Map } } };
    const f = (window as unknown as Maps).frontline;
    const m = w === 'map' ? f.map : f.compare.map;
    const data = (m.getSource('strip') as import('maplibre-gl').GeoJSONSource).serialize()
      .data as import('geojson').FeatureCollection;
    return data.features.map((x) => [x.properties!.region, x.properties!.width_km, x.properties!.area_km2]);
  }, which) as Promise<[string, number, number][]>;
}

/** The page's headline as it reads (the comparison's sentence while comparing). */
async function headlineOf(page: Page): Promise<string | undefined> {
  return (await page.getByTestId('headline').textContent())?.trim();
}

async function shot(page: Page, name: string): Promise<void> {
  writeFileSync(join(SHOTS, `compare-${name}.png`), await page.screenshot());
}

/** The embed's address the page's Embed dialog gives (set by the first case, opened by the last). */
let embedSrc = '';

describe('compare', () => {
  it('desktop: two plans, both maps idle and synced, the engine sentence, the divider by keyboard, the URL kept', async () => {
    const page = await app.open(QUERY);
    await bothIdle(page, 'us-28-point', 'framework-20-point');
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(2);
    const sentence = expected('us-28-point', REFERENCE_DATE, 'framework-20-point', REFERENCE_DATE);
    expect(sentence).toMatch(/^The 20-point framework leaves Kyiv [\d,]+\skm² more of Donetsk Oblast/);
    await expect.poll(() => headlineOf(page)).toBe(sentence);
    expect(await page.getByTestId('label-a').textContent()).toContain('US 28-point draft · 20 November 2025');
    expect(await page.getByTestId('label-b').textContent()).toContain('20-point framework · 20 November 2025');
    // Side B draws its plan's own strip (the page's plan, the US draft, has none): the four oblasts it names, at
    // the plan's default 10 km, each with the km² the CLI gives; the legend shows the strip.
    const stripB = () => stripOf(page, 'compare');
    await expect.poll(async () => (await stripB()).length, { timeout: 60_000 }).toBe(4);
    const r = await cli('areas', '--date', REFERENCE_DATE, '--scenario', 'framework-20-point', '--data', TEST_DATA);
    expect(r.code, r.err).toBe(0);
    const cliStrip = (JSON.parse(r.out).rows as { id: string; kind: string; strip_km2: number }[])
      .filter((x) => x.kind === 'region' && x.strip_km2 > 0)
      .map((x) => [x.id, 10, x.strip_km2]);
    const drawn = (await stripB()).map(([id, km, area]) => [id, km, Math.round(Number(area) * 100) / 100]);
    expect(drawn.sort()).toEqual(cliStrip.sort());
    expect(await page.locator('.legend [data-class="strip"]').count()).toBe(1);
    // The views follow each other both ways.
    type Handle = { frontline: { map: import('maplibre-gl').Map; compare: { map: import('maplibre-gl').Map } } };
    const centre = (which: 'map' | 'compareMap') =>
      page.evaluate((w) => {
        const f = (window as unknown as Handle).frontline;
        const m = w === 'map' ? f.map : f.compare.map;
        return [m.getCenter().lng, m.getCenter().lat, m.getZoom()].map((x) => Math.round(x * 1000) / 1000);
      }, which);
    await page.evaluate(() =>
      (window as unknown as { frontline: { map: import('maplibre-gl').Map } }).frontline.map.jumpTo({
        center: [37.5, 48.2],
        zoom: 7,
      }),
    );
    expect(await centre('compareMap')).toEqual([37.5, 48.2, 7]);
    await page.evaluate(() =>
      (window as unknown as Handle).frontline.compare.map.jumpTo({
        center: [36, 47.5],
        zoom: 6.5,
      }),
    );
    expect(await centre('map')).toEqual([36, 47.5, 6.5]);
    await page.evaluate(() =>
      (window as unknown as { frontline: { map: import('maplibre-gl').Map } }).frontline.map.jumpTo({
        center: [37.2, 48.3],
        zoom: 6.2,
      }),
    );
    // The divider: a separator at 50 %, two presses of → move it to 60 % and side B's clip with it.
    const divider = page.getByRole('separator', { name: 'Divider between the two maps' });
    expect(await divider.getAttribute('aria-valuenow')).toBe('50');
    await divider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await divider.getAttribute('aria-valuenow')).toBe('60');
    expect(await page.locator('.side-b').evaluate((e) => (e as HTMLElement).style.clipPath)).toBe(
      'inset(0px 0px 0px 60%)',
    );
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitForIdle(page, 'us-28-point');
    await page.waitForTimeout(300);
    await shot(page, 'desktop-light');
    expect(new URL(page.url()).searchParams.get('compare')).toBe('framework-20-point');
    // The PNG draws both halves, each labelled, under the sentence (looked at: compare-export.png).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG 1×' }).click(),
    ]);
    const png = readFileSync((await download.path())!);
    writeFileSync(join(SHOTS, 'compare-export.png'), png);
    const mapWidth = await page
      .locator('canvas.maplibregl-canvas')
      .first()
      .evaluate((c) => c.clientWidth);
    expect(decodePng(png).width).toBe(mapWidth);
    // The divider is drawn down the middle, in the ink colour (dark on the light theme).
    const img = decodePng(png);
    expect(colourAt(img, Math.round(mapWidth / 2), Math.round(img.height / 2), 0).every((c) => c < 90)).toBe(true);
    // The embed link keeps the comparison.
    await page.getByRole('button', { name: 'Embed' }).click();
    const code = await embedCode(page);
    embedSrc = /<iframe src="([^"]+)"/.exec(code)![1].replace(/&amp;/g, '&');
    expect(new URL(embedSrc).searchParams.get('compare')).toBe('framework-20-point');
    await page.close();
    // Two maps drawn, a PNG export and the Embed dialog: over the default 2 minutes on a busy 2-core machine.
  }, 300_000);

  it('two dates, dark: a compare_date with no snapshot takes the nearest; the select switches the plan', async () => {
    const asked = '2024-04-20'; // between the snapshots of 2024-04-02 and 2024-05-01
    const nearest = nearestSnapshot(ds.manifest, asked)!.date;
    expect(nearest).not.toBe(asked);
    const page = await app.open(`?compare_date=${asked}&date=2025-11-20&theme=dark`);
    await bothIdle(page, 'status-quo', 'status-quo', nearest);
    await expect.poll(() => headlineOf(page)).toBe(expected('status-quo', REFERENCE_DATE, 'status-quo', nearest));
    await page.waitForTimeout(300);
    await shot(page, 'desktop-dark');
    // The compared plan from the panel: the URL takes it, and the date shown.
    await page.getByLabel('Second plan').selectOption('us-28-point');
    await bothIdle(page, 'status-quo', 'us-28-point', nearest);
    const q = new URL(page.url()).searchParams;
    expect([q.get('compare'), q.get('compare_date')]).toEqual(['us-28-point', nearest]);
    await page.getByRole('button', { name: 'Stop comparing' }).click();
    await expect.poll(() => page.locator('canvas.maplibregl-canvas').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    await page.close();
  });

  it('one plan on two dates: side B draws the strip at the width the reader picked', async () => {
    const page = await app.open('?scenario=framework-20-point&strip_km=40&compare_date=2025-06-10');
    await bothIdle(page, 'framework-20-point', 'framework-20-point', '2025-06-10');
    const widths = async (which: 'map' | 'compare') => [...new Set((await stripOf(page, which)).map((x) => x[1]))];
    await expect.poll(() => widths('map'), { timeout: 60_000 }).toEqual([40]);
    await expect.poll(() => widths('compare'), { timeout: 60_000 }).toEqual([40]);
    await page.close();
  });

  it('a custom plan from the link as the second plan: its map and strip, its label, the engine sentence', async () => {
    const custom = 'us-28-point~*:u,UA-14:b,UA-23:l~5~My+plan';
    const page = await app.open(`?scenario=us-28-point&compare=custom&custom=${custom}`);
    await bothIdle(page, 'us-28-point', 'custom');
    const plan = parseUrlState(
      `?custom=${custom}`,
      SCENARIOS.map((s) => s.id),
    ).custom!;
    expect(plan.title).toBe('My plan');
    await expect.poll(() => headlineOf(page)).toBe(expected('us-28-point', REFERENCE_DATE, plan, REFERENCE_DATE));
    expect(await page.getByTestId('label-b').textContent()).toContain('My plan · 20 November 2025');
    expect(await page.getByLabel('Second plan').inputValue()).toBe('custom');
    await expect.poll(async () => [...new Set((await stripOf(page, 'compare')).map((x) => x[1]))]).toEqual([5]);
    // The page's own plan has no strip. A second date, chosen in the panel: the link the page writes keeps both plans.
    expect(await stripOf(page, 'map')).toEqual([]);
    await page.getByLabel('Second date').fill('2025-06-10');
    await page.getByLabel('Second date').dispatchEvent('change');
    await bothIdle(page, 'us-28-point', 'custom', '2025-06-10');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('compare_date') === '2025-06-10');
    const q = new URL(page.url()).searchParams;
    expect([q.get('scenario'), q.get('compare'), q.get('custom')]).toEqual([
      'us-28-point',
      'custom',
      custom.replace(/\+/g, ' '),
    ]);
    await page.close();
  });

  it('phone: no divider; the A | B toggle switches the side shown', async () => {
    const page = await app.open(QUERY, 360, 640);
    await bothIdle(page, 'us-28-point', 'framework-20-point');
    expect(await page.getByRole('separator').count()).toBe(0);
    const b = page.getByRole('button', { name: 'B', exact: true });
    const a = page.getByRole('button', { name: 'A', exact: true });
    expect(await b.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('label-b').textContent()).toContain('20-point framework');
    await page.waitForTimeout(300);
    await shot(page, 'phone-b');
    await a.click();
    expect(await a.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.side-b').evaluate((e) => (e as HTMLElement).style.clipPath)).toBe(
      'inset(0px 0px 0px 100%)',
    );
    expect(await page.getByTestId('label-a').textContent()).toContain('US 28-point draft');
    expect(await page.getByTestId('label-b').count()).toBe(0);
    await page.waitForTimeout(300);
    await shot(page, 'phone-a');
    await page.close();
  });

  it('the embed shows both maps, with the sentence as its headline', async () => {
    expect(embedSrc).not.toBe('');
    const page = await app.browser().newPage();
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(embedSrc);
    await bothIdle(page, 'us-28-point', 'framework-20-point');
    expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(2);
    expect(
      await page
        .getByTestId('headline')
        .textContent()
        .then((s) => s?.trim()),
    ).toBe(expected('us-28-point', REFERENCE_DATE, 'framework-20-point', REFERENCE_DATE));
    await page.waitForTimeout(300);
    await shot(page, 'embed');
    await page.close();
  });
});
