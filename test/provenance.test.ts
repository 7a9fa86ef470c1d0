/**
 * Provenance in one place (src/lib/datafolder/provenance.ts): DeepState's
 * snapshots are credited to DeepStateMap, a reader's own file to itself, in
 * the area report, `frontline places` and `frontline scenario` alike.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, placesCredit, scenarioMetadata, sourceOf, SOURCE_NAME } from '../src/lib/datafolder/provenance';
import type { PlacesFile } from '../src/lib/engine/places';
import { cli } from './helpers/cli';
import { rect } from './helpers/synthetic';

const gazetteer = { source: { attribution: 'Places: GeoNames' } } as PlacesFile;
const boundaries = { name: 'b.geojson', sha256: 'abc' };

describe('provenance', () => {
  it("credits DeepState's snapshots to DeepStateMap", () => {
    const s = sourceOf({ id: '2025-11-20', kind: 'daily', source: 'deepstatemap_data_20251120.geojson' });
    expect(s).toEqual({
      name: 'DeepStateMap',
      attribution: ATTRIBUTION,
      file: 'deepstatemap_data_20251120.geojson',
      kind: 'daily',
      snapshot: '2025-11-20',
    });
    expect(ATTRIBUTION.startsWith(`${SOURCE_NAME} (deepstatemap.live)`)).toBe(true);
    expect(placesCredit(s.name, gazetteer)).toBe('DeepStateMap; Places: GeoNames');
  });

  it("credits a reader's own file to itself, never to DeepStateMap", () => {
    const entry = { id: '2025-03-01-custom', kind: 'custom', source: 'my-line-2025-03-01.geojson' } as const;
    const s = sourceOf(entry);
    expect(s.name).toBe('my-line-2025-03-01.geojson');
    expect(s.attribution).toBe(
      'my-line-2025-03-01.geojson (a file of occupied territory given to frontline-scenarios)',
    );
    expect(placesCredit(s.name, gazetteer)).not.toContain('DeepStateMap');
    const meta = scenarioMetadata('2025-03-01', 'status-quo', entry, boundaries);
    expect(meta).toMatchObject({ source: 'my-line-2025-03-01.geojson', snapshot: '2025-03-01-custom', boundaries });
    expect(JSON.stringify(meta)).not.toContain('DeepStateMap');
  });
});

describe("the CLI on a reader's own file", () => {
  it('credits it, not DeepStateMap, in frontline areas, places (JSON and CSV) and scenario', async () => {
    const src = mkdtempSync(join(tmpdir(), 'frontline-own-'));
    const data = mkdtempSync(join(tmpdir(), 'frontline-own-data-'));
    // Occupied: a square around Horlivka, in Donetsk oblast.
    const ring = rect(37.9, 48.2, 38.2, 48.45);
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    writeFileSync(join(src, 'my-line-2025-03-01.geojson'), JSON.stringify(fc));
    const ingested = await cli('ingest', '--source', src, '--data', data);
    expect(ingested.code, ingested.err).toBe(0);
    const at = ['--date', '2025-03-01', '--scenario', 'us-28-point', '--data', data];
    const areas = JSON.parse((await cli('areas', ...at)).out);
    const places = JSON.parse((await cli('places', ...at)).out);
    expect(places.source).toEqual(areas.source);
    expect(places.source).toMatchObject({ name: 'my-line-2025-03-01.geojson', kind: 'custom' });
    const csv = csvParse((await cli('places', ...at, '--format', 'csv')).out);
    expect(csv.length).toBeGreaterThan(0);
    expect(csv.every((r) => r.credit?.startsWith('my-line-2025-03-01.geojson; Places: GeoNames'))).toBe(true);
    const geo = JSON.parse((await cli('scenario', ...at)).out);
    expect(geo.metadata).toMatchObject({ source: 'my-line-2025-03-01.geojson', snapshot: places.source.snapshot });
    expect(JSON.stringify([places.source, geo.metadata, csv.map((r) => r.credit)])).not.toContain('DeepStateMap');
  });
});
