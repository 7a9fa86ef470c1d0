import type { Position } from 'geojson';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry, Manifest, SnapshotEntry } from '../datafolder/manifest';
import { encodeChunk, type HistoryFrame } from '../datafolder/historyCodec';
import { collectPieces, frontlineOf } from '../map/scenarioLayers';
import { DATA_BASE } from './data';
import { loadFrame, loadSnapshot } from './history';

/** A day: a square in Donetsk that moves east 0.01° a day, and a line along its west side. */
function frame(date: string, day: number): HistoryFrame {
  const x = 37 + day / 100;
  const ring: Position[] = [
    [x, 48],
    [x + 0.5, 48],
    [x + 0.5, 48.5],
    [x, 48.5],
    [x, 48],
  ];
  return {
    id: date,
    date,
    features: [
      {
        type: 'Feature',
        properties: { layer: 'frontline', date, source: 'DeepStateMap' },
        geometry: {
          type: 'MultiLineString',
          coordinates: [
            [
              [x, 48],
              [x, 48.5],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { layer: 'piece', region: 'UA-14', kind: 'russia', date, source: 'DeepStateMap' },
        geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
      },
    ],
  };
}

const dates = (month: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);

/** The source's occupied layer of that day: the square again, as ingest keeps it in the `layers/` chunks. */
function layersFrame(f: HistoryFrame): HistoryFrame {
  const piece = f.features.find((x) => x.properties.layer === 'piece')!;
  return {
    ...f,
    features: [
      {
        type: 'Feature',
        properties: { layer: 'occupied', date: f.date, source: 'DeepStateMap' },
        geometry: piece.geometry,
      },
    ],
  };
}

/** A data set of `months` (each with `days` daily snapshots) named by `tag`, with its chunk files (both sets). */
function dataset(
  tag: string,
  months: string[],
  days = 4,
): { manifest: Manifest; files: Map<string, string>; frames: Map<string, HistoryFrame> } {
  const files = new Map<string, string>();
  const frames = new Map<string, HistoryFrame>();
  const history: HistoryEntry[] = [];
  const layers: HistoryEntry[] = [];
  const snapshots: SnapshotEntry[] = [];
  for (const month of months) {
    const fs = dates(month, days).map((d, i) => frame(d, i));
    const file = `history/${tag}-daily-${month}.json`;
    const sha256 = `${tag}${month.replace('-', '')}`.padEnd(64, '0');
    files.set(
      `${DATA_BASE}${file}?v=${sha256.slice(0, 12)}`,
      JSON.stringify(encodeChunk(`daily-${month}`, 'daily', fs)),
    );
    history.push({
      series: 'daily',
      file,
      dates: [fs[0].date, fs.at(-1)!.date],
      frames: fs.length,
      inputs_sha256: sha256,
      sha256,
    });
    const layersFile = `layers/${tag}-daily-${month}.json`;
    files.set(
      `${DATA_BASE}${layersFile}?v=${sha256.slice(0, 12)}`,
      JSON.stringify(encodeChunk(`daily-${month}`, 'daily', fs.map(layersFrame))),
    );
    layers.push({ ...history.at(-1)!, file: layersFile });
    for (const f of fs) {
      frames.set(f.id, f);
      snapshots.push({
        id: f.id,
        date: f.date,
        kind: 'daily',
        source: `deepstatemap_data_${f.id}.geojson`,
        source_sha256: `${tag}${f.id}`.padEnd(64, '0'),
        layers: {},
      });
    }
  }
  const manifest: Manifest = {
    format: 3,
    engine: 6,
    attribution: 'DeepStateMap',
    boundaries: { name: 'b', sha256: 'b' },
    sliver_width_km: 1,
    ordlo: null,
    snapshots,
    history,
    layers,
  };
  return { manifest, files, frames };
}

let served = new Map<string, string>();
let status = 200;
const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  status = 200;
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const body = served.get(url);
    if (status !== 200 || body === undefined) return new Response('', { status: body === undefined ? 404 : status });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => vi.unstubAllGlobals());

const entryOf = (m: Manifest, id: string): SnapshotEntry => m.snapshots.find((s) => s.id === id)!;

describe('loadFrame', () => {
  it("fetches a chunk once and gives each day's drawn features, as collectPieces and frontlineOf read them", async () => {
    const ds = dataset('a', ['2025-01', '2025-02']);
    served = ds.files;
    const day1 = await loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-01'));
    const day2 = await loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-02'));
    expect(fetched).toEqual([`${DATA_BASE}history/a-daily-2025-01.json?v=a202501${'0'.repeat(5)}`]);
    expect(day1.features).toEqual(ds.frames.get('2025-01-01')!.features);
    expect(day2.features).toEqual(ds.frames.get('2025-01-02')!.features);
    expect(
      collectPieces(day2, null).features.map((f) => [
        f.properties.region,
        f.properties.kind,
        f.geometry.coordinates[0][0][0],
      ]),
    ).toEqual([['UA-14', 'russia', [37.01, 48]]]);
    expect(frontlineOf(day2).features).toHaveLength(1);
  });

  it('fetches the next chunk ahead once past the middle of a chunk', async () => {
    const ds = dataset('b', ['2025-01', '2025-02', '2025-03']);
    served = ds.files;
    await loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-02'));
    expect(fetched).toHaveLength(1);
    await loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-03'));
    expect(fetched).toHaveLength(2);
    expect(fetched[1]).toContain('history/b-daily-2025-02.json');
    const feb = await loadFrame(ds.manifest, entryOf(ds.manifest, '2025-02-01'));
    expect(fetched).toHaveLength(2); // already there
    expect(feb.features).toEqual(ds.frames.get('2025-02-01')!.features);
  });

  it('gives the whole snapshot, source layers first, from both chunk sets', async () => {
    const ds = dataset('c', ['2025-01']);
    served = ds.files;
    const fc = await loadSnapshot(ds.manifest, entryOf(ds.manifest, '2025-01-02'));
    const day = ds.frames.get('2025-01-02')!;
    expect(fc.features).toEqual([...layersFrame(day).features, ...day.features]);
    expect(fetched.sort()).toEqual([
      `${DATA_BASE}history/c-daily-2025-01.json?v=c20250100000`,
      `${DATA_BASE}layers/c-daily-2025-01.json?v=c20250100000`,
    ]);
  });

  it('says which chunk is missing from the manifest', async () => {
    const ds = dataset('f', ['2025-01']);
    served = ds.files;
    await expect(loadSnapshot({ ...ds.manifest, layers: [] }, entryOf(ds.manifest, '2025-01-02'))).rejects.toThrow(
      /no layers chunk for 2025-01-02/,
    );
  });

  it('fails with the URL and status, and tries again on the next call', async () => {
    const ds = dataset('d', ['2025-01']);
    served = ds.files;
    status = 503;
    await expect(loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-01'))).rejects.toThrow(
      /history\/d-daily-2025-01\.json\?v=\w+: HTTP 503/,
    );
    status = 200;
    const fc = await loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-01'));
    expect(fc.features).toEqual(ds.frames.get('2025-01-01')!.features);
    expect(fetched).toHaveLength(2);
  });

  it('names the chunk when it is corrupt', async () => {
    const ds = dataset('e', ['2025-01']);
    served = new Map([...ds.files].map(([url, text]) => [url, text.slice(0, text.length / 2)]));
    await expect(loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-01'))).rejects.toThrow(
      /^history chunk history\/e-daily-2025-01\.json: not valid JSON/,
    );
    served = new Map([...ds.files].map(([url, text]) => [url, text.replace('"ops":[2,', '"ops":[3,')]));
    await expect(loadFrame(ds.manifest, entryOf(ds.manifest, '2025-01-01'))).rejects.toThrow(
      /^history chunk history\/e-daily-2025-01\.json: frame 2025-01-01: checksum mismatch/,
    );
  });
});
