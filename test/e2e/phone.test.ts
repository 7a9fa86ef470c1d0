/**
 * A phone (360×640, touch) in real Chromium: a tap on the bottom sheet's
 * handle opens the sheet and selects nothing (it used to open on the
 * release, and the click after it landed on a scenario's radio button), and
 * the area table's columns are all within reach at 360 px: either they fit,
 * or the table scrolls sideways and says so. Screenshot:
 * test/artifacts/screenshots/phone-table-360.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest, SHOTS } from '../helpers/app';
import { launch, waitForIdle, withDate } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
const PHONE = { width: 360, height: 640 };
let phone: BrowserContext;
beforeAll(async () => {
  phone = await launch({ viewport: PHONE, hasTouch: true, isMobile: true });
});
afterAll(() => phone?.close());

async function openPhone(query: string): Promise<Page> {
  const page = await phone.newPage();
  await page.goto(app.preview().url + withDate(query));
  return page;
}

const checked = (page: Page): Promise<string | null> =>
  page.locator('input[type="radio"]:checked').first().getAttribute('value');

describe('the sheet on a phone', () => {
  it('opens on one tap on its handle, and the tap selects no scenario (4 tries)', async () => {
    const page = await openPhone('?scenario=us-28-point');
    try {
      await waitForIdle(page, 'us-28-point');
      const handle = page.locator('.panel .handle');
      for (let i = 0; i < 4; i++) {
        expect(await handle.getAttribute('aria-expanded')).toBe('false');
        await handle.tap();
        expect(await handle.getAttribute('aria-expanded')).toBe('true');
        // The radios are under the finger now: give a stray click time to land.
        await page.waitForTimeout(300);
        expect(await checked(page)).toBe('us-28-point');
        expect(new URL(page.url()).searchParams.get('scenario')).toBe('us-28-point');
        await handle.tap();
        expect(await handle.getAttribute('aria-expanded')).toBe('false');
      }
      expect(await page.evaluate(() => document.body.dataset.mapIdle)).toMatch(/^us-28-point\|/);
    } finally {
      await page.close();
    }
  });
});

describe('the area table at 360 px', () => {
  it.each(['us-28-point', 'europe-counter'])(
    '%s: every column fits or can be scrolled to, and the table says it scrolls',
    async (scenario) => {
      const page = await openPhone(`?scenario=${scenario}`);
      try {
        await waitForIdle(page, scenario);
        await page.locator('.panel .handle').tap();
        const scroller = page.locator('.scroll[role="region"]');
        await scroller.scrollIntoViewIfNeeded();
        const geometry = (): Promise<{
          left: number;
          right: number;
          scrollWidth: number;
          clientWidth: number;
          cells: { left: number; right: number }[];
          regionRight: number;
        }> =>
          scroller.evaluate((el) => {
            const r = el.getBoundingClientRect();
            const cells = [...el.querySelectorAll('th, td')].map((c) => {
              const b = c.getBoundingClientRect();
              return { left: b.left, right: b.right };
            });
            const region = el.querySelector('tbody th[scope="row"]')!.getBoundingClientRect();
            return {
              left: r.left,
              right: r.right,
              scrollWidth: el.scrollWidth,
              clientWidth: el.clientWidth,
              cells,
              regionRight: region.right,
            };
          });
        const g = await geometry();
        // The scroll area itself is on the screen.
        expect(g.left).toBeGreaterThanOrEqual(0);
        expect(g.right).toBeLessThanOrEqual(PHONE.width);
        expect(g.cells.length).toBeGreaterThan(20);
        const cue = page.getByTestId('table-scroll-cue');
        if (g.scrollWidth > g.clientWidth + 1) {
          // Wider than the panel: the cue says so, and the hidden edge fades.
          expect(await cue.isVisible()).toBe(true);
          expect(await scroller.getAttribute('class')).toMatch(/more-right/);
          writeFileSync(join(SHOTS, `phone-table-360-${scenario}.png`), await page.screenshot());
          // Scrolled to its end, every column's right edge is inside the scroll area, and the region names stay.
          await scroller.evaluate((el) => (el.scrollLeft = el.scrollWidth));
          await expect.poll(async () => await scroller.getAttribute('class')).not.toMatch(/more-right/);
          const end = await geometry();
          for (const c of end.cells) expect(c.right).toBeLessThanOrEqual(end.right + 1);
          expect(end.regionRight).toBeGreaterThan(end.left + 40);
        } else {
          expect(await cue.count()).toBe(0);
          for (const c of g.cells) expect(c.right).toBeLessThanOrEqual(g.right + 1);
        }
      } finally {
        await page.close();
      }
    },
  );
});
