/**
 * Places on the real reference data (ingested by globalSetup with the
 * high-resolution boundaries): the gazetteer ingest wrote, who holds each
 * town against the precise overlay, the scenarios' lists, and the CLI.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clipper, PointInPolygonResult } from 'clipper2-ts';
import { csvParse } from 'd3-dsv';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBoundaries, overlayerFor } from '../src/cli/boundaries';
import { PLACES_CSV_HEADER } from '../src/lib/datafolder/placesTable';
import { buildGazetteer, kmToPaths, loadPlacesFile, ukrainianName } from '../src/cli/gazetteer';
import { readJsonFile } from '../src/cli/io';
import { readDataFolder, readRegions, loadSnapshotLayers, type DataFolder } from '../src/cli/store';
import { snapshotOn } from '../src/lib/datafolder/manifest';
import type { Overlayer } from '../src/lib/engine/overlay';
import {
  ControlIndex,
  PLACE_ZONES,
  placesChangingHands,
  type Holder,
  type Place,
  type PlacesFile,
  type PlacesResult,
} from '../src/lib/engine/places';
import { SCALE, union, type Paths } from '../src/lib/engine/polygons';
import type { Region } from '../src/lib/engine/regions';
import { scenarioById } from '../src/lib/engine/scenarioCatalog';
import { collectPieces, scenarioDisplay } from '../src/lib/map/scenarioLayers';
import { cli } from './helpers/cli';
import { TEST_DATA } from './helpers/paths';

const D = ['--data', TEST_DATA];
let ds: DataFolder;
let gazetteer: PlacesFile;
let regions: Region[];

beforeAll(() => {
  ds = readDataFolder(TEST_DATA);
  gazetteer = loadPlacesFile(TEST_DATA, ds.manifest.boundaries.sha256);
  regions = readRegions(ds);
});

const byName = (name: string): Place => {
  const hits = gazetteer.places.filter((p) => p.name_en === name);
  expect(hits, name).toHaveLength(1);
  return hits[0];
};

/** The pieces a page would have for a snapshot: the snapshot file's and the ORDLO file's. */
function indexFor(id: string): ControlIndex {
  const entry = ds.manifest.snapshots.find((s) => s.id === id)!;
  const read = (file: string): FeatureCollection => readJsonFile(join(TEST_DATA, file)) as FeatureCollection;
  return new ControlIndex([...ds.chunks.frame('history', entry).features, ...read(ds.manifest.ordlo!.file).features]);
}

const listed = (scenario: string, date = '2025-11-20'): PlacesResult =>
  placesChangingHands(scenarioById(scenario), gazetteer.places, indexFor(snapshotOn(ds.manifest, date).id));

describe('the gazetteer (places.json written by ingest)', () => {
  it('holds Ukraine’s towns of 5,000 people or more, each in a region, credited to GeoNames', () => {
    expect(gazetteer.places.length).toBeGreaterThan(600);
    expect(gazetteer.places.every((p) => p.population >= gazetteer.min_population && /^UA-\d\d$/.test(p.region))).toBe(
      true,
    );
    expect(new Set(gazetteer.places.map((p) => p.id)).size).toBe(gazetteer.places.length);
    expect(gazetteer.source).toMatchObject({ name: 'GeoNames', licence: 'CC BY 4.0' });
    expect(gazetteer.boundaries.name).toBe('ukraine-minregion.geojson');
  });

  it('places towns in their regions, with their Ukrainian names', () => {
    expect(byName('Kramatorsk')).toMatchObject({ region: 'UA-14', name_uk: 'Краматорськ' });
    expect(byName('Sloviansk')).toMatchObject({ region: 'UA-14', name_uk: "Слов'янськ" });
    expect(byName('Kyiv')).toMatchObject({ region: 'UA-30', name_uk: 'Київ' });
    expect(byName('Simferopol').region).toBe('UA-43');
    expect(byName('Sevastopol').region).toBe('UA-40');
    expect(byName('Kharkiv').region).toBe('UA-63');
    expect(byName('Zaporizhzhia').region).toBe('UA-23');
    // Renamed towns carry today's names, not those of before 2016.
    expect(byName('Pokrovsk').name_uk).toBe('Покровськ');
    expect(byName('Bakhmut').name_uk).toBe('Бахмут');
    expect(
      gazetteer.places.some(
        (p) => p.name_en === 'Krasnoarmiisk' || (p.name_en === 'Artemivsk' && p.region === 'UA-14'),
      ),
    ).toBe(false);
  });

  it('puts towns off the built-in boundaries’ coarse coast in their regions (Kherson, Ochakiv, Skadovsk)', () => {
    const builtin = loadBoundaries(undefined);
    const built = buildGazetteer(builtin.regions, { name: builtin.name, sha256: builtin.sha256 });
    expect(built.skipped).toEqual([]);
    const region = new Map(built.file.places.map((p) => [p.name_en, p.region]));
    expect([region.get('Kherson'), region.get('Ochakiv'), region.get('Skadovsk')]).toEqual(['UA-65', 'UA-48', 'UA-65']);
    // Both sets agree on where nearly every town lies; Natural Earth draws Kyiv city wider
    // (Irpin, Vyshneve, Obukhiv in it), and no foreign town gets in.
    const same = gazetteer.places.filter(
      (p) => built.file.places.find((q) => q.id === p.id)?.region === p.region,
    ).length;
    expect(same / gazetteer.places.length).toBeGreaterThan(0.97);
    expect(built.file.places.length).toBe(gazetteer.places.length);
    expect(region.has('Basarabeasca')).toBe(false);
  });
});

describe('ukrainianName', () => {
  it('takes the Ukrainian spelling that romanises to the GeoNames name', () => {
    expect(
      ukrainianName('Kramatorsk', 'Kramatorsk', ["Kramators'k", 'Краматорск', 'Краматорська', 'Краматорськ']),
    ).toBe('Краматорськ');
    expect(
      ukrainianName('Pokrovsk', 'Pokrovsk', ['Krasnoarmiisk', 'Красноармейск', 'Красноармійськ', 'Покровськ']),
    ).toBe('Покровськ');
    expect(ukrainianName('Dobropillia', 'Dobropillia', ["Dobropol'e", 'Доброполье', 'Добропілля'])).toBe('Добропілля');
    expect(ukrainianName('Zaporizhzhya', 'Zaporizhzhya', ['Запорожье', 'Запоріжжя'])).toBe('Запоріжжя');
  });
  it('gives none rather than a Russian name', () => {
    expect(ukrainianName('Svetlodarsk', 'Svetlodarsk', ['Svetlodarsk', 'Светлодарск'])).toBeUndefined();
    expect(ukrainianName('Donetsk', 'Donetsk', ['Донецк'])).toBeUndefined();
  });
});

/** Who holds a point by the precise overlay (not simplified), with Clipper's own point test. */
function preciseHolder(geometry: ReturnType<Overlayer['geometry']>, p: Place): Holder {
  const g = geometry.get(p.region)!;
  const pt = { x: Math.round(p.lon * SCALE), y: Math.round(p.lat * SCALE) };
  const inside = (paths: Paths): boolean =>
    paths.filter((path) => Clipper.pointInPolygon(pt, path) !== PointInPolygonResult.IsOutside).length % 2 === 1;
  if (inside(g.contested)) return 'contested';
  return inside(union(g.occupied, g.slivers)) ? 'russia' : 'ukraine';
}

describe('who holds a town: the map pieces against the precise overlay', () => {
  it.each(['2025-11-20', '2024-07-08', '2025-08-01-raw'])(
    '%s: the same for every town but those within 100 m of the line',
    (id) => {
      const entry = ds.manifest.snapshots.find((s) => s.id === id)!;
      const layers = loadSnapshotLayers(ds, entry);
      const geometry = overlayerFor(regions).geometry({
        occupied: layers.occupied ?? [],
        contested: layers.contested ?? [],
      });
      const index = indexFor(id);
      const counts: Record<Holder, number> = { ukraine: 0, russia: 0, contested: 0 };
      const differ: string[] = [];
      for (const p of gazetteer.places) {
        const fast = index.holderAt(p.region, p.lon, p.lat);
        counts[fast]++;
        const exact = preciseHolder(geometry, p);
        if (fast === exact) continue;
        const g = geometry.get(p.region)!;
        const m = kmToPaths([...g.occupied, ...g.contested, ...g.slivers], p.lon, p.lat) * 1000;
        differ.push(`${p.name_en}: ${fast} vs ${exact}, ${m.toFixed(0)} m from the edge`);
        expect(m, differ.at(-1)).toBeLessThan(100);
      }
      expect(differ.length).toBeLessThanOrEqual(2);
      // Both sides hold towns on every date: the test is not vacuous.
      expect(counts.russia).toBeGreaterThan(50);
      expect(counts.ukraine).toBeGreaterThan(500);
    },
  );
});

describe('scenarios on 2025-11-20', () => {
  it('the US draft: the Donetsk buffer zone holds Kramatorsk, Sloviansk, Kostiantynivka and Druzhkivka, not Donetsk', () => {
    const r = listed('us-28-point');
    const buffer = r.rows.filter((p) => p.zone === 'buffer');
    const names = buffer.map((p) => p.name_en);
    for (const town of ['Kramatorsk', 'Sloviansk', 'Kostiantynivka', 'Druzhkivka', 'Dobropillia'])
      expect(names).toContain(town);
    expect(names).not.toContain('Donetsk');
    expect(r.rows.some((p) => p.name_en === 'Donetsk')).toBe(false);
    expect(buffer.every((p) => p.region === 'UA-14' && p.now === 'ukraine')).toBe(true);
    // Returned: towns Russia holds in the regions point 21 gives back (Kharkiv oblast's Kupiansk area, for one).
    expect(
      r.rows
        .filter((p) => p.zone === 'returned')
        .every((p) => !['UA-14', 'UA-09', 'UA-43', 'UA-40', 'UA-23', 'UA-65'].includes(p.region)),
    ).toBe(true);
    // Zaporizhzhia and Kherson keep the line: no town there moves.
    expect(r.rows.some((p) => p.region === 'UA-23' || p.region === 'UA-65')).toBe(false);
  });

  it('totals equal the sums of the rows, per zone', () => {
    for (const id of ['us-28-point', 'borders-1991', 'russia-demand', 'pre-2022', 'europe-counter']) {
      const r = listed(id);
      for (const z of PLACE_ZONES) {
        const rows = r.rows.filter((p) => p.zone === z);
        expect(r.totals[z]).toEqual({ count: rows.length, population: rows.reduce((s, p) => s + p.population, 0) });
      }
      expect(r.totals.all.count).toBe(r.rows.length);
      expect(r.totals.all.population).toBe(PLACE_ZONES.reduce((s, z) => s + r.totals[z].population, 0));
    }
  });

  it('the status quo moves no town', () => {
    const r = listed('status-quo');
    expect(r.rows).toEqual([]);
    expect(r.totals.all).toEqual({ count: 0, population: 0 });
  });

  it('the 1991 borders return Donetsk, Luhansk, Mariupol and Simferopol, and cede nothing', () => {
    const r = listed('borders-1991');
    const zone = new Map(r.rows.map((p) => [p.name_en, p.zone]));
    for (const town of ['Donetsk', 'Luhansk', 'Mariupol', 'Simferopol', 'Sevastopol', 'Melitopol'])
      expect(zone.get(town), town).toBe('returned');
    expect(zone.has('Kramatorsk')).toBe(false);
    expect(r.totals.ceded.count + r.totals.buffer.count).toBe(0);
  });

  it('Russia’s demand cedes Kramatorsk and Zaporizhzhia city; the line of 2022 returns Mariupol but not Donetsk', () => {
    const demand = new Map(listed('russia-demand').rows.map((p) => [p.name_en, p.zone]));
    expect(demand.get('Kramatorsk')).toBe('ceded');
    expect(demand.get('Zaporizhzhia')).toBe('ceded');
    expect(demand.get('Kherson')).toBe('ceded');
    const pre = new Map(listed('pre-2022').rows.map((p) => [p.name_en, p.zone]));
    expect(pre.get('Mariupol')).toBe('returned');
    expect(pre.get('Melitopol')).toBe('returned');
    expect(pre.has('Donetsk')).toBe(false);
    expect(pre.has('Luhansk')).toBe(false);
  });
});

describe('the list agrees with the map', () => {
  it.each(['us-28-point', 'borders-1991', 'russia-demand', 'pre-2022', 'europe-counter'])(
    '%s: each town’s zone is the class the page paints under it',
    (id) => {
      const entry = snapshotOn(ds.manifest, '2025-11-20');
      const read = (file: string) =>
        readJsonFile(join(TEST_DATA, file)) as FeatureCollection<Geometry, Record<string, unknown> | null>;
      const pieces = collectPieces(ds.chunks.frame('history', entry), read(ds.manifest.ordlo!.file));
      const scenario = scenarioById(id);
      const display = scenarioDisplay(scenario, [...new Set(gazetteer.places.map((p) => p.region))], pieces, true);
      // The page's collectPieces output feeds the same index the CLI builds from the files.
      const zones = new Map(
        placesChangingHands(scenario, gazetteer.places, new ControlIndex(pieces.features)).rows.map((p) => [
          p.id,
          p.zone,
        ]),
      );
      expect(zones).toEqual(new Map(listed(id).rows.map((p) => [p.id, p.zone])));
      for (const p of gazetteer.places) {
        // What the map paints at the town: the region's base, under the pieces drawn on top (Turf's point test).
        let painted = display.regions.get(p.region) ?? null;
        for (const f of pieces.features) {
          const cls = display.pieces.get(f.properties.fid);
          if (
            f.properties.region === p.region &&
            cls !== null &&
            cls !== undefined &&
            booleanPointInPolygon([p.lon, p.lat], f.geometry)
          )
            painted = cls;
        }
        const changed = painted === 'buffer' || painted === 'ceded' || painted === 'returned' ? painted : undefined;
        expect(zones.get(p.id), `${p.name_en}: painted ${painted}`).toBe(changed);
      }
    },
  );
});

describe('frontline places', () => {
  it('prints JSON with provenance, totals and the same rows as the engine', async () => {
    const r = await cli('places', '--date', '2025-11-20', '--scenario', 'us-28-point', ...D);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({
      date: '2025-11-20',
      scenario: 'us-28-point',
      source: { name: 'DeepStateMap' },
      gazetteer: { name: 'GeoNames', licence: 'CC BY 4.0' },
    });
    const engine = listed('us-28-point');
    expect(out.totals).toEqual(engine.totals);
    expect(out.rows.map((x: { id: number; zone: string }) => [x.id, x.zone])).toEqual(
      engine.rows.map((p) => [p.id, p.zone]),
    );
    expect(out.rows[0]).toMatchObject({
      name: engine.rows[0].name_en,
      population: engine.rows[0].population,
      region: engine.rows[0].region,
    });
  });

  it('prints CSV with the documented header that parses back to the engine’s rows', async () => {
    const r = await cli(
      'places',
      '--date',
      '2025-11-20',
      '--scenario',
      'us-28-point',
      '--format',
      'csv',
      '--zone',
      'buffer',
      ...D,
    );
    expect(r.code).toBe(0);
    const rows = csvParse(r.out);
    expect(rows.columns).toEqual([...PLACES_CSV_HEADER]);
    const engine = listed('us-28-point').rows.filter((p) => p.zone === 'buffer');
    expect(rows.map((x) => [Number(x.id), x.name, Number(x.population), Number(x.lon), Number(x.lat), x.zone])).toEqual(
      engine.map((p) => [p.id, p.name_en, p.population, p.lon, p.lat, 'buffer']),
    );
    expect(rows.every((x) => x.credit?.includes('DeepStateMap') && x.credit.includes('GeoNames'))).toBe(true);
    expect(rows.find((x) => x.name === 'Kramatorsk')?.name_uk).toBe('Краматорськ');
    expect([...new Set(rows.map((x) => x.kind))]).toEqual(['daily']);
  });

  it('says in its kind column that a raw snapshot is raw', async () => {
    const args = ['places', '--date', '2025-08-01', '--kind', 'raw', '--scenario', 'us-28-point', '--format', 'csv'];
    const r = await cli(...args, ...D);
    expect(r.code).toBe(0);
    const rows = csvParse(r.out);
    expect(rows.length).toBeGreaterThan(0);
    expect([...new Set(rows.map((x) => x.kind))]).toEqual(['raw']);
  });

  it.each([
    [['--date', '2025-11-20', '--scenario', 'peace-now'], /unknown scenario "peace-now" \(known: status-quo/],
    [
      ['--date', '2025-11-26', '--scenario', 'us-28-point'],
      /no snapshot on 2025-11-26; nearest: 2025-11-25 and 2025-11-27/,
    ],
    [['--date', '2025-11-20', '--zone', 'grey'], /--zone must be one of buffer, neutral, ceded, returned/],
    [['--date', '2025-11-20', '--format', 'geojson'], /--format must be one of json, csv/],
    [['--scenario', 'us-28-point'], /needs --date/],
  ])('rejects %j as a usage error (2) with one line', async (args, message) => {
    const r = await cli('places', ...args, ...D);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('says to ingest again when the data folder has no places.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-places-'));
    for (const f of ['manifest.json', 'stats.json']) copyFileSync(join(TEST_DATA, f), join(dir, f));
    const r = await cli('places', '--date', '2025-11-20', '--scenario', 'us-28-point', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/places\.json: no places list in the data folder: run ingest again/);
    expect(r.out).toBe('');
  });
});
