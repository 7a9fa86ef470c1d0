import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { scenarioById } from '../geo/scenarioCatalog';
import { scenarioDisplay } from './scenarioLayers';

const square = (x: number): Geometry => ({ type: 'MultiPolygon', coordinates: [[[[x, 48], [x + 1, 48], [x + 1, 49], [x, 49], [x, 48]]]] });
const fc = (features: Feature[]): FeatureCollection<Geometry, Record<string, unknown> | null> => ({ type: 'FeatureCollection', features }) as never;
const region = (id: string, x: number): Feature => ({ type: 'Feature', properties: { id }, geometry: square(x) });
const piece = (region: string, kind: string, x: number): Feature => ({ type: 'Feature', properties: { layer: 'piece', region, kind }, geometry: square(x) });

// Donetsk stores its Ukrainian part, Kharkiv its occupied part, Poltava nothing (all Ukrainian).
const regions = fc([region('UA-14', 37), region('UA-63', 36), region('UA-53', 34)]);
const snapshot = fc([piece('UA-14', 'ukraine', 37.2), piece('UA-63', 'russia', 36.5)]);
const classes = (features: Feature[], region: string) => features.filter((f) => f.properties!.region === region).map((f) => f.properties!.cls);

describe('scenarioDisplay', () => {
  it("status quo: Donetsk held with a Ukrainian piece on top, Kharkiv's occupied piece, Poltava blank", () => {
    const d = scenarioDisplay(scenarioById('status-quo'), regions, snapshot, null);
    expect(classes(d.base.features, 'UA-14')).toEqual(['russia']);
    expect(classes(d.pieces.features, 'UA-14')).toEqual(['ukraine']);
    expect(classes(d.pieces.features, 'UA-63')).toEqual(['russia']);
    expect(classes([...d.base.features, ...d.pieces.features], 'UA-53')).toEqual([]);
    expect(d.classes).toEqual(['russia']);
  });

  it('US draft: Kyiv\'s part of Donetsk becomes buffer, Kharkiv\'s occupied part is returned', () => {
    const d = scenarioDisplay(scenarioById('us-28-point'), regions, snapshot, null);
    expect(classes(d.pieces.features, 'UA-14')).toEqual(['buffer']);
    expect(classes(d.pieces.features, 'UA-63')).toEqual(['returned']);
    expect(d.classes).toEqual(['russia', 'buffer', 'returned']);
  });

  it("Russia's demand: Donetsk's Ukrainian part is ceded", () => {
    const d = scenarioDisplay(scenarioById('russia-demand'), regions, snapshot, null);
    expect(classes(d.pieces.features, 'UA-14')).toEqual(['ceded']);
    expect(classes(d.pieces.features, 'UA-63')).toEqual(['russia']);
  });

  it('1991 borders: everything occupied is returned, nothing Russian', () => {
    const d = scenarioDisplay(scenarioById('borders-1991'), regions, snapshot, null);
    expect(d.classes).toEqual(['returned']);
    expect(classes(d.pieces.features, 'UA-14')).toEqual(['ukraine']);
  });

  it('without a snapshot, draws whole regions only', () => {
    const d = scenarioDisplay(scenarioById('russia-demand'), regions, null, null);
    expect(classes(d.base.features, 'UA-14')).toEqual(['russia']);
    expect(d.pieces.features).toEqual([]);
  });
});
