/**
 * For journalists, in real Chromium: permalinks and history, the embed at
 * three widths and inside a sandboxed iframe on another origin, PNG export,
 * dark mode, and hostile URL parameters. Screenshots go to
 * test/artifacts/screenshots/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, SHOTS } from '../helpers/app';
import { colourAt, decodePng, embedCode, project, waitForIdle, watch, withDate } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
const open = (path: string, width = 1280, height = 800): Promise<Page> => app.open(path, width, height);

describe('permalinks', () => {
  it('restore scenario, date and view from the URL', async () => {
    const page = await open('?scenario=us-28-point&date=2025-10-01#7/48.6/37.6/0');
    await waitForIdle(page, 'us-28-point', '2025-10-01');
    const view = await page.evaluate(() => {
      const m = (
        window as unknown as { frontline: { map: { getZoom(): number; getCenter(): { lat: number; lng: number } } } }
      ).frontline.map;
      return { zoom: m.getZoom(), ...m.getCenter() };
    });
    expect(view.zoom).toBeCloseTo(7, 1);
    expect(view.lat).toBeCloseTo(48.6, 1);
    expect(view.lng).toBeCloseTo(37.6, 1);
    expect(await page.getByRole('radio', { name: 'US 28-point draft' }).isChecked()).toBe(true);
    await page.close();
  });

  it('follow the choices; a reload restores them; back and forward work', async () => {
    const page = await open('');
    await waitForIdle(page, 'status-quo');
    await page.getByRole('radio', { name: 'European counter-proposal' }).check();
    await waitForIdle(page, 'europe-counter');
    await page.getByRole('radio', { name: '1991 borders' }).check();
    await waitForIdle(page, 'borders-1991');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('borders-1991');
    await page.reload();
    await waitForIdle(page, 'borders-1991');
    await page.goBack();
    await waitForIdle(page, 'europe-counter');
    expect(await page.getByRole('radio', { name: 'European counter-proposal' }).isChecked()).toBe(true);
    await page.goForward();
    await waitForIdle(page, 'borders-1991');
    await page.close();
  });
});

describe('embed', () => {
  it.each([320, 640, 1200])(
    'is readable at %i px: title, legend, headline and credits, nothing overflowing',
    async (width) => {
      const page = await open('?embed=1&scenario=us-28-point&title=Donbas%20under%20the%20US%20draft', width, 900);
      await waitForIdle(page, 'us-28-point');
      await page.waitForTimeout(200);
      writeFileSync(join(SHOTS, `embed-${width}.png`), await page.screenshot({ fullPage: true }));
      expect(await page.locator('h1').textContent()).toBe('Donbas under the US draft');
      expect(await page.locator('.scenario, fieldset.switcher').count()).toBe(0);
      expect(await page.locator('.legend').isVisible()).toBe(true);
      expect(await page.locator('.credit').textContent()).toContain('DeepStateMap');
      expect(await page.getByTestId('headline').textContent()).toContain('Donbas');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await page.locator('.map-wrap').getAttribute('aria-label')).toMatch(/^Map: under the US 28-point draft/);
      await page.close();
    },
  );

  // The sandboxed embed starts MapLibre's worker from a data: URL (its CSP) and draws on the software renderer: over a minute on a busy machine.
  it(
    'runs in a sandboxed iframe on another origin and sends its height to the host',
    { timeout: 300_000 },
    async () => {
      const page = await open('');
      await waitForIdle(page, 'status-quo');
      await page.getByRole('button', { name: 'Embed' }).click();
      const code = await embedCode(page);
      expect(code).toMatch(
        /<iframe [^>]*sandbox="allow-scripts"[^>]*loading="lazy"|<iframe [^>]*loading="lazy"[^>]*sandbox="allow-scripts"/,
      );
      expect(code).toContain('title="Status quo"');
      expect(await page.getByTestId('alt-text').textContent()).toMatch(/^Map of Ukraine on 20 November 2025/);
      await page.close();

      const host: Server = createServer((_req, res) => {
        res.setHeader('content-type', 'text/html');
        res.end(`<!doctype html><title>host</title><h1>An article</h1>${code}`);
      });
      await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
      const hostPage = await app.browser().newPage();
      await hostPage.setViewportSize({ width: 700, height: 900 });
      const log = watch(hostPage, app.preview().url.replace(/\/$/, ''));
      try {
        await hostPage.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
        const frame = await (await hostPage.waitForSelector('iframe')).contentFrame();
        await frame!.waitForFunction(() => document.body.dataset.mapIdle === 'status-quo|2025-11-20', undefined, {
          timeout: 240_000,
        });
        await expect
          .poll(() => hostPage.evaluate(() => document.querySelector('iframe')!.style.height), { timeout: 10_000 })
          .toMatch(/^\d+px$/);
        const h = await hostPage.evaluate(() => parseInt(document.querySelector('iframe')!.style.height, 10));
        const content = await frame!.evaluate(() => document.documentElement.scrollHeight);
        expect(Math.abs(h - content)).toBeLessThanOrEqual(2);
        writeFileSync(join(SHOTS, 'embed-in-host.png'), await hostPage.screenshot({ fullPage: true }));
        expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
      } finally {
        await hostPage.close();
        await new Promise((r) => host.close(r));
      }
    },
  );
});

describe('PNG export', () => {
  it.each([1, 2] as const)(
    'at %i× decodes, has the map size times the scale, and a legend and credits area that is not blank',
    async (scale) => {
      const page = await open('?scenario=us-28-point');
      await waitForIdle(page, 'us-28-point');
      const mapSize = await page.evaluate(() => {
        const c = (
          window as unknown as { frontline: { map: { getCanvas(): HTMLCanvasElement } } }
        ).frontline.map.getCanvas();
        return { w: c.clientWidth, h: c.clientHeight };
      });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `PNG ${scale}×` }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`frontline-us-28-point-2025-11-20-${scale}x.png`);
      const file = join(SHOTS, `export-${scale}x.png`);
      await download.saveAs(file);
      const bytes = readFileSync(file);
      const png = decodePng(bytes);
      expect(png.width).toBe(mapSize.w * scale);
      expect(png.height).toBeGreaterThan(mapSize.h * scale);
      // The strip below the map holds the legend and the credits: it must have ink.
      let dark = 0;
      for (let y = png.height - 60 * scale; y < png.height; y++)
        for (let x = 0; x < png.width; x += 2) {
          const i = (y * png.width + x) * 4;
          if (png.data[i] < 120 && png.data[i + 1] < 120 && png.data[i + 2] < 120) dark++;
        }
      expect(dark).toBeGreaterThan(200 * scale);
      // eslint-disable-next-line no-control-regex -- a PNG tEXt chunk separates keyword and text with NUL
      expect(bytes.toString('latin1')).toMatch(/tEXtDescription\u0000Map: under the US 28-point draft/);
      await page.close();
    },
  );

  it('at an article width of 640 px, 2×', async () => {
    const page = await open('?scenario=us-28-point');
    await waitForIdle(page, 'us-28-point');
    await page.getByLabel('Image width').selectOption('640');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG 2×' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('frontline-us-28-point-2025-11-20-640px-2x.png');
    const file = join(SHOTS, 'export-640px-2x.png');
    await download.saveAs(file);
    expect(decodePng(readFileSync(file)).width).toBe(1280);
    // The page's map is back to its own size afterwards: its grid cell's width, the page less the panel.
    const [w, cell] = await page.evaluate(() => {
      const canvas = (
        window as unknown as { frontline: { map: { getCanvas(): HTMLCanvasElement } } }
      ).frontline.map.getCanvas();
      return [canvas.clientWidth, window.innerWidth - document.querySelector('.panel')!.getBoundingClientRect().width];
    });
    expect(w).toBe(cell);
    expect(w).toBeGreaterThan(640);
    await page.close();
  });
});

describe('dark mode', () => {
  it('follows ?theme=dark, and the system setting without it', async () => {
    const page = await open('?theme=dark');
    await waitForIdle(page, 'status-quo');
    writeFileSync(join(SHOTS, 'dark.png'), await page.screenshot());
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(27, 31, 36)');
    const png = decodePng(await page.screenshot());
    const sea = await project(page, 32, 43.6); // the open Black Sea, clear of labels and the credit line
    const [r, g, b] = colourAt(png, Math.round(sea.x), Math.round(sea.y));
    // Dark: the light theme's sea (#d6e6f0) sums to 684; lakes and rivers near it are drawn in the same dark blues.
    expect(r + g + b).toBeLessThan(300);
    await page.close();

    const page2 = await app.browser().newPage();
    await page2.emulateMedia({ colorScheme: 'dark' });
    await page2.goto(app.preview().url + withDate(''));
    await waitForIdle(page2, 'status-quo');
    expect(await page2.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page2.close();
  });
});

describe('hostile URL parameters', () => {
  const cases: [string, string][] = [
    ['script in scenario', '?scenario=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E'],
    [
      'attribute break-out in scenario',
      '?scenario=us-28-point%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E',
    ],
    ['impossible date, unknown lang and theme', '?date=9999-99-99&lang=%3Cb%3E&theme=javascript:alert(1)'],
    ['markup in layers', '?layers=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E'],
    [
      'markup in embed title and subtitle',
      '?embed=1&title=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&subtitle=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
    ],
    ['javascript: basemap', '?basemap=javascript:window.__pwned%3D1'],
    ['a 3,000-character scenario', `?scenario=${'x'.repeat(3000)}`],
    ['an absurd view', '#99999/999/999/abc'],
    ['markup in the view', '#7/48.5/37.5/%3Cscript%3E'],
  ];
  it.each(cases)('%s: runs no script and still renders', async (_label, path) => {
    const page = await app.browser().newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(app.preview().url + path);
    // A bad or missing date falls back to the newest snapshot.
    await page.waitForFunction(() => /\|\d{4}-\d{2}-\d{2}$/.test(document.body.dataset.mapIdle ?? ''), undefined, {
      timeout: 60_000,
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], script:not([type="module"])').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
