/**
 * The offline basemap in real Chromium (issue 13): at the opening view the
 * Dnipro and the Siverskyi Donets are drawn, the Dnipro is named (from zoom
 * 4.5, which desktops and tablets open at), and the four front-line oblasts
 * keep their labels, villages appear near the front as one zooms in, the
 * view can never leave the land (so no straight edge shows), and every
 * basemap file comes from the page's own origin. Screenshots at three sizes,
 * both languages and both themes go to test/artifacts/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAP_BOUNDS } from '../../src/lib/map/basemapExtent';
import { SHOTS, appUnderTest } from '../helpers/app';
import { project, waitForIdle, watch, withDate, type PageLog } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 360, height: 640 },
] as const;
/** Donetsk, Zaporizhzhia, Kharkiv and Dnipropetrovsk oblasts: the labels collisions used to drop. */
const FRONT_OBLASTS = ['UA-14', 'UA-23', 'UA-63', 'UA-12'];
/** Named at every first view: Donetsk, Luhansk, Zaporizhzhia, Kherson, Kharkiv, Dnipropetrovsk, Crimea. */
const WAR_OBLASTS = ['UA-14', 'UA-09', 'UA-23', 'UA-65', 'UA-63', 'UA-12', 'UA-43'];

type MapHandle = {
  queryRenderedFeatures(a: unknown, b?: unknown): { properties: Record<string, unknown> }[];
  jumpTo(o: object): void;
  once(e: string, f: () => void): void;
  getZoom(): number;
  getMinZoom(): number;
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
};

const app = appUnderTest(TEST_DATA);

/** A page at a size, watched from before its first request (so the basemap's fetches are seen too). */
async function open(query: string, size = { width: 1280, height: 800 }): Promise<{ page: Page; log: PageLog }> {
  const page = await app.browser().newPage();
  await page.setViewportSize(size);
  const log = watch(page, app.preview().url.replace(/\/$/, ''));
  await page.goto(app.preview().url + withDate(query));
  await waitForIdle(page, 'status-quo');
  return { page, log };
}

/** Rendered features of `layers` within `r` px of a place. */
async function featuresNear(page: Page, layers: string[], lon: number, lat: number, r = 12): Promise<number> {
  const { x, y } = await project(page, lon, lat);
  const box = await page.locator('.map canvas').boundingBox();
  return page.evaluate(
    ([lx, ly, rr, ls]) =>
      (window as unknown as { frontline: { map: MapHandle } }).frontline.map.queryRenderedFeatures(
        [
          [lx - rr, ly - rr],
          [lx + rr, ly + rr],
        ],
        { layers: ls },
      ).length,
    [x - box!.x, y - box!.y, r, layers] as [number, number, number, string[]],
  );
}

/** Move the map and wait until it has drawn the new view. */
async function jump(page: Page, view: object): Promise<void> {
  await page.evaluate(
    (v) =>
      new Promise<void>((resolve) => {
        const m = (window as unknown as { frontline: { map: MapHandle } }).frontline.map;
        m.once('idle', () => resolve());
        m.jumpTo(v);
      }),
    view,
  );
}

const rendered = (page: Page, layer: string) =>
  page.evaluate(
    (l) =>
      (window as unknown as { frontline: { map: MapHandle } }).frontline.map
        .queryRenderedFeatures(undefined, { layers: [l] })
        .map((f) => f.properties),
    layer,
  );

describe('the basemap', () => {
  for (const size of SIZES)
    for (const lang of ['en', 'uk'] as const)
      for (const theme of ['light', 'dark'] as const)
        it(`${size.width}×${size.height} ${lang} ${theme}: rivers, labels, no edge, nothing from elsewhere`, async () => {
          const { page, log } = await open(`?lang=${lang}&theme=${theme}`, size);
          await page.waitForTimeout(250); // the headline's fade-in
          writeFileSync(
            join(SHOTS, `basemap-${size.width}x${size.height}-${lang}-${theme}.png`),
            await page.screenshot(),
          );

          // Phones and upright tablets: the map takes the whole width (beside the panel, 768 px left it 328).
          const mapWidth = (await page.locator('.map canvas').first().boundingBox())!.width;
          if (size.width <= 820) expect(mapWidth).toBe(size.width);
          else expect(mapWidth).toBeGreaterThan(size.width / 2);

          // The Dnipro above Kyiv and its Kremenchuk reservoir, the Siverskyi Donets at Izium.
          expect(await featuresNear(page, ['water-river'], 30.45, 51.3)).toBeGreaterThan(0);
          expect(await featuresNear(page, ['water-lake'], 32.7, 49.25)).toBeGreaterThan(0);
          expect(await featuresNear(page, ['water-river'], 37.26, 49.2)).toBeGreaterThan(0);

          const zoom = await page.evaluate(() =>
            (window as unknown as { frontline: { map: MapHandle } }).frontline.map.getZoom(),
          );
          // The oblasts of the war are named at every first view; all 27 from zoom 4.5 (a phone's first
          // view, about 3.7, shows Ukraine too small for 27 of them).
          const named = [...(await rendered(page, 'region-label')), ...(await rendered(page, 'region-label-front'))];
          for (const id of WAR_OBLASTS)
            expect(
              named.map((p) => p.id),
              `${id} at zoom ${zoom}`,
            ).toContain(id);
          if (zoom >= 4.5) {
            const ids = (await rendered(page, 'region-label')).map((p) => p.id);
            for (const id of FRONT_OBLASTS) expect(ids, id).toContain(id);
            expect(new Set(ids).size).toBe(27);
            // The river names start at 4.5: the Dnipro is named, beside the oblast labels, not under them.
            expect((await rendered(page, 'name-river')).map((p) => p.name_en)).toContain('Dnipro');
          }
          // Oblast centres from the first view.
          expect((await rendered(page, 'place-label')).length).toBeGreaterThanOrEqual(8);

          // Zoomed out as far as the map allows, the view stays inside the land's bounds.
          await jump(page, { zoom: 0, center: [31, 48.5] });
          const b = await page.evaluate(() => {
            const m = (window as unknown as { frontline: { map: MapHandle } }).frontline.map;
            const g = m.getBounds();
            return [g.getWest(), g.getSouth(), g.getEast(), g.getNorth()];
          });
          const eps = 1e-6;
          expect(b[0]).toBeGreaterThanOrEqual(MAP_BOUNDS[0] - eps);
          expect(b[1]).toBeGreaterThanOrEqual(MAP_BOUNDS[1] - eps);
          expect(b[2]).toBeLessThanOrEqual(MAP_BOUNDS[2] + eps);
          expect(b[3]).toBeLessThanOrEqual(MAP_BOUNDS[3] + eps);

          expect(log.foreign).toEqual([]);
          expect(log.errors).toEqual([]);
          await page.close();
        });

  it('shows villages near the front at zoom 9 and 10, in both languages', async () => {
    const { page, log } = await open('?lang=uk');
    await jump(page, { zoom: 10, center: [37.18, 48.28] }); // Pokrovsk
    const pokrovsk = await rendered(page, 'place-label');
    writeFileSync(join(SHOTS, 'basemap-pokrovsk-z10-uk.png'), await page.screenshot());
    expect(pokrovsk.length).toBeGreaterThanOrEqual(6);
    expect(pokrovsk.map((p) => p.name_uk)).toContain('Покровськ');
    await jump(page, { zoom: 9, center: [37.71, 48.53] }); // Kostiantynivka
    const kostiantynivka = await rendered(page, 'place-label');
    writeFileSync(join(SHOTS, 'basemap-kostiantynivka-z9-uk.png'), await page.screenshot());
    expect(kostiantynivka.length).toBeGreaterThanOrEqual(10);
    // The drained Kakhovka reservoir says so.
    await jump(page, { zoom: 8, center: [34.3, 47.4] });
    expect((await rendered(page, 'water-drained')).length).toBeGreaterThan(0);
    writeFileSync(join(SHOTS, 'basemap-kakhovka-z8-uk.png'), await page.screenshot());
    expect(log.foreign).toEqual([]);
    await page.close();
  });
});
