/**
 * The legend, the framing and the default rows, in real Chromium: the legend
 * beside the map on a desktop and in the collapsed sheet on a phone, with
 * the symbols the scenario draws; the PNG export's legend with the line of
 * contact; a switch to the European counter-proposal framing the Kinburn
 * Spit so it is readable; Mykolaiv in that scenario's table. Screenshots go
 * to test/artifacts/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, SHOTS } from '../helpers/app';
import { decodePng, waitForIdle } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
const STRIP_LINK = `?custom=${encodeURIComponent('status-quo~*:l~5~A 5 km strip')}`;

/** The legend's box and the map canvas's, in CSS pixels. */
async function boxes(page: Page): Promise<{ legend: DOMRect; canvas: DOMRect }> {
  return page.evaluate(() => {
    const r = (el: Element | null) => el!.getBoundingClientRect().toJSON() as DOMRect;
    return { legend: r(document.querySelector('[data-testid=legend]')), canvas: r(document.querySelector('canvas')) };
  });
}

const entries = (page: Page): Promise<(string | null)[]> =>
  page.locator('[data-testid=legend] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-class')));

describe('the legend', () => {
  it('is beside the map at 1280×800, within the viewport, and lists the hatch and the line of contact', async () => {
    const page = await app.open('?scenario=us-28-point');
    await waitForIdle(page, 'us-28-point');
    const { legend, canvas } = await boxes(page);
    expect(legend.left).toBeGreaterThanOrEqual(canvas.right);
    expect(legend.right).toBeLessThanOrEqual(1280);
    expect(legend.top).toBeGreaterThanOrEqual(0);
    expect(legend.bottom).toBeLessThanOrEqual(800);
    expect(await entries(page)).toEqual(['ukraine', 'russia', 'ceded', 'buffer', 'returned', 'frontline', 'focus']);
    expect(await page.locator('[data-testid=legend]').innerText()).toContain('Line of contact');
    await page.close();
  });

  it('is visible in the collapsed sheet at 360×640', async () => {
    const page = await app.open('?scenario=us-28-point', 360, 640);
    await waitForIdle(page, 'us-28-point');
    expect(await page.locator('.handle').getAttribute('aria-expanded')).toBe('false');
    const { legend } = await boxes(page);
    expect(legend.top).toBeGreaterThan(320); // in the sheet at the bottom, not over the map
    expect(legend.bottom).toBeLessThanOrEqual(640);
    expect(legend.height).toBeGreaterThan(20);
    expect(await page.locator('[data-testid=legend] li[data-class=buffer]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=legend] li[data-class=frontline]').isVisible()).toBe(true);
    writeFileSync(join(SHOTS, 'legend-phone-collapsed.png'), await page.screenshot());
    await page.close();
  });

  it('lists the strip for a custom scenario with one, and drops the line of contact when its layer is off', async () => {
    const page = await app.open(STRIP_LINK);
    await waitForIdle(page, 'custom');
    await expect.poll(() => entries(page), { timeout: 30_000 }).toContain('strip');
    const off = await app.open('?layers=labels,places');
    await waitForIdle(off, 'status-quo');
    expect(await entries(off)).not.toContain('frontline');
    await page.close();
    await off.close();
  });
});

/** The line-of-contact colour's longest horizontal run below the map in a dark PNG export (the legend's swatch). */
async function exportedLineRun(query: string, scenario: string): Promise<number> {
  const page = await app.open(`${query}&theme=dark`);
  await waitForIdle(page, scenario);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG 1×' }).click(),
  ]);
  const file = join(SHOTS, `legend-export-${scenario}${query.includes('layers') ? '-noline' : ''}.png`);
  await download.saveAs(file);
  await page.close();
  const png = decodePng((await import('node:fs')).readFileSync(file));
  const at = (x: number, y: number) => png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3);
  // The export's ground (dark theme) is #1b1f24; the map's rows have almost none of it, the legend's rows mostly it.
  const ground = (x: number, y: number) => {
    const [r, g, b] = at(x, y);
    return r === 27 && g === 31 && b === 36;
  };
  let mapBottom = 0;
  for (let y = 0; y < png.height; y++) {
    let n = 0;
    for (let x = 0; x < png.width; x++) if (ground(x, y)) n++;
    if (n < png.width / 2) mapBottom = y;
  }
  expect(mapBottom).toBeGreaterThan(png.height / 2);
  // The dark line of contact is #f4f4f4; text is #f0f0f0, never lighter than that even antialiased.
  let longest = 0;
  for (let y = mapBottom + 1; y < png.height; y++) {
    let run = 0;
    for (let x = 0; x < png.width; x++) {
      const [r, g, b] = at(x, y);
      run = r >= 243 && g >= 243 && b >= 243 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

describe('the PNG export', () => {
  it('has the line of contact in its legend (and not when the line is hidden)', async () => {
    expect(await exportedLineRun('?scenario=us-28-point', 'us-28-point')).toBeGreaterThanOrEqual(12);
    expect(await exportedLineRun('?scenario=us-28-point&layers=labels,places', 'us-28-point')).toBe(0);
  });
});

/** The on-screen box (px²) of the Kinburn Spit's pieces (Mykolaiv's occupied land), and where it lies. */
async function spitOnScreen(page: Page): Promise<{ area: number; bottom: number; left: number; right: number }> {
  return page.evaluate(() => {
    type P = { properties: { fid: number; region: string }; geometry: { coordinates: number[][][][] } };
    const { map, app } = (
      window as unknown as {
        frontline: {
          map: { project(p: [number, number]): { x: number; y: number } };
          app: { pieces: { features: P[] }; display: { pieces: Map<number, string | null> } };
        };
      }
    ).frontline;
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of app.pieces.features) {
      // Mykolaiv's occupied pieces: drawn as held by Russia under the status quo, as returned under the plan.
      const cls = app.display.pieces.get(f.properties.fid);
      if (f.properties.region !== 'UA-48' || (cls !== 'russia' && cls !== 'returned')) continue;
      for (const poly of f.geometry.coordinates)
        for (const ring of poly)
          for (const [x, y] of ring) {
            box[0] = Math.min(box[0], x);
            box[1] = Math.min(box[1], y);
            box[2] = Math.max(box[2], x);
            box[3] = Math.max(box[3], y);
          }
    }
    const a = map.project([box[0], box[3]]);
    const b = map.project([box[2], box[1]]);
    return { area: (b.x - a.x) * (b.y - a.y), bottom: b.y, left: a.x, right: b.x };
  });
}

describe('framing', () => {
  it.each([
    [1280, 800],
    [360, 640],
  ])('a switch to the European counter-proposal makes the Kinburn Spit readable at %i×%i', async (w, h) => {
    const page = await app.open('', w, h);
    await waitForIdle(page, 'status-quo');
    const before = await spitOnScreen(page);
    if (w < 820) await page.locator('.handle').click();
    await page.getByRole('radio', { name: 'European counter-proposal' }).check();
    if (w < 820) await page.locator('.handle').click();
    await waitForIdle(page, 'europe-counter');
    const after = await spitOnScreen(page);
    expect(after.area).toBeGreaterThanOrEqual(2000);
    expect(after.area).toBeGreaterThan(10 * before.area);
    expect(after.left).toBeGreaterThanOrEqual(0);
    expect(after.right).toBeLessThanOrEqual(w);
    // Above the collapsed sheet on a phone.
    const sheetTop = await page.locator('aside.panel').evaluate((el) => el.getBoundingClientRect().top);
    if (w < 820) expect(after.bottom).toBeLessThanOrEqual(sheetTop);
    writeFileSync(join(SHOTS, `legend-framing-europe-counter-${w}.png`), await page.screenshot());
    await page.close();
  });

  it('keeps the view a link carries', async () => {
    const page = await app.open('?scenario=europe-counter#6/48.5/33');
    await waitForIdle(page, 'europe-counter');
    const zoom = await page.evaluate(() =>
      (window as unknown as { frontline: { map: { getZoom(): number } } }).frontline.map.getZoom(),
    );
    expect(zoom).toBeCloseTo(6, 1);
    await page.close();
  });
});

describe('the area table', () => {
  it('shows Mykolaiv by default under the European counter-proposal, with the Kinburn Spit returned', async () => {
    const page = await app.open('?scenario=europe-counter');
    await waitForIdle(page, 'europe-counter');
    const row = page.locator('table.areas tr[data-id=UA-48]');
    expect(await row.isVisible()).toBe(true);
    expect(await row.locator('td').last().innerText()).toMatch(/^\+\d/);
    await page.close();
  });
});
