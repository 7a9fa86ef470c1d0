/**
 * `npm run bench [-- --json]`: the project's performance figures. Times are
 * medians of repeated runs where a run is short; machines are shared and
 * noisy, so read ratios rather than single numbers.
 *
 * Keys (stable; later work adds to them):
 * - history_snapshots: daily snapshots in the data set
 * - history_areas_s: wall time of `frontline areas --from 2024-07-08 --to
 *   2026-08-22 --scenario status-quo --kind daily` (a real process)
 * - history_ms_per_snapshot: the same per snapshot
 * - history_overlay_s: the engine's overlay of every daily snapshot from
 *   scratch (what ingest computes once; `areas` then reads its results)
 * - overlay_ms_per_snapshot, turf_intersect_ms_per_snapshot and their ratio
 * - js_gzip_kb: JavaScript the page loads on the main thread at first load
 *   (gzip -9); worker_gzip_kb: MapLibre's worker
 * - first_idle_ms: navigation to the map's first idle with figures shown,
 *   headless Chromium, software WebGL (median of 5 loads)
 * - switch_ms: scenario click to the map idle on the new scenario and the
 *   numbers updated, timed in the page (median of 12 switches);
 *   switch_harness_ms: the same seen from the test driver, with its round trips
 * - compare_switch_ms: with compare on (the US draft beside a second plan),
 *   a change of the second plan in its select to the compared map's idle on
 *   it, timed in the page (median of 12 changes)
 * - timeline_step_ms: "Next snapshot" click to the map idle on the new date
 *   with the numbers updated, timed in the page (median of 20 steps over
 *   consecutive days, none of them loaded before)
 * - history_gzip_mb: the history chunks of the daily series (gzip -9, MB =
 *   1e6 bytes): what the page downloads to play every daily snapshot;
 *   history_snapshots_gzip_mb: the same days as snapshot files; their ratio
 *   history_gzip_ratio; history_raw_gzip_mb: the raw series' chunks
 * - history_decode_ms: median time to decode one frame of a loaded chunk
 *   from the frame before it (stepping the timeline); history_decode_first_ms:
 *   median for a chunk's first frame (stored whole); history_decode_chunk_ms:
 *   median to decode every frame of a chunk (a jump to its last day);
 *   history_chunk_parse_ms: median JSON.parse and check of a chunk
 * - update_incremental_s: `frontline update` of one new revision from a local
 *   stand-in for DeepState's API into a copy of the up-to-date data folder
 *   (list, download, check, ingest), cold cache (median of 3)
 * - video_export_s: the time-lapse export of the newest 365 daily snapshots
 *   at 1280×720, WebM (VP9), through the page's `exportVideo` (each date
 *   shown, drawn and encoded), headless Chromium with software WebGL (one run)
 *
 * `--only browser`, `--only engine`, `--only history`, `--only strip`, `--only update`, `--only ingest`,
 * `--only compare` or `--only video` runs one group (compare and the video are part of `browser`, too;
 * `--no-video` leaves the video out).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featureCollection, intersect } from '@turf/turf';
import type { Page } from 'playwright-core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { run } from '../src/cli/main';
import { DEFAULT_BOUNDARIES, loadBoundaries, overlayerFor } from '../src/cli/boundaries';
import { parseSnapshot } from '../src/lib/engine/snapshot';
import { SCENARIOS } from '../src/lib/engine/scenarioCatalog';
import { HistoryChunkReader } from '../src/lib/datafolder/historyCodec';
import type { Manifest } from '../src/lib/datafolder/manifest';
import { bandAround, computeStrip } from '../src/lib/engine/strip';
import { snapshotOn } from '../src/lib/datafolder/manifest';
import { readDataFolder, loadStripInput } from '../src/cli/store';
import { buffer } from '@turf/turf';
import { gzipSync } from 'node:zlib';
import { apiRevisions, startApiServer } from './helpers/apiServer';
import { probeVideo } from './helpers/video';
import { buildApp, launch, startPreview, waitForIdle, withDate } from './helpers/browser';
import { ROOT, DAILY, DEEPSTATE, TEST_DATA } from './helpers/paths';

const json = process.argv.includes('--json');
const log = (s: string): void => void process.stderr.write(s + '\n');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

/**
 * In the page: ms from the performance mark `mark` (a click's or a date's handler) to the map's last idle after it.
 * (No named functions inside: tsx would wrap them in a helper the page does not have.)
 */
function msToIdle(page: Page, mark: string, idle = 'frontline:idle'): Promise<number> {
  return page.evaluate(
    ([name, idleName]) => {
      const start = performance.getEntriesByName(name)[0].startTime;
      return (
        Math.max(
          ...performance
            .getEntriesByName(idleName)
            .map((e) => e.startTime)
            .filter((x) => x > start),
        ) - start
      );
    },
    [mark, idle] as const,
  );
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

async function browserFigures(data: string, figures: Record<string, number | string>): Promise<void> {
  buildApp();
  const dist = join(ROOT, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  figures.js_gzip_kb = round(
    scripts.reduce((s, f) => s + gzipKb(join(dist, f)), 0),
    1,
  );
  const worker = readdirSync(join(dist, 'assets')).find((f) => f.startsWith('maplibre-gl-worker'));
  if (worker) figures.worker_gzip_kb = round(gzipKb(join(dist, 'assets', worker)), 1);
  const preview = await startPreview(data);
  const browser = await launch();
  try {
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      const t = performance.now();
      await page.goto(preview.url + withDate(''));
      await waitForIdle(page, 'status-quo');
      loads.push(performance.now() - t);
      await page.close();
    }
    figures.first_idle_ms = Math.round(median(loads));
    const page = await browser.newPage();
    await page.goto(preview.url + withDate(''));
    await waitForIdle(page, 'status-quo');
    const switches: number[] = [];
    const order = ['us-28-point', 'status-quo', 'russia-demand', 'europe-counter', 'borders-1991', 'pre-2022'];
    const titles = new Map(SCENARIOS.map((s) => [s.id, s.title]));
    const harness: number[] = [];
    for (let i = 0; i < 12; i++) {
      const id = order[i % order.length];
      const before = await page.getByTestId('headline').textContent();
      await page.evaluate(() => performance.clearMarks());
      const t = performance.now();
      await page.getByRole('radio', { name: titles.get(id)! }).check();
      await waitForIdle(page, id);
      await page.waitForFunction((b) => document.querySelector('[data-testid=headline]')?.textContent !== b, before);
      harness.push(performance.now() - t);
      // In the page: from the click's handler to the map's idle on the new scenario (the numbers update before).
      switches.push(await msToIdle(page, 'frontline:select'));
    }
    figures.switch_harness_ms = Math.round(median(harness));
    figures.switch_ms = Math.round(median(switches));
    figures.timeline_step_ms = Math.round(median(await timelineSteps(page, 20)));
    log(
      `first idle ${figures.first_idle_ms} ms, switch ${figures.switch_ms} ms, timeline step ${figures.timeline_step_ms} ms (medians)`,
    );
    await page.close();
    await compareFigures(preview.url, browser, figures);
    // `--no-video`: the browser group without its longest part (minutes), e.g. to compare two commits in one hour.
    if (!process.argv.includes('--no-video')) await videoFigures(preview.url, browser, figures);
  } finally {
    await browser.close();
    await preview.stop();
  }
}

/** Changes of the compared plan with compare on, each timed in the page from the choice to the compared map's idle. */
async function compareFigures(
  url: string,
  browser: Awaited<ReturnType<typeof launch>>,
  figures: Record<string, number | string>,
): Promise<void> {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url + withDate('?scenario=us-28-point&compare=status-quo'));
  await waitForIdle(page, 'us-28-point');
  const date = await page.evaluate(() => (document.body.dataset.mapIdle ?? '').split('|')[1]);
  const order = [
    'framework-20-point',
    'status-quo',
    'russia-demand',
    'europe-counter',
    'anchorage-formula',
    'borders-1991',
  ];
  const times: number[] = [];
  for (let i = 0; i < 12; i++) {
    const id = order[i % order.length];
    await page.evaluate(() => performance.clearMarks());
    await page.getByLabel('Second plan').selectOption(id);
    await page.waitForFunction((want) => document.body.dataset.compareIdle === want, `${id}|${date}`);
    times.push(await msToIdle(page, 'frontline:compare-select', 'frontline:compare-idle'));
  }
  figures.compare_switch_ms = Math.round(median(times));
  log(`compare switch ${figures.compare_switch_ms} ms (median of ${times.length})`);
  await page.close();
}

/** The 365-frame export, timed in the page; the clip's frame count is checked against the request. */
async function videoFigures(
  url: string,
  browser: Awaited<ReturnType<typeof launch>>,
  figures: Record<string, number | string>,
): Promise<void> {
  const page = await browser.newPage();
  await page.goto(url + withDate(''));
  await waitForIdle(page, 'status-quo');
  const dates = await page.evaluate(() =>
    (window as unknown as { frontline: { app: { series: { date: string; kind: string }[] } } }).frontline.app.series
      .filter((s) => s.kind === 'daily')
      .map((s) => s.date)
      .slice(-365),
  );
  const [download, ms] = await Promise.all([
    page.waitForEvent('download', { timeout: 1_800_000 }),
    page.evaluate(
      async ([from, to]) => {
        const t = performance.now();
        await (window as unknown as { frontline: { exportVideo(o: object): Promise<unknown> } }).frontline.exportVideo({
          from,
          to,
          size: { width: 1280, height: 720 },
          format: 'webm',
        });
        return performance.now() - t;
      },
      [dates[0], dates.at(-1)!] as const,
    ),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'frontline-bench-video-')), download.suggestedFilename());
  await download.saveAs(file);
  const frames = probeVideo(file).nb_read_frames;
  if (Number(frames) !== dates.length) throw new Error(`the clip has ${frames} frames, not ${dates.length}`);
  figures.video_export_s = round(ms / 1000, 1);
  log(`video export of ${dates.length} daily frames at 1280×720: ${figures.video_export_s} s`);
  await page.close();
}

/** Steps forward from the page's date, each timed in the page from the click to the idle on the new date. */
async function timelineSteps(page: Page, n: number): Promise<number[]> {
  const steps: number[] = [];
  await page.getByRole('radio', { name: 'Status quo' }).check();
  await waitForIdle(page, 'status-quo');
  for (let i = 0; i < n; i++) {
    const from = await page.evaluate(() => (document.body.dataset.mapIdle ?? '').split('|')[1]);
    await page.evaluate(() => performance.clearMarks());
    await page.getByRole('button', { name: 'Next snapshot' }).click();
    await page.waitForFunction((d) => {
      const [, date] = (document.body.dataset.mapIdle ?? '').split('|');
      return (
        date > d &&
        document.querySelector('[data-testid=headline]')?.textContent?.includes(
          new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }),
        )
      );
    }, from);
    steps.push(await msToIdle(page, 'frontline:date'));
  }
  return steps;
}

/** Bytes and decoding times of the history chunks (see src/lib/datafolder/historyCodec.ts). */
function historyFigures(data: string, manifest: Manifest, figures: Record<string, number | string>): void {
  const history = manifest.history ?? [];
  if (history.length === 0) throw new Error(`${data} has no history chunks: run ingest again`);
  const gzipBytes = (files: string[]): number =>
    files.reduce((n, f) => n + gzipSync(readFileSync(join(data, f)), { level: 9 }).length, 0);
  const daily = history.filter((h) => h.series === 'daily');
  const chunks = gzipBytes(daily.map((h) => h.file));
  figures.history_gzip_mb = round(chunks / 1e6);
  figures.layers_gzip_mb = round(
    gzipBytes(manifest.layers.filter((h) => h.series === 'daily').map((h) => h.file)) / 1e6,
  );
  if (existsSync(DEEPSTATE)) {
    // Against the daily source files, one a day (what a timeline without chunks would fetch, and more).
    const sources = manifest.snapshots
      .filter((s) => s.kind === 'daily')
      .reduce((n, s) => n + gzipSync(readFileSync(join(DEEPSTATE, s.source)), { level: 9 }).length, 0);
    figures.history_sources_gzip_mb = round(sources / 1e6);
    figures.history_gzip_ratio = round(sources / chunks, 1);
  }
  figures.history_raw_gzip_mb = round(gzipBytes(history.filter((h) => h.series === 'raw').map((h) => h.file)) / 1e6);
  const [step, first, whole, parse]: number[][] = [[], [], [], []];
  for (let round = 0; round < 3; round++)
    for (const h of daily) {
      const text = readFileSync(join(data, h.file), 'utf8');
      let t = performance.now();
      const reader = new HistoryChunkReader(JSON.parse(text), h.file);
      parse.push(performance.now() - t);
      const start = performance.now();
      for (const [i, id] of reader.ids.entries()) {
        t = performance.now();
        reader.frame(id);
        (i === 0 ? first : step).push(performance.now() - t);
      }
      whole.push(performance.now() - start);
    }
  figures.history_decode_ms = round(median(step));
  figures.history_decode_first_ms = round(median(first), 2);
  figures.history_decode_chunk_ms = round(median(whole), 1);
  figures.history_chunk_parse_ms = round(median(parse), 1);
  log(
    `history: daily chunks ${figures.history_gzip_mb} MB gzip (layers ${figures.layers_gzip_mb} MB) vs source files ${figures.history_sources_gzip_mb ?? '?'} MB; a frame decodes in ${figures.history_decode_ms} ms (median)`,
  );
}

/** The strip on 2025-11-20 for W = 1, 5, 10 km: ours against Turf's buffer. */
function stripFigures(data: string, figures: Record<string, number | string>): void {
  // The same input the CLI's areas takes (the snapshot decoded from its chunks, the display regions).
  const ds = readDataFolder(data);
  const input = loadStripInput(ds, snapshotOn(ds.manifest, '2025-11-20'));
  const timed = (n: number, f: () => void): number => {
    const ts: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      f();
      ts.push(performance.now() - t);
    }
    return Math.round(median(ts));
  };
  for (const w of [1, 5, 10]) {
    const strip = computeStrip(input, w);
    const km2 = (ids: string[]): number =>
      round(
        ids.reduce((a, id) => a + strip.areas[id].km2, 0),
        1,
      );
    figures[`strip_km2_w${w}`] = km2(Object.keys(strip.areas));
    figures[`strip_donbas_km2_w${w}`] = km2(['UA-14', 'UA-09']);
    figures[`strip_ms_w${w}`] = timed(5, () => computeStrip(input, w));
    figures[`strip_band_ms_w${w}`] = timed(5, () => bandAround(input.line, w));
    figures[`turf_buffer_ms_w${w}`] = timed(3, () =>
      buffer({ type: 'Feature', properties: {}, geometry: input.line }, w, { units: 'kilometers' }),
    );
    log(
      `strip ${w} km: ${figures[`strip_km2_w${w}`]} km², ${figures[`strip_ms_w${w}`]} ms (Turf buffer alone ${figures[`turf_buffer_ms_w${w}`]} ms)`,
    );
  }
}

/** One new revision into the up-to-date data folder, as a daily `frontline update` would be. */
async function updateFigures(
  data: string,
  manifest: Manifest,
  figures: Record<string, number | string>,
): Promise<void> {
  const newest = manifest.snapshots.reduce((a, e) => (a > e.date ? a : e.date), '');
  // The day after the newest: noon UTC, with the layers of the newest reference revision.
  const id = Date.parse(`${newest}T12:00:00Z`) / 1000 + 86_400;
  const server = await startApiServer([
    { ...apiRevisions().at(-2)!, id, createdAt: new Date(id * 1000).toISOString() },
  ]);
  const times: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-update-'));
      cpSync(data, join(dir, 'data'), { recursive: true });
      process.env.FRONTLINE_CACHE = join(dir, 'cache');
      let err = '';
      const t = performance.now();
      const code = await run(['update', '--api', server.base, '--data', join(dir, 'data')], {
        out: () => {},
        err: (s) => void (err += s),
        isTTY: false,
      });
      times.push((performance.now() - t) / 1000);
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0 || server.requests.filter((p) => p.endsWith('/geojson')).length !== i + 1)
        throw new Error(`update failed (${code}): ${err}`);
    }
  } finally {
    delete process.env.FRONTLINE_CACHE;
    await server.close();
  }
  figures.update_incremental_s = round(median(times), 2);
  log(
    `update of one new revision into ${manifest.snapshots.length} snapshots: ${figures.update_incremental_s} s (median of ${times.length})`,
  );
}

/** The 810 reference files ingested from scratch into an empty folder (what a new user's first ingest costs), once: it takes a minute or two. */
async function ingestFigures(figures: Record<string, number | string>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'frontline-bench-ingest-'));
  try {
    let err = '';
    const t = performance.now();
    const code = await run(['ingest', '--source', DEEPSTATE, '--data', join(dir, 'data')], {
      out: () => {},
      err: (s) => void (err += s),
      isTTY: false,
    });
    if (code !== 0) throw new Error(`ingest failed (${code}): ${err}`);
    figures.ingest_full_s = round((performance.now() - t) / 1000, 1);
    log(`ingest of ${DEEPSTATE} from scratch: ${figures.ingest_full_s} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const data = process.env.FRONTLINE_DATA ?? TEST_DATA;
  const figures: Record<string, number | string> = {};
  if (!existsSync(join(data, 'manifest.json'))) {
    log(`ingesting ${DEEPSTATE} into ${data} ...`);
    const code = await run(['ingest', '--source', DEEPSTATE, '--data', data], {
      out: () => {},
      err: log,
      isTTY: false,
    });
    if (code !== 0) throw new Error('ingest failed');
  }
  if (only === 'ingest' || (!only && existsSync(DEEPSTATE))) await ingestFigures(figures);
  if (only === 'ingest') return print(figures);
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
  figures.boundaries = manifest.boundaries.name;
  if (!only || only === 'history') historyFigures(data, manifest, figures);
  if (only === 'history') return print(figures);

  if (only === 'strip') {
    stripFigures(data, figures);
    return print(figures);
  }
  if (only === 'update') {
    await updateFigures(data, manifest, figures);
    return print(figures);
  }
  if (only === 'compare' || only === 'video') {
    // One browser group on its own: the app built and served, a browser, the group's figures.
    buildApp();
    const preview = await startPreview(data);
    const browser = await launch();
    try {
      await (only === 'compare' ? compareFigures : videoFigures)(preview.url, browser, figures);
    } finally {
      await browser.close();
      await preview.stop();
    }
    return print(figures);
  }
  if (only !== 'engine') await browserFigures(data, figures);
  if (only === 'browser') return print(figures);
  stripFigures(data, figures);
  await updateFigures(data, manifest, figures);
  const bin = join(ROOT, 'src', 'cli', 'bin.mjs');
  const args = [
    bin,
    'areas',
    '--from',
    '2024-07-08',
    '--to',
    '2026-08-22',
    '--scenario',
    'status-quo',
    '--kind',
    'daily',
    '--format',
    'csv',
    '--data',
    data,
  ];
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    times.push((performance.now() - t) / 1000);
    rows = out.trim().split('\n').length - 1;
  }
  const snapshots = rows / 30;
  figures.history_snapshots = snapshots;
  figures.history_areas_s = round(median(times));
  figures.history_ms_per_snapshot = round((1000 * median(times)) / snapshots, 2);
  log(`areas over ${snapshots} snapshots: ${figures.history_areas_s} s (median of ${times.length})`);

  const { regions } = loadBoundaries(undefined);
  const files = manifest.snapshots
    .filter((s: { kind: string }) => s.kind === 'daily')
    .map((s: { date: string }) => join(DAILY, `deepstatemap_data_${s.date.replaceAll('-', '')}.geojson`));
  const overlayer = overlayerFor(regions);
  let t = performance.now();
  for (const [i, f] of files.entries()) {
    overlayer.overlay(parseSnapshot(JSON.parse(readFileSync(f, 'utf8')), f));
    if (!json && i % 100 === 0) process.stderr.write(`\roverlay ${i}/${files.length}`);
  }
  const overlayS = (performance.now() - t) / 1000;
  figures.history_overlay_s = round(overlayS, 1);
  figures.overlay_ms_per_snapshot = round((1000 * overlayS) / files.length, 1);
  log(`\roverlay of ${files.length} daily snapshots from scratch: ${figures.history_overlay_s} s`);

  // Turf 7's intersect on one snapshot, for the ratio (the whole history would take half an hour).
  const occupied = JSON.parse(readFileSync(join(DAILY, 'deepstatemap_data_20251120.geojson'), 'utf8'))
    .features[0] as Feature<MultiPolygon>;
  const fc = JSON.parse(readFileSync(DEFAULT_BOUNDARIES, 'utf8')).features as Feature<Polygon | MultiPolygon>[];
  t = performance.now();
  for (const region of fc) intersect(featureCollection([occupied, region]));
  figures.turf_intersect_ms_per_snapshot = Math.round(performance.now() - t);
  const cold = overlayerFor(regions);
  const snap = parseSnapshot({ type: 'FeatureCollection', features: [occupied] }, 'deepstatemap_data_20251120.geojson');
  t = performance.now();
  cold.overlay(snap);
  figures.overlay_cold_ms_per_snapshot = Math.round(performance.now() - t);
  figures.speedup_vs_turf_cold = round(
    Number(figures.turf_intersect_ms_per_snapshot) / Number(figures.overlay_cold_ms_per_snapshot),
    1,
  );

  print(figures);
}

function print(figures: Record<string, number | string>): void {
  if (json) process.stdout.write(JSON.stringify(figures) + '\n');
  else for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(32)} ${v}\n`);
}

await main();
