/**
 * The timeline in Chromium: a slider on a time scale (its middle is in the
 * daily era), labelled controls and play speeds, the date large on the map
 * while playing (hidden again on pause), the plans' dates as marks with their
 * titles on the timeline and the chart, and one date for "about 14.5 %" in
 * the method note and the chart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/store';
import { seriesOf } from '../../src/lib/datafolder/manifest';
import { formatDate } from '../../src/lib/i18n/format';
import { appUnderTest, SHOTS } from '../helpers/app';
import { waitForIdle, watch } from '../helpers/browser';
import { ROOT, TEST_DATA } from '../helpers/paths';

const app = appUnderTest(TEST_DATA);
const series = seriesOf(readDataFolder(TEST_DATA).manifest, 'any');
const firstDaily = series.find((s) => s.kind === 'daily')!.date;
const shownDate = (page: Page): Promise<string> =>
  page.evaluate(() => (document.body.dataset.mapIdle ?? '').split('|')[1]);
const playing = (page: Page) => page.getByTestId('play-date');

/** The plans with a date inside the data, read from the scenario files themselves. */
const plans = readdirSync(join(ROOT, 'data', 'scenarios'))
  .map(
    (f) =>
      JSON.parse(readFileSync(join(ROOT, 'data', 'scenarios', f), 'utf8')) as { title: string; date: string | null },
  )
  .filter((s) => s.date && s.date >= series[0].date && s.date <= series.at(-1)!.date);

describe('timeline on a time scale', () => {
  it('puts the middle of the slider in the daily era, with year ticks under it', async () => {
    const page = await app.open('?date=2025-11-20');
    const log = watch(page, app.preview().url);
    await waitForIdle(page, 'status-quo', '2025-11-20');
    const slider = page.getByRole('slider', { name: 'Snapshot date' });
    await slider.evaluate((el: HTMLInputElement) => {
      el.value = String(Number(el.max) / 2);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => !(document.body.dataset.mapIdle ?? '').endsWith('2025-11-20'));
    const mid = await shownDate(page);
    expect(mid > firstDaily).toBe(true);
    expect(series.find((s) => s.date === mid)?.kind).toBe('daily');
    // The monthly years are shorter than the daily ones, but not squeezed: 2023 → 2024 is a visible stretch.
    const ticks = await page
      .locator('.timeline .tick')
      .evaluateAll((els) => els.map((e) => ({ year: e.textContent, x: e.getBoundingClientRect().x })));
    expect(ticks.map((t) => t.year)).toEqual(['2023', '2024', '2025', '2026']);
    const width = await slider.evaluate((el) => el.getBoundingClientRect().width);
    const monthlyYear = ticks[1].x - ticks[0].x;
    const dailyYear = ticks[3].x - ticks[2].x;
    expect(monthlyYear).toBeLessThan(dailyYear);
    expect(monthlyYear / width).toBeGreaterThan(0.05);
    // Arrow keys still step one snapshot.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const next = series[series.findIndex((s) => s.date === mid) + 1].date;
    await waitForIdle(page, 'status-quo', next);
    expect(await slider.getAttribute('aria-valuetext')).toBe(formatDate(next));
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('has labelled step and play buttons and speed choices, in both languages', async () => {
    for (const [lang, names] of [
      ['en', ['Previous snapshot', 'Play the history', 'Next snapshot', 'Speed']],
      ['uk', ['Попередній знімок', 'Відтворити історію', 'Наступний знімок', 'Швидкість']],
    ] as const) {
      const page = await app.open(`?date=2025-11-20&lang=${lang}`);
      await waitForIdle(page, 'status-quo', '2025-11-20');
      for (const name of names.slice(0, 3)) {
        const b = page.getByRole('button', { name, exact: true });
        expect(await b.getAttribute('title')).toBe(name);
        // The visible word is the start of the accessible name (WCAG 2.5.3).
        const visible = (await b.innerText()).replace(/[◀▶❚]/g, '').trim();
        expect(name.startsWith(visible)).toBe(true);
      }
      const speed = page.getByRole('combobox', { name: names[3] });
      expect(await speed.locator('option').count()).toBe(3);
      expect(await speed.inputValue()).toBe('month');
      await page.close();
    }
  });

  it('shows the date large on the map while playing, and hides it on pause', async () => {
    const page = await app.open('?date=2026-06-01');
    await waitForIdle(page, 'status-quo', '2026-06-01');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('week');
    expect(await playing(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Play the history' }).click();
    await playing(page).waitFor();
    await page.waitForFunction(() => (document.body.dataset.mapIdle ?? '').split('|')[1] >= '2026-06-04');
    const big = playing(page);
    const text = await big.innerText();
    expect(text).toMatch(/^\d{1,2} June 2026$/);
    const size = await big.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
    // Over the map, not the panel.
    const box = (await big.boundingBox())!;
    const map = (await page.locator('.map-wrap').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(map.x);
    expect(box.x + box.width).toBeLessThanOrEqual(map.x + map.width);
    await page.screenshot({ path: join(SHOTS, 'timeline-playing-1280.png') });
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=play-date]'));
    expect(await playing(page).count()).toBe(0);
    await page.close();
  });

  it('plays on a phone with the date large above the collapsed sheet', async () => {
    const page = await app.open('?date=2026-06-01&lang=uk', 360, 640);
    await waitForIdle(page, 'status-quo', '2026-06-01');
    await page.locator('.panel .handle').click();
    await page.getByRole('combobox', { name: 'Швидкість' }).selectOption('week');
    await page.getByRole('button', { name: 'Відтворити історію' }).click();
    await page.locator('.panel .handle').click();
    await playing(page).waitFor();
    await page.waitForFunction(() => (document.body.dataset.mapIdle ?? '').split('|')[1] >= '2026-06-03');
    expect(await playing(page).innerText()).toMatch(/^\d{1,2} червня 2026 р\.$/);
    const box = (await playing(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'timeline-playing-360.png') });
    await page.close();
  });

  it('marks the plans from the scenario files on the timeline and the chart, titled on hover and focus', async () => {
    expect(plans.length).toBeGreaterThanOrEqual(2);
    const page = await app.open('?date=2025-11-20');
    await waitForIdle(page, 'status-quo', '2025-11-20');
    await page.locator('.history svg').waitFor();
    for (const where of ['.timeline', '.history']) {
      const labels = await page
        .locator(`${where} .mark`)
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      for (const p of plans) expect(labels.join(' | ')).toContain(`${p.title}, ${formatDate(p.date!)}`);
    }
    const mark = page.locator('.timeline .mark').first();
    const tip = mark.locator('.tip');
    expect(await tip.isVisible()).toBe(false);
    await mark.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab'); // keyboard focus (:focus-visible), as a reader tabbing to it
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toBe(await mark.getAttribute('aria-label'));
    await page.screenshot({ path: join(SHOTS, 'timeline-plan-focus.png') });
    await page.close();
  });
});

describe('"about 14.5 %"', () => {
  it.each(['en', 'uk'])(
    'the method note and the chart give the same date (%s); the chart label is clear of the lines',
    async (lang) => {
      const page = await app.open(`?date=2025-11-20&lang=${lang}`);
      await waitForIdle(page, 'status-quo', '2025-11-20');
      const key = page.getByTestId('reported-key');
      await key.waitFor();
      await page.locator('details.method').evaluate((d) => ((d as HTMLDetailsElement).open = true));
      const note = await page.getByTestId('method-reported').innerText();
      const day = lang === 'en' ? /\d{1,2} [A-Z][a-z]+ \d{4}/ : /\d{1,2} [а-яіїєґ]+ \d{4} р\./;
      const inChart = day.exec(await key.innerText())?.[0];
      expect(inChart).toBeDefined();
      expect(day.exec(note)?.[0]).toBe(inChart);
      // The value's label sits right of every plotted line.
      const clear = await page.locator('.history svg').evaluate((svg) => {
        const label = svg.querySelector('.reported text')!.getBoundingClientRect();
        const right = Math.max(...[...svg.querySelectorAll('path')].map((p) => p.getBoundingClientRect().right));
        return { label: label.left, right };
      });
      expect(clear.label).toBeGreaterThan(clear.right);
      await page.close();
    },
  );
});
