/**
 * The history chunks: a hand-made fixture whose encoding is checked integer
 * by integer, corrupt chunks, the chunks ingest wrote for the reference data
 * (decoded, they equal what the engine computes from each source file), and
 * ingest's incremental rewriting of chunks.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiLineString, MultiPolygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkOf, type HistoryEntry } from '../src/lib/datafolder/manifest';
import {
  chunkName,
  decodeChunk,
  DRAWN_LAYERS,
  drawnFeatures,
  SOURCE_LAYERS,
  encodeChunk,
  HistoryChunkReader,
  opsChecksum,
  type DrawnFeature,
  type HistoryChunk,
  type HistoryFrame,
} from '../src/lib/datafolder/historyCodec';
import { collectPieces, frontlineOf } from '../src/lib/map/scenarioLayers';
import { readDataFolder, readRegions, type DataFolder } from '../src/cli/store';
import { overlayerFor } from '../src/cli/boundaries';
import { parseSnapshot } from '../src/lib/engine/snapshot';
import { snapshotFeatures } from '../src/lib/engine/snapshotFeatures';
import { cli } from './helpers/cli';
import { DAILY, DEEPSTATE, HAVE_SHARED, RAW, TEST_DATA } from './helpers/paths';

const S = 'DeepStateMap';
const piece = (date: string, region: string, kind: string, coordinates: Position[][][]): DrawnFeature => ({
  type: 'Feature',
  properties: { layer: 'piece', region, kind, date, source: S },
  geometry: { type: 'MultiPolygon', coordinates } satisfies MultiPolygon,
});
const line = (date: string, coordinates: Position[][]): DrawnFeature => ({
  type: 'Feature',
  properties: { layer: 'frontline', date, source: S },
  geometry: { type: 'MultiLineString', coordinates } satisfies MultiLineString,
});

// Coordinates with one decimal (scale 1) and a line with two (scale 2), so the integers are easy to check.
const ringA: Position[] = [
  [30, 50],
  [30.1, 50],
  [30.1, 50.1],
  [30, 50.1],
  [30, 50],
];
const ringB: Position[] = [
  [31, 51],
  [31.1, 51],
  [31, 51.1],
  [31, 51],
];
/** ringA with a vertex inserted after its second one. */
const ringA2: Position[] = [
  [30, 50],
  [30.1, 50],
  [30.2, 50],
  [30.1, 50.1],
  [30, 50.1],
  [30, 50],
];
const triangle: Position[] = [
  [30, 50],
  [30.1, 50],
  [30, 50.1],
  [30, 50],
];
const front: Position[] = [
  [30, 50.1],
  [30.05, 50.12],
  [30.1, 50.1],
];

const fixture = (): HistoryFrame[] => {
  const day = (d: string, features: (date: string) => DrawnFeature[]): HistoryFrame => ({
    id: d,
    date: d,
    features: features(d),
  });
  return [
    // Day 1: a piece of two polygons, the line, an empty marker.
    day('2025-01-01', (d) => [
      piece(d, 'UA-14', 'russia', [[ringA], [ringB]]),
      line(d, [front]),
      piece(d, 'UA-43', 'ukraine', []),
    ]),
    // Day 2: ringB removed, a vertex inserted in ringA, the line unchanged, a new contested piece.
    day('2025-01-02', (d) => [
      piece(d, 'UA-14', 'russia', [[ringA2]]),
      line(d, [front]),
      piece(d, 'UA-14', 'contested', [[triangle]]),
      piece(d, 'UA-43', 'ukraine', []),
    ]),
    // Day 3: as day 2.
    day('2025-01-03', (d) => [
      piece(d, 'UA-14', 'russia', [[ringA2]]),
      line(d, [front]),
      piece(d, 'UA-14', 'contested', [[triangle]]),
      piece(d, 'UA-43', 'ukraine', []),
    ]),
  ];
};

describe('the encoding, by hand', () => {
  const chunk = encodeChunk('daily-2025-01', 'daily', fixture());

  it('stores each properties object once, the date taken from the frame', () => {
    const t = (props: Record<string, unknown>) => ({ props: { ...props, date: null, source: S }, dated: ['date'] });
    expect(chunk.props).toEqual([
      t({ layer: 'piece', region: 'UA-14', kind: 'russia' }),
      t({ layer: 'frontline' }),
      t({ layer: 'piece', region: 'UA-43', kind: 'ukraine' }),
      t({ layer: 'piece', region: 'UA-14', kind: 'contested' }),
    ]);
    expect(chunk.frames.map((f) => [f.id, f.date])).toEqual([
      ['2025-01-01', '2025-01-01'],
      ['2025-01-02', '2025-01-02'],
      ['2025-01-03', '2025-01-03'],
    ]);
  });

  it('writes the first frame out whole, as deltas from a cursor', () => {
    // prettier-ignore
    expect(chunk.frames[0].ops).toEqual([3,
      1, 0, 1, 2, 1, 1, //                      MultiPolygon, template 0, scale 1, 2 polygons of 1 ring
      5, -5, 300, 500, 1, 0, 0, 1, -1, 0, 0, -1, // ringA: 5 new positions, from (0,0)
      4, -4, 10, 10, 1, 0, -1, 1, 0, -1, //      ringB, from ringA's last position (300,500)
      2, 1, 2, 1, //                            MultiLineString, template 1, scale 2, 1 line
      3, -3, 3000, 5010, 5, 2, 5, -2, //        the line, its own cursor from (0,0)
      1, 2, 0, 0, //                            the empty marker: no polygons
    ]);
  });

  it('writes a changed day as copies from the day before, with literals for what is new', () => {
    // Sequences of day 1: 0 ringA, 1 ringB, 2 the line.
    // prettier-ignore
    expect(chunk.frames[1].ops).toEqual([4,
      1, 0, 1, 1, 1, 6, 2, 0, 0, -1, 1, 0, 3, 0, 2, // ringA2: copy 2 from ringA@0, 1 new (+1,0 from 30.1,50), copy 3 from ringA@2; ringB gone
      0, 1, //                                       the line: as feature 1 of day 1
      1, 3, 1, 1, 1, 4, 2, 0, 0, 2, 0, 3, //         new contested piece, all copied from ringA
      0, 2, //                                       the marker
    ]);
  });

  it('writes an identical day as references only', () => {
    expect(chunk.frames[2].ops).toEqual([4, 0, 0, 0, 1, 0, 2, 0, 3]);
  });

  it('checksums each frame', () => {
    for (const f of chunk.frames) expect(f.check).toBe(opsChecksum(f.ops));
    expect(opsChecksum([1, 2])).not.toBe(opsChecksum([2, 1]));
    expect(opsChecksum([1])).not.toBe(opsChecksum([1, 0]));
  });

  it('decodes to the frames it encoded, through JSON', () => {
    expect(decodeChunk(JSON.parse(JSON.stringify(chunk)), 'x')).toEqual(fixture());
  });

  it('decodes frames in any order, and keeps an unchanged ring as the same array', () => {
    const r = new HistoryChunkReader(JSON.parse(JSON.stringify(chunk)), 'x');
    const day3 = r.frame('2025-01-03');
    expect(day3.features).toEqual(fixture()[2].features);
    expect(r.frame('2025-01-01').features).toEqual(fixture()[0].features);
    expect(day3.features[0].geometry.coordinates[0]).toBe(r.frame('2025-01-02').features[0].geometry.coordinates[0]);
    expect(() => r.frame('2025-01-04')).toThrow(/history chunk x: has no frame 2025-01-04/);
  });

  it('refuses frames out of order and coordinates it cannot keep exactly', () => {
    expect(() => encodeChunk('c', 'daily', [fixture()[1], fixture()[0]])).toThrow(
      /c: frames out of order: 2025-01-01 after 2025-01-02/,
    );
    const f: HistoryFrame = { id: 'd', date: 'd', features: [line('d', [[[30, Math.PI]]])] };
    expect(() => encodeChunk('c', 'daily', [f])).toThrow(/c: d: coordinate 3.14\d+ has more than 9 decimals/);
  });

  it('names chunks by series: daily and custom by month, raw by year', () => {
    expect(chunkName({ kind: 'daily', date: '2025-11-20' })).toBe('daily-2025-11');
    expect(chunkName({ kind: 'raw', date: '2025-08-01' })).toBe('raw-2025');
    expect(chunkName({ kind: 'custom', date: '2025-08-01' })).toBe('custom-2025-08');
  });
});

describe('a corrupt chunk is one error naming the chunk, never geometry', () => {
  const good = (): HistoryChunk => JSON.parse(JSON.stringify(encodeChunk('daily-2025-01', 'daily', fixture())));
  const read = (c: unknown, id = '2025-01-03') => new HistoryChunkReader(c, 'history/daily-2025-01.json').frame(id);
  /** Change a frame's ops and fix its checksum, as a wrong encoder would. */
  const tamper = (edit: (ops: number[]) => void, frame = 1): HistoryChunk => {
    const c = good();
    edit(c.frames[frame].ops);
    c.frames[frame].check = opsChecksum(c.frames[frame].ops);
    return c;
  };
  const cases: [string, () => unknown, RegExp][] = [
    [
      'a changed digit',
      () => ((c) => ((c.frames[1].ops[8] = 1), c))(good()),
      /frame 2025-01-02: checksum mismatch \(the chunk is corrupt\)/,
    ],
    ['truncated ops', () => tamper((ops) => ops.splice(20)), /frame 2025-01-02: ends early \(truncated\)/],
    ['values left over', () => tamper((ops) => ops.push(0)), /frame 2025-01-02: 1 values left over/],
    [
      'a copy from a sequence that is not there',
      () => tamper((ops) => (ops[8] = 9)),
      /frame 2025-01-02: sequence 9 at 8 is out of range \(0..2\)/,
    ],
    [
      'a copy past the end of a ring',
      () => tamper((ops) => (ops[13] = 5)),
      /frame 2025-01-02: copy of 5 positions from 2 overruns/,
    ],
    ['an unknown feature type', () => tamper((ops) => (ops[1] = 7)), /frame 2025-01-02: feature type 7 is unknown/],
    [
      'a value that is not an integer',
      () => tamper((ops) => (ops[10] = 0.5)),
      /frame 2025-01-02: value 0.5 at 10 is not an integer/,
    ],
    [
      'a position off the globe',
      () => tamper((ops) => (ops[9] = 9999), 0),
      /frame 2025-01-01: position 999.9,50 is not a longitude and latitude/,
    ],
    ['a missing frame list', () => ({ ...good(), frames: undefined }), /has no frames/],
    ['a frame out of order', () => ((c) => (c.frames.reverse(), c))(good()), /frame 2025-01-02 is out of order/],
    ['another version', () => ({ ...good(), version: 99 }), /version 99, this code reads 1: run ingest again/],
    ['not a chunk', () => [1, 2], /format undefined is not frontline-history/],
  ];
  it.each(cases)('%s', (_label, make, message) => {
    let error: Error | undefined;
    try {
      read(make());
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(/^history chunk history\/daily-2025-01\.json: /);
    expect(error?.message).toMatch(message);
    expect(error?.message.split('\n')).toHaveLength(1);
  });
});

describe('the chunks of the ingested reference data', () => {
  let ds: DataFolder;
  const chunkFile = (h: HistoryEntry): unknown => JSON.parse(readFileSync(join(TEST_DATA, h.file), 'utf8'));
  /** What ingest computes from a snapshot's source file, afresh. */
  const computed = (id: string): FeatureCollection => {
    const e = ds.manifest.snapshots.find((x) => x.id === id)!;
    const regions = readRegions(ds);
    const snap = parseSnapshot(JSON.parse(readFileSync(join(DEEPSTATE, e.source), 'utf8')), e.source, e.date);
    return { type: 'FeatureCollection', features: snapshotFeatures(regions, overlayerFor(regions), snap).features };
  };
  beforeAll(() => {
    ds = readDataFolder(TEST_DATA);
  });

  it('cover every snapshot in the manifest, once, in order', () => {
    const history = ds.manifest.history!;
    expect(history.map((h) => h.file)).toContain('history/daily-2025-11.json');
    const ids: string[] = [];
    for (const h of history) {
      const r = new HistoryChunkReader(chunkFile(h), h.file);
      expect(r.ids).toHaveLength(h.frames);
      expect(r.series).toBe(h.series);
      ids.push(...r.ids);
    }
    expect(ids.sort()).toEqual(ds.manifest.snapshots.map((s) => s.id).sort());
    for (const set of ['history', 'layers'] as const)
      for (const s of ds.manifest.snapshots) {
        const h = chunkOf(ds.manifest, set, s)!;
        expect(h.file).toBe(`${set}/${chunkName(s)}.json`);
        expect(s.date >= h.dates[0] && s.date <= h.dates[1]).toBe(true);
      }
  });

  it.skipIf(!HAVE_SHARED).each(['daily-2025-10', 'daily-2025-11', 'raw-2025'])(
    '%s decodes to what the engine computes from each source file (needs the reference data)',
    (name) => {
      const h = ds.manifest.history.find((x) => x.file === `history/${name}.json`)!;
      const l = ds.manifest.layers.find((x) => x.file === `layers/${name}.json`)!;
      const frames = decodeChunk(chunkFile(h), h.file);
      const layerFrames = decodeChunk(chunkFile(l), l.file);
      const entries = ds.manifest.snapshots.filter((s) => chunkName(s) === name);
      expect(frames.map((f) => f.id)).toEqual(entries.map((e) => e.id));
      expect(layerFrames.map((f) => f.id)).toEqual(entries.map((e) => e.id));
      for (const [i, e] of entries.entries()) {
        const fc = computed(e.id);
        expect(frames[i].features).toEqual(drawnFeatures(fc, e.id));
        expect(layerFrames[i].features).toEqual(drawnFeatures(fc, e.id, SOURCE_LAYERS));
        // What the map takes from it is the same whichever it reads.
        const decoded = { type: 'FeatureCollection' as const, features: frames[i].features };
        expect(collectPieces(decoded, null)).toEqual(collectPieces(fc, null));
        expect(frontlineOf(decoded)).toEqual(frontlineOf(fc));
        // The two sets hold every layer the engine makes of a snapshot.
        expect(new Set(fc.features.map((f) => String(f.properties?.layer)))).toEqual(
          new Set([...DRAWN_LAYERS, ...SOURCE_LAYERS]),
        );
      }
    },
  );

  it.skipIf(!HAVE_SHARED)('are a small fraction of the source files (daily series; needs the reference data)', () => {
    const daily = (set: 'history' | 'layers') => ds.manifest[set].filter((h) => h.series === 'daily');
    const bytes = (dir: string, files: string[]): number =>
      files.reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    const chunks = bytes(
      TEST_DATA,
      [...daily('history'), ...daily('layers')].map((h) => h.file),
    );
    const sources = bytes(
      DEEPSTATE,
      ds.manifest.snapshots.filter((s) => s.kind === 'daily').map((s) => s.source),
    );
    expect(daily('history').reduce((n, h) => n + h.frames, 0)).toBe(769);
    expect(chunks / sources).toBeLessThan(0.2);
  });
});

describe.skipIf(!HAVE_SHARED)('ingest writes chunks incrementally (needs the reference data)', () => {
  it('re-encodes only the chunk whose days changed; an unchanged run changes no byte', async () => {
    const src = mkdtempSync(join(tmpdir(), 'frontline-src-'));
    const data = mkdtempSync(join(tmpdir(), 'frontline-data-'));
    const put = (from: string, name: string): void => copyFileSync(from, join(src, name));
    put(join(DAILY, 'deepstatemap_data_20251120.geojson'), 'deepstatemap_data_20251120.geojson');
    put(join(DAILY, 'deepstatemap_data_20251121.geojson'), 'deepstatemap_data_20251121.geojson');
    put(join(DAILY, 'deepstatemap_data_20251201.geojson'), 'deepstatemap_data_20251201.geojson');
    put(join(RAW, '1754077960.geojson'), '1754077960.geojson');
    const files = (set = 'history'): Record<string, string> =>
      Object.fromEntries(readdirSync(join(data, set)).map((f) => [f, readFileSync(join(data, set, f), 'utf8')]));
    const ingest = async (): Promise<string> => {
      const r = await cli('ingest', '--source', src, '--data', data);
      expect(r.code, r.err).toBe(0);
      return r.err;
    };

    expect(await ingest()).toMatch(/history: 3 chunks \(3 encoded\)/);
    const first = files();
    expect(Object.keys(first).sort()).toEqual(['daily-2025-11.json', 'daily-2025-12.json', 'raw-2025.json']);
    const firstLayers = files('layers');
    expect(Object.keys(firstLayers).sort()).toEqual(Object.keys(first).sort());
    expect(await ingest()).toMatch(/history: 3 chunks \(0 encoded\)/);
    expect(files()).toEqual(first);
    expect(files('layers')).toEqual(firstLayers);

    // 2025-12-01 changes (another day's file under its name): only December is encoded again.
    put(join(DAILY, 'deepstatemap_data_20251202.geojson'), 'deepstatemap_data_20251201.geojson');
    expect(await ingest()).toMatch(/history: 3 chunks \(1 encoded\)/);
    const second = files();
    expect(second['daily-2025-11.json']).toBe(first['daily-2025-11.json']);
    expect(second['raw-2025.json']).toBe(first['raw-2025.json']);
    expect(second['daily-2025-12.json']).not.toBe(first['daily-2025-12.json']);
    const m = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
    const dec = m.history.find((h: HistoryEntry) => h.file === 'history/daily-2025-12.json');
    // December's frame is the new file's, November's (decoded from the old chunk and not re-encoded) unchanged.
    const regions = readRegions(readDataFolder(data));
    const fresh = snapshotFeatures(
      regions,
      overlayerFor(regions),
      parseSnapshot(
        JSON.parse(readFileSync(join(DAILY, 'deepstatemap_data_20251202.geojson'), 'utf8')),
        'x',
        '2025-12-01',
      ),
    ).features;
    expect(decodeChunk(JSON.parse(second['daily-2025-12.json']), dec.file)[0].features).toEqual(
      drawnFeatures({ type: 'FeatureCollection', features: fresh }, '2025-12-01'),
    );
    const layers = files('layers');
    expect(layers['daily-2025-11.json']).toBe(firstLayers['daily-2025-11.json']);
    expect(layers['daily-2025-12.json']).not.toBe(firstLayers['daily-2025-12.json']);
    expect(m.history.map((h: HistoryEntry) => [h.file, h.series, h.dates, h.frames])).toEqual([
      ['history/daily-2025-11.json', 'daily', ['2025-11-20', '2025-11-21'], 2],
      ['history/daily-2025-12.json', 'daily', ['2025-12-01', '2025-12-01'], 1],
      ['history/raw-2025.json', 'raw', ['2025-08-01', '2025-08-01'], 1],
    ]);
  });
});
