/**
 * The map in real Chromium: it draws, the overlay is where it belongs,
 * switching a scenario changes the pixels and the numbers, the numbers are
 * the CLI's, nothing leaves the page's origin, nothing logs an error.
 * Screenshots go to test/artifacts/screenshots/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../src/lib/engine/scenarioCatalog';
import { fmtPct } from '../../src/lib/text/format';
import { cli } from '../helpers/cli';
import {
  buildApp,
  colourAt,
  decodePng,
  launch,
  project,
  startPreview,
  waitForIdle,
  watch,
  withDate,
  type PageLog,
  type Preview,
} from '../helpers/browser';
import { ROOT, TEST_DATA } from '../helpers/paths';

const SHOTS = join(ROOT, 'test', 'artifacts', 'screenshots');

let preview: Preview;
let browser: BrowserContext;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  buildApp();
  mkdirSync(SHOTS, { recursive: true });
  preview = await startPreview(TEST_DATA);
  browser = await launch();
  page = await browser.newPage();
  log = watch(page, preview.url.replace(/\/$/, ''));
  await page.goto(preview.url + withDate(''));
  await waitForIdle(page, 'status-quo');
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

const isWhite = ([r, g, b]: number[]) => r > 235 && g > 235 && b > 235;
/** The map's Russia fill (vermillion tint, #dd7e33): red high, blue low. */
const isRussia = ([r, g, b]: number[]) => r > 190 && g > 90 && g < 160 && b < 90;

async function shot(name: string) {
  await page.waitForTimeout(250); // let the headline's fade-in finish
  const buf = await page.screenshot();
  writeFileSync(join(SHOTS, `${name}.png`), buf);
  return decodePng(buf);
}

describe('the map', () => {
  it('draws the occupied overlay over Donetsk and not over Lviv', async () => {
    const png = await shot('status-quo');
    const donetsk = await project(page, 38.3, 47.9); // east of the city, off its label
    const lviv = await project(page, 24.35, 49.6);
    expect(isRussia(colourAt(png, donetsk.x, donetsk.y)), `Donetsk ${colourAt(png, donetsk.x, donetsk.y)}`).toBe(true);
    expect(isWhite(colourAt(png, lviv.x, lviv.y)), `Lviv ${colourAt(png, lviv.x, lviv.y)}`).toBe(true);
  });

  it("shows the CLI's numbers for the status quo", async () => {
    const cliReport = JSON.parse((await cli('areas', '--date', '2025-11-20', '--data', TEST_DATA)).out);
    const donbas = cliReport.rows.find((r: { id: string }) => r.id === 'donbas');
    const cells = await page.locator('tr[data-id="donbas"] td').allTextContents();
    expect(cells[0]).toBe(Math.round(donbas.ukraine_km2).toLocaleString('en-GB'));
    expect(cells[1]).toBe(fmtPct(donbas.ukraine_pct));
    expect(await page.getByTestId('headline').textContent()).toContain(`${fmtPct(donbas.ukraine_pct)} of Donbas`);
  });

  it('switching to the US draft changes the map and the headline', async () => {
    const before = await page.getByTestId('headline').textContent();
    const kramatorsk = await project(page, 37.45, 48.7);
    const pngBefore = decodePng(await page.screenshot());
    await page.getByRole('radio', { name: 'US 28-point draft' }).check();
    await waitForIdle(page, 'us-28-point');
    const png = await shot('us-28-point');
    expect(await page.getByTestId('headline').textContent()).not.toBe(before);
    expect(await page.getByTestId('headline').textContent()).toContain(`Kyiv would hold ${fmtPct(0)} of Donbas`);
    expect(isWhite(colourAt(pngBefore, kramatorsk.x, kramatorsk.y))).toBe(true);
    expect(
      isWhite(colourAt(png, kramatorsk.x, kramatorsk.y)),
      `Kramatorsk ${colourAt(png, kramatorsk.x, kramatorsk.y)}`,
    ).toBe(false);
    const cliReport = JSON.parse(
      (await cli('areas', '--date', '2025-11-20', '--scenario', 'us-28-point', '--data', TEST_DATA)).out,
    );
    const donetsk = cliReport.rows.find((r: { id: string }) => r.id === 'UA-14');
    const cells = await page.locator('tr[data-id="UA-14"] td').allTextContents();
    expect(cells[4]).toBe(Math.round(donetsk.buffer_km2).toLocaleString('en-GB'));
  });

  it.each(SCENARIOS.map((s) => [s.id, s.title]))('renders %s (screenshot kept)', async (id, title) => {
    await page.getByRole('radio', { name: title }).check();
    await waitForIdle(page, id);
    const png = await shot(id);
    expect(png.width).toBe(1280);
  });

  it('labels the oblasts', async () => {
    // A plan's switch frames what it changes; the status quo (which changes nothing) shows the whole country.
    await page.getByRole('radio', { name: 'Status quo' }).check();
    await waitForIdle(page, 'status-quo');
    const n = await page.evaluate(
      () =>
        (
          window as unknown as { frontline: { map: { queryRenderedFeatures(o: object): unknown[] } } }
        ).frontline.map.queryRenderedFeatures({ layers: ['region-label'] }).length,
    );
    expect(n).toBeGreaterThan(15);
  });

  it('opens a popup with the figures of a clicked region', async () => {
    await page.getByRole('radio', { name: 'Status quo' }).check();
    await waitForIdle(page, 'status-quo');
    const poltava = await project(page, 33.5, 49.6);
    await page.mouse.click(poltava.x, poltava.y);
    await expect.poll(() => page.locator('.maplibregl-popup [data-region]').getAttribute('data-region')).toBe('UA-53');
  });

  it("sends each basemap source's data to MapLibre's worker once, and paints the first view when it is complete", async () => {
    const counted = await browser.newPage();
    // Count the worker's "load data" messages (MapLibre's MessageType.loadData)
    // per source, and the frames MapLibre paints (each starts with a clear of
    // the colour buffer), from the first one.
    await counted.addInitScript(() => {
      const seen: { loads: Record<string, number>; frames: number } = { loads: {}, frames: 0 };
      (window as unknown as { seen: typeof seen }).seen = seen;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (
        this: Worker,
        m: { type?: string; data?: { source?: string } },
        ...rest
      ) {
        const source = m?.type === 'LD' ? (m.data?.source ?? '?') : null;
        if (source) seen.loads[source] = (seen.loads[source] ?? 0) + 1;
        return post.apply(this, [m, ...rest] as unknown as Parameters<typeof post>);
      } as typeof post;
      const clear = WebGL2RenderingContext.prototype.clear;
      WebGL2RenderingContext.prototype.clear = function (this: WebGL2RenderingContext, mask: number) {
        if (mask & this.COLOR_BUFFER_BIT) seen.frames++;
        clear.call(this, mask);
      };
    });
    await counted.goto(preview.url + withDate(''));
    await waitForIdle(counted, 'status-quo');
    const { loads, frames } = await counted.evaluate(
      () => (window as unknown as { seen: { loads: Record<string, number>; frames: number } }).seen,
    );
    // Their data never changes: svelte-maplibre-gl alone sent names, land and water two or three times.
    for (const source of ['names', 'land', 'water', 'places']) expect(loads[source], source).toBe(1);
    // The whole map, then MapLibre's frame for its placed labels (src/lib/map/firstPaint.ts);
    // painting as each source came in took 12 software renders.
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(3);
    await counted.close();
  });

  it('made no request outside its origin and logged no error or warning (glyphs load from the app)', () => {
    expect(log.foreign).toEqual([]);
    expect(log.errors).toEqual([]);
    expect(log.warnings).toEqual([]);
  });
});

describe('without data', () => {
  it('says how to get it and still shows the whole-region scenarios', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'frontline-empty-'));
    const p2 = await startPreview(empty);
    const page2 = await browser.newPage();
    const log2 = watch(page2, p2.url.replace(/\/$/, ''));
    try {
      await page2.goto(p2.url);
      await waitForIdle(page2, 'borders-1991', '');
      await expect.poll(() => page2.locator('.notice').textContent()).toMatch(/Method and sources/);
      // The command itself is in the method panel only.
      expect(await page2.locator('.notice').textContent()).not.toMatch(/npx/);
      expect(await page2.locator('details.method').textContent()).toMatch(/npx frontline ingest/);
      expect(await page2.getByRole('radio', { name: 'Status quo' }).isDisabled()).toBe(true);
      await page2.getByRole('radio', { name: "Russia's demand" }).check();
      await waitForIdle(page2, 'russia-demand', '');
      const buf = await page2.screenshot();
      writeFileSync(join(SHOTS, 'no-data-russia-demand.png'), buf);
      const png = decodePng(buf);
      const donetsk = await project(page2, 38.3, 47.9);
      expect(isRussia(colourAt(png, donetsk.x, donetsk.y))).toBe(true);
      expect(await page2.getByTestId('headline').textContent()).toContain(`${fmtPct(0)} of Donbas`);
      expect(log2.foreign).toEqual([]);
      expect(log2.errors.filter((e) => !/404/.test(e))).toEqual([]);
    } finally {
      await page2.close();
      await p2.stop();
    }
  });
});
