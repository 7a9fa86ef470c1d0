/**
 * The plans of 2026 in real Chromium: the 20-point framework with a 40 km
 * strip from the URL, drawn where it is counted and with the CLI's figures;
 * and a screenshot of each new plan at desktop and phone sizes
 * (test/artifacts/screenshots/plan-<id>-<w>x<h>.png).
 */
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, SHOTS } from '../helpers/app';
import { waitForIdle } from '../helpers/browser';
import { cli, roundLikeCli } from '../helpers/cli';
import { TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
type Row = { id: string; [k: string]: number | string };

/** The page's rows once its strip is in (the strip needs the date's full snapshot, loaded after the map). */
async function rowsWithStrip(page: Page): Promise<Row[]> {
  await page.waitForFunction(() => {
    const rows = (window as unknown as { frontline: { app: { report: { rows: Row[] } | null } } }).frontline.app.report
      ?.rows;
    return Boolean(rows && Number(rows.find((r) => r.id === 'ukraine')?.strip_km2) > 0);
  });
  return page.evaluate(
    () => (window as unknown as { frontline: { app: { report: { rows: Row[] } } } }).frontline.app.report.rows,
  );
}

describe('framework-20-point with strip_km=40 from the URL', () => {
  it('picks 40 km, draws the strip in the four oblasts only, and shows the figures the CLI gives', async () => {
    const page = await app.open('?scenario=framework-20-point&strip_km=40');
    await waitForIdle(page, 'framework-20-point', '2025-11-20');
    const rows = await rowsWithStrip(page);
    expect(await page.locator('.strip-choice input[value="40"]').isChecked()).toBe(true);
    // The strip on the map: its own source, one feature per oblast the plan names, and the legend says so.
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as { frontline: { map: maplibregl.Map } }).frontline.map;
      const source = map.getSource('strip') as maplibregl.GeoJSONSource;
      const data = source.serialize().data as FeatureCollection;
      return {
        layer: Boolean(map.getLayer('strip-fill')),
        regions: data.features.map((f) => f.properties?.region).sort(),
        width: data.features[0]?.properties?.width_km,
      };
    });
    expect(drawn).toEqual({ layer: true, regions: ['UA-09', 'UA-14', 'UA-23', 'UA-65'], width: 40 });
    expect(await page.locator('.legend [data-class="strip"]').count()).toBe(1);
    const r = await cli(
      'areas',
      '--date',
      '2025-11-20',
      '--scenario',
      'framework-20-point',
      '--strip-km',
      '40',
      '--data',
      TEST_DATA,
    );
    expect(r.code, r.err).toBe(0);
    expect(rows.map(roundLikeCli)).toEqual(JSON.parse(r.out).rows);
    // Drawn where counted: a region with strip km² is a region with a strip feature, and no other.
    const counted = rows.filter((x) => x.kind === 'region' && Number(x.strip_km2) > 0).map((x) => x.id);
    expect(counted.sort()).toEqual(drawn.regions);
    expect(await page.getByTestId('headline').innerText()).toContain('40');

    // Picking 5 km in the page puts it in the URL and shrinks the strip.
    await page.locator('.strip-choice label', { hasText: '5' }).first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('strip_km') === '5');
    await page.waitForFunction(
      () =>
        (window as unknown as { frontline: { app: { strip: { width_km: number } | null } } }).frontline.app.strip
          ?.width_km === 5,
    );
    const five = await rowsWithStrip(page);
    const total = (rs: Row[]) => Number(rs.find((x) => x.id === 'ukraine')!.strip_km2);
    expect(total(five)).toBeLessThan(total(rows));
    await page.close();
  });
});

describe('screenshots of the new plans', () => {
  it.each([
    ['anchorage-formula', ''],
    ['framework-20-point', '&strip_km=10'],
    ['dmz-feb-2026', ''],
  ])('%s at 1280×800 and 360×640', async (id, extra) => {
    for (const [w, h] of [
      [1280, 800],
      [360, 640],
    ]) {
      const page = await app.open(`?scenario=${id}${extra}`, w, h);
      await waitForIdle(page, id, '2025-11-20');
      if (id === 'framework-20-point') await rowsWithStrip(page);
      // Its legend names what the plan makes (the neutral zone has its own entry).
      if (id === 'dmz-feb-2026') expect(await page.locator('.legend [data-class="neutral"]').count()).toBe(1);
      await page.screenshot({ path: join(SHOTS, `plan-${id}-${w}x${h}.png`) });
      await page.close();
    }
  });
});
