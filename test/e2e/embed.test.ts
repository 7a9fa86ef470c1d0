/**
 * The embed in a host page, in real Chromium: the snippet's frame is as tall
 * as the embedded document at 320, 640 and 1200 px (and follows it when the
 * content changes), the credit is inside the frame without scrolling, and
 * the wheel scrolls the article while Ctrl + wheel zooms the map
 * (cooperative gestures, in both languages, embeds only). Screenshots of the
 * host page go to test/artifacts/screenshots/embed-host-*.png.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet } from '../../src/lib/state/embed';
import { appUnderTest, SHOTS } from '../helpers/app';
import { waitForIdle, withDate } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
const EMBED = '?embed=1&scenario=us-28-point';

/**
 * The host: an article on another origin (another port) with the snippet in
 * a column `w` px wide (`?w=`), and text after it so the article scrolls.
 * The snippet's sandbox attribute is taken out: the sandboxed frame (origin
 * "null") is journalist.test.ts's, and takes over a minute to draw on the
 * software renderer; the script's checks are the same for both origins.
 */
let host: Server;
let hostUrl = '';
beforeAll(async () => {
  host = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://host').searchParams;
    const width = Number(q.get('w')) || 640;
    const code = embedSnippet(app.preview().url + withDate(q.get('q') ?? EMBED), 'Embed under test').replace(
      ' sandbox="allow-scripts"',
      '',
    );
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      `<!doctype html><title>An article</title><body style="margin:0 8px"><h1>An article</h1>` +
        `<div style="width:${width}px">${code}</div><p style="height:2000px">The article goes on.</p></body>`,
    );
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
// Resolves without a host too (the app's set-up failed before ours ran), so the hook cannot hang.
afterAll(() => new Promise<void>((r) => (host ? host.close(() => r()) : r())));

async function openHost(width: number, query = EMBED): Promise<{ page: Page; frame: Frame }> {
  const page = await app.browser().newPage();
  await page.setViewportSize({ width: width + 16, height: 900 });
  await page.goto(`${hostUrl}?w=${width}&q=${encodeURIComponent(query)}`);
  const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
  await waitForIdle(frame, 'us-28-point');
  return { page, frame };
}

/** The frame's height on the host page, and the embedded document's content height. */
async function heights(page: Page, frame: Frame): Promise<{ frame: number; content: number; app: number }> {
  const outer = await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    content: document.documentElement.scrollHeight,
    app: document.querySelector('.app')!.getBoundingClientRect().height,
  }));
  return { frame: outer, ...inner };
}

/** Waits until the frame is as tall as the document in it (the script resizes it after a message). */
async function fitted(page: Page, frame: Frame): Promise<{ frame: number; content: number; app: number }> {
  await expect
    .poll(
      async () => {
        const h = await heights(page, frame);
        return Math.abs(h.frame - h.content) <= 1 && Math.abs(h.frame - h.app) <= 1;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return heights(page, frame);
}

describe('embed height', () => {
  it.each([320, 640, 1200])(
    'at %i px the frame is as tall as its content, and the credit shows without scrolling',
    async (width) => {
      const { page, frame } = await openHost(width);
      try {
        const h = await fitted(page, frame);
        expect(Math.abs(h.frame - h.content)).toBeLessThanOrEqual(1);
        // Nothing in the frame needs scrolling: the credit's box ends inside the frame's viewport.
        const credit = await frame.evaluate(() => {
          const el = document.querySelector('.embed-foot .credit')!;
          return {
            text: el.textContent ?? '',
            bottom: el.getBoundingClientRect().bottom,
            viewport: innerHeight,
            scrollable: document.documentElement.scrollHeight - document.documentElement.clientHeight,
          };
        });
        expect(credit.text).toContain('DeepStateMap');
        expect(credit.bottom).toBeLessThanOrEqual(credit.viewport);
        expect(credit.scrollable).toBeLessThanOrEqual(0);
        // The legend is in the frame, above the credit.
        const legendBottom = await frame.evaluate(
          () => document.querySelector('.legend')!.getBoundingClientRect().bottom,
        );
        expect(legendBottom).toBeLessThanOrEqual(credit.bottom);
        // No attribution box over the embed's map: the credit line below it carries the sources.
        expect(await frame.locator('.maplibregl-ctrl-attrib').count()).toBe(0);
        writeFileSync(join(SHOTS, `embed-host-${width}.png`), await page.screenshot({ fullPage: true }));
      } finally {
        await page.close();
      }
    },
  );

  it('follows the content when it changes (another scenario, another headline)', async () => {
    const { page, frame } = await openHost(320);
    try {
      const before = await fitted(page, frame);
      // A longer headline at 320 px: the headline for the status quo is shorter than the US draft's.
      await frame.evaluate(() =>
        (
          window as unknown as { frontline: { app: { selectScenario(id: string): void } } }
        ).frontline.app.selectScenario('status-quo'),
      );
      await waitForIdle(frame, 'status-quo');
      await expect.poll(async () => (await heights(page, frame)).content, { timeout: 15_000 }).not.toBe(before.content);
      const after = await fitted(page, frame);
      expect(after.frame).not.toBe(before.frame);
    } finally {
      await page.close();
    }
  });
});

describe('cooperative gestures', () => {
  const zoomOf = (frame: Frame): Promise<number> =>
    frame.evaluate(() => (window as unknown as { frontline: { map: { getZoom(): number } } }).frontline.map.getZoom());

  it('the wheel over the embedded map scrolls the article; Ctrl + wheel zooms the map', async () => {
    const { page, frame } = await openHost(640);
    try {
      await fitted(page, frame);
      const canvas = (await frame.locator('.maplibregl-canvas').boundingBox())!;
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      const zoom = await zoomOf(frame);
      await page.mouse.wheel(0, 240);
      await expect.poll(() => page.evaluate(() => scrollY), { timeout: 5_000 }).toBeGreaterThan(0);
      // The map did not move (a wheel zoom would have started within a frame or two).
      await page.waitForTimeout(400);
      expect(await zoomOf(frame)).toBe(zoom);
      // The message says how to zoom.
      expect(await frame.locator('.maplibregl-desktop-message').textContent()).toBe(
        'Use Ctrl + scroll to zoom the map',
      );

      await page.evaluate(() => scrollTo(0, 0));
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -240);
      await page.keyboard.up('Control');
      await expect.poll(() => zoomOf(frame), { timeout: 5_000 }).toBeGreaterThan(zoom + 0.05);
    } finally {
      await page.close();
    }
  });

  it('speaks Ukrainian in a Ukrainian embed, and is not on the full page', async () => {
    const uk = await app.open(`${EMBED}&lang=uk`, 640, 900);
    try {
      await waitForIdle(uk, 'us-28-point');
      expect(await uk.locator('.maplibregl-desktop-message').textContent()).toBe(
        'Щоб змінити масштаб мапи, прокручуйте з натиснутою клавішею Ctrl',
      );
      expect(await uk.locator('.maplibregl-mobile-message').textContent()).toBe(
        'Щоб рухати мапу, використовуйте два пальці',
      );
    } finally {
      await uk.close();
    }
    const full = await app.open('?scenario=us-28-point');
    try {
      await waitForIdle(full, 'us-28-point');
      expect(await full.locator('.maplibregl-cooperative-gesture-screen').count()).toBe(0);
      const canvas = (await full.locator('.maplibregl-canvas').boundingBox())!;
      const zoomBefore = await full.evaluate(() =>
        (window as unknown as { frontline: { map: { getZoom(): number } } }).frontline.map.getZoom(),
      );
      await full.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await full.mouse.wheel(0, -240);
      await expect
        .poll(
          () =>
            full.evaluate(() =>
              (window as unknown as { frontline: { map: { getZoom(): number } } }).frontline.map.getZoom(),
            ),
          { timeout: 5_000 },
        )
        .toBeGreaterThan(zoomBefore + 0.05);
    } finally {
      await full.close();
    }
  });
});

describe('the Embed dialog', () => {
  it.each([
    [1280, 800],
    [360, 640],
  ])('at %i px: title and width change the code and the preview; the whole code shows', async (width, height) => {
    const page = await app.open('?scenario=us-28-point', width, height);
    try {
      await waitForIdle(page, 'us-28-point');
      if (width < 820) await page.locator('.panel .handle').click();
      await page.getByRole('button', { name: 'Embed' }).click();
      const dialog = page.locator('dialog.embed-dialog');
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Donbas under the US draft');
      await page.getByRole('radio', { name: '640 px' }).check();
      const code = page.getByTestId('embed-code');
      await expect.poll(() => code.inputValue()).toContain('title=Donbas+under+the+US+draft');
      expect(await code.inputValue()).toContain('style="width:640px;max-width:100%;border:0"');
      expect(await code.inputValue()).toContain('title="Donbas under the US draft"');
      // The box shows all of the code: nothing scrolled away, nothing below its edge.
      const box = await code.evaluate((el) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
        top: el.scrollTop,
      }));
      expect(box.scroll).toBeLessThanOrEqual(box.client + 2);
      expect(box.top).toBe(0);
      // The preview is the embed with that title, 640 px wide (scaled to fit the dialog on a phone).
      const preview = page.getByTestId('embed-preview');
      await expect.poll(() => preview.getAttribute('src'), { timeout: 10_000 }).toContain('title=Donbas');
      const frame = (await (await preview.elementHandle())!.contentFrame())!;
      await waitForIdle(frame, 'us-28-point');
      expect(await frame.locator('.embed-head h1').textContent()).toBe('Donbas under the US draft');
      expect(await frame.evaluate(() => innerWidth)).toBe(640);
      const shown = (await preview.boundingBox())!;
      const dialogBox = (await dialog.boundingBox())!;
      expect(shown.width).toBeLessThanOrEqual(dialogBox.width);
      expect(dialogBox.x).toBeGreaterThanOrEqual(0);
      expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(width);
      writeFileSync(join(SHOTS, `embed-dialog-${width}.png`), await page.screenshot());
      await page.getByRole('button', { name: 'Close' }).click();
      expect(await preview.count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
