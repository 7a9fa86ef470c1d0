/**
 * The page against hostile input, in real Chromium: URL parameters that try
 * to reorder or hide text, over-long links, the Content-Security-Policy of
 * the built site, the embed's messages from other frames, an Embed click
 * before the first view, and a reader's file whose name is a formula or
 * whose coordinates are null.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/build/vitePlugins';
import { embedSnippet } from '../../src/lib/state/embed';
import { isValidViewHash } from '../../src/lib/state/url';
import { appUnderTest } from '../helpers/app';
import { embedCode, REFERENCE_DATE, waitForIdle, watch, withDate } from '../helpers/browser';
import { newestDate } from '../../src/lib/datafolder/manifest';
import { readDataFolder } from '../../src/cli/store';
import { ROOT, TEST_DATA } from '../helpers/paths';
import { sourceFile } from '../helpers/sources';

const app = appUnderTest(TEST_DATA);
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** CSP violations, recorded from the page's start (the console also reports them, as errors). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** A one-page server on its own origin (127.0.0.1 on another port than the app's). */
async function host(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('Content-Security-Policy', () => {
  it('the built page carries it, and the map renders under it with no violation', async () => {
    const page = await app.browser().newPage();
    const log = watch(page, app.preview().url.replace(/\/$/, ''));
    await recordViolations(page);
    await page.goto(app.preview().url + withDate('?scenario=us-28-point'));
    await waitForIdle(page, 'us-28-point');
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
      CONTENT_SECURITY_POLICY,
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Drawn: the canvas is not blank (one colour) where Ukraine is.
    const colours = await page.evaluate(() => {
      const c = (
        window as unknown as { frontline: { map: { getCanvas(): HTMLCanvasElement } } }
      ).frontline.map.getCanvas();
      const g = document.createElement('canvas');
      g.width = 64;
      g.height = 64;
      const ctx = g.getContext('2d')!;
      ctx.drawImage(c, 0, 0, 64, 64);
      const d = ctx.getImageData(0, 0, 64, 64).data;
      const set = new Set<string>();
      for (let i = 0; i < d.length; i += 4) set.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      return set.size;
    });
    expect(colours).toBeGreaterThan(3);
    expect(await violations(page)).toEqual([]);
    expect(log.errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });
});

describe('hostile URL text', () => {
  it('bidi overrides and control characters are dropped from the embed title and subtitle', async () => {
    const page = await app.open(
      `?embed=1&title=${encodeURIComponent('Plan \u202eA nalP\u202c \u2066x\u2069\u0007')}&subtitle=${encodeURIComponent('sub\u200e\u202d\u0085title')}`,
    );
    await waitForIdle(page, 'status-quo');
    const h1 = await page.locator('.embed-head h1').innerText();
    const sub = await page.locator('.embed-head .sub').innerText();
    expect(h1).not.toMatch(UNSAFE);
    expect(sub).not.toMatch(UNSAFE);
    expect(h1).toBe('Plan A nalP x');
    expect(sub).toBe('sub\u200etitle');
    await page.close();
  });

  it('a 5,000-character query keeps embed=1 and the scenario', async () => {
    const page = await app.open(`?embed=1&scenario=us-28-point&title=${'x'.repeat(5000)}`);
    await waitForIdle(page, 'us-28-point');
    expect(await page.locator('main.app.embedded').count()).toBe(1);
    expect((await page.locator('.embed-head h1').innerText()).length).toBe(120);
    await page.close();
  });

  it('unknown ids and garbage fall back to the defaults', async () => {
    const page = await app.open(
      '?scenario=nope&date=2025-02-30&layers=%E2%80%AEfrontline&custom=%00~~~&lang=xx&theme=%E2%80%AE&compare=%3Cscript%3E&compare_date=2025-02-30',
    );
    // An impossible date falls back to the newest snapshot, as no date does.
    await waitForIdle(page, 'status-quo', newestDate(readDataFolder(TEST_DATA).manifest));
    expect(await page.getByRole('radio', { name: 'Status quo' }).isChecked()).toBe(true);
    // An unknown compare id and an impossible compare_date are dropped too: one map, nothing compared.
    expect(await page.getByTestId('compare-map').count()).toBe(0);
    expect(
      await page.evaluate(
        () => (window as unknown as { frontline: { compare: { active: boolean } } }).frontline.compare.active,
      ),
    ).toBe(false);
    await page.close();
  });
});

describe('the embed', () => {
  it('Embed clicked before the first view waits for it (never #3/0/0)', async () => {
    const page = await app.browser().newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.preview().url + withDate('?scenario=us-28-point'));
    await page.getByRole('button', { name: 'Embed' }).click();
    const code = await embedCode(page);
    const src = /<iframe src="([^"]+)"/.exec(code)![1].replace(/&quot;/g, '"');
    const hash = new URL(src).hash;
    expect(hash).not.toBe('#3/0/0');
    expect(isValidViewHash(hash), hash).toBe(true);
    const [zoom, lat, lon] = hash.slice(1).split('/').map(Number);
    expect(zoom).toBeGreaterThan(4);
    expect(lat).toBeGreaterThan(43);
    expect(lon).toBeGreaterThan(21);
    await page.close();
  });

  // The sandboxed embed is slow to draw with software rendering (over a minute on a busy machine).
  it(
    'resizes only for its own iframe (messages from the host or another frame move nothing), and renders under the CSP',
    { timeout: 300_000 },
    async () => {
      const code = embedSnippet(`${app.preview().url}?embed=1&lang=en&date=${REFERENCE_DATE}`, 'Status quo');
      const attacker = await host(
        `<!doctype html><script>setInterval(function(){parent.postMessage({type:"frontline:height",height:4321},"*")},100)</script>`,
      );
      const h = await host(
        `<!doctype html><h1>An article</h1>${code}<iframe id="ad" src="${attacker.url}" sandbox="allow-scripts" style="height:50px"></iframe>`,
      );
      const hostPage = await app.browser().newPage();
      await recordViolations(hostPage);
      const log = watch(hostPage, app.preview().url.replace(/\/$/, ''));
      try {
        await hostPage.goto(h.url);
        const frame = await (await hostPage.waitForSelector('iframe[title]')).contentFrame();
        await frame!.waitForFunction(() => document.body.dataset.mapIdle === 'status-quo|2025-11-20', undefined, {
          timeout: 240_000,
        });
        expect(await frame!.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        expect(log.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
        // The embed knows whom it talks to: the host's origin, from the browser.
        expect(await frame!.evaluate(() => location.ancestorOrigins[0])).toBe(h.url.replace(/\/$/, ''));
        await expect
          .poll(
            () => hostPage.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe[title]')!.style.height),
            { timeout: 10_000 },
          )
          .toMatch(/^\d+px$/);
        // The host page itself forging a message, and the other frame's messages, change nothing.
        await hostPage.evaluate(() => window.postMessage({ type: 'frontline:height', height: 4999 }, '*'));
        await hostPage.waitForTimeout(800);
        const heights = await hostPage.evaluate(() =>
          [...document.querySelectorAll('iframe')].map((f) => f.style.height),
        );
        expect(heights[0]).not.toMatch(/^(4321|4999)px$/);
        expect(heights[1]).toBe('50px');
      } finally {
        await hostPage.close();
        await h.close();
        await attacker.close();
      }
    },
  );
});

describe('a damaged data set', () => {
  const TRUNCATED = 'history chunk history/daily-2025-11.json: not valid JSON';
  async function withTruncatedChunk(): Promise<Page> {
    const page = await app.browser().newPage();
    await page.route('**/data/history/daily-2025-11.json*', (r) => r.fulfill({ body: '{"format":3,"fra' }));
    return page;
  }
  const alertText = async (page: Page, hasText: string): Promise<string> => {
    const alert = page.locator('[role=alert]').filter({ hasText });
    await alert.waitFor();
    return (await alert.innerText()).trim();
  };

  it.each([
    ['en', 'The data could not be read: '],
    ['uk', 'Не вдалося прочитати дані: '],
  ])('a truncated chunk of the first date: one notice in the language of the page (%s)', async (lang, sentence) => {
    const page = await withTruncatedChunk();
    await page.goto(`${app.preview().url}?date=2025-11-20&lang=${lang}`);
    expect(await alertText(page, TRUNCATED)).toMatch(new RegExp(`^${sentence}${TRUNCATED}`));
    await page.close();
  });

  it.each([
    ['en', 'The snapshot of 2025-11-20 could not be loaded: '],
    ['uk', 'Не вдалося завантажити знімок за 2025-11-20: '],
  ])(
    'a truncated chunk of a later date: the notice is translated (%s) and the map keeps its date',
    async (lang, sentence) => {
      const page = await withTruncatedChunk();
      await page.goto(`${app.preview().url}?date=2025-10-31&lang=${lang}`);
      await waitForIdle(page, 'status-quo', '2025-10-31');
      await page.evaluate((l) => {
        history.pushState(null, '', `?date=2025-11-20&lang=${l}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, lang);
      expect(await alertText(page, TRUNCATED)).toMatch(new RegExp(`^${sentence}${TRUNCATED}`));
      expect(await page.evaluate(() => document.body.dataset.mapIdle)).toBe('status-quo|2025-10-31');
      await page.close();
    },
  );
});

describe("a reader's hostile file", () => {
  async function upload(page: Page, name: string, text: string): Promise<void> {
    await page
      .locator('.upload input[type=file]')
      .setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(text) });
  }

  it("null coordinates: a plain message that names the file, not the engine's", async () => {
    const page = await app.open('');
    await waitForIdle(page, 'status-quo');
    await upload(
      page,
      'nulls-2025-11-21.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: null } }],
      }),
    );
    const alert = page.locator('.upload .error');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/^nulls-2025-11-21\.geojson: polygon 0 has coordinates that are not \[longitude, latitude\]/);
    expect(text).not.toMatch(/iterable|undefined|TypeError/);
    await page.close();
  });

  it('a file name that is a formula is never one in the Towns CSV', async () => {
    const name = '=HYPERLINK("http://evil.example","x")-2025-11-21.geojson';
    const page = await app.open('?scenario=us-28-point');
    await waitForIdle(page, 'us-28-point');
    await upload(page, name, readFileSync(sourceFile({ daily: '2025-11-20' }), 'utf8'));
    await page.getByText('Showing your file').waitFor({ timeout: 60_000 });
    await waitForIdle(page, 'us-28-point', '2025-11-21');
    await page.locator('.downloads').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Towns (CSV)' }).click(),
    ]);
    const path = join(ROOT, 'test', 'artifacts', 'hostile-towns.csv');
    await d.saveAs(path);
    const rows = csvParseRows(
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .join('\n')
        .trim(),
    );
    const credit = rows[0].indexOf('credit');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect(row[credit].startsWith(`'${name}`), row[credit]).toBe(true);
      for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]/);
    }
    await page.close();
  });
});
