import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boxOf, changedBox } from './framing';
import type { DrawClass, PieceCollection, PieceFeatureProps, ScenarioDisplay } from './scenarioLayers';

/** A square polygon from (x, y) of side d, as a region or a piece. */
const square = (x: number, y: number, d: number): number[][][] => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const region = (id: string, x: number, y: number, d: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: { id },
  geometry: { type: 'Polygon', coordinates: square(x, y, d) },
});
const piece = (fid: number, x: number, y: number, d: number): Feature<MultiPolygon, PieceFeatureProps> => ({
  type: 'Feature',
  properties: { fid, region: 'R', kind: 'russia' },
  geometry: { type: 'MultiPolygon', coordinates: [square(x, y, d)] },
});
const regions: FeatureCollection = {
  type: 'FeatureCollection',
  features: [region('A', 0, 0, 10), region('B', 20, 0, 10)],
};
const pieces: PieceCollection = {
  type: 'FeatureCollection',
  features: [piece(0, 21, 1, 1), piece(1, 25, 5, 2), piece(2, 2, 2, 3)],
};
const none: FeatureCollection = { type: 'FeatureCollection', features: [] };
const display = (r: Record<string, DrawClass | null>, p: (DrawClass | null)[]): ScenarioDisplay => ({
  regions: new Map(Object.entries(r)),
  pieces: new Map(p.map((c, i) => [i, c])),
  classes: [],
});

describe('changedBox (what a scenario frames)', () => {
  it('is null when nothing is ceded, returned, a buffer or a strip', () => {
    expect(changedBox(display({ A: 'russia', B: null }, ['contested', 'russia', null]), pieces, regions, none)).toBe(
      null,
    );
  });

  it('is the box of the changed pieces alone (a small return is not lost in its region)', () => {
    expect(changedBox(display({ A: 'russia', B: null }, ['returned', null, null]), pieces, regions, none)).toEqual([
      21, 1, 22, 2,
    ]);
  });

  it('takes whole regions drawn as changed, the pieces and the strip together', () => {
    const strip: FeatureCollection = { type: 'FeatureCollection', features: [region('s', 40, -5, 1)] };
    expect(changedBox(display({ A: 'ceded', B: null }, [null, 'buffer', null]), pieces, regions, strip)).toEqual([
      0, -5, 41, 10,
    ]);
  });
});

describe('boxOf', () => {
  it('walks every geometry type and is null without coordinates', () => {
    expect(boxOf([])).toBe(null);
    expect(
      boxOf([
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [5, 6] } },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'GeometryCollection',
            geometries: [
              {
                type: 'LineString',
                coordinates: [
                  [-1, 2],
                  [3, 9],
                ],
              },
            ],
          },
        },
      ]),
    ).toEqual([-1, 2, 5, 9]);
  });
});
