/**
 * The built-in data set and boundaries: what a fresh clone computes on. Its
 * boundaries stay within 0.3 % of the full Minregion file for every unit, and
 * the data set is exactly what the project's ingest makes of the reference
 * data (both need the reference data to compare against); on its own, it is a
 * complete data folder the CLI reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDARIES, loadBoundaries } from '../src/cli/boundaries';
import { BUILTIN_DATA_DIR, DEFAULT_DATA_DIR, readDataFolder } from '../src/cli/store';
import { run } from '../src/cli/main';
import { CREDITS_FILE } from '../src/cli/credits';
import { cli } from './helpers/cli';
import { HAVE_SHARED, HIRES, TEST_DATA } from './helpers/paths';

/** Every file of a folder, by relative path. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('the built-in boundaries (Minregion, simplified)', () => {
  it('have all 27 units with ids and both names, credited "© Minregion"', () => {
    const b = loadBoundaries(undefined);
    expect(b.name).toBe('ukraine-minregion.geojson');
    expect(b.attribution).toBe('© Minregion');
    expect(b.regions).toHaveLength(27);
    const fc = JSON.parse(readFileSync(DEFAULT_BOUNDARIES, 'utf8'));
    for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual(['id', 'name_en', 'name_uk']);
    // Official areas (km²): the simplification must not drift from them either.
    const official: Record<string, number> = { 'UA-14': 26517, 'UA-09': 26684, 'UA-43': 26081, 'UA-40': 864 };
    for (const [id, km2] of Object.entries(official))
      expect(Math.abs(b.regions.find((r) => r.id === id)!.area_km2 / km2 - 1), id).toBeLessThan(0.005);
  });

  it.skipIf(!HAVE_SHARED)('keep every unit within 0.3 % of the full file (needs the reference data)', () => {
    const full = loadBoundaries(HIRES).regions;
    const mine = loadBoundaries(undefined).regions;
    for (const r of full) {
      const m = mine.find((x) => x.id === r.id)!;
      expect(Math.abs(m.area_km2 / r.area_km2 - 1) * 100, r.id).toBeLessThan(0.3);
    }
    const total = (rs: typeof full): number => rs.reduce((s, r) => s + r.area_km2, 0);
    expect(Math.abs(total(mine) / total(full) - 1) * 100).toBeLessThan(0.01);
  });
});

describe('the built-in data set', () => {
  it('is a complete data folder: every snapshot from 2022-04-03 to 2026-08-22, its chunks, credits', async () => {
    const ds = readDataFolder(BUILTIN_DATA_DIR);
    expect(ds.manifest.snapshots.filter((s) => s.kind === 'daily')).toHaveLength(769);
    expect(ds.manifest.snapshots.filter((s) => s.kind === 'raw')).toHaveLength(41);
    expect(ds.manifest.boundaries).toMatchObject({ name: 'ukraine-minregion.geojson', attribution: '© Minregion' });
    const credits = readFileSync(join(BUILTIN_DATA_DIR, CREDITS_FILE), 'utf8');
    for (const who of ['DeepStateMap', '© Minregion', 'GeoNames', 'Natural Earth']) expect(credits).toContain(who);
    // Every listed chunk is there and checks out; every file there is listed (nothing stale ships).
    const listed = new Set([...ds.manifest.history, ...ds.manifest.layers].map((h) => h.file));
    const onDisk = [...files(BUILTIN_DATA_DIR).keys()].filter(
      (f) => f.startsWith('history/') || f.startsWith('layers/'),
    );
    expect(onDisk.sort()).toEqual([...listed].sort());
    const r = await cli('areas', '--date', '2026-08-22', '--data', BUILTIN_DATA_DIR);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).rows.find((x: { id: string }) => x.id === 'donbas').ukraine_pct).toBeGreaterThan(0);
  });

  it.skipIf(existsSync(join(DEFAULT_DATA_DIR, 'manifest.json')) || Boolean(process.env.FRONTLINE_DATA))(
    'answers `frontline areas --date 2025-11-20` with no --data (a fresh clone): clean stderr for scripts, one note on a terminal',
    async () => {
      const r = await cli('areas', '--date', '2025-11-20');
      expect(r.code, r.err).toBe(0);
      expect(r.err).toBe('');
      expect(JSON.parse(r.out)).toMatchObject({
        date: '2025-11-20',
        source: { name: 'DeepStateMap' },
        boundaries: { attribution: '© Minregion' },
      });
      let err = '';
      const code = await run(['areas', '--date', '2025-11-20', '--format', 'csv'], {
        out: () => {},
        err: (t) => void (err += t),
        isTTY: true,
      });
      expect(code).toBe(0);
      expect(err).toMatch(/^note: using the built-in data set \(DeepStateMap, up to 2026-08-22\)/);
    },
  );

  it.skipIf(!HAVE_SHARED)(
    'is what ingest makes of the reference data, file for file (needs the reference data)',
    () => {
      // The tests' own copy is ingested from ../shared/data with the same command (test/globalSetup.ts).
      const mine = files(BUILTIN_DATA_DIR);
      const fresh = files(TEST_DATA);
      expect([...mine.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [f, bytes] of fresh) expect(mine.get(f)!.equals(bytes), f).toBe(true);
    },
  );
});
