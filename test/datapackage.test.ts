/**
 * Tables as Frictionless Data Packages (`--datapackage DIR`), and the plain
 * CSV the CLI prints: each opens with `pandas.read_csv(path)` and no
 * arguments, with the column types its schema says; each descriptor is valid
 * against the Frictionless profiles; each CSV is valid against its schema.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS } from '../src/lib/engine/scenarioCatalog';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREA_FIELDS, scenarioSlug, tableStem } from '../src/lib/datafolder/datapackage';
import { cli } from './helpers/cli';
import { csvProblems, dtypeFits, HAVE_PANDAS, NO_PANDAS, packageProblems, pandasRead } from './helpers/frictionless';
import { TEST_DATA } from './helpers/paths';

const DATE = '2025-11-20';
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'frontline-dp-'));
});

interface Written {
  descriptor: {
    name: string;
    resources: { path: string; schema: { fields: { name: string; type: string }[] } }[];
  } & Record<string, unknown>;
  csvPath: string;
  csv: string;
}

async function writePackage(args: string[], dir: string): Promise<Written> {
  const r = await cli(...args, '--data', TEST_DATA, '--datapackage', dir);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toBe('');
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as Written['descriptor'];
  const csvPath = join(dir, descriptor.resources[0].path);
  return { descriptor, csvPath, csv: readFileSync(csvPath, 'utf8') };
}

// pandas is part of what CI installs: there a missing pandas is a failure, not a skip.
const pandasIt = HAVE_PANDAS || process.env.CI ? it : it.skip;
if (!HAVE_PANDAS && !process.env.CI) console.warn(`[datapackage] pandas checks skipped: ${NO_PANDAS}`);

describe.each([
  [
    'one date, one scenario',
    ['areas', '--date', DATE, '--scenario', 'us-28-point'],
    30,
    `frontline-us-28-point-${DATE}.csv`,
  ],
  [
    'a range, every scenario',
    ['areas', '--from', '2025-11-18', '--to', DATE, '--scenario', 'all'],
    3 * 30 * SCENARIOS.length,
    `frontline-all-scenarios-2025-11-18_${DATE}.csv`,
  ],
  [
    'the towns a plan moves',
    ['places', '--date', DATE, '--scenario', 'us-28-point'],
    undefined,
    `frontline-us-28-point-${DATE}-places.csv`,
  ],
] as const)('--datapackage: %s', (_what, args, rows, name) => {
  let p: Written;
  beforeAll(async () => {
    p = await writePackage([...args], join(work, name));
  });

  it('writes the CSV named after scenario and date beside datapackage.json, nothing else', () => {
    expect(readdirSync(join(work, name)).sort()).toEqual([name, 'datapackage.json'].sort());
    expect(p.descriptor.resources[0].path).toBe(name);
  });

  it('is a valid Tabular Data Package whose CSV matches its Table Schema', () => {
    expect(packageProblems(p.descriptor)).toEqual([]);
    expect(csvProblems(p.csv, p.descriptor.resources[0].schema as never)).toEqual([]);
    if (rows !== undefined) expect(p.csv.trimEnd().split('\n').length - 1).toBe(rows);
  });

  it('has its provenance: source, snapshots, boundaries and their licence, method, generator, scenarios in full', () => {
    const f = p.descriptor.frontline as Record<string, Record<string, unknown> & { name?: string }>;
    expect(f.source.name).toBe('DeepStateMap');
    expect(f.snapshots.last).toBe(DATE);
    expect(JSON.stringify(f.boundaries)).toContain('© Minregion');
    expect(JSON.stringify(p.descriptor.licenses)).toContain('CC-BY-SA-4.0');
    expect(Object.keys(f.method)).toEqual(expect.arrayContaining(['area', 'clipping', 'slivers', 'grey_zone']));
    expect(f.generator.name).toBe('frontline-scenarios');
    const scenarios = p.descriptor.frontline as { scenarios: { id: string; rules: { default: string } }[] };
    expect(scenarios.scenarios.length).toBeGreaterThan(0);
    for (const s of scenarios.scenarios) expect(typeof s.rules.default).toBe('string');
  });

  pandasIt('opens with pandas.read_csv(path) and no arguments, typed as the schema says', () => {
    const read = pandasRead(p.csvPath);
    const fields = p.descriptor.resources[0].schema.fields;
    expect(Object.keys(read.dtypes)).toEqual(fields.map((f) => f.name));
    for (const f of fields) expect([f.name, dtypeFits(f.type, read.dtypes[f.name])]).toEqual([f.name, true]);
    expect(read.rows).toBe(p.csv.trimEnd().split('\n').length - 1);
  });
});

describe('the plain CSV the CLI prints', () => {
  pandasIt.each(
    [
      ['areas', '--date', DATE, '--scenario', 'all', '--format', 'csv'],
      ['areas', '--date', '2023-06-02', '--scenario', 'status-quo', '--format', 'csv', '--kind', 'raw'],
      ['places', '--date', DATE, '--scenario', 'russia-demand', '--format', 'csv'],
      ['regions', '--format', 'csv'],
    ].map((args) => ({ command: args.join(' '), args })),
  )('$command: pandas reads it with no arguments, header first', async ({ args }) => {
    const r = await cli(...args, '--data', TEST_DATA);
    expect(r.code, r.err).toBe(0);
    expect(r.out.startsWith('#')).toBe(false);
    const file = join(work, `${args.join('_')}.csv`);
    writeFileSync(file, r.out);
    const read = pandasRead(file);
    expect(read.rows).toBe(r.out.trimEnd().split('\n').length - 1);
    if (args[0] === 'areas') {
      expect(Object.keys(read.dtypes)).toEqual(AREA_FIELDS.map((f) => f.name));
      expect(read.dtypes.ukraine_km2).toBe('float64');
      expect(read.dtypes.date).toBe('object');
    }
  });

  it('credits the control data on every row and tells groups from regions', async () => {
    const r = await cli('areas', '--date', DATE, '--format', 'csv', '--data', TEST_DATA);
    const rows = r.out
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(new Set(rows.map((c) => c.at(-1)))).toEqual(new Set(['DeepStateMap']));
    expect(
      rows
        .filter((c) => c.at(-3) === 'group')
        .map((c) => c[2])
        .sort(),
    ).toEqual(['crimea', 'donbas', 'ukraine']);
  });
});

describe('--datapackage keeps what is not its own', () => {
  it('refuses a folder with someone else’s files, changing nothing (exit 2, one line)', async () => {
    const dir = join(work, 'theirs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await cli('areas', '--date', DATE, '--data', TEST_DATA, '--datapackage', dir);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(
      /theirs: the folder is not empty and is not one that frontline-scenarios wrote/,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses its own package with a file added, and replaces its own package whole', async () => {
    const dir = join(work, 'ours');
    await writePackage(['areas', '--date', DATE], dir);
    const again = await writePackage(['areas', '--date', '2025-11-19', '--scenario', 'europe-counter'], dir);
    expect(readdirSync(dir).sort()).toEqual(['datapackage.json', 'frontline-europe-counter-2025-11-19.csv']);
    expect(again.csv.split('\n')[1]).toMatch(/^2025-11-19,europe-counter,/);
    writeFileSync(join(dir, 'extra.csv'), 'x\n');
    const r = await cli('areas', '--date', DATE, '--data', TEST_DATA, '--datapackage', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/did not write there \(extra\.csv\)/);
    expect(readdirSync(dir).sort()).toEqual([
      'datapackage.json',
      'extra.csv',
      'frontline-europe-counter-2025-11-19.csv',
    ]);
  });

  it('says --format json and --datapackage do not go together', async () => {
    const r = await cli(
      'areas',
      '--date',
      DATE,
      '--format',
      'json',
      '--data',
      TEST_DATA,
      '--datapackage',
      join(work, 'x'),
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--datapackage writes CSV/);
  });
});

describe('file names', () => {
  it('name a custom scenario by a slug of its name, romanised', () => {
    expect(scenarioSlug({ id: 'custom', title: 'Мій план: Донбас' })).toBe('custom-mii-plan-donbas');
    expect(scenarioSlug({ id: 'custom', title: 'Plan B (v2)' })).toBe('custom-plan-b-v2');
    expect(scenarioSlug({ id: 'custom', title: '!!!' })).toBe('custom');
    expect(scenarioSlug({ id: 'us-28-point', title: 'ignored' })).toBe('us-28-point');
    expect(tableStem([{ id: 'custom', title: 'Mine' }], ['2025-11-20', '2025-11-18'])).toBe(
      'frontline-custom-mine-2025-11-18_2025-11-20',
    );
  });
});
