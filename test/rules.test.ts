/**
 * The rule table (src/lib/engine/rules.ts) is the only place a rule is
 * defined. Part one checks the real table is complete; part two adds two
 * made-up rules to it (a mock of the module, as a new row would be) and
 * follows them through every consumer's public function, on fixtures small
 * enough to check by hand.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import en from '../src/lib/i18n/en.json';
import uk from '../src/lib/i18n/uk.json';
import * as real from '../src/lib/engine/rules';
import type { RegionGeometry, RegionOverlay } from '../src/lib/engine/overlay';
import type { Region } from '../src/lib/engine/regions';
import type { Place } from '../src/lib/engine/places';
import type { Rule, RuleRow } from '../src/lib/engine/rules';
import { REGION_IDS } from '../src/lib/engine/regionMeta';

describe('the rule table', () => {
  it('lists its rules as RULES, in its order', () => {
    expect(real.RULES).toEqual(Object.keys(real.RULE_TABLE));
  });

  it.each(real.RULES)('%s is complete', (rule) => {
    const row = real.RULE_TABLE[rule];
    const lands = Object.keys(row.becomes).sort();
    expect([
      ['contested', 'russia', 'ukraine'],
      ['ordlo', 'rest'],
    ]).toContainEqual(lands);
    for (const c of Object.values(row.becomes)) expect(real.CONTROL_KINDS).toContain(c);
    expect(row.letter).toMatch(/^[a-z]$/);
    expect(en).toHaveProperty([row.label]);
    expect(uk).toHaveProperty([row.label]);
  });

  it('gives each rule its own letter, and keeps the letters links already carry', () => {
    const letters = real.RULES.map((r) => real.RULE_TABLE[r].letter);
    expect(new Set(letters).size).toBe(letters.length);
    expect(Object.fromEntries(real.RULES.map((r) => [r, real.RULE_TABLE[r].letter]))).toMatchObject({
      line: 'l',
      ukraine: 'u',
      russia: 'r',
      buffer: 'b',
      neutral: 'n',
      'pre-2022': 'p',
    });
  });

  it('tells the neutral zone from the buffer: both held by neither army, each its own class and zone', () => {
    expect(real.pieceGroups(real.RULE_TABLE.neutral)).toEqual([
      { control: 'russia', land: ['russia'], whole: false },
      { control: 'neutral', land: ['ukraine', 'contested'], whole: false },
    ]);
    expect(real.ZONES).toEqual(['buffer', 'neutral']);
    for (const k of real.CONTROL_KINDS) expect(real.CONTROL_MEANING[k].km2).not.toBe('');
  });

  it('groups a row by class in its order; a class of all the land is the whole region', () => {
    expect(real.pieceGroups(real.RULE_TABLE.buffer)).toEqual([
      { control: 'russia', land: ['russia'], whole: false },
      { control: 'buffer', land: ['ukraine', 'contested'], whole: false },
    ]);
    expect(real.pieceGroups(real.RULE_TABLE.russia)).toEqual([
      { control: 'russia', land: ['russia', 'ukraine', 'contested'], whole: true },
    ]);
    expect(real.RULES.filter((r) => real.leavesAsIs(real.RULE_TABLE[r]))).toEqual(['line']);
    expect(real.RULES.filter((r) => real.usesOrdlo(real.RULE_TABLE[r]))).toEqual(['pre-2022']);
  });
});

/*
 * Two rules no real scenario has. `withdraw`: Russia's land and the grey zone
 * become a buffer, Ukraine keeps its own (a class made of two kinds of land).
 * `ordlo-buffer`: the pre-2022 layer becomes a buffer, everything else
 * Russia's (a rule that needs the layer).
 */
const FIXTURE_ROWS: Record<string, RuleRow> = {
  withdraw: {
    becomes: { russia: 'buffer', ukraine: 'ukraine', contested: 'buffer' },
    letter: 'w',
    label: 'custom.rule.buffer',
  },
  'ordlo-buffer': { becomes: { ordlo: 'buffer', rest: 'russia' }, letter: 'o', label: 'custom.rule.pre2022' },
};
const WITHDRAW = 'withdraw' as Rule;
const ORDLO_BUFFER = 'ordlo-buffer' as Rule;

/** A lon/lat rectangle, counter-clockwise, closed. */
const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const multi = (...rings: Position[][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: rings.map((r) => [r]) });
/** Lon range of a geometry's vertices. */
const lonRange = (g: MultiPolygon): [number, number] => {
  const xs = g.coordinates.flat(2).map((p) => p[0]);
  return [Math.min(...xs), Math.max(...xs)];
};

describe('a rule added to the table', () => {
  const RULES_MODULE = '../src/lib/engine/rules';
  let m: {
    scenarios: typeof import('../src/lib/engine/scenarios');
    areas: typeof import('../src/lib/engine/areas');
    geometry: typeof import('../src/lib/engine/scenarioGeometry');
    polygons: typeof import('../src/lib/engine/polygons');
    places: typeof import('../src/lib/engine/places');
    layers: typeof import('../src/lib/map/scenarioLayers');
    exporter: typeof import('../src/lib/map/scenarioExport');
    custom: typeof import('../src/lib/state/customScenario');
  };

  beforeAll(async () => {
    vi.resetModules();
    vi.doMock(RULES_MODULE, async (importOriginal) => {
      const rules = await importOriginal<typeof real>();
      const RULE_TABLE = { ...rules.RULE_TABLE, ...FIXTURE_ROWS };
      return { ...rules, RULE_TABLE, RULES: Object.keys(RULE_TABLE) };
    });
    m = {
      scenarios: await import('../src/lib/engine/scenarios'),
      areas: await import('../src/lib/engine/areas'),
      geometry: await import('../src/lib/engine/scenarioGeometry'),
      polygons: await import('../src/lib/engine/polygons'),
      places: await import('../src/lib/engine/places'),
      layers: await import('../src/lib/map/scenarioLayers'),
      exporter: await import('../src/lib/map/scenarioExport'),
      custom: await import('../src/lib/state/customScenario'),
    };
  });
  afterAll(() => {
    vi.doUnmock(RULES_MODULE);
    vi.resetModules();
  });

  // Donetsk under `withdraw`, Luhansk under `ordlo-buffer`, the rest on the line.
  const definition = {
    id: 'fixture',
    title: 'Fixture',
    rules: { default: 'line', regions: { 'UA-14': WITHDRAW, 'UA-09': ORDLO_BUFFER } },
  };
  const scenario = () => m.scenarios.validateScenario(definition, 'fixture');

  it('is a valid rule of a scenario, named in the error for an unknown one', () => {
    expect(scenario().rules.regions).toEqual({ 'UA-14': 'withdraw', 'UA-09': 'ordlo-buffer' });
    expect(() =>
      m.scenarios.validateScenario({ ...definition, rules: { default: 'nope', regions: {} } }, 'fixture'),
    ).toThrow('must be one of line, ukraine, russia, buffer, neutral, pre-2022, withdraw, ordlo-buffer');
    expect(m.scenarios.needsOrdlo(scenario())).toBe(true);
    expect(m.scenarios.needsOrdlo({ ...scenario(), rules: { default: WITHDRAW, regions: {} } })).toBe(false);
  });

  // Every region: 100 km², 30 occupied, 10 grey, a 5 km² sliver; Luhansk has 20 km² of ORDLO.
  const overlays: RegionOverlay[] = REGION_IDS.map((id) => ({
    id,
    area_km2: 100,
    occupied_km2: 30,
    contested_km2: 10,
    sliver_km2: 5,
  }));
  const areas = (raw: boolean) => m.areas.computeAreas(scenario(), { overlays, ordlo: { 'UA-09': 20 }, raw });
  /** ukraine, russia, buffer, contested, ceded, returned (km²) of one row. */
  const km2 = (rows: ReturnType<typeof areas>, id: string) => {
    const r = rows.find((x) => x.id === id)!;
    return [r.ukraine_km2, r.russia_km2, r.buffer_km2, r.contested_km2, r.ceded_km2, r.returned_km2];
  };

  it('counts its km² for each side', () => {
    // withdraw: Russia's 30 + the 5 sliver and the grey 10 to the buffer, Ukraine keeps its 55: nothing ceded.
    expect(km2(areas(false), 'UA-14')).toEqual([55, 0, 45, 0, 0, 0]);
    // raw: the sliver stays Ukraine's.
    expect(km2(areas(true), 'UA-14')).toEqual([60, 0, 40, 0, 0, 0]);
    // ordlo-buffer: ORDLO's 20 to the buffer, the other 80 to Russia, so Ukraine cedes the 55 it holds.
    expect(km2(areas(false), 'UA-09')).toEqual([0, 80, 20, 0, 55, 0]);
    expect(km2(areas(false), 'donbas')).toEqual([55, 80, 65, 0, 55, 0]);
    expect(km2(areas(false), 'UA-05')).toEqual([55, 35, 0, 10, 0, 0]);
  });

  /*
   * Geometry, by lon (every shape spans the same lat band, so areas go as the lon width):
   * Donetsk 37..38: occupied 37..37.5, grey 37.5..37.6, Ukrainian 37.6..37.9, sliver 37.9..38.
   * Luhansk 39..40: occupied 39.3..40, Ukrainian 39..39.3; ORDLO 39.6..40.
   */
  const DONETSK = rect(37, 47, 38, 48);
  const LUHANSK = rect(39, 47, 40, 48);
  const pathsOf = (...rings: Position[][]) => m.polygons.pathsFromGeometry(multi(...rings));

  it('draws its pieces in the CLI GeoJSON', () => {
    const regions = [
      { id: 'UA-14', paths: pathsOf(DONETSK) },
      { id: 'UA-09', paths: pathsOf(LUHANSK) },
    ] as Region[];
    const geometry = new Map<string, RegionGeometry>([
      [
        'UA-14',
        {
          occupied: pathsOf(rect(37, 47, 37.5, 48)),
          contested: pathsOf(rect(37.5, 47, 37.6, 48)),
          ukraine: pathsOf(rect(37.6, 47, 37.9, 48)),
          slivers: pathsOf(rect(37.9, 47, 38, 48)),
        },
      ],
      [
        'UA-09',
        {
          occupied: pathsOf(rect(39.3, 47, 40, 48)),
          contested: [],
          ukraine: pathsOf(rect(39, 47, 39.3, 48)),
          slivers: [],
        },
      ],
    ]);
    const ordlo = pathsOf(rect(39.6, 47, 40, 48));
    const whole = m.polygons.areaKm2(pathsOf(DONETSK));
    const features = (raw: boolean) =>
      m.geometry
        .scenarioFeatures(m.geometry.scenarioPieces(scenario(), regions, geometry, ordlo, raw))
        .features.map((f) => [
          f.properties.region,
          f.properties.control,
          lonRange(f.geometry),
          Math.round((f.properties.area_km2 / whole) * 1e6) / 1e6,
        ]);
    // In the row's order: the buffer (Russia's land, sliver included, and the grey zone) first.
    expect(features(false)).toEqual([
      ['UA-14', 'buffer', [37, 38], 0.7],
      ['UA-14', 'ukraine', [37.6, 37.9], 0.3],
      ['UA-09', 'buffer', [39.6, 40], 0.4],
      ['UA-09', 'russia', [39, 39.6], 0.6],
    ]);
    expect(features(true).slice(0, 2)).toEqual([
      ['UA-14', 'buffer', [37, 37.6], 0.6],
      ['UA-14', 'ukraine', [37.6, 38], 0.4],
    ]);
  });

  // The map's pieces: Donetsk stores its occupied part (fid 0) and grey zone (fid 1), Luhansk its Ukrainian
  // part (fid 2); the pre-2022 layer has Luhansk's 39.6..40 (fid 3).
  const piece = (region: string, kind: string, ring: Position[]): Feature => ({
    type: 'Feature',
    properties: { layer: 'piece', region, kind },
    geometry: multi(ring),
  });
  const fc = (features: Feature[]) =>
    ({ type: 'FeatureCollection', features }) as FeatureCollection<Geometry, Record<string, unknown> | null>;
  const snapshotPieces = [
    piece('UA-14', 'russia', rect(37, 47, 37.5, 48)),
    piece('UA-14', 'contested', rect(37.5, 47, 37.6, 48)),
    piece('UA-09', 'ukraine', rect(39, 47, 39.3, 48)),
  ];
  const ordloPieces = [piece('UA-09', 'ordlo', rect(39.6, 47, 40, 48))];
  const display = (hasSnapshot: boolean) => {
    const pieces = m.layers.collectPieces(fc(snapshotPieces), fc(ordloPieces));
    return { pieces, display: m.layers.scenarioDisplay(scenario(), ['UA-14', 'UA-09'], pieces, hasSnapshot) };
  };

  it('gives the map its classes', () => {
    const { display: d } = display(true);
    // Donetsk: its land stays Ukrainian (not drawn), Russia's and the grey zone are a buffer. Luhansk: all
    // Russia's, the Ukrainian part ceded, the ORDLO piece a buffer.
    expect(Object.fromEntries(d.regions)).toEqual({ 'UA-14': null, 'UA-09': 'russia' });
    expect([...d.pieces.values()]).toEqual(['buffer', 'buffer', 'ceded', 'buffer']);
    expect(d.classes).toEqual(['russia', 'ceded', 'buffer']);
    // Without data: each region in the class of what Ukrainian-held land becomes.
    expect(Object.fromEntries(display(false).display.regions)).toEqual({ 'UA-14': null, 'UA-09': 'russia' });
  });

  it('puts the towns in their zones', () => {
    const place = (id: number, region: string, lon: number, population: number): Place => ({
      id,
      name_en: `P${id}`,
      population,
      lon,
      lat: 47.5,
      region,
    });
    const towns = [
      place(1, 'UA-14', 37.2, 1000), // occupied → buffer
      place(2, 'UA-14', 37.55, 500), // grey → buffer
      place(3, 'UA-14', 37.8, 9000), // Ukrainian, stays
      place(4, 'UA-09', 39.8, 2000), // occupied, in ORDLO → buffer
      place(5, 'UA-09', 39.1, 300), // Ukrainian → Russia's: ceded
      place(6, 'UA-09', 39.45, 700), // occupied outside ORDLO, stays Russia's
      place(7, 'UA-05', 28.5, 800), // on the line: nothing changes
    ];
    const r = m.places.placesChangingHands(
      scenario(),
      towns,
      new m.places.ControlIndex([...snapshotPieces, ...ordloPieces]),
    );
    expect(r.rows.map((p) => [p.id, p.zone, p.now])).toEqual([
      [4, 'buffer', 'russia'],
      [1, 'buffer', 'russia'],
      [2, 'buffer', 'contested'],
      [5, 'ceded', 'ukraine'],
    ]);
    // Zone, count, population.
    expect(Object.entries(r.totals).map(([zone, t]) => [zone, t.count, t.population])).toEqual([
      ['buffer', 3, 3500],
      ['neutral', 0, 0],
      ['ceded', 1, 300],
      ['returned', 0, 0],
      ['all', 4, 3800],
    ]);
  });

  it("is in the page's GeoJSON export", () => {
    const { pieces, display: d } = display(true);
    const regions = fc([
      { type: 'Feature', properties: { id: 'UA-14' }, geometry: multi(DONETSK) },
      { type: 'Feature', properties: { id: 'UA-09' }, geometry: multi(LUHANSK) },
    ]);
    const out = m.exporter.displayedScenario(regions, pieces, d, areas(false), { scenario: 'fixture' });
    expect(out.features.map((f) => [f.properties.region, f.properties.control, f.properties.area_km2])).toEqual([
      ['UA-14', 'ukraine', 55],
      ['UA-14', 'buffer', 45],
      ['UA-09', 'russia', 80],
      ['UA-09', 'buffer', 20],
    ]);
    expect(out.features.map((f) => lonRange(f.geometry))).toEqual([
      [37.6, 38],
      [37, 37.6],
      [39, 39.6],
      [39.6, 40],
    ]);
  });

  it('has its letter in the link, and the link reads back', () => {
    const def = m.custom.customScenario('Mine', undefined, {
      default: WITHDRAW,
      regions: { 'UA-14': 'line', 'UA-09': ORDLO_BUFFER },
    });
    const value = m.custom.encodeCustomScenario(def);
    expect(value).toBe('~*:w,UA-09:o,UA-14:l~~Mine');
    expect(m.custom.decodeCustomScenario(value)).toEqual(def);
    expect(m.custom.decodeCustomScenario('~*:q~~Mine')).toBeUndefined();
  });

  it("is one of the editor's choices (the one needing ORDLO only when the data has it)", () => {
    const tail = (hasOrdlo: boolean) => m.custom.ruleChoices(hasOrdlo).slice(-2);
    expect(tail(true)).toEqual([
      { rule: 'withdraw', label: 'custom.rule.buffer' },
      { rule: 'ordlo-buffer', label: 'custom.rule.pre2022' },
    ]);
    expect(m.custom.ruleChoices(false).map((c) => c.rule)).toEqual([
      'line',
      'ukraine',
      'russia',
      'buffer',
      'neutral',
      'withdraw',
    ]);
  });
});
