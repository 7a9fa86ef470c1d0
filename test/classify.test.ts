import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLayer } from '../src/lib/engine/classify';
import { parseSnapshot } from '../src/lib/engine/snapshot';
import { HAVE_SHARED, RAW } from './helpers/paths';

describe('classifyLayer', () => {
  it.each([
    ['Окуповано', undefined, 'occupied'],
    ['Окуповано /// Occupied', '#a52714', 'occupied'],
    ['Окуповано /// Occupied /// geoJSON.status.occupied\n', '#a52714', 'occupied'],
    ['Рубіжне. Території зайняті ворогом', '#a52714', 'occupied'],
    ['Статус невідомий /// Unknown status /// geoJSON.status.unknown', '#bcaaa4', 'contested'],
    ['Під питанням /// Contested', '#bcaaa4', 'contested'],
    ['Під питанням /// Contensed', '#bdbdbd', 'contested'],
    ['Сіра зона', '#bcaaa4', 'contested'],
    ['Звільнено 25.03 /// Liberated 25.03', '#0f9d58', 'liberated'],
    ['Звільнено /// Taken back', '#0288d1', 'liberated'],
    ['Звільнено /// Liberated /// geoJSON.status.dismissed_at {{at:19.09}}', '#0f9d58', 'liberated'],
    ['ОРДЛО', '#000000', 'ordlo'],
    ['ОРДЛО /// CADR and CALR /// geoJSON.territories.ordlo', '#880e4f', 'ordlo'],
    ['Окупований Крим /// Occupied Crimea', '#880e4f', 'crimea'],
    ['Острів Тузла /// Occupied Tuzla Island', '#000000', 'crimea'],
    ["Придністров'я/// Transnistria /// geoJSON.territories.transnistria", '#ff5252', 'not-ukraine'],
    ['Окупована область Петсамо\n///\nOccupied Petsamo', '#ff5252', 'not-ukraine'],
    ['Тимчасово окупована територія Карелії.', '#ff5252', 'not-ukraine'],
    ['Зміїний /// Snake Island', '#a52714', 'occupied'],
    ['Зміїний /// Snake Island /// geoJSON.zmiinyi_island', '#0f9d58', 'liberated'],
    ['Багатокутник 11', '#a52714', 'occupied'],
    ['24.03', '#0288d1', 'liberated'],
    ['something new', '#123456', 'unclassified'],
  ])('%j (%s) is %s', (name, fill, cls) => {
    expect(classifyLayer(name, fill)).toBe(cls);
  });
});

describe.skipIf(!HAVE_SHARED)('all 41 raw DeepState files (needs the reference data)', () => {
  const files = (HAVE_SHARED ? readdirSync(RAW) : []).filter((f) => f.endsWith('.geojson')).sort();

  it('are 41 monthly files', () => {
    expect(files).toHaveLength(41);
  });

  it.each(files)('%s: every polygon is classified, and it has occupied land', (file) => {
    const json = JSON.parse(readFileSync(join(RAW, file), 'utf8'));
    const unclassified: string[] = [];
    for (const f of json.features) {
      if (!f.geometry || f.geometry.type === 'Point' || f.geometry.type === 'LineString') continue;
      if (classifyLayer(f.properties?.name, f.properties?.fill) === 'unclassified')
        unclassified.push(String(f.properties?.name));
    }
    expect(unclassified).toEqual([]);
    const snap = parseSnapshot(json, file);
    expect(snap.kind).toBe('raw');
    expect(snap.layers.occupied).toBeGreaterThan(0);
    expect(snap.layers.crimea).toBeGreaterThan(0);
  });
});
