/**
 * Nothing lost: what ingest does to folders that are not its own, to a second
 * writer, to a run killed at any moment, to a damaged or incompatible old
 * data folder, and on a full disk. Each case checks the exit code, one line
 * naming the folder, and that the files there are byte for byte as before
 * (or the new data folder complete).
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverFolder, removeOurs } from '../src/cli/folderGuard';
import { readDataFolder } from '../src/cli/store';
import { cli } from './helpers/cli';
import { ROOT } from './helpers/paths';
import { putSources } from './helpers/sources';

const STACK = /\n\s+at /;
const made: string[] = [];
const folder = (prefix = 'safety'): string => {
  const d = mkdtempSync(join(tmpdir(), `frontline-${prefix}-`));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** Every file under a folder (or the file itself), by relative path, with its bytes. */
function snapshotOf(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  if (!statSync(path).isDirectory()) return { '.': readFileSync(path, 'latin1') };
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(path, p)] = readFileSync(p, 'latin1');
    }
  };
  walk(path);
  return out;
}

const oneLine = (err: string): void => {
  expect(err.trim().split('\n'), err).toHaveLength(1);
  expect(err).not.toMatch(STACK);
};

/** Nothing of ours left beside a data folder (temporary folders, locks). */
const leftovers = (data: string): string[] =>
  readdirSync(join(data, '..')).filter((f) => f.startsWith(`${data.split('/').at(-1)}.`));

let src: string;
let more: string;
beforeAll(() => {
  src = folder('src');
  putSources(src, { daily: '2025-11-20' }, { raw: '1754077960.geojson' });
  more = folder('more');
  putSources(
    more,
    { daily: '2025-11-20' },
    { raw: '1754077960.geojson' },
    { daily: '2025-11-21' },
    { daily: '2025-11-22' },
  );
});

/** A data folder made from `src`, in a parent of its own. */
async function dataFolder(): Promise<string> {
  const data = join(folder('parent'), 'data');
  const r = await cli('ingest', '--source', src, '--data', data);
  expect(r.code, r.err).toBe(0);
  return data;
}

describe('folders that are not ours', () => {
  const cases: [string, (dir: string) => string, RegExp][] = [
    [
      'a folder of someone else’s files',
      (d) => {
        mkdirSync(join(d, 'thesis'));
        writeFileSync(join(d, 'thesis', 'chapter-1.md'), '# My thesis\n');
        writeFileSync(join(d, 'thesis', 'notes.txt'), 'keep me');
        return join(d, 'thesis');
      },
      /is not a frontline data folder \(it has 2 files and no manifest\.json\)/,
    ],
    [
      'a file',
      (d) => {
        writeFileSync(join(d, 'results.csv'), 'a,b\n1,2\n');
        return join(d, 'results.csv');
      },
      /is a file, not a data folder/,
    ],
    [
      'a folder with a manifest.json that is not ours',
      (d) => {
        mkdirSync(join(d, 'web'));
        writeFileSync(join(d, 'web', 'manifest.json'), JSON.stringify({ name: 'My PWA', icons: [] }));
        writeFileSync(join(d, 'web', 'index.html'), '<!doctype html>');
        return join(d, 'web');
      },
      /manifest\.json: is not a frontline data folder manifest/,
    ],
  ];
  it.each(cases)('%s is refused and left as it was', async (_label, make, message) => {
    const target = make(folder());
    const before = snapshotOf(target);
    const r = await cli('ingest', '--source', src, '--data', target);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toContain(target);
    expect(r.err).toMatch(message);
    expect(snapshotOf(target)).toEqual(before);
    expect(leftovers(target)).toEqual([]);
  });

  it('the --source folder itself, or a folder inside it, is refused', async () => {
    const before = snapshotOf(src);
    for (const data of [src, join(src, 'data')]) {
      const r = await cli('ingest', '--source', src, '--data', data);
      expect(r.code, data).toBe(data === src ? 1 : 2); // a folder not ours (bad input); a --data that cannot be (usage)
      oneLine(r.err);
      // The folder itself is no data folder; a new folder inside it would be read as a source next time.
      expect(r.err).toMatch(data === src ? /is not a frontline data folder/ : /inside the --source folder/);
    }
    expect(snapshotOf(src)).toEqual(before);
  });

  it('update refuses the same folders before it fetches anything', async () => {
    const target = cases[0][1](folder());
    const before = snapshotOf(target);
    const r = await cli('update', '--api', 'http://127.0.0.1:9/api/history', '--data', target);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(/is not a frontline data folder/);
    expect(snapshotOf(target)).toEqual(before);
  });
});

describe('one writer at a time', () => {
  it('a lock held by a live process is refused with one line; the folder is untouched', async () => {
    const data = await dataFolder();
    const before = snapshotOf(data);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(`${data}.lock`, `${holder.pid}\n`);
      const r = await cli('ingest', '--source', more, '--data', data);
      expect(r.code).toBe(1);
      oneLine(r.err);
      expect(r.err).toMatch(new RegExp(`is being written by another frontline process \\(PID ${holder.pid}`));
      expect(snapshotOf(data)).toEqual(before);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a lock left by a dead process is taken over, and released after the run', async () => {
    const data = await dataFolder();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(`${data}.lock`, dead.stdout);
    const r = await cli('ingest', '--source', more, '--data', data);
    expect(r.code, r.err).toBe(0);
    expect(readDataFolder(data).manifest.snapshots).toHaveLength(4);
    expect(leftovers(data)).toEqual([]);
  });

  it('two ingests started together into one folder: one lands, the other refuses (nothing lost)', async () => {
    const data = await dataFolder();
    const bin = join(ROOT, 'src', 'cli', 'bin.mjs');
    const runOne = (source: string): Promise<{ code: number | null; err: string }> =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, [bin, 'ingest', '--source', source, '--data', data], {
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let err = '';
        p.stderr.on('data', (b) => (err += b));
        p.on('close', (code) => resolve({ code, err }));
      });
    const other = folder('other');
    putSources(other, { daily: '2025-11-23' });
    const [a, b] = await Promise.all([runOne(more), runOne(other)]);
    const codes = [a.code, b.code].sort();
    // Usually one waits out the other's lock and refuses; a run that starts after the other finished lands too.
    expect(codes[0]).toBe(0);
    const ids = readDataFolder(data).manifest.snapshots.map((s) => s.id);
    for (const r of [a, b]) if (r.code !== 0) expect(r.err).toMatch(/is being written by another frontline process/);
    // Whatever landed kept what was there before: the two snapshots of the first ingest.
    expect(ids).toEqual(expect.arrayContaining(['2025-08-01-raw', '2025-11-20']));
    expect(leftovers(data)).toEqual([]);
  });
});

describe('a run killed at any moment', () => {
  it.each([150, 400, 800, 1200, 1800, 2600, 3600])(
    'kill -9 after %i ms: the old data set or the new one, whole; the next run tidies up',
    async (ms) => {
      const data = await dataFolder();
      const before = snapshotOf(data);
      const p = spawn(
        process.execPath,
        [join(ROOT, 'src', 'cli', 'bin.mjs'), 'ingest', '--source', more, '--data', data],
        { stdio: 'ignore' },
      );
      const closed = new Promise((r) => p.on('close', r));
      await Promise.race([closed, new Promise((r) => setTimeout(r, ms))]);
      p.kill('SIGKILL'); // a no-op when the run has already finished
      await closed;
      if (existsSync(join(data, 'manifest.json'))) {
        const n = readDataFolder(data).manifest.snapshots.length;
        expect([2, 4]).toContain(n);
        if (n === 2) expect(snapshotOf(data)).toEqual(before);
      } else {
        // Killed between the two renames: the old folder waits beside it, whole.
        const old = leftovers(data).find((f) => /\.old-\d+$/.test(f));
        expect(old, `no data folder and no old copy after ${ms} ms`).toBeDefined();
      }
      const again = await cli('ingest', '--source', more, '--data', data);
      expect(again.code, again.err).toBe(0);
      expect(readDataFolder(data).manifest.snapshots).toHaveLength(4);
      expect(leftovers(data)).toEqual([]);
    },
  );

  it('a removal of the old folder cut short at any entry: the next run still knows the rest as ours and removes it', async () => {
    const data = await dataFolder();
    const before = snapshotOf(data);
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // a process that has ended: its folders are leftovers
    const entries = readdirSync(data).length;
    expect(entries).toBeGreaterThan(3); // the check removes a real folder entry by entry
    for (let k = 0; k <= entries; k++) {
      const old = `${data}.old-${gone}`;
      cpSync(data, old, { recursive: true });
      let left = k;
      const stop = new Error('killed');
      const rm = (p: string): void => {
        if (left-- === 0) throw stop;
        rmSync(p, { recursive: true, force: true });
      };
      expect(() => removeOurs(old, rm), `after ${k} entries`).toThrow(stop);
      expect(recoverFolder(data), `after ${k} entries`).toEqual([
        `removed ${old.split('/').at(-1)}, left by a run that ended early`,
      ]);
      expect(leftovers(data), `after ${k} entries`).toEqual([]);
    }
    expect(snapshotOf(data)).toEqual(before);
  });

  it('kill -9 while it writes the new folder’s last files: that folder is still known as ours and tidied', async () => {
    const data = await dataFolder();
    const p = spawn(
      process.execPath,
      [join(ROOT, 'src', 'cli', 'bin.mjs'), 'ingest', '--source', more, '--data', data],
      { stdio: 'ignore' },
    );
    let done = false;
    const closed = new Promise((r) => p.on('close', r)).then(() => (done = true));
    // The chunks are written and the folder files begin (regions.geojson comes before manifest.json).
    const tmp = `${data}.tmp-${p.pid}`;
    let seen: string[] = [];
    while (!done && !(seen.includes('regions.geojson') && !seen.includes('manifest.json'))) {
      await new Promise((r) => setTimeout(r, 1));
      seen = existsSync(tmp) ? readdirSync(tmp) : [];
    }
    p.kill('SIGKILL');
    await closed;
    expect(done && seen.length === 0 ? 'finished before the window' : 'killed in it').toBe('killed in it');
    expect(readDataFolder(data).manifest.snapshots).toHaveLength(2);
    const again = await cli('ingest', '--source', more, '--data', data);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain(`removed ${tmp.split('/').at(-1)}`);
    expect(leftovers(data)).toEqual([]);
  });

  it('an interrupted swap (DIR gone, DIR.old-PID whole) is put back before anything else', async () => {
    const data = await dataFolder();
    const before = snapshotOf(data);
    const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
    cpSync(data, `${data}.old-${dead}`, { recursive: true });
    rmSync(data, { recursive: true });
    mkdirSync(`${data}.tmp-${dead}/scratch`, { recursive: true });
    writeFileSync(`${data}.tmp-${dead}/scratch/2025-11-20.json`, '{"type":"Feat');
    const r = await cli('ingest', '--source', src, '--data', data);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/recovered .* from data\.old-\d+/);
    expect(r.err).toMatch(/removed data\.tmp-\d+, left by a run that ended early/);
    expect(snapshotOf(data)).toEqual(before);
    expect(leftovers(data)).toEqual([]);
  });

  it('a folder beside it that only looks like ours by name is not removed', async () => {
    const data = await dataFolder();
    const dead = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
    const lookalike = `${data}.tmp-${dead}`;
    mkdirSync(lookalike);
    writeFileSync(join(lookalike, 'my-work.txt'), 'not frontline’s');
    expect((await cli('ingest', '--source', src, '--data', data)).code).toBe(0);
    expect(readFileSync(join(lookalike, 'my-work.txt'), 'utf8')).toBe('not frontline’s');
  });
});

describe('a damaged or incompatible old data folder', () => {
  const damages: [string, (data: string) => void, RegExp][] = [
    [
      'a truncated manifest.json',
      (d) => writeFileSync(join(d, 'manifest.json'), readFileSync(join(d, 'manifest.json'), 'utf8').slice(0, 300)),
      /manifest\.json: not valid JSON/,
    ],
    ['a missing stats.json', (d) => rmSync(join(d, 'stats.json')), /stats\.json: no such file/],
    [
      'a snapshot without figures',
      (d) => {
        const stats = JSON.parse(readFileSync(join(d, 'stats.json'), 'utf8'));
        delete stats.overlays['2025-11-20'];
        writeFileSync(join(d, 'stats.json'), JSON.stringify(stats));
      },
      /has no valid figures for snapshot 2025-11-20/,
    ],
    [
      'a NaN in the figures',
      (d) => {
        const stats = JSON.parse(readFileSync(join(d, 'stats.json'), 'utf8'));
        stats.overlays['2025-11-20'][13][0] = 'NaN';
        writeFileSync(join(d, 'stats.json'), JSON.stringify(stats));
      },
      /has no valid figures for snapshot 2025-11-20/,
    ],
    [
      'a region area of 0',
      (d) => {
        const stats = JSON.parse(readFileSync(join(d, 'stats.json'), 'utf8'));
        stats.area_km2[3] = 0;
        writeFileSync(join(d, 'stats.json'), JSON.stringify(stats));
      },
      /region area that is not a positive number/,
    ],
  ];
  it.each(damages)('%s: refused with the way out (--rebuild); nothing changed', async (_label, damage, message) => {
    const data = await dataFolder();
    damage(data);
    const before = snapshotOf(data);
    const r = await cli('ingest', '--source', more, '--data', data);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/is damaged .*--rebuild/);
    expect(snapshotOf(data)).toEqual(before);
    const rebuilt = await cli('ingest', '--source', more, '--data', data, '--rebuild');
    expect(rebuilt.code, rebuilt.err).toBe(0);
    expect(readDataFolder(data).manifest.snapshots).toHaveLength(4);
  });

  it.each([
    ['history', '../../../../etc/passwd'],
    ['layers', '/etc/passwd'],
  ])('a manifest naming a %s file outside its folder (%s) is refused, not read', async (set, file) => {
    const data = await dataFolder();
    const m = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8'));
    for (const h of m[set]) h.file = file;
    writeFileSync(join(data, 'manifest.json'), JSON.stringify(m));
    const r = await cli(
      'areas',
      '--date',
      '2025-11-20',
      '--scenario-file',
      join(ROOT, 'data', 'scenarios', 'status-quo.json'),
      '--data',
      data,
    );
    // The command that reads that set: places the drawn pieces, scenario the source layers.
    const g =
      set === 'history'
        ? await cli('places', '--date', '2025-11-20', '--scenario', 'us-28-point', '--data', data)
        : await cli('scenario', '--date', '2025-11-20', '--scenario', 'status-quo', '--data', data);
    expect(r.code, r.err).toBe(0); // areas reads no geometry
    expect(g.code).toBe(1);
    oneLine(g.err);
    expect(g.err).toMatch(/names a file outside its data folder/);
    expect(g.err + g.out).not.toMatch(/root:/);
  });

  it('a damaged chunk is not copied forward', async () => {
    const data = await dataFolder();
    const chunk = join(data, 'layers', 'daily-2025-11.json');
    writeFileSync(chunk, readFileSync(chunk, 'utf8').replace(/"check":\d+/, '"check":1'));
    const other = folder('dec');
    putSources(other, { daily: '2025-11-20' }, { raw: '1754077960.geojson' }, { daily: '2025-12-01' });
    const r = await cli('ingest', '--source', other, '--data', data);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(/daily-2025-11\.json.*(damaged|checksum)/);
  });

  it('other boundaries with a source that lacks snapshots of the folder: refused unless --rebuild', async () => {
    const data = await dataFolder();
    const before = snapshotOf(data);
    const one = folder('one');
    putSources(one, { daily: '2025-11-22' });
    const ne = join(ROOT, 'data', 'boundaries', 'ukraine-ne10m.geojson');
    const r = await cli('ingest', '--source', one, '--boundaries', ne, '--data', data);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(
      /was made with other boundaries \(ukraine-minregion\.geojson\), so it must be rebuilt, and this source lacks 2 of its 2 snapshots/,
    );
    expect(snapshotOf(data)).toEqual(before);
    // With the full source nothing is lost: it rebuilds, saying so.
    const full = await cli('ingest', '--source', src, '--boundaries', ne, '--data', data);
    expect(full.code, full.err).toBe(0);
    expect(full.err).toMatch(/note: .* was made with other boundaries .*: rebuilding it from this source/);
    expect(readDataFolder(data).manifest.boundaries.name).toBe('ukraine-ne10m.geojson');
  });
});

describe('a full disk', () => {
  let mnt = '';
  beforeAll(() => {
    mnt = folder('tmpfs');
    // A 2 MB tmpfs: room for one small data folder, not for it and its replacement. Needs root (CI and these machines run as root).
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
    if (r.status !== 0) mnt = '';
  });
  afterAll(() => {
    if (mnt) spawnSync('umount', [mnt]);
  });

  it('ENOSPC mid-run: one line naming the file, exit 1, the old data folder byte for byte, nothing left over', async (ctx) => {
    if (!mnt) return ctx.skip(); // no tmpfs here (not root): said in the report as skipped
    const data = join(mnt, 'data');
    const first = await cli('ingest', '--source', src, '--data', data);
    expect(first.code, first.err).toBe(0);
    const before = snapshotOf(data);
    const r = await cli('ingest', '--source', more, '--data', data);
    expect(r.code).toBe(1);
    oneLine(r.err);
    expect(r.err).toMatch(/no space left on the device|ENOSPC/i);
    expect(snapshotOf(data)).toEqual(before);
    expect(readdirSync(mnt).sort()).toEqual(['data']);
  });
});
