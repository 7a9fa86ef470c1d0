import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rect } from '../../../test/helpers/synthetic';
import { byKey, datedDiff, datedFeatures, DatedSourceState, type DatedCollection } from './datedSource';
import type { PieceCollection } from './scenarioLayers';

const square = (x: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[rect(x, 48, x + 1, 49)]] });
const pieces = (parts: [string, string, number][]): PieceCollection => ({
  type: 'FeatureCollection',
  features: parts.map(([region, kind, x], fid) => ({
    type: 'Feature',
    properties: { fid, region, kind: kind as 'russia' },
    geometry: square(x),
  })),
});
const line = (...lines: number[][][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { layer: 'frontline' }, geometry: { type: 'MultiLineString', coordinates: lines } },
  ],
});

describe('datedFeatures', () => {
  it('keys pieces by region and kind, lines by their first vertex, and maps piece ids to keys', () => {
    const { fc, keyOf } = datedFeatures(
      pieces([
        ['UA-14', 'ukraine', 37],
        ['UA-14', 'contested', 38],
        ['UA-23', 'russia', 35],
      ]),
      line(
        [
          [37, 48],
          [37.5, 48.5],
        ],
        [
          [36, 47],
          [36.2, 47.1],
        ],
      ),
    );
    expect(fc.features.map((f) => f.properties.key)).toEqual([
      'UA-14:ukraine',
      'UA-14:contested',
      'UA-23:russia',
      'line:37,48',
      'line:36,47',
    ]);
    expect(fc.features[3].geometry.type).toBe('LineString');
    expect([...keyOf]).toEqual([
      [0, 'UA-14:ukraine'],
      [1, 'UA-14:contested'],
      [2, 'UA-23:russia'],
    ]);
  });

  it('leaves out empty pieces (the marker of an all-held region)', () => {
    const p = pieces([
      ['UA-09', 'ukraine', 39],
      ['UA-14', 'ukraine', 37],
    ]);
    p.features[0].geometry = { type: 'MultiPolygon', coordinates: [] };
    const { fc, keyOf } = datedFeatures(p, line());
    expect(fc.features.map((f) => f.properties.key)).toEqual(['UA-14:ukraine']);
    expect(keyOf.has(0)).toBe(false);
  });

  it('keeps keys unique when two features would share one', () => {
    const { fc } = datedFeatures(
      pieces([
        ['UA-14', 'ukraine', 37],
        ['UA-14', 'ukraine', 39],
      ]),
      line(
        [
          [37, 48],
          [38, 48],
        ],
        [
          [37, 48],
          [37, 49],
        ],
      ),
    );
    expect(fc.features.map((f) => f.properties.key)).toEqual([
      'UA-14:ukraine',
      'UA-14:ukraine#2',
      'line:37,48',
      'line:37,48#2',
    ]);
  });
});

describe('datedDiff', () => {
  it('adds, removes and replaces geometry by key, and leaves the rest', () => {
    const before = datedFeatures(
      pieces([
        ['UA-14', 'ukraine', 37],
        ['UA-23', 'russia', 35],
        ['UA-65', 'contested', 33],
      ]),
      line([
        [37, 48],
        [38, 48],
      ]),
    ).fc;
    const after = datedFeatures(
      pieces([
        ['UA-14', 'ukraine', 37.1],
        ['UA-23', 'russia', 35],
        ['UA-63', 'russia', 36],
      ]),
      line([
        [37, 48],
        [38, 48],
      ]),
    ).fc;
    const diff = datedDiff(byKey(before), after)!;
    expect(diff.remove).toEqual(['UA-65:contested']);
    expect(diff.add!.map((f) => f.properties!.key)).toEqual(['UA-63:russia']);
    expect(diff.update).toEqual([{ id: 'UA-14:ukraine', newGeometry: square(37.1) }]);
  });

  it('is null when nothing changed, whether or not the arrays are shared', () => {
    const a = datedFeatures(
      pieces([['UA-14', 'ukraine', 37]]),
      line([
        [37, 48],
        [38, 48],
      ]),
    ).fc;
    const b = datedFeatures(
      pieces([['UA-14', 'ukraine', 37]]),
      line([
        [37, 48],
        [38, 48],
      ]),
    ).fc;
    expect(datedDiff(byKey(a), a)).toBeNull();
    expect(datedDiff(byKey(a), b)).toBeNull();
  });

  it('applied to the old features gives the new ones', () => {
    const before = datedFeatures(
      pieces([
        ['UA-14', 'ukraine', 37],
        ['UA-09', 'russia', 39],
      ]),
      line(
        [
          [37, 48],
          [38, 48],
        ],
        [
          [35, 47],
          [36, 47],
        ],
      ),
    ).fc;
    const after = datedFeatures(
      pieces([
        ['UA-14', 'ukraine', 37.2],
        ['UA-12', 'russia', 35],
      ]),
      line(
        [
          [37, 48],
          [38, 48.2],
        ],
        [
          [34, 47],
          [35, 47],
        ],
      ),
    ).fc;
    const diff = datedDiff(byKey(before), after)!;
    const state = byKey(before);
    for (const id of diff.remove ?? []) state.delete(String(id));
    for (const f of diff.add ?? []) state.set(String(f.properties!.key), f as never);
    for (const u of diff.update ?? [])
      state.set(String(u.id), { ...state.get(String(u.id))!, geometry: u.newGeometry! });
    expect([...state.values()].map((f) => [f.properties.key, f.geometry]).sort()).toEqual(
      after.features.map((f) => [f.properties.key, f.geometry]).sort(),
    );
  });
});

describe('DatedSourceState', () => {
  const fc = (...keys: string[]): DatedCollection => ({
    type: 'FeatureCollection',
    features: keys.map((key) => ({
      type: 'Feature',
      properties: { key, kind: 'russia' },
      geometry: { type: 'Point', coordinates: [36, 48] },
    })),
  });

  it('sets a new source in full, then sends diffs, and nothing when nothing moved', () => {
    const shown = new DatedSourceState();
    const src = {};
    const first = fc('a', 'b');
    expect(shown.update(src, first)).toEqual({ set: first });
    expect(shown.update(src, fc('a', 'b'))).toBeNull();
    expect(shown.update(src, fc('a'))).toEqual({ diff: expect.objectContaining({ remove: ['b'] }) });
    const rebuilt = {};
    expect(shown.update(rebuilt, fc('a'))).toEqual({ set: fc('a') });
  });
});
