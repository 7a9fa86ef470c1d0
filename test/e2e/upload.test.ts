/**
 * Your own line without a date in its name: the upload box asks for the date
 * (prefilled from the file's properties), shows it on the page's date when
 * left undated, drops it on Escape; and "Copy link" says a link cannot carry it.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest } from '../helpers/app';
import { waitForIdle, watch } from '../helpers/browser';
import { cli, roundLikeCli } from '../helpers/cli';
import { TEST_DATA } from '../helpers/paths';
import { sourceFile } from '../helpers/sources';

const app = appUnderTest(TEST_DATA);
const dir = mkdtempSync(join(tmpdir(), 'frontline-undated-'));

/** The daily file of 2025-11-20 under a name without a date, its features' properties given `extra`. */
function undatedFile(name: string, extra: Record<string, unknown>): string {
  const fc = JSON.parse(readFileSync(sourceFile({ daily: '2025-11-20' }), 'utf8')) as {
    features: { properties: Record<string, unknown> | null }[];
  };
  for (const f of fc.features) f.properties = { ...f.properties, ...extra };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(fc));
  return file;
}

const headline = (page: Page): Promise<string> => page.getByTestId('headline').innerText();
const sliderText = (page: Page): Promise<string | null> =>
  page.getByRole('slider', { name: 'Snapshot date' }).getAttribute('aria-valuetext');
const prompt = (page: Page) => page.getByRole('group', { name: /has no date in its name/ });
const activeLabel = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLInputElement | null;
    return `${a?.tagName ?? ''}:${a?.type ?? ''}`;
  });

/** Upload a file and wait for the date prompt. */
async function pick(page: Page, file: string): Promise<void> {
  await page.locator('.upload input[type=file]').setInputFiles(file);
  await prompt(page).waitFor({ timeout: 60_000 });
}

type Row = { id: string; [k: string]: number | string };
describe('your own line without a date in its name', () => {
  it('asks for the date, prefilled from its properties, and shows the figures the CLI gives for that date', async () => {
    const file = undatedFile('my-newsroom-line.geojson', { date: '2025-11-21' });
    const page = await app.open('?scenario=us-28-point&date=2025-10-01');
    const log = watch(page, app.preview().url);
    await waitForIdle(page, 'us-28-point', '2025-10-01');
    await pick(page, file);
    const input = prompt(page).getByLabel('Date of the line');
    expect(await input.inputValue()).toBe('2025-11-21');
    expect(await input.getAttribute('min')).toBe('2014-01-01');
    expect(await input.getAttribute('max')).toBe(new Date().toISOString().slice(0, 10));
    expect(await activeLabel(page)).toBe('INPUT:date');
    expect(await prompt(page).innerText()).toContain("2025-11-21 comes from the file's own properties.");
    // Nothing shown yet.
    expect(await page.getByText('Showing your file').count()).toBe(0);
    await page.getByRole('button', { name: 'Show it on this date' }).click();
    await page.getByText('Showing your file my-newsroom-line.geojson (dated 2025-11-21)').waitFor({ timeout: 60_000 });
    await waitForIdle(page, 'us-28-point', '2025-11-21');
    expect(await prompt(page).count()).toBe(0);
    // The CLI on the same file, named with that date.
    const named = join(dir, 'my-newsroom-line-2025-11-21.geojson');
    copyFileSync(file, named);
    const data = join(dir, 'data');
    expect((await cli('ingest', '--source', named, '--data', data)).code).toBe(0);
    const pageReport = await page.evaluate(
      () =>
        (window as unknown as { frontline: { app: { report: { source: { name: string }; rows: Row[] } } } }).frontline
          .app.report,
    );
    const cliReport = JSON.parse(
      (await cli('areas', '--date', '2025-11-21', '--scenario', 'us-28-point', '--data', data)).out,
    ) as { rows: Row[] };
    expect(pageReport.rows.map(roundLikeCli)).toEqual(cliReport.rows);
    expect(pageReport.source.name).toBe('my-newsroom-line.geojson');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('left undated, it is shown on the date the page shows, says so, and Copy link warns that a link cannot carry it', async () => {
    const file = undatedFile('our-line.geojson', {});
    await app.browser().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.preview().url });
    const page = await app.open('?date=2025-10-01');
    const log = watch(page, app.preview().url);
    await waitForIdle(page, 'status-quo', '2025-10-01');
    const slider = await sliderText(page);
    expect(await page.locator('.share').innerText()).not.toContain('links cannot carry');
    await pick(page, file);
    // No date in the properties: the input is empty and "Show it on this date" waits for one.
    expect(await prompt(page).getByLabel('Date of the line').inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Show it on this date' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Leave undated' }).click();
    await page.getByText('Showing your file our-line.geojson (undated)').waitFor({ timeout: 60_000 });
    await waitForIdle(page, 'status-quo', '2025-10-01');
    expect(await sliderText(page)).toBe(slider);
    expect(
      await page.evaluate(() => (window as unknown as { frontline: { app: { date: string } } }).frontline.app.date),
    ).toBe('2025-10-01');
    // Copy link: the bar says a link cannot carry the file, and so does the status after copying.
    const warning = "This link shows DeepStateMap's line, not your file: links cannot carry a file from your computer.";
    expect(await page.locator('.share').innerText()).toContain(warning);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const status = page.locator('.share .status');
    await page.waitForFunction(() => document.querySelector('.share .status')?.textContent !== '');
    expect(await status.innerText()).toBe(
      "Link copied. It shows DeepStateMap's line, not your file: links cannot carry a file from your computer.",
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).searchParams.get('date')).toBe('2025-10-01');
    // Back to DeepStateMap: the warning goes.
    await page.getByRole('button', { name: 'Back to DeepStateMap' }).click();
    await waitForIdle(page, 'status-quo', '2025-10-01');
    await page.getByText('Showing your file').waitFor({ state: 'detached' });
    expect(await page.locator('.share').innerText()).not.toContain(warning);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('Escape drops the file and leaves the view as it was', async () => {
    const file = undatedFile('escape-line.geojson', { updated_at: 1763683200 });
    const page = await app.open('?date=2025-10-01');
    await waitForIdle(page, 'status-quo', '2025-10-01');
    const before = { headline: await headline(page), slider: await sliderText(page), url: page.url() };
    await pick(page, file);
    expect(await prompt(page).getByLabel('Date of the line').inputValue()).toBe('2025-11-21');
    await page.keyboard.press('Escape');
    await prompt(page).waitFor({ state: 'detached' });
    expect(await page.getByText('Showing your file').count()).toBe(0);
    expect(await activeLabel(page)).toBe('INPUT:file');
    await waitForIdle(page, 'status-quo', '2025-10-01');
    expect({ headline: await headline(page), slider: await sliderText(page), url: page.url() }).toEqual(before);
    // Cancel does the same.
    await pick(page, file);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await prompt(page).waitFor({ state: 'detached' });
    expect(await headline(page)).toBe(before.headline);
    expect(await page.getByText('Showing your file').count()).toBe(0);
    await page.close();
  });
});
