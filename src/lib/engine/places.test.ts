/** The places engine on hand-made pieces whose answers can be checked by eye. */
import type { Feature, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ControlIndex, placesChangingHands, regionLocator, zoneFor, type Holder, type Place } from './places';
import { romanizeUk } from './romanize';
import type { Rule, ScenarioDefinition } from './scenarios';

/** An axis-aligned square ring, counter-clockwise, closed. */
const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const piece = (region: string, kind: string, ...polygons: number[][][][]): Feature<MultiPolygon> => ({
  type: 'Feature',
  properties: { layer: 'piece', region, kind },
  geometry: { type: 'MultiPolygon', coordinates: polygons },
});

/*
 * R1 stores its Russian-held land: the square 0..10 with a hole 4..6 (a
 *    Ukrainian pocket), and a second part 20..22; grey zone 10..12 × 0..2.
 * R2 stores its Ukrainian-held land (the rest is held): the square 30..32.
 * R3 is all held: an empty `ukraine` marker.
 * R4 has no pieces: all Ukrainian-held. ORDLO covers R1's 0..3 × 0..3.
 */
const pieces = [
  piece('R1', 'russia', [square(0, 0, 10, 10), square(4, 4, 6, 6).reverse()], [square(20, 20, 22, 22)]),
  piece('R1', 'contested', [square(10, 0, 12, 2)]),
  piece('R2', 'ukraine', [square(30, 30, 32, 32)]),
  piece('R3', 'ukraine'),
  piece('R1', 'ordlo', [square(0, 0, 3, 3)]),
  // Not pieces: the whole occupied layer and the line must be ignored.
  {
    type: 'Feature',
    properties: { layer: 'occupied' },
    geometry: { type: 'MultiPolygon', coordinates: [[square(-100, -100, 100, 100)]] },
  } as Feature<MultiPolygon>,
];
const index = new ControlIndex(pieces);

describe('ControlIndex.holderAt', () => {
  it.each([
    ['R1', 1, 1, 'russia'],
    ['R1', 5, 5, 'ukraine'], // in the hole
    ['R1', 9.99, 9.99, 'russia'],
    ['R1', 21, 21, 'russia'], // second part
    ['R1', 15, 15, 'ukraine'], // outside every piece of a region that stores Russian-held land
    ['R1', 11, 1, 'contested'],
    ['R2', 31, 31, 'ukraine'],
    ['R2', 35, 35, 'russia'],
    ['R3', 0, 0, 'russia'],
    ['R4', 1, 1, 'ukraine'], // R1's pieces do not count in R4
  ] as const)('%s at (%d, %d) is held by %s', (region, lon, lat, holder) => {
    expect(index.holderAt(region, lon, lat)).toBe(holder);
  });

  it('knows the pre-2022 layer', () => {
    expect(index.inOrdlo('R1', 2, 2)).toBe(true);
    expect(index.inOrdlo('R1', 5, 2)).toBe(false);
    expect(index.hasOrdlo).toBe(true);
    expect(new ControlIndex([]).hasOrdlo).toBe(false);
  });
});

describe('zoneFor', () => {
  // Rule × who holds it now → zone, written out by hand from the definitions.
  const table: [Rule, Holder, boolean, string | null][] = [
    ['line', 'ukraine', false, null],
    ['line', 'russia', false, null],
    ['line', 'contested', false, null],
    ['ukraine', 'ukraine', false, null],
    ['ukraine', 'russia', false, 'returned'],
    ['ukraine', 'contested', false, 'returned'],
    ['russia', 'ukraine', false, 'ceded'],
    ['russia', 'russia', false, null],
    ['russia', 'contested', false, 'ceded'],
    ['buffer', 'ukraine', false, 'buffer'],
    ['buffer', 'russia', false, null],
    ['buffer', 'contested', false, 'buffer'],
    ['pre-2022', 'russia', true, null],
    ['pre-2022', 'russia', false, 'returned'],
    ['pre-2022', 'ukraine', true, 'ceded'],
    ['pre-2022', 'ukraine', false, null],
  ];
  it.each(table)('%s, held by %s (in ORDLO: %s) → %s', (rule, now, ordlo, zone) => {
    expect(zoneFor(rule, now, ordlo)).toBe(zone);
  });
});

describe('placesChangingHands', () => {
  const place = (id: number, region: string, lon: number, lat: number, population: number): Place => ({
    id,
    name_en: `P${id}`,
    population,
    lon,
    lat,
    region,
  });
  const places = [
    place(1, 'R1', 1, 1, 1000), // held, in ORDLO
    place(2, 'R1', 5, 5, 2000), // Ukrainian pocket
    place(3, 'R1', 8, 8, 4000), // held, outside ORDLO
    place(4, 'R1', 11, 1, 500), // grey zone
    place(5, 'R2', 31, 31, 300), // Ukrainian-held
    place(6, 'R2', 35, 35, 700), // held
    place(7, 'R4', 1, 1, 9000), // Ukrainian-held
  ];
  const scenario = (def: Rule, regions: Record<string, Rule>): ScenarioDefinition => ({
    id: 'fixture',
    title: 'fixture',
    phrase: 'the fixture',
    date: null,
    summary: '',
    clause: '',
    clause_is_quote: false,
    source: { name: '', url: null },
    rules: { default: def, regions },
  });

  it('moves nothing on the line', () => {
    const r = placesChangingHands(scenario('line', {}), places, index);
    expect(r.rows).toEqual([]);
    expect(r.totals.all).toEqual({ count: 0, population: 0 });
  });

  it('buffer in R1, R2 to Russia, the rest to Ukraine', () => {
    const r = placesChangingHands(scenario('ukraine', { R1: 'buffer', R2: 'russia' }), places, index);
    expect(r.rows.map((p) => [p.id, p.zone, p.now])).toEqual([
      [2, 'buffer', 'ukraine'],
      [4, 'buffer', 'contested'],
      [5, 'ceded', 'ukraine'],
    ]);
    expect(r.totals).toEqual({
      buffer: { count: 2, population: 2500 },
      neutral: { count: 0, population: 0 },
      ceded: { count: 1, population: 300 },
      returned: { count: 0, population: 0 },
      all: { count: 3, population: 2800 },
    });
  });

  it('pre-2022 in R1: what Russia holds outside ORDLO is returned', () => {
    const r = placesChangingHands(scenario('line', { R1: 'pre-2022' }), places, index);
    expect(r.rows.map((p) => [p.id, p.zone])).toEqual([
      [3, 'returned'],
      [4, 'returned'],
    ]);
    expect(r.totals.returned).toEqual({ count: 2, population: 4500 });
  });

  it('everything to Ukraine returns every held town, largest first', () => {
    const r = placesChangingHands(scenario('ukraine', {}), places, index);
    expect(r.rows.map((p) => p.id)).toEqual([3, 1, 6, 4]);
    expect(r.totals.returned.population).toBe(4000 + 1000 + 700 + 500);
  });
});

describe('regionLocator', () => {
  const locate = regionLocator([
    { id: 'A', geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, 1)] } },
    { id: 'B', geometry: { type: 'MultiPolygon', coordinates: [[square(1, 0, 2, 1)], [square(5, 5, 6, 6)]] } },
  ]);
  it('finds the region of a point, or none', () => {
    expect(locate(0.5, 0.5)).toBe('A');
    expect(locate(1.5, 0.5)).toBe('B');
    expect(locate(5.5, 5.5)).toBe('B');
    expect(locate(3, 3)).toBeUndefined();
  });
});

describe('romanizeUk (KMU 2010, examples from the resolution and place names)', () => {
  it.each([
    ['Київ', 'Kyiv'],
    ['Запоріжжя', 'Zaporizhzhia'],
    ["Слов'янськ", 'Sloviansk'],
    ['Костянтинівка', 'Kostiantynivka'],
    ['Згурівка', 'Zghurivka'],
    ["Знам'янка", 'Znamianka'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гаєвич', 'Haievych'],
    ['Юрій', 'Yurii'],
    ['Йосипівка', 'Yosypivka'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ['Щербухи', 'Shcherbukhy'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Кривий Ріг', 'Kryvyi Rih'],
    ['Ґалаґан', 'Galagan'],
  ])('%s → %s', (uk, en) => {
    expect(romanizeUk(uk)).toBe(en);
  });
});
