/**
 * The demilitarised strip: hand-checkable synthetic lines (a band of width W
 * around a geodesic of length L has area 2WL + πW²), and invariants and a
 * cross-check with Turf's buffer on the real line of 2025-11-20.
 */
import { buffer } from '@turf/turf';
import { Geodesic } from 'geographiclib-geodesic';
import type { MultiLineString, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotOn } from '../src/lib/datafolder/manifest';
import { areaKm2, difference, intersect, pathsFromGeometry, union, type Paths } from '../src/lib/engine/polygons';
import { areaReport } from '../src/lib/engine/report';
import { scenarioById } from '../src/lib/engine/scenarioCatalog';
import { bandAround, computeStrip, type StripInput } from '../src/lib/engine/strip';
import { readDataFolder, loadStripInput, type DataFolder } from '../src/cli/store';
import { denseRect } from './helpers/synthetic';
import { TEST_DATA } from './helpers/paths';

const g = Geodesic.WGS84;

/** A geodesic from (lat1, lon1) to (lat2, lon2) with a vertex every ~1 km, and its length in km. */
function geodesicLine(lat1: number, lon1: number, lat2: number, lon2: number): { coords: Position[]; km: number } {
  const line = g.InverseLine(lat1, lon1, lat2, lon2);
  const n = Math.ceil(line.s13 / 1000);
  const coords: Position[] = [];
  for (let i = 0; i <= n; i++) {
    const p = line.Position((line.s13 * i) / n);
    coords.push([p.lon2!, p.lat2!]);
  }
  return { coords, km: line.s13 / 1000 };
}

const rectPaths = (x0: number, y0: number, x1: number, y1: number): Paths =>
  pathsFromGeometry({ type: 'Polygon', coordinates: [denseRect(x0, y0, x1, y1)] });
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('strip on synthetic lines', () => {
  // One big region around the lines, far from its edges; east of 36°E "held by Russia".
  const regions = new Map([['UA-14', rectPaths(30, 44, 42, 53)]]);
  const held = rectPaths(36, 44, 42, 53);

  it.each([1, 10, 50])('a meridian 48–49°N, W = %d km: 2WL + πW², half of it on each side', (w) => {
    const { coords, km } = geodesicLine(48, 36, 49, 36);
    const input: StripInput = { line: { type: 'MultiLineString', coordinates: [coords] }, regions, held };
    const s = computeStrip(input, w);
    const expected = 2 * w * km + Math.PI * w * w;
    expect(Math.abs(s.areas['UA-14'].km2 / expected - 1)).toBeLessThan(0.003);
    // The line lies on the held rectangle's edge: each side has half the band.
    expect(Math.abs(s.areas['UA-14'].russia_side_km2 / (expected / 2) - 1)).toBeLessThan(0.003);
    expect(s.areas['UA-14'].ukraine_side_km2 + s.areas['UA-14'].russia_side_km2).toBeCloseTo(s.areas['UA-14'].km2, 6);
  });

  it('a diagonal geodesic (35°E 47°N to 37.5°E 48.5°N, 260 km), W = 5 km, and two lines apart add up', () => {
    const a = geodesicLine(47, 35, 48.5, 37.5);
    const b = geodesicLine(50, 38, 50.5, 39);
    const one = computeStrip({ line: { type: 'MultiLineString', coordinates: [a.coords] }, regions, held: [] }, 5);
    expect(Math.abs(one.areas['UA-14'].km2 / (2 * 5 * a.km + Math.PI * 25) - 1)).toBeLessThan(0.003);
    expect(one.areas['UA-14'].russia_side_km2).toBe(0);
    const both = computeStrip(
      { line: { type: 'MultiLineString', coordinates: [a.coords, b.coords] }, regions, held: [] },
      5,
    );
    expect(Math.abs(both.areas['UA-14'].km2 / (10 * (a.km + b.km) + 2 * Math.PI * 25) - 1)).toBeLessThan(0.003);
  });

  it('is clipped to the regions: a line across a region border splits the strip between them', () => {
    const { coords, km } = geodesicLine(48, 35, 48, 37); // crosses 36°E
    const two = new Map([
      ['UA-14', rectPaths(30, 44, 36, 53)],
      ['UA-09', rectPaths(36, 44, 42, 53)],
    ]);
    const s = computeStrip({ line: { type: 'MultiLineString', coordinates: [coords] }, regions: two, held: [] }, 2);
    expect(s.areas['UA-14'].km2).toBeGreaterThan(0);
    expect(s.areas['UA-09'].km2).toBeGreaterThan(0);
    // Not quite a geodesic at 2 km off (parallels curve), so 0.5 %.
    expect(Math.abs((s.areas['UA-14'].km2 + s.areas['UA-09'].km2) / (4 * km + Math.PI * 4) - 1)).toBeLessThan(0.005);
    expect(s.paths.size).toBe(2);
  });

  it('is empty without a line, and rejects widths outside (0, 50] km', () => {
    const s = computeStrip({ line: { type: 'MultiLineString', coordinates: [] }, regions, held }, 5);
    expect(s.areas['UA-14']).toEqual({ km2: 0, ukraine_side_km2: 0, russia_side_km2: 0 });
    const line: MultiLineString = {
      type: 'MultiLineString',
      coordinates: [
        [
          [36, 48],
          [36, 49],
        ],
      ],
    };
    for (const w of [0, -1, 50.5, 1e9, Number.NaN, Infinity]) expect(() => bandAround(line, w)).toThrow(RangeError);
  });
});

describe('strip on the line of 2025-11-20', () => {
  let ds: DataFolder;
  let input: StripInput;
  beforeAll(() => {
    ds = readDataFolder(TEST_DATA);
    input = loadStripInput(ds, snapshotOn(ds.manifest, '2025-11-20'));
  });

  it('grows about linearly with W for small W, and lies in Donetsk oblast most of all', () => {
    const totals = [0.5, 1, 2].map((w) => sum(Object.values(computeStrip(input, w).areas).map((a) => a.km2)));
    // Per km of width: the line is ~1,450 km long, so ~2,900 km² per km less overlaps at bends.
    for (const [i, w] of [0.5, 1, 2].entries()) {
      expect(totals[i] / w).toBeGreaterThan(2 * 1400 * 0.85);
      expect(totals[i] / w).toBeLessThan(2 * 1500);
    }
    expect(totals[1] / totals[0]).toBeGreaterThan(1.85);
    expect(totals[2] / totals[1]).toBeGreaterThan(1.8);
    const s = computeStrip(input, 5);
    const top = Object.entries(s.areas).sort((a, b) => b[1].km2 - a[1].km2)[0][0];
    expect(top).toBe('UA-14');
  });

  it('lies within Ukraine, sums over regions to the band clipped to Ukraine, sides add up', () => {
    const s = computeStrip(input, 5);
    const all = [...input.regions.values()].reduce<Paths>((a, p) => union(a, p), []);
    const strip = [...s.paths.values()].reduce<Paths>((a, p) => union(a, p), []);
    expect(areaKm2(difference(strip, all))).toBeLessThan(0.01);
    const total = sum(Object.values(s.areas).map((a) => a.km2));
    // Display regions are simplified each on its own, so they overlap or gap by metres along shared borders.
    expect(Math.abs(total - areaKm2(intersect(bandAround(input.line, 5), all)))).toBeLessThan(0.001 * total);
    for (const [id, a] of Object.entries(s.areas)) {
      expect(a.ukraine_side_km2 + a.russia_side_km2, id).toBeCloseTo(a.km2, 6);
      expect(Math.min(a.ukraine_side_km2, a.russia_side_km2), id).toBeGreaterThanOrEqual(0);
      expect(a.km2, id).toBeLessThanOrEqual(areaKm2(input.regions.get(id)!));
    }
    // The band straddles the line: neither side has much more than the other (grey zone counts as Russia's side).
    const ua = sum(Object.values(s.areas).map((a) => a.ukraine_side_km2));
    expect(ua / total).toBeGreaterThan(0.4);
    expect(ua / total).toBeLessThan(0.6);
  });

  it("agrees with Turf's buffer (an independent offset, on a sphere) to 0.5 %", () => {
    const turf = buffer({ type: 'Feature', properties: {}, geometry: input.line }, 1, { units: 'kilometers' });
    const ours = areaKm2(bandAround(input.line, 1));
    expect(Math.abs(areaKm2(pathsFromGeometry(turf!.geometry)) / ours - 1)).toBeLessThan(0.005);
  });

  it('is reported beside the figures: strip_km2 per region and group, nothing else changes', () => {
    const entry = snapshotOn(ds.manifest, '2025-11-20');
    const base = scenarioById('us-28-point');
    const withStrip = { ...base, strip_km: 5 };
    const s = computeStrip(input, 5);
    const a = areaReport(ds.manifest, ds.stats, entry, base).rows;
    const b = areaReport(ds.manifest, ds.stats, entry, withStrip, { strip: s.areas }).rows;
    const notStrip = (row: object) => Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('strip_')));
    for (const [i, row] of b.entries()) {
      expect(notStrip(row)).toEqual(notStrip(a[i]));
      expect([a[i].strip_km2, a[i].strip_ukraine_side_km2, a[i].strip_russia_side_km2]).toEqual([0, 0, 0]);
      expect(row.strip_ukraine_side_km2 + row.strip_russia_side_km2).toBeCloseTo(row.strip_km2, 6);
      if (row.kind === 'region') expect(row.strip_km2).toBe(s.areas[row.id].km2);
    }
    const donbas = b.find((r) => r.id === 'donbas')!;
    expect(donbas.strip_km2).toBeCloseTo(s.areas['UA-14'].km2 + s.areas['UA-09'].km2, 9);
    const ukraine = b.find((r) => r.id === 'ukraine')!;
    expect(ukraine.strip_km2).toBeCloseTo(sum(Object.values(s.areas).map((x) => x.km2)), 9);
    expect(() => areaReport(ds.manifest, ds.stats, entry, withStrip)).toThrow(/strip/);
  });
});
