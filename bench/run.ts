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
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { run } from '../src/cli/main';
import { loadBoundaries } from '../src/cli/boundaries';
import { Overlayer } from '../src/lib/geo/overlay';
import { parseSnapshot } from '../src/lib/geo/snapshot';
import { ROOT, DAILY, DEEPSTATE, HIRES, TEST_DATA } from '../test/helpers/paths';

const json = process.argv.includes('--json');
const log = (s: string): void => void process.stderr.write(s + '\n');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const data = process.env.FRONTLINE_DATA ?? TEST_DATA;
  const figures: Record<string, number | string> = {};
  if (!existsSync(join(data, 'manifest.json'))) {
    log(`ingesting ${DEEPSTATE} into ${data} ...`);
    const t = performance.now();
    const code = await run(['ingest', '--source', DEEPSTATE, '--boundaries', HIRES, '--data', data], { out: () => {}, err: log, isTTY: false });
    if (code !== 0) throw new Error('ingest failed');
    figures.ingest_s = round((performance.now() - t) / 1000, 1);
  }
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
  figures.boundaries = manifest.boundaries.name;

  const bin = join(ROOT, 'bin', 'frontline.mjs');
  const args = [bin, 'areas', '--from', '2024-07-08', '--to', '2026-08-22', '--scenario', 'status-quo', '--kind', 'daily', '--format', 'csv', '--data', data];
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    times.push((performance.now() - t) / 1000);
    rows = out.trim().split('\n').length - 1;
  }
  const snapshots = rows / 30;
  figures.history_snapshots = snapshots;
  figures.history_areas_s = round(median(times));
  figures.history_ms_per_snapshot = round((1000 * median(times)) / snapshots, 2);
  log(`areas over ${snapshots} snapshots: ${figures.history_areas_s} s (median of ${times.length})`);

  const { regions } = loadBoundaries(HIRES);
  const files = manifest.snapshots.filter((s: { kind: string }) => s.kind === 'daily').map((s: { date: string }) => join(DAILY, `deepstatemap_data_${s.date.replaceAll('-', '')}.geojson`));
  const overlayer = new Overlayer(regions);
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
  const occupied = JSON.parse(readFileSync(join(DAILY, 'deepstatemap_data_20251120.geojson'), 'utf8')).features[0] as Feature<MultiPolygon>;
  const fc = JSON.parse(readFileSync(HIRES, 'utf8')).features as Feature<Polygon | MultiPolygon>[];
  t = performance.now();
  for (const region of fc) intersect(featureCollection([occupied, region]));
  figures.turf_intersect_ms_per_snapshot = Math.round(performance.now() - t);
  const cold = new Overlayer(regions);
  const snap = parseSnapshot({ type: 'FeatureCollection', features: [occupied] }, 'deepstatemap_data_20251120.geojson');
  t = performance.now();
  cold.overlay(snap);
  figures.overlay_cold_ms_per_snapshot = Math.round(performance.now() - t);
  figures.speedup_vs_turf_cold = round(Number(figures.turf_intersect_ms_per_snapshot) / Number(figures.overlay_cold_ms_per_snapshot), 1);

  if (json) process.stdout.write(JSON.stringify(figures) + '\n');
  else for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(32)} ${v}\n`);
}

await main();
