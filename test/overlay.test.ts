import { describe, expect, it } from 'vitest';
import { Overlayer } from '../src/lib/engine/overlay';
import { pathsFromGeometry } from '../src/lib/engine/polygons';
import { lineOfContact } from '../src/lib/engine/frontline';
import { denseRect, rect, rectKm2, syntheticRegions } from './helpers/synthetic';

// Donetsk (UA-14) is a 1° square at 37–38°E, 48–49°N in these tests.
const DONETSK = rect(37, 48, 38, 49);
const regions = syntheticRegions({ 'UA-14': [DONETSK] });
const paths = (rings: number[][][]) => pathsFromGeometry({ type: 'Polygon', coordinates: rings });
const donetsk = (o: ReturnType<Overlayer['overlay']>) => o.find((r) => r.id === 'UA-14')!;

describe('Overlayer', () => {
  it('measures the occupied part of a region', () => {
    const o = donetsk(new Overlayer(regions).overlay({ occupied: paths([rect(37.5, 48, 38.5, 49)]), contested: [] }));
    expect(o.area_km2).toBeCloseTo(rectKm2(37, 48, 38, 49), 3);
    expect(o.occupied_km2).toBeCloseTo(rectKm2(37.5, 48, 38, 49), 3);
    expect(o.sliver_km2).toBe(0);
  });

  it('counts a 300 m strip left between occupied land and the border as a sliver (coast-sliver)', () => {
    // Occupied stops 0.004° (~300 m) short of the east edge.
    const o = donetsk(new Overlayer(regions).overlay({ occupied: paths([rect(37.5, 48, 37.996, 49)]), contested: [] }));
    expect(o.sliver_km2).toBeCloseTo(rectKm2(37.996, 48, 38, 49), 2);
    expect(o.occupied_km2 + o.sliver_km2).toBeCloseTo(rectKm2(37.5, 48, 38, 49), 2);
  });

  it('keeps a Ukrainian-held pocket 5 km wide enclosed by occupied land (real-pocket)', () => {
    // Occupied everywhere but a 0.07° × 0.05° hole (about 5 × 5.5 km).
    const o = donetsk(
      new Overlayer(regions).overlay({
        occupied: paths([rect(37, 48, 38, 49), rect(37.4, 48.4, 37.47, 48.45).reverse()]),
        contested: [],
      }),
    );
    expect(o.sliver_km2).toBe(0);
    expect(o.area_km2 - o.occupied_km2).toBeCloseTo(rectKm2(37.4, 48.4, 37.47, 48.45), 3);
  });

  it('counts an island the snapshot left out as a sliver only when it lies near held land (near-island, far-island)', () => {
    const island = rect(38.02, 48.5, 38.03, 48.51); // ~0.8 km², 1.5 km east of the square
    const withIsland = syntheticRegions({ 'UA-14': [DONETSK, island] });
    const near = donetsk(
      new Overlayer(withIsland).overlay({ occupied: paths([rect(37.5, 48, 38, 49)]), contested: [] }),
    );
    expect(near.sliver_km2).toBeCloseTo(rectKm2(38.02, 48.5, 38.03, 48.51), 3);
    const far = donetsk(
      new Overlayer(withIsland).overlay({ occupied: paths([rect(37, 48, 37.3, 49)]), contested: [] }),
    );
    expect(far.sliver_km2).toBe(0);
  });

  it('counts land cut off between the line and the coast as a sliver (lagoon), and the main body not', () => {
    // Occupied: a band across Donetsk at 48.1–48.3°N and across its western neighbour (UA-12)
    // at 48.1–48.15°N. South of the band in Donetsk, 0.1° of land reaches the south edge
    // (coast or border: no other region there) but no Ukrainian-held land: cut off.
    // UA-12 keeps land south of its band that joins Donetsk's south piece along their border,
    // so the cut-off group spans two regions. North of the bands is the main body.
    const two = syntheticRegions({ 'UA-14': [denseRect(37, 48, 38, 49)], 'UA-12': [denseRect(36, 48, 37, 49)] });
    const o = new Overlayer(two).overlay({
      occupied: paths([rect(37, 48.1, 38, 48.3), rect(36, 48.1, 37.001, 48.15)]),
      contested: [],
    });
    const d = o.find((r) => r.id === 'UA-14')!;
    expect(d.sliver_km2).toBeCloseTo(rectKm2(37, 48, 38, 48.1), 1);
    expect(o.find((r) => r.id === 'UA-12')!.sliver_km2).toBeCloseTo(rectKm2(36, 48, 37, 48.1), 1);
    expect(d.occupied_km2 + d.sliver_km2 + (d.area_km2 - d.occupied_km2 - d.sliver_km2)).toBeCloseTo(d.area_km2, 6);
    const main = new Overlayer(two).overlay({ occupied: paths([rect(37, 48.1, 38, 48.3)]), contested: [] });
    // Without UA-12's band, Donetsk's south piece reaches the main body through UA-12: not cut off.
    expect(main.find((r) => r.id === 'UA-14')!.sliver_km2).toBe(0);
  });

  it('measures contested land apart from occupied land', () => {
    const o = donetsk(
      new Overlayer(regions).overlay({
        occupied: paths([rect(37.5, 48, 38, 49)]),
        contested: paths([rect(37.4, 48, 37.5, 49)]),
      }),
    );
    expect(o.contested_km2).toBeCloseTo(rectKm2(37.4, 48, 37.5, 49), 3);
    expect(o.sliver_km2).toBe(0);
  });

  it('gives the same answer from its cache', () => {
    const ov = new Overlayer(regions);
    const snap = { occupied: paths([rect(37.5, 48, 38, 49)]), contested: [] };
    expect(ov.overlay(snap)).toEqual(ov.overlay(snap));
  });
});

describe('lineOfContact', () => {
  it('is the edge between held and occupied land, not the border', () => {
    const ov = new Overlayer(regions);
    const line = lineOfContact(regions, ov.geometry({ occupied: paths([rect(37.5, 48, 38.5, 49)]), contested: [] }));
    const points = line.coordinates.flat();
    expect(points.length).toBeGreaterThanOrEqual(2);
    for (const [lon] of points) expect(lon).toBeCloseTo(37.5, 6);
    const lats = points.map((p) => p[1]);
    expect(Math.min(...lats)).toBeCloseTo(48, 6);
    expect(Math.max(...lats)).toBeCloseTo(49, 6);
  });
});
