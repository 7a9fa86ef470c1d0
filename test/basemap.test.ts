/**
 * The basemap's derived files (data/basemap/, made by data/basemap/build.ts
 * from GSHHG, Natural Earth and GeoNames): valid GeoJSON, inside the extents
 * the page relies on, the Kakhovka reservoir drawn as drained and not as
 * water, every curated town kept, and within the first-load size budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { check } from '@placemarkio/check-geojson';
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import mapLabels from '../data/map-labels.json';
import names from '../data/basemap/names.json';
import { BASEMAP, MAP_BOUNDS, WATER_EXTENT } from '../src/lib/map/basemapExtent';
import { ROOT } from './helpers/paths';

const FILES = ['water.geojson', 'land.geojson', 'places.geojson'] as const;
const text = (f: string) => readFileSync(join(ROOT, 'data', 'basemap', f), 'utf8');
const read = (f: string) => JSON.parse(text(f)) as FeatureCollection;
const water = read('water.geojson');
const land = read('land.geojson');
const places = read('places.geojson');
const kinds = (fc: FeatureCollection) => new Set(fc.features.map((f) => f.properties?.kind));
const inside = (b: readonly number[], box: readonly number[], margin = 0) =>
  b[0] >= box[0] - margin && b[1] >= box[1] - margin && b[2] <= box[2] + margin && b[3] <= box[3] + margin;

describe('data/basemap', () => {
  it.each(FILES)('%s is valid GeoJSON (RFC 7946 checks: ring closure, winding, positions)', (f) => {
    expect(() => check(text(f))).not.toThrow();
  });

  it('rivers are lines of GSHHG classes 1–3, lakes polygons, all inside the water extent', () => {
    expect(kinds(water)).toEqual(new Set(['river', 'lake', 'drained']));
    for (const f of water.features) {
      if (f.properties?.kind === 'river') {
        expect(f.geometry.type).toBe('LineString');
        expect([1, 2, 3]).toContain(f.properties.cls);
      } else expect(f.geometry.type).toBe('MultiPolygon');
    }
    // GMT hands out whole river segments that cross the extent's edge: a little beyond it.
    expect(inside(bbox(water), WATER_EXTENT, 1)).toBe(true);
    // The Dnipro above Kyiv and the Siverskyi Donets at Izium are there as lines.
    const near = (lon: number, lat: number) =>
      water.features.some(
        (f) =>
          f.geometry.type === 'LineString' &&
          f.geometry.coordinates.some(([x, y]) => Math.abs(x - lon) < 0.1 && Math.abs(y - lat) < 0.1),
      );
    expect(near(30.45, 51.3)).toBe(true);
    expect(near(37.26, 49.2)).toBe(true);
  });

  it('coordinates are rounded to 4 decimals (about 11 m)', () => {
    const all = [water, land, places].flatMap(
      (fc) => JSON.stringify(fc.features.map((f) => f.geometry)).match(/-?\d+\.\d+/g) ?? [],
    );
    expect(all.length).toBeGreaterThan(10_000);
    expect(all.filter((n) => n.split('.')[1].length > 4)).toEqual([]);
  });

  it('draws the Kakhovka reservoir as drained, once, and no lake covers it', () => {
    const drained = water.features.filter((f) => f.properties?.kind === 'drained') as Feature<MultiPolygon>[];
    expect(drained).toHaveLength(1);
    expect(drained[0].properties).toMatchObject({
      name_en: expect.stringMatching(/Kakhovka.*drained since June 2023/),
      name_uk: expect.stringMatching(/Каховське.*2023/),
    });
    // Open water before 2023 off Enerhodar and off Nikopol.
    const lakes = water.features.filter((f) => f.properties?.kind === 'lake') as Feature<MultiPolygon>[];
    for (const [lon, lat] of BASEMAP.kakhovkaPoints) {
      expect(booleanPointInPolygon(point([lon, lat]), drained[0])).toBe(true);
      expect(lakes.some((l) => booleanPointInPolygon(point([lon, lat]), l))).toBe(false);
    }
    // The Kremenchuk reservoir upstream stays water.
    expect(lakes.some((l) => booleanPointInPolygon(point([32.7, 49.25]), l))).toBe(true);
  });

  it('land reaches every side of the map bounds and a degree beyond, so its edge is never in view', () => {
    const fills = { ...land, features: land.features.filter((f) => f.properties?.kind === 'land') };
    const b = bbox(fills);
    const want = [MAP_BOUNDS[0] - 1, MAP_BOUNDS[1] - 1, MAP_BOUNDS[2] + 1, MAP_BOUNDS[3] + 1];
    b.forEach((v, i) => expect(v).toBeCloseTo(want[i], 3));
    expect(kinds(land)).toEqual(new Set(['land', 'border']));
  });

  it('settlements: both names, a whole zoom, the 33 curated towns and every oblast centre from the first view', () => {
    const zooms = new Set([0, ...BASEMAP.tiers.map((t) => t.z), 6]);
    for (const f of places.features) {
      expect(f.properties?.name_en).toMatch(/\S/);
      expect(f.properties?.name_uk).toMatch(/\S/);
      expect(zooms).toContain(f.properties?.z);
    }
    expect(inside(bbox(places), WATER_EXTENT)).toBe(true);
    for (const p of mapLabels.places) {
      const f = places.features.find(
        (g) =>
          g.properties?.name_en === p.name_en &&
          Math.hypot(
            (g.geometry as { coordinates: number[] }).coordinates[0] - p.lon,
            (g.geometry as { coordinates: number[] }).coordinates[1] - p.lat,
          ) < 0.001,
      );
      expect(f?.properties?.z, p.name_en).toBe({ 1: 0, 2: 6, 3: 7 }[p.rank]);
      expect(f?.properties?.name_uk).toBe(p.name_uk);
    }
    // 24 oblast centres, Kyiv and Sevastopol (some are curated): at least 24 from zoom 0.
    expect(places.features.filter((f) => f.properties?.z === 0).length).toBeGreaterThanOrEqual(24);
    // Villages near the front: Pokrovsk's surroundings have some by zoom 10.
    const aroundPokrovsk = places.features.filter((f) => {
      const [x, y] = (f.geometry as { coordinates: number[] }).coordinates;
      return Math.abs(x - 37.18) < 0.4 && Math.abs(y - 48.28) < 0.3 && f.properties!.z <= 10;
    });
    expect(aroundPokrovsk.length).toBeGreaterThanOrEqual(8);
  });

  it('names the Dnipro, the Siverskyi Donets, both seas and the seven neighbours in both languages', () => {
    expect(names.rivers.map((r) => r.name_en)).toEqual(['Dnipro', 'Siverskyi Donets']);
    expect(names.seas.map((s) => s.name_uk)).toEqual(['Чорне море', 'Азовське море']);
    expect(names.countries.map((c) => c.name_en).sort()).toEqual(
      ['Belarus', 'Hungary', 'Moldova', 'Poland', 'Romania', 'Russia', 'Slovakia'].sort(),
    );
    for (const c of names.countries) expect(c.name_uk).toMatch(/^[\p{Script=Cyrillic}]+$/u);
  });

  it(`adds at most ${BASEMAP.budgetGzipBytes / 1024} KB gzipped to the first load`, () => {
    const bytes = FILES.reduce((sum, f) => sum + gzipSync(text(f), { level: 9 }).length, 0);
    expect(bytes).toBeLessThanOrEqual(BASEMAP.budgetGzipBytes);
  });
});
