/**
 * A custom scenario link in real Chromium: the page shows the definition in
 * the `custom` parameter, and its figures, strip included, are the CLI's for
 * the same definition as a scenario file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext } from 'playwright-core';
import type { ScenarioDefinition } from '../../src/lib/engine/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundRow } from '../../src/lib/datafolder/tables';
import type { AreaRow } from '../../src/lib/engine/areas';
import { decodeCustomScenario, scenarioFileOf } from '../../src/lib/state/customScenario';
import { buildApp, launch, startPreview, waitForIdle, type Preview } from '../helpers/browser';
import { cli } from '../helpers/cli';
import { TEST_DATA } from '../helpers/paths';

let preview: Preview;
let browser: BrowserContext;

beforeAll(async () => {
  buildApp();
  preview = await startPreview(TEST_DATA);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('a custom scenario link', () => {
  const value = 'us-28-point~*:u,UA-43:r,UA-40:r,UA-09:r,UA-14:b,UA-23:l,UA-65:l~5~Donbas buffer <b>plus</b> strip';

  it('shows the scenario by its name (as text) with the figures the CLI gives for its file, strip included', async () => {
    const page = await browser.newPage();
    await page.goto(`${preview.url}?custom=${encodeURIComponent(value)}&date=2025-11-20`);
    await waitForIdle(page, 'custom');
    await expect.poll(() => page.getByTestId('scenario-title').textContent()).toBe('Donbas buffer bplus/b strip');
    const rows = await page.evaluate(
      () => (window as unknown as { frontline: { app: { rows: AreaRow[] | null } } }).frontline.app.rows,
    );
    expect(rows).not.toBeNull();

    const file = join(mkdtempSync(join(tmpdir(), 'frontline-e2e-custom-')), 'custom.json');
    writeFileSync(file, scenarioFileOf(decodeCustomScenario(value)!));
    const r = await cli('areas', '--date', '2025-11-20', '--scenario-file', file, '--data', TEST_DATA);
    expect(r.code).toBe(0);
    const byId = new Map<string, AreaRow>(JSON.parse(r.out).rows.map((x: AreaRow) => [x.id, x]));
    // Rounded as the CLI rounds: then every figure, strip included, is the same number.
    for (const row of rows!) expect(roundRow(row), row.id).toEqual(byId.get(row.id));
    // The strip lies where the plan keeps the line (Zaporizhzhia, Kherson), not in Donetsk's buffer zone.
    expect(byId.get('UA-23')!.strip_km2).toBeGreaterThan(1000);
    expect(byId.get('UA-14')!.strip_km2).toBe(0);
    await page.close();
  });

  it('downloads under a slug of its name, with its definition in full in the data package', async () => {
    const page = await browser.newPage();
    await page.goto(`${preview.url}?custom=${encodeURIComponent(value)}&date=2025-11-20`);
    await waitForIdle(page, 'custom');
    await page.locator('.downloads').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Table + data package (ZIP)' }).click(),
    ]);
    expect(d.suggestedFilename()).toBe('frontline-custom-donbas-buffer-bplus-b-strip-2025-11-20.zip');
    const path = join(mkdtempSync(join(tmpdir(), 'frontline-e2e-custom-')), d.suggestedFilename());
    await d.saveAs(path);
    const entries = unzipSync(readFileSync(path));
    const descriptor = JSON.parse(strFromU8(entries['datapackage.json'])) as {
      frontline: { scenarios: ScenarioDefinition[] };
      resources: { path: string }[];
    };
    const [def] = descriptor.frontline.scenarios;
    const expected = decodeCustomScenario(value)!;
    expect(def.rules).toEqual(expected.rules);
    expect(def.strip_km).toBe(5);
    expect(def.title).toBe('Donbas buffer bplus/b strip');
    expect(descriptor.resources[0].path).toBe('frontline-custom-donbas-buffer-bplus-b-strip-2025-11-20.csv');
    await page.close();
  });
});
