/**
 * The published site's static API (api/v1): made by `frontline api`, which
 * the build runs; its files are what the CLI prints for the same request.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFolder } from '../src/build/vitePlugins';
import { cli } from './helpers/cli';
import { csvProblems, dtypeFits, HAVE_PANDAS, packageProblems, pandasRead } from './helpers/frictionless';
import { ROOT, TEST_DATA } from './helpers/paths';

let out: string;
let index: { api: string; data_set: { dates: string[]; first: string; last: string }; scenarios: { id: string }[] };
beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'frontline-api-')), 'v1');
  const r = await cli('api', '--out', out, '--data', TEST_DATA);
  expect(r.code, r.err).toBe(0);
  index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as typeof index;
}, 600_000);

describe('frontline api', () => {
  it('lists every date of the series, each with its file, and the built-in scenarios', async () => {
    expect(index.api).toBe('v1');
    const files = readdirSync(join(out, 'areas')).sort();
    expect(files).toEqual(index.data_set.dates.map((d) => `${d}.json`));
    expect(index.data_set.first).toBe(index.data_set.dates[0]);
    expect(index.data_set.last).toBe(index.data_set.dates.at(-1));
    const listed = await cli('areas', '--date', index.data_set.last, '--scenario', 'all', '--data', TEST_DATA);
    const ids = (JSON.parse(listed.out) as { scenario: string }[]).map((r) => r.scenario);
    expect(index.scenarios.map((s) => s.id)).toEqual(ids);
  });

  it.each([0, 0.5, 1])(
    'areas/DATE.json is `areas --date DATE --scenario all` byte for byte (date at %s of the series)',
    async (at) => {
      const dates = index.data_set.dates;
      const date = dates[Math.round(at * (dates.length - 1))];
      const r = await cli('areas', '--date', date, '--scenario', 'all', '--data', TEST_DATA);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(join(out, 'areas', `${date}.json`), 'utf8')).toBe(r.out);
    },
  );

  it('series.csv is `areas --from FIRST --to LAST --scenario all --format csv` byte for byte, valid against its data package', async () => {
    const { first, last } = index.data_set;
    const r = await cli(
      'areas',
      '--from',
      first,
      '--to',
      last,
      '--scenario',
      'all',
      '--format',
      'csv',
      '--data',
      TEST_DATA,
    );
    expect(r.code, r.err).toBe(0);
    const series = readFileSync(join(out, 'series.csv'), 'utf8');
    expect(series).toBe(r.out);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: { path: string; schema: never }[];
    };
    expect(packageProblems(descriptor)).toEqual([]);
    expect(descriptor.resources[0].path).toBe('series.csv');
    expect(csvProblems(series, descriptor.resources[0].schema)).toEqual([]);
  });

  (HAVE_PANDAS || process.env.CI ? it : it.skip)(
    'series.csv opens in pandas with no arguments, typed as its schema says',
    () => {
      const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
        resources: { schema: { fields: { name: string; type: string }[] } }[];
      };
      const read = pandasRead(join(out, 'series.csv'));
      for (const f of descriptor.resources[0].schema.fields)
        expect([f.name, dtypeFits(f.type, read.dtypes[f.name])]).toEqual([f.name, true]);
      expect(read.rows).toBe(index.data_set.dates.length * index.scenarios.length * 30);
    },
  );

  it('writes over its own API, and refuses a folder with other files in it', async () => {
    const again = await cli('api', '--out', out, '--data', TEST_DATA);
    expect(again.code, again.err).toBe(0);
    writeFileSync(join(out, 'areas', 'mine.txt'), 'x');
    const refused = await cli('api', '--out', out, '--data', TEST_DATA);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/did not write there \(areas\/mine\.txt\)/);
    expect(readFileSync(join(out, 'areas', 'mine.txt'), 'utf8')).toBe('x');
  });
});

describe('the build', () => {
  it('writes the API into dist/api/v1 beside the data (the plugin runs `frontline api`)', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'frontline-build-'));
    mkdirSync(outDir, { recursive: true });
    const saved = { data: process.env.FRONTLINE_DATA, vitest: process.env.VITEST };
    process.env.FRONTLINE_DATA = TEST_DATA;
    delete process.env.VITEST; // the plugin leaves Vitest's own runs alone
    try {
      const plugin = dataFolder(ROOT) as unknown as {
        configResolved(c: unknown): void;
        closeBundle(): void;
      };
      plugin.configResolved({ root: outDir, build: { outDir: '.' }, command: 'build' });
      plugin.closeBundle();
    } finally {
      process.env.FRONTLINE_DATA = saved.data;
      if (saved.data === undefined) delete process.env.FRONTLINE_DATA;
      process.env.VITEST = saved.vitest;
    }
    expect(readFileSync(join(outDir, 'api', 'v1', 'index.json'), 'utf8')).toBe(
      readFileSync(join(out, 'index.json'), 'utf8'),
    );
    expect(readFileSync(join(outDir, 'data', 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(TEST_DATA, 'manifest.json'), 'utf8'),
    );
  }, 600_000);
});
