/**
 * Provenance in one place (src/lib/datafolder/provenance.ts): DeepState's
 * snapshots are credited to DeepStateMap, a reader's own file to itself, in
 * the area report, `frontline places` and `frontline scenario` alike.
 */
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION, placesCredit, scenarioMetadata, sourceOf, SOURCE_NAME } from '../src/lib/datafolder/provenance';
import type { PlacesFile } from '../src/lib/engine/places';

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
