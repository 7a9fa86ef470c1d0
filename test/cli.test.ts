/** The CLI end to end: commands run in memory on real data, plus one real process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { csvParseRows } from 'd3-dsv';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../src/lib/datafolder/tables';
import { COMMANDS } from '../src/cli/main';
import { SCENARIOS } from '../src/lib/engine/scenarioCatalog';
import { snapshotOn } from '../src/lib/datafolder/manifest';
import { computeStrip } from '../src/lib/engine/strip';
import { customScenario, scenarioFileOf } from '../src/lib/state/customScenario';
import { readDataFolder, loadStripInput } from '../src/cli/store';
import { cli } from './helpers/cli';
import { DAILY, HAVE_SHARED, ROOT, TEST_DATA } from './helpers/paths';
import { putSources, sourceFile } from './helpers/sources';

const D = ['--data', TEST_DATA];

describe('help and usage', () => {
  it.each(Object.keys(COMMANDS))('%s --help prints usage and exits 0', async (name) => {
    const r = await cli(name, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`usage: frontline ${name}`);
  });

  it('an unknown command or option is a usage error (2)', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('areas', '--dte', '2025-11-20');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--dte/);
  });
});

describe('areas', () => {
  it('prints a JSON report with source, boundaries and method', async () => {
    const r = await cli('areas', '--date', '2025-11-20', '--scenario', 'us-28-point', ...D);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      date: '2025-11-20',
      scenario: 'us-28-point',
      source: { name: 'DeepStateMap' },
      boundaries: { name: 'ukraine-minregion.geojson', attribution: '© Minregion' },
    });
    expect(report.method.raw).toBe(false);
    expect(report.rows).toHaveLength(30);
  });

  it('prints CSV with the documented header, one row per date × scenario × id', async () => {
    const r = await cli('areas', '--date', '2025-11-20', '--scenario', 'all', '--format', 'csv', ...D);
    expect(r.code).toBe(0);
    const rows = csvParseRows(r.out.trim());
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(1 + SCENARIOS.length * 30);
    const donbas = rows.find((x) => x[1] === 'status-quo' && x[2] === 'donbas')!;
    expect(Number(donbas[rows[0].indexOf('ukraine_pct')])).toBeGreaterThan(11);
  });

  it('gives one report per snapshot for a range', async () => {
    const r = await cli('areas', '--from', '2025-11-01', '--to', '2025-11-30', ...D);
    expect(r.code).toBe(0);
    const reports = JSON.parse(r.out);
    // Every day of November has a daily file but the 26th (a gap in the archive).
    const november = Array.from({ length: 30 }, (_, i) => `2025-11-${String(i + 1).padStart(2, '0')}`).filter(
      (d) => d !== '2025-11-26',
    );
    expect(reports.map((x: { date: string }) => x.date)).toEqual(november);
    if (HAVE_SHARED)
      expect(november).toEqual(
        readdirSync(DAILY)
          .filter((f) => f >= 'deepstatemap_data_20251101' && f <= 'deepstatemap_data_20251130.geojson')
          .map((f) => `${f.slice(18, 22)}-${f.slice(22, 24)}-${f.slice(24, 26)}`),
      );
  });

  it('names the nearest dates when there is no snapshot that day', async () => {
    const r = await cli('areas', '--date', '2025-11-26', ...D);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no snapshot on 2025-11-26; nearest: 2025-11-25 and 2025-11-27/);
    expect(r.out).toBe('');
  });

  it.each([
    [['--date', '2025-13-01'], /not a date/],
    [['--date', '2025-11-20', '--scenario', 'peace-now'], /unknown scenario "peace-now" \(known: status-quo/],
    [['--date', '2025-11-20', '--format', 'xlsx'], /--format must be one of json, csv/],
    [['--from', '2025-11-20'], /both --from and --to/],
    [[], /needs --date/],
  ])('rejects %j as a usage error', async (args, message) => {
    const r = await cli('areas', ...args, ...D);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('says how to ingest when there is no data', async () => {
    const r = await cli('areas', '--date', '2025-11-20', '--data', join(tmpdir(), 'no-such-frontline-data'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no ingested data: run `npx frontline update` .* or `npx frontline ingest --source/);
  });

  it.each(SCENARIOS.map((s) => s.id))(
    '--scenario-file data/scenarios/%s.json gives the same figures as the id',
    async (id) => {
      const byId = await cli('areas', '--date', '2025-11-20', '--scenario', id, ...D);
      const byFile = await cli(
        'areas',
        '--date',
        '2025-11-20',
        '--scenario-file',
        join(ROOT, 'data', 'scenarios', `${id}.json`),
        ...D,
      );
      expect(byFile.code).toBe(0);
      expect(JSON.parse(byFile.out).rows).toEqual(JSON.parse(byId.out).rows);
    },
  );

  describe('a custom scenario file with a 5 km strip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-custom-'));
    const file = join(dir, 'custom.json');
    const def = customScenario(
      'Donbas buffer, 5 km strip',
      'us-28-point',
      {
        default: 'ukraine',
        regions: {
          'UA-43': 'russia',
          'UA-40': 'russia',
          'UA-09': 'russia',
          'UA-14': 'buffer',
          'UA-23': 'line',
          'UA-65': 'line',
        },
      },
      5,
    );
    writeFileSync(file, scenarioFileOf(def));

    it('reports strip_km2 per region, as the strip module computes it, and the same holdings as its base', async () => {
      const r = await cli('areas', '--date', '2025-11-20', '--scenario-file', file, ...D);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out);
      expect(report.scenario).toBe('custom');
      expect(report.method.strip).toMatch(/5 km on each side/);
      const ds = readDataFolder(TEST_DATA);
      const strip = computeStrip(loadStripInput(ds, snapshotOn(ds.manifest, '2025-11-20')), 5);
      const byId = (id: string) => report.rows.find((x: { id: string }) => x.id === id);
      expect(byId('UA-23').strip_km2).toBeGreaterThan(1000);
      // Only where the plan keeps the line (Zaporizhzhia, Kherson): not in Donetsk's buffer, Luhansk or Kharkiv.
      expect(strip.areas['UA-14'].km2).toBeGreaterThan(1000);
      for (const row of report.rows.filter((x: { kind: string }) => x.kind === 'region')) {
        const onLine = ['UA-23', 'UA-65'].includes(row.id);
        expect(row.strip_km2, row.id).toBeCloseTo(onLine ? strip.areas[row.id].km2 : 0, 2);
        expect(row.strip_ukraine_side_km2, row.id).toBeCloseTo(onLine ? strip.areas[row.id].ukraine_side_km2 : 0, 2);
      }
      const base = JSON.parse((await cli('areas', '--date', '2025-11-20', '--scenario', 'us-28-point', ...D)).out);
      const held = (rows: Record<string, number>[]) =>
        rows.map((x) => [x.ukraine_km2, x.russia_km2, x.buffer_km2, x.contested_km2, x.net_km2]);
      expect(held(report.rows)).toEqual(held(base.rows));
      expect(base.rows.every((x: { strip_km2: number }) => x.strip_km2 === 0)).toBe(true);
    });

    it('CSV has the strip columns after the figures, then level, kind and source', async () => {
      const r = await cli('areas', '--date', '2025-11-20', '--scenario-file', file, '--format', 'csv', ...D);
      const rows = csvParseRows(r.out.trim());
      expect(rows[0].slice(-6)).toEqual([
        'strip_km2',
        'strip_ukraine_side_km2',
        'strip_russia_side_km2',
        'level',
        'kind',
        'source',
      ]);
      expect(rows.find((x) => x[2] === 'UA-14')!.slice(-3)).toEqual(['region', 'daily', 'DeepStateMap']);
      expect(rows.find((x) => x[2] === 'donbas')!.slice(-3)).toEqual(['group', 'daily', 'DeepStateMap']);
      expect(Number(rows.find((x) => x[2] === 'UA-23')![rows[0].indexOf('strip_km2')])).toBeGreaterThan(1000);
      expect(Number(rows.find((x) => x[2] === 'UA-14')![rows[0].indexOf('strip_km2')])).toBe(0);
    });

    it('scenario geometry carries the strip as its own features, measured as areas reports', async () => {
      const g = await cli('scenario', '--date', '2025-11-20', '--scenario-file', file, ...D);
      expect(g.code).toBe(0);
      const strips = JSON.parse(g.out).features.filter(
        (f: { properties: { layer?: string } }) => f.properties.layer === 'strip',
      );
      // Drawn exactly where it is counted: Zaporizhzhia and Kherson, the regions the plan keeps at the line.
      expect(strips.map((f: { properties: { region: string } }) => f.properties.region).sort()).toEqual([
        'UA-23',
        'UA-65',
      ]);
      const zaporizhzhia = strips.find((f: { properties: { region: string } }) => f.properties.region === 'UA-23');
      const a = JSON.parse((await cli('areas', '--date', '2025-11-20', '--scenario-file', file, ...D)).out);
      expect(zaporizhzhia.properties.area_km2).toBeCloseTo(
        a.rows.find((x: { id: string }) => x.id === 'UA-23').strip_km2,
        2,
      );
      expect(zaporizhzhia.properties.width_km).toBe(5);
    });

    it.each([
      [{ strip_km: 0 }, /custom-bad\.json: "strip_km" must be a number of km greater than 0 and at most 50/],
      [{ strip_km: 80 }, /not 80/],
      [{ strip_km: 'wide' }, /not "wide"/],
    ])('rejects %j naming the file, exit 1, nothing on stdout', async (extra, message) => {
      const bad = join(dir, 'custom-bad.json');
      writeFileSync(bad, JSON.stringify({ ...JSON.parse(scenarioFileOf(def)), ...extra }));
      const r = await cli('areas', '--date', '2025-11-20', '--scenario-file', bad, ...D);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  });
});

describe('regions and scenario geometry', () => {
  it('regions --format geojson lists the 27 units with id', async () => {
    const r = await cli('regions', '--format', 'geojson', ...D);
    const fc = JSON.parse(r.out);
    expect(fc.features).toHaveLength(27);
    expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id)).toContain('UA-14');
  });

  it('scenario geometry measures what areas reports (us-28-point, 2025-11-20)', async () => {
    const g = await cli('scenario', '--date', '2025-11-20', '--scenario', 'us-28-point', '--format', 'geojson', ...D);
    expect(g.code).toBe(0);
    const fc = JSON.parse(g.out);
    const a = JSON.parse((await cli('areas', '--date', '2025-11-20', '--scenario', 'us-28-point', ...D)).out);
    const controls = new Set(fc.features.map((f: { properties: { control: string } }) => f.properties.control));
    expect([...controls].sort()).toEqual(['buffer', 'russia', 'ukraine']);
    for (const id of ['UA-14', 'UA-63', 'UA-23']) {
      const row = a.rows.find((r: { id: string }) => r.id === id);
      for (const control of ['ukraine', 'russia', 'buffer']) {
        const km2 = fc.features
          .filter(
            (f: { properties: { region: string; control: string } }) =>
              f.properties.region === id && f.properties.control === control,
          )
          .reduce((s: number, f: { properties: { area_km2: number } }) => s + f.properties.area_km2, 0);
        expect(Math.abs(km2 - row[`${control}_km2`]), `${id} ${control}`).toBeLessThan(
          Math.max(0.01, 1e-4 * row.area_km2),
        );
      }
    }
    expect(fc.metadata).toMatchObject({ date: '2025-11-20', scenario: 'us-28-point', source: 'DeepStateMap' });
    expect(fc.properties).toBeUndefined();
  });
});

/** A throwaway HTTP server on 127.0.0.1 serving the daily reference files. */
async function withServer(fn: (base: string) => Promise<void>): Promise<void> {
  const server = createServer((req, res) => {
    const name = basename(req.url ?? '');
    const file = /^deepstatemap_data_2025112\d\.geojson$/.test(name)
      ? sourceFile({ daily: `${name.slice(18, 22)}-${name.slice(22, 24)}-${name.slice(24, 26)}` })
      : '';
    if (!existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'application/geo+json');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('ingest', () => {
  let src: string;
  beforeAll(() => {
    src = mkdtempSync(join(tmpdir(), 'frontline-src-'));
    putSources(src, { daily: '2025-11-20' }, { raw: '1754077960.geojson' });
  });

  const snapshotFiles = (dir: string): Record<string, string> =>
    Object.fromEntries(
      [
        'manifest.json',
        'stats.json',
        'regions.geojson',
        'ordlo.geojson',
        ...['history', 'layers'].flatMap((set) => readdirSync(join(dir, set)).map((f) => `${set}/${f}`)),
      ].map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );

  it('from an http URL (a local server standing in for the public archive), added to what is there', async () => {
    const data = mkdtempSync(join(tmpdir(), 'frontline-data-'));
    expect((await cli('ingest', '--source', join(src, '1754077960.geojson'), '--data', data)).code).toBe(0);
    await withServer(async (base) => {
      const r = await cli('ingest', '--source', `${base}/deepstatemap_data_20251120.geojson`, '--data', data);
      expect(r.code, r.err).toBe(0);
    });
    const m = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
    expect(m.snapshots.map((s: { id: string; source: string }) => s.id)).toEqual(['2025-08-01-raw', '2025-11-20']);
    expect(m.snapshots[1].source).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/deepstatemap_data_20251120\.geojson$/);
  });

  it('with the built-in boundaries; running it again changes nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'frontline-data-'));
    const first = await cli('ingest', '--source', src, '--data', data);
    expect(first.code, first.err).toBe(0);
    const before = snapshotFiles(data);
    const second = await cli('ingest', '--source', src, '--data', `${data}/`); // a trailing slash is the same folder
    expect(second.err).toMatch(/0 computed, 2 unchanged/);
    expect(snapshotFiles(data)).toEqual(before);
    const m = JSON.parse(before['manifest.json']);
    expect(m.boundaries).toMatchObject({ name: 'ukraine-minregion.geojson', attribution: '© Minregion' });
    expect(m.snapshots.map((s: { id: string }) => s.id)).toEqual(['2025-08-01-raw', '2025-11-20']);
    expect(m.ordlo.snapshot).toBe('2025-08-01-raw');
    const a = JSON.parse((await cli('areas', '--date', '2025-11-20', '--data', data)).out);
    expect(a.rows.find((r: { id: string }) => r.id === 'crimea').russia_pct).toBeGreaterThan(99.9);
  });

  describe('bad input: one line naming the file, exit 1, the data folder untouched', () => {
    const square = (x: number, y: number) => [
      [x, y],
      [x + 0.2, y],
      [x + 0.2, y + 0.2],
      [x, y + 0.2],
      [x, y],
    ];
    const fc = (coords: number[][][]) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: coords } }],
      });
    const cases: [string, string, RegExp][] = [
      [
        'truncated',
        readFileSync(sourceFile({ daily: '2025-11-20' }), 'utf8').slice(0, 5000),
        /not valid JSON \(the file looks truncated\)/,
      ],
      ['not-json', 'hello, world', /not valid JSON/],
      ['empty', '', /is empty/],
      [
        'no-polygons',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [37, 48] } }],
        }),
        /no Polygon or MultiPolygon/,
      ],
      ['swapped', fc([square(48, 37)]), /latitude and longitude look swapped/],
      ['out-of-range', fc([square(370, 480)]), /out of range/],
      [
        'self-crossing',
        fc([
          [
            [37, 48],
            [37.2, 48.2],
            [37.2, 48],
            [37, 48.2],
            [37, 48],
          ],
        ]),
        /crosses itself/,
      ],
    ];
    it.each(cases)('%s', async (label, text, message) => {
      // In a folder of its own, so that the check for left-over temporary folders sees only this run's.
      const data = join(mkdtempSync(join(tmpdir(), 'frontline-parent-')), 'data');
      expect((await cli('ingest', '--source', src, '--data', data)).code).toBe(0);
      const before = snapshotFiles(data);
      const bad = mkdtempSync(join(tmpdir(), 'frontline-bad-'));
      const file = join(bad, `${label}-2025-11-21.geojson`);
      writeFileSync(file, text);
      const r = await cli('ingest', '--source', file, '--data', data);
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(`${label}-2025-11-21.geojson: `);
      expect(r.err).toMatch(message);
      expect(snapshotFiles(data)).toEqual(before);
      expect(readdirSync(join(data, '..')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    });

    it('a URL that answers 404', async () => {
      await withServer(async (base) => {
        const r = await cli(
          'ingest',
          '--source',
          `${base}/deepstatemap_data_20990101.geojson`,
          '--data',
          join(tmpdir(), 'frontline-unused'),
        );
        expect(r.code).toBe(1);
        expect(r.err).toMatch(/deepstatemap_data_20990101\.geojson: download failed: HTTP 404/);
      });
    });

    it('a missing source', async () => {
      const r = await cli(
        'ingest',
        '--source',
        join(tmpdir(), 'nope.geojson'),
        '--data',
        join(tmpdir(), 'frontline-unused'),
      );
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/nope\.geojson: no such file or folder/);
    });

    it('boundaries with a name that matches no region', async () => {
      const b = join(mkdtempSync(join(tmpdir(), 'frontline-b-')), 'boundaries.geojson');
      writeFileSync(
        b,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { ADMIN_1: 'Атлантида' },
              geometry: { type: 'Polygon', coordinates: [square(30, 48)] },
            },
          ],
        }),
      );
      const r = await cli('ingest', '--source', src, '--boundaries', b, '--data', join(tmpdir(), 'frontline-unused'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/boundaries\.geojson: feature 0 has no name that matches one of Ukraine's 27 regions/);
    });
  });
});

describe('the installed command', () => {
  it('writes data to stdout, errors to stderr, and exits with the documented codes', () => {
    const bin = join(ROOT, 'src', 'cli', 'bin.mjs');
    const ok = execFileSync(process.execPath, [bin, 'areas', '--date', '2025-11-20', '--format', 'csv', ...D], {
      encoding: 'utf8',
    });
    expect(ok.split('\n')[0]).toBe(CSV_HEADER.join(','));
    const bad = spawnSync(process.execPath, [bin, 'areas', '--date', 'yesterday', ...D], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/"yesterday" is not a date/);
    mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
  });
});
