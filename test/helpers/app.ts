/**
 * The app under test for a browser test file: built once, served with the
 * ingested test data, with a browser (vitest hooks; the bench does without).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, launch, startPreview, withDate, type Preview } from './browser';
import { ROOT } from './paths';

/** Where browser tests leave their screenshots. */
export const SHOTS = join(ROOT, 'test', 'artifacts', 'screenshots');

export interface AppUnderTest {
  preview(): Preview;
  browser(): BrowserContext;
  /** A new page at a path of the app (query and hash), at a desktop size by default. */
  open(path: string, width?: number, height?: number): Promise<Page>;
}

/**
 * For a test file: build the app once, serve it with the ingested test data
 * and start a browser before its tests, and stop both after them.
 */
export function appUnderTest(data: string): AppUnderTest {
  let preview: Preview | undefined;
  let browser: BrowserContext | undefined;
  beforeAll(async () => {
    buildApp();
    mkdirSync(SHOTS, { recursive: true });
    preview = await startPreview(data);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
  return {
    preview: () => preview!,
    browser: () => browser!,
    async open(path, width = 1280, height = 800) {
      const page = await browser!.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(preview!.url + withDate(path));
      return page;
    },
  };
}
