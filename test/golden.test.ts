/**
 * Golden in -> out fixtures for the engine, in Turf's style: every
 * test/in/NAME.geojson is a small hand-made snapshot with the regions it is
 * about, and test/out/NAME.json is what the engine makes of it: the overlay
 * (per region: occupied, contested and sliver km²) and the area report's rows
 * for each scenario the input names. Any change to the engine's output fails
 * here by fixture name; `REGEN=1 npx vitest run test/golden.test.ts` rewrites
 * the outputs (read the diff before committing it).
 *
 * An input is a FeatureCollection with foreign members `description`, `date`,
 * `kind` (daily or raw), `scenarios`, and optionally `raw` (the plain overlay,
 * `--raw`) and `daily_before` (the series has a daily file before this raw
 * one: the grey zone is folded into Ukraine). Its features:
 * - `role: "region"` with an `id`: a region's boundary; the other 25 regions
 *   are the row of 0.5° squares along 44°N of test/helpers/synthetic.ts, far
 *   away and wholly Ukrainian-held (together the main body of Ukrainian-held
 *   land, about 67,000 km², larger than any fixture's own pieces);
 * - `role: "land"`: a neighbouring country's land (tells a land border from the coast);
 * - anything else: the snapshot, as parseSnapshot reads a file (DeepState's
 *   layer names, or plain polygons of occupied land).
 *
 * Checked by hand: the `hand` checks below compare the stored outputs with
 * areas of lon/lat rectangles computed from the closed form for a band of the
 * WGS84 ellipsoid (`bandKm2`, written here from the formula, not taken from
 * src/lib/engine/ellipsoid.ts): A = a²/2 · Δλ · (q(φ2) − q(φ1)), exact for
 * the engine's method (edges straight in the authalic projection, which
 * parallels and meridians are). They cover every fixture's decisive numbers:
 * which piece is a sliver, what the grey zone counts as, what ORDLO gives.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { packOverlays, type Manifest, type SnapshotEntry, type Stats } from '../src/lib/datafolder/manifest';
import { SOURCE_NAME } from '../src/lib/datafolder/provenance';
import { roundRow } from '../src/lib/datafolder/tables';
import type { AreaRow } from '../src/lib/engine/areas';
import { areasByRegion, landOf, Overlayer, SLIVER_WIDTH_KM } from '../src/lib/engine/overlay';
import { GROUPS, REGION_IDS } from '../src/lib/engine/regions';
import { areaReport } from '../src/lib/engine/report';
import { scenarioById } from '../src/lib/engine/scenarioCatalog';
import { parseSnapshot } from '../src/lib/engine/snapshot';
import { syntheticRegions } from './helpers/synthetic';

const IN = join(import.meta.dirname, 'in');
const OUT = join(import.meta.dirname, 'out');
const REGEN = process.env.REGEN === '1';

interface FixtureInput extends FeatureCollection {
  description: string;
  date: string;
  kind: 'daily' | 'raw';
  scenarios: string[];
  raw?: boolean;
  daily_before?: boolean;
}

interface FixtureOutput {
  description: string;
  overlay: Record<string, { area_km2: number; occupied_km2: number; contested_km2: number; sliver_km2: number }>;
  reports: Record<string, { grey_zone: string; rows: Record<string, Partial<AreaRow>> }>;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** What the engine makes of one input (only the regions the input is about, and the groups). */
function run(input: FixtureInput): FixtureOutput {
  const role = (f: Feature): unknown => f.properties?.role;
  const own = input.features.filter((f) => role(f) === 'region') as Feature<Polygon>[];
  const ids = own.map((f) => String(f.properties!.id));
  const regions = syntheticRegions(Object.fromEntries(own.map((f) => [f.properties!.id, f.geometry.coordinates])));
  const land = landOf({ features: input.features.filter((f) => role(f) === 'land') });
  const name = `fixture-${input.date}.geojson`;
  const snap = parseSnapshot(
    { type: 'FeatureCollection', features: input.features.filter((f) => role(f) === undefined) },
    name,
    input.date,
  );
  const overlays = new Overlayer(regions, land).overlay(snap);
  // The data folder ingest would write for this one snapshot (and a daily one before it, when asked).
  const entry: SnapshotEntry = {
    id: input.kind === 'daily' ? input.date : `${input.date}-${input.kind}`,
    date: input.date,
    kind: input.kind,
    source: name,
    source_sha256: '',
    layers: snap.layers,
  };
  const before: SnapshotEntry = { ...entry, id: '2024-07-08', date: '2024-07-08', kind: 'daily' };
  const ordloKm2 = Object.fromEntries(
    Object.entries(areasByRegion(regions, snap.ordlo)).map(([k, v]) => [k, round4(v)]),
  );
  const manifest: Manifest = {
    format: 0,
    engine: 0,
    attribution: SOURCE_NAME,
    boundaries: { name: 'golden fixture', sha256: '-' },
    sliver_width_km: SLIVER_WIDTH_KM,
    ordlo: snap.ordlo.length ? { snapshot: entry.id, file: 'ordlo.geojson', km2: ordloKm2 } : null,
    snapshots: input.daily_before ? [before, entry] : [entry],
    history: [],
    layers: [],
  };
  const stats: Stats = {
    engine: 0,
    boundaries_sha256: '-',
    regions: [...REGION_IDS],
    area_km2: regions.map((r) => round4(r.area_km2)),
    overlays: { [entry.id]: packOverlays(overlays) },
  };
  const shown = [...ids, ...GROUPS.map((g) => g.id)];
  const reports: FixtureOutput['reports'] = {};
  for (const s of input.scenarios) {
    const report = areaReport(manifest, stats, entry, scenarioById(s), { raw: Boolean(input.raw) });
    reports[s] = {
      grey_zone: report.method.grey_zone,
      rows: Object.fromEntries(
        report.rows
          .filter((r) => shown.includes(r.id))
          .map((r) => {
            const { id, name: _name, kind: _kind, ...figures } = roundRow(r);
            return [id, figures];
          }),
      ),
    };
  }
  return {
    description: input.description,
    overlay: Object.fromEntries(
      overlays
        .filter((o) => ids.includes(o.id))
        .map((o) => [
          o.id,
          {
            area_km2: round4(o.area_km2),
            occupied_km2: round4(o.occupied_km2),
            contested_km2: round4(o.contested_km2),
            sliver_km2: round4(o.sliver_km2),
          },
        ]),
    ),
    reports,
  };
}

// WGS84, for the hand checks.
const A = 6378137;
const F = 1 / 298.257223563;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const q = (latDeg: number): number => {
  const s = Math.sin((latDeg * Math.PI) / 180);
  return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
};
/** km² of the lon/lat rectangle x0..x1 × y0..y1 on the WGS84 ellipsoid. */
const bandKm2 = (x0: number, x1: number, y0: number, y1: number): number =>
  ((A * A) / 2) * (((x1 - x0) * Math.PI) / 180) * (q(y1) - q(y0)) * 1e-6;

/** Per fixture: the numbers checked by hand (km² to 0.01 unless said). */
const hand: Record<string, (out: FixtureOutput) => void> = {
  'sliver-300m-strip-along-the-border': (out) => {
    const d = out.overlay['UA-14'];
    expect(d.area_km2).toBeCloseTo(bandKm2(37, 38, 48, 49), 2);
    expect(d.occupied_km2).toBeCloseTo(bandKm2(37.5, 37.996, 48, 49), 2);
    expect(d.sliver_km2).toBeCloseTo(bandKm2(37.996, 38, 48, 49), 2);
    expect(out.reports['status-quo'].rows['UA-14'].russia_km2).toBeCloseTo(bandKm2(37.5, 38, 48, 49), 1);
    // US 28-point: Donetsk a buffer around what Russia holds (sliver included).
    expect(out.reports['us-28-point'].rows['UA-14'].buffer_km2).toBeCloseTo(bandKm2(37, 37.5, 48, 49), 1);
  },
  'raw-flag-keeps-the-sliver-ukrainian': (out) => {
    const r = out.reports['status-quo'].rows['UA-14'];
    expect(r.russia_km2).toBeCloseTo(bandKm2(37.5, 37.996, 48, 49), 1);
    expect(r.ukraine_km2).toBeCloseTo(bandKm2(37, 37.5, 48, 49) + bandKm2(37.996, 38, 48, 49), 1);
  },
  'coast-enclave-cut-off-by-the-line-is-russian': (out) => {
    expect(out.overlay['UA-14'].sliver_km2).toBeCloseTo(bandKm2(37, 38, 48, 48.1), 2);
    expect(out.reports['status-quo'].rows['UA-14'].ukraine_km2).toBeCloseTo(bandKm2(37, 38, 48.3, 49), 1);
  },
  'land-border-enclave-stays-ukrainian': (out) => {
    expect(out.overlay['UA-14'].sliver_km2).toBe(0);
    expect(out.reports['status-quo'].rows['UA-14'].ukraine_km2).toBeCloseTo(
      bandKm2(37, 38, 48, 48.1) + bandKm2(37, 38, 48.3, 49),
      1,
    );
  },
  'hole-in-russian-held-polygon': (out) => {
    expect(out.overlay['UA-14'].sliver_km2).toBeCloseTo(bandKm2(37.7, 37.705, 48.6, 48.7), 2);
    expect(out.reports['status-quo'].rows['UA-14'].ukraine_km2).toBeCloseTo(bandKm2(37.4, 37.47, 48.4, 48.45), 1);
  },
  'grey-zone-folded-into-ukraine-for-a-raw-snapshot': (out) => {
    expect(out.overlay['UA-14'].contested_km2).toBeCloseTo(bandKm2(37.4, 37.5, 48, 49), 2);
    const r = out.reports['status-quo'].rows['UA-14'];
    expect(r.contested_km2).toBe(0);
    expect(r.ukraine_km2).toBeCloseTo(bandKm2(37, 37.5, 48, 49), 1);
    expect(out.reports['status-quo'].grey_zone).toMatch(/^counted as held by Ukraine/);
  },
  'grey-zone-stays-contested-before-the-daily-series': (out) => {
    const r = out.reports['status-quo'].rows['UA-14'];
    expect(r.contested_km2).toBeCloseTo(bandKm2(37.4, 37.5, 48, 49), 1);
    expect(r.ukraine_km2).toBeCloseTo(bandKm2(37, 37.4, 48, 49), 1);
    expect(out.reports['status-quo'].grey_zone).toMatch(/^counted as contested/);
  },
  'ordlo-layer-for-the-pre-2022-line': (out) => {
    const r = out.reports['pre-2022'].rows['UA-14'];
    expect(r.russia_km2).toBeCloseTo(bandKm2(37.8, 38, 48, 49), 1);
    expect(r.returned_km2).toBeCloseTo(bandKm2(37.5, 37.8, 48, 49), 1);
    expect(out.reports['status-quo'].rows['UA-14'].russia_km2).toBeCloseTo(bandKm2(37.5, 38, 48, 49), 1);
  },
  'region-split-by-the-line': (out) => {
    const us = out.reports['us-28-point'].rows;
    expect(us['UA-14'].russia_km2).toBeCloseTo(bandKm2(37.6, 38, 48, 49), 1);
    expect(us['UA-14'].buffer_km2).toBeCloseTo(bandKm2(37, 37.6, 48, 49), 1);
    expect(us['UA-09'].russia_km2).toBeCloseTo(bandKm2(38, 39, 48, 49), 1);
    expect(us.donbas.ceded_km2).toBeCloseTo(bandKm2(37, 37.6, 48, 49), 1);
    expect(out.reports['russia-demand'].rows.donbas.russia_km2).toBeCloseTo(bandKm2(37, 39, 48, 49), 1);
  },
};

const names = readdirSync(IN)
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => basename(f, '.geojson'))
  .sort();

describe('golden fixtures (test/in -> test/out)', () => {
  it('has at least 5 fixtures, each with its hand checks', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(hand).sort()).toEqual(names);
  });

  it.each(names)('%s', (name) => {
    const input = JSON.parse(readFileSync(join(IN, `${name}.geojson`), 'utf8')) as FixtureInput;
    const out = run(input);
    const text = JSON.stringify(out, null, 1) + '\n';
    const file = join(OUT, `${name}.json`);
    if (REGEN) writeFileSync(file, text);
    expect(text, `${name}: the engine's output changed (REGEN=1 rewrites test/out)`).toBe(readFileSync(file, 'utf8'));
    hand[name](JSON.parse(text) as FixtureOutput);
  });
});
