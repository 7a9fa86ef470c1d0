import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { rect } from '../../../test/helpers/synthetic';
import { scenarioById } from '../engine/scenarioCatalog';
import { collectPieces, scenarioDisplay } from './scenarioLayers';

const square = (x: number): Geometry => ({ type: 'MultiPolygon', coordinates: [[rect(x, 48, x + 1, 49)]] });
const fc = (features: Feature[]): FeatureCollection<Geometry, Record<string, unknown> | null> =>
  ({ type: 'FeatureCollection', features }) as never;
const piece = (region: string, kind: string, x: number): Feature => ({
  type: 'Feature',
  properties: { layer: 'piece', region, kind },
  geometry: square(x),
});

// Donetsk stores its Ukrainian part (fid 0), Kharkiv its occupied part (fid 1), Poltava nothing (all Ukrainian);
// the pre-2022 layer has a piece in Donetsk (fid 2).
const REGIONS = ['UA-14', 'UA-63', 'UA-53'];
const pieces = collectPieces(
  fc([
    piece('UA-14', 'ukraine', 37.2),
    piece('UA-63', 'russia', 36.5),
    { type: 'Feature', properties: { layer: 'frontline' }, geometry: { type: 'MultiLineString', coordinates: [] } },
  ]),
  fc([piece('UA-14', 'ordlo', 38)]),
);
const show = (id: string, hasSnapshot = true) => {
  const d = scenarioDisplay(scenarioById(id), REGIONS, pieces, hasSnapshot);
  return { regions: Object.fromEntries(d.regions), pieces: [...d.pieces.values()], classes: d.classes };
};

describe('collectPieces', () => {
  it('numbers the pieces of the snapshot and the pre-2022 layer, and nothing else', () => {
    expect(pieces.features.map((f) => [f.properties.fid, f.properties.region, f.properties.kind])).toEqual([
      [0, 'UA-14', 'ukraine'],
      [1, 'UA-63', 'russia'],
      [2, 'UA-14', 'ordlo'],
    ]);
  });
});

describe('scenarioDisplay', () => {
  it("status quo: Donetsk held with a Ukrainian piece on top, Kharkiv's occupied piece, Poltava blank", () => {
    expect(show('status-quo')).toEqual({
      regions: { 'UA-14': 'russia', 'UA-63': null, 'UA-53': null },
      pieces: ['ukraine', 'russia', null],
      classes: ['russia'],
    });
  });

  it("US draft: Kyiv's part of Donetsk becomes buffer, Kharkiv's occupied part is returned", () => {
    expect(show('us-28-point')).toEqual({
      regions: { 'UA-14': 'russia', 'UA-63': null, 'UA-53': null },
      pieces: ['buffer', 'returned', null],
      classes: ['russia', 'buffer', 'returned'],
    });
  });

  it("Russia's demand: Donetsk's Ukrainian part is ceded", () => {
    expect(show('russia-demand').pieces).toEqual(['ceded', 'russia', null]);
  });

  it('pre-2022: occupied land returned except the ORDLO piece', () => {
    expect(show('pre-2022')).toEqual({
      regions: { 'UA-14': 'returned', 'UA-63': null, 'UA-53': null },
      pieces: ['ukraine', 'returned', 'russia'],
      classes: ['russia', 'returned'],
    });
  });

  it('1991 borders: everything occupied is returned, nothing Russian', () => {
    expect(show('borders-1991').classes).toEqual(['returned']);
  });

  it('without a snapshot, draws whole regions only', () => {
    expect(show('russia-demand', false).regions).toEqual({ 'UA-14': 'russia', 'UA-63': null, 'UA-53': null });
  });
});
