/**
 * `frontline update` against a local stand-in for DeepStateMap's API
 * (test/helpers/apiServer.ts): what lands, what is fetched, and how faults
 * end. Each test has its own data folder and cache; timeouts and back-off are
 * made short through the environment, as a user would.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest, NotesFile } from '../src/lib/datafolder/manifest';
import { update } from '../src/cli/commands/update';
import { dailyRevisions, parseRevisionList, revisionDate, RevisionCache } from '../src/cli/deepstate';
import type { Io } from '../src/cli/io';
import { HttpClient, redactUrl, redactUrls } from '../src/cli/net';
import { apiRevisions, startApiServer, type ApiServer } from './helpers/apiServer';
import { cli } from './helpers/cli';
import { RAW } from './helpers/paths';

let server: ApiServer;
/** The last two days with a published revision, and the revision chosen for each. */
let days: { date: string; id: number }[];
/** A data folder holding those two days, made by the first test. */
let updated: string;
let cache: string;

const ENV = { FRONTLINE_HTTP_BACKOFF_S: '0.01', FRONTLINE_HTTP_TIMEOUT_S: '20', FRONTLINE_HTTP_CONNECT_TIMEOUT_S: '5' };
const saved: Record<string, string | undefined> = {};
const made: string[] = [];
const tmp = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `frontline-update-${prefix}-`));
  made.push(dir);
  return dir;
};
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const manifestOf = (dir: string): Manifest => JSON.parse(read(dir, 'manifest.json'));
const revisionRequests = (id: number): number => server.requests.filter((p) => p.endsWith(`/${id}/geojson`)).length;
const lastLine = (text: string): string => text.trim().split('\n').at(-1)!;

beforeAll(async () => {
  server = await startApiServer();
  const chosen = dailyRevisions(server.revisions, '2000-01-01');
  days = chosen.slice(-2).map((r) => ({ date: revisionDate(r.id), id: r.id }));
  for (const [k, v] of Object.entries(ENV)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});

afterAll(async () => {
  await server.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

beforeEach(() => {
  server.reset();
  // A fresh cache per test: a revision cached by an earlier test would hide a fault.
  cache = tmp('cache');
  process.env.FRONTLINE_CACHE = cache;
});

afterEach(() => {
  delete process.env.FRONTLINE_CACHE;
  delete process.env.FRONTLINE_HTTP_TRIES;
  process.env.FRONTLINE_HTTP_TIMEOUT_S = ENV.FRONTLINE_HTTP_TIMEOUT_S;
});

describe('frontline update', () => {
  it('a first run with --since adds one raw snapshot per day (the last published) with its note', async () => {
    updated = tmp('data');
    const r = await cli('update', '--api', server.base, '--since', days[0].date, '--data', updated);
    expect(r.code, r.err).toBe(0);
    const m = manifestOf(updated);
    expect(m.snapshots.map((s) => s.id)).toEqual(days.map((d) => `${d.date}-raw`));
    expect(m.snapshots.every((s) => s.kind === 'raw')).toBe(true);
    // The source is the revision's URL; the day's earlier revision and the withdrawn later one are not used.
    expect(m.snapshots.map((s) => s.source)).toEqual(days.map((d) => `${server.base}/${d.id}/geojson`));
    expect(m.notes).toBe('notes.json');
    const notes = JSON.parse(read(updated, 'notes.json')) as NotesFile;
    expect(notes.format).toBe(1);
    expect(Object.keys(notes.notes)).toEqual(days.map((d) => d.date));
    const last = notes.notes[days[1].date];
    const listed = server.revisions.find((x) => x.id === days[1].id)!;
    expect(last).toEqual({
      id: days[1].id,
      created_at: listed.createdAt,
      description: listed.description,
      description_en: listed.descriptionEn,
    });
    expect(last.description).toMatch(/[А-Яа-яІіЇїЄє]/);
    // One list, one download per day, nothing else; with the project's User-Agent.
    expect(server.requests).toEqual([`/api/history/public`, ...days.map((d) => `/api/history/${d.id}/geojson`)]);
    expect(server.maxInFlight).toBe(1);
    expect(server.userAgent).toMatch(
      /^frontline-scenarios\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/frontline-scenarios\)$/,
    );
    // Cached for later runs.
    expect(days.every((d) => existsSync(join(cache, 'revisions', `${d.id}.geojson`)))).toBe(true);
    // The figures are there for the new days.
    const a = await cli('areas', '--date', days[1].date, '--kind', 'raw', '--data', updated);
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(a.out).rows.find((x: { id: string }) => x.id === 'UA-14').russia_km2).toBeGreaterThan(0);
  });

  it('a second run on an unchanged list fetches only the list and changes no byte', async () => {
    const before = read(updated, 'manifest.json');
    const r = await cli('update', '--api', server.base, '--data', updated);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/up to date/);
    expect(server.requests).toEqual(['/api/history/public']);
    // The same --since again: the days already there are not fetched again.
    const again = await cli('update', '--api', server.base, '--since', days[0].date, '--data', updated);
    expect(again.code, again.err).toBe(0);
    expect(server.requests).toEqual(['/api/history/public', '/api/history/public']);
    expect(read(updated, 'manifest.json')).toBe(before);
  });

  it("a later revision of the newest day replaces that day's snapshot and note", async () => {
    const data = tmp('data');
    cpSync(updated, data, { recursive: true });
    const day = server.revisions.find((r) => r.id === days[1].id)!;
    const later = {
      ...day,
      id: day.id + 1200,
      createdAt: new Date((day.id + 1200) * 1000).toISOString(),
      description: 'Вечірнє оновлення.',
      descriptionEn: 'Evening update.',
    };
    expect(revisionDate(later.id)).toBe(days[1].date);
    const evening = await startApiServer([later]);
    try {
      const r = await cli('update', '--api', evening.base, '--data', data);
      expect(r.code, r.err).toBe(0);
      expect(evening.requests).toEqual(['/api/history/public', `/api/history/${later.id}/geojson`]);
    } finally {
      await evening.close();
    }
    const m = manifestOf(data);
    expect(m.snapshots.map((s) => s.id)).toEqual(days.map((d) => `${d.date}-raw`));
    expect(m.snapshots[1].source).toMatch(new RegExp(`/${later.id}/geojson$`));
    expect((JSON.parse(read(data, 'notes.json')) as NotesFile).notes[days[1].date]).toMatchObject({
      id: later.id,
      description_en: 'Evening update.',
    });
  });

  it('notes survive a later ingest of another file', async () => {
    const data = tmp('data');
    cpSync(updated, data, { recursive: true });
    const other = apiRevisions()[0].file;
    const r = await cli('ingest', '--source', other, '--data', data);
    expect(r.code, r.err).toBe(0);
    expect(manifestOf(data).notes).toBe('notes.json');
    expect(read(data, 'notes.json')).toBe(read(updated, 'notes.json'));
    expect(manifestOf(data).snapshots).toHaveLength(3);
  });

  it('takes revisions from the cache; a cached file that does not parse is fetched again', async () => {
    const first = tmp('data');
    expect((await cli('update', '--api', server.base, '--since', days[0].date, '--data', first)).code).toBe(0);
    writeFileSync(join(cache, 'revisions', `${days[0].id}.geojson`), '{"type": "FeatureCollection", "feat');
    server.reset();
    const second = tmp('data');
    const r = await cli('update', '--api', server.base, '--since', days[0].date, '--data', second);
    expect(r.code, r.err).toBe(0);
    expect(server.requests).toEqual(['/api/history/public', `/api/history/${days[0].id}/geojson`]);
    expect(manifestOf(second).snapshots.map((s) => s.source_sha256)).toEqual(
      manifestOf(first).snapshots.map((s) => s.source_sha256),
    );
  });

  it('a cache that cannot be written is noted; the revisions still land', async () => {
    const file = join(tmp('cache'), 'a-file');
    writeFileSync(file, '');
    process.env.FRONTLINE_CACHE = join(file, 'cache'); // under a file: every write fails
    const data = tmp('data');
    const r = await cli('update', '--api', server.base, '--since', days[1].date, '--data', data);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /note: could not write the cache .*a-file\/cache; the next run downloads these revisions again/,
    );
    expect(manifestOf(data).snapshots.map((s) => s.id)).toEqual([`${days[1].date}-raw`]);
  });

  it.each([
    ['always answers 500', '500' as const, /HTTP 500 Internal Server Error \(3 tries\)/],
    ['sends a truncated body', 'truncated' as const, /closed before the body was complete \(3 tries\)/],
  ])('a revision that %s is named and skipped, the others land, exit 1', async (_, fault, message) => {
    server.fault(days[1].id, fault);
    const data = tmp('data');
    const r = await cli('update', '--api', server.base, '--since', days[0].date, '--data', data);
    expect(r.code).toBe(1);
    const skipped = r.err.split('\n').filter((l) => l.includes(`revision ${days[1].id}`));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatch(message);
    expect(lastLine(r.err)).toBe(`frontline update: 1 of 2 revisions failed and were skipped: ${days[1].id}`);
    expect(revisionRequests(days[1].id)).toBe(3);
    expect(manifestOf(data).snapshots.map((s) => s.id)).toEqual([`${days[0].date}-raw`]);
    expect(Object.keys((JSON.parse(read(data, 'notes.json')) as NotesFile).notes)).toEqual([days[0].date]);
    expect(existsSync(join(cache, 'revisions', `${days[1].id}.geojson`))).toBe(false);
    // The next run fetches only what failed.
    server.reset();
    const again = await cli('update', '--api', server.base, '--data', data, '--since', days[0].date);
    expect(again.code, again.err).toBe(0);
    expect(server.requests).toEqual(['/api/history/public', `/api/history/${days[1].id}/geojson`]);
    expect(manifestOf(data).snapshots.map((s) => s.id)).toEqual(days.map((d) => `${d.date}-raw`));
  });

  it('retries a 500 and succeeds', async () => {
    server.fault(days[1].id, '500', 1);
    const data = tmp('data');
    const r = await cli('update', '--api', server.base, '--since', days[1].date, '--data', data);
    expect(r.code, r.err).toBe(0);
    expect(revisionRequests(days[1].id)).toBe(2);
    expect(manifestOf(data).snapshots.map((s) => s.id)).toEqual([`${days[1].date}-raw`]);
  });

  it('a stalled response (headers, then nothing) ends by the total timeout', async () => {
    process.env.FRONTLINE_HTTP_TIMEOUT_S = '0.3';
    process.env.FRONTLINE_HTTP_TRIES = '2';
    server.fault(days[1].id, 'stall');
    const data = tmp('data');
    const r = await cli('update', '--api', server.base, '--since', days[1].date, '--data', data);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `revision ${days[1].id} \\(${days[1].date}\\) skipped: .*no complete response within 0\\.3 s \\(2 tries\\)`,
      ),
    );
    expect(revisionRequests(days[1].id)).toBe(2);
    // Nothing landed and nothing was there: no data folder was written.
    expect(existsSync(join(data, 'manifest.json'))).toBe(false);
  });

  describe('a bad API or list: one line naming the URL, exit 1, the data folder untouched', () => {
    const closedPort = async (): Promise<number> => {
      const s = createServer();
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      const port = (s.address() as { port: number }).port;
      await new Promise((resolve) => s.close(resolve));
      return port;
    };
    const cases: [string, () => Promise<string> | string, RegExp][] = [
      [
        'not http(s)',
        () => 'ftp://127.0.0.1/api/history',
        /^frontline update: ftp:\/\/127\.0\.0\.1\/api\/history: only http and https URLs are supported/,
      ],
      ['not a URL', () => 'deepstatemap.live/api', /^frontline update: deepstatemap\.live\/api: not a valid URL/],
      [
        'unreachable',
        async () => `http://127.0.0.1:${await closedPort()}/api/history`,
        /^frontline update: http:\/\/127\.0\.0\.1:\d+\/api\/history\/public: download failed: connect ECONNREFUSED/,
      ],
      [
        'a list that is not JSON',
        () => (server.fault('public', 'not-json'), server.base),
        /\/api\/history\/public: not valid JSON/,
      ],
      [
        'a list that is not an array',
        () => (server.fault('public', 'not-array'), server.base),
        /\/api\/history\/public: expected a JSON array of revisions, got object/,
      ],
      [
        'an HTTP error on the list',
        () => (server.fault('public', '500'), server.base),
        /\/api\/history\/public: download failed: HTTP 500 Internal Server Error \(3 tries\)/,
      ],
    ];
    it.each(cases)('%s', async (_, api, message) => {
      const before = read(updated, 'manifest.json');
      const r = await cli('update', '--api', await api(), '--data', updated, '--since', days[0].date);
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
      expect(read(updated, 'manifest.json')).toBe(before);
      expect(server.requests.filter((p) => p.endsWith('/geojson'))).toEqual([]);
    });
  });

  it('never prints credentials or a query string, nor stores them in the manifest', async () => {
    const secret = `http://reader:s3cr3t@127.0.0.1:${server.port}/api/history?token=abc123`;
    server.fault(days[1].id, '500');
    const data = tmp('data');
    const r = await cli('update', '--api', secret, '--since', days[0].date, '--data', data);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `http://127.0.0.1:${server.port}/api/history/${days[1].id}/geojson: download failed: HTTP 500`,
    );
    server.fault('public', '500');
    const list = await cli('update', '--api', secret, '--since', days[0].date, '--data', data);
    expect(list.code).toBe(1);
    for (const text of [r.err, list.err, read(data, 'manifest.json')]) {
      expect(text).not.toMatch(/s3cr3t|reader|token|abc123/);
    }
    expect(list.err).toContain(`http://127.0.0.1:${server.port}/api/history/public: download failed: HTTP 500`);
  });

  it('--since that is not a date is a usage error (2)', async () => {
    const r = await cli('update', '--api', server.base, '--since', '2025-02-30', '--data', tmp('data'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--since: "2025-02-30" is not a date/);
    expect(server.requests).toEqual([]);
  });

  it("refuses boundaries other than the data folder's (update would drop its history)", async () => {
    const other = join(tmp('b'), 'other.geojson');
    writeFileSync(other, read(updated, 'regions.geojson'));
    const r = await cli('update', '--api', server.base, '--data', updated, '--boundaries', other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /was ingested with the boundaries ukraine-minregion\.geojson; give that file as --boundaries/,
    );
    expect(server.requests).toEqual([]);
  });

  it('a missing data folder is seeded from the built-in data set, then the new days land on top', async () => {
    // A built-in set that ends a day early (the last day failed when it was made).
    const builtin = tmp('builtin');
    server.fault(days[1].id, '500');
    expect((await cli('update', '--api', server.base, '--since', days[0].date, '--data', builtin)).code).toBe(1);
    expect(manifestOf(builtin).snapshots).toHaveLength(1);
    server.reset();
    const out = join(tmp('parent'), 'data');
    let err = '';
    const io: Io = { out: () => {}, err: (t) => void (err += t), isTTY: false };
    const code = await update({ api: server.base, data: out, builtin }, io);
    expect(code, err).toBe(0);
    expect(server.requests).toEqual(['/api/history/public', `/api/history/${days[1].id}/geojson`]);
    expect(manifestOf(out).snapshots.map((s) => s.id)).toEqual(days.map((d) => `${d.date}-raw`));
    expect(Object.keys((JSON.parse(read(out, 'notes.json')) as NotesFile).notes)).toEqual(days.map((d) => d.date));
    expect(manifestOf(builtin).snapshots).toHaveLength(1); // the built-in set is only read
  });
});

describe('pieces', () => {
  it('redacts credentials and queries from URLs, also inside messages', () => {
    expect(redactUrl('https://u:p@example.org/a/b?token=x#f')).toBe('https://example.org/a/b');
    expect(redactUrls('GET http://u:p@127.0.0.1:9/x?key=1 failed; see https://h/y?t=2.')).toBe(
      'GET http://127.0.0.1:9/x failed; see https://h/y',
    );
    expect(redactUrl('not a url?token=x')).toBe('not a url');
  });

  it('picks the last published revision of each day from --since on', () => {
    const r = (id: number, status = true) => ({ id, createdAt: '', status, description: '', descriptionEn: '' });
    const day = Date.parse('2025-08-01T00:00:00Z') / 1000;
    const list = [r(day + 10), r(day + 20), r(day + 30, false), r(day - 5), r(day + 86_400)];
    expect(dailyRevisions(list, '2025-08-01').map((x) => x.id)).toEqual([day + 20, day + 86_400]);
  });

  it('leaves out list entries without a usable id, rejects a list of none', () => {
    const url = new URL('http://127.0.0.1/public');
    expect(parseRevisionList([{ id: 1754077960, status: true }, { id: 'x' }, null], url).skipped).toBe(2);
    expect(() => parseRevisionList([{ id: 'x' }], url)).toThrow(/none of its 1 entries/);
  });

  it('one client makes one request at a time, even when asked for several at once', async () => {
    server.reset();
    for (const d of days) server.fault(d.id, 'slow');
    const client = new HttpClient({ tries: 1 });
    const bodies = await Promise.all(days.map((d) => client.getText(`${server.base}/${d.id}/geojson`)));
    expect(bodies.map((b) => JSON.parse(b).type)).toEqual(['FeatureCollection', 'FeatureCollection']);
    expect(server.requests).toHaveLength(2);
    expect(server.maxInFlight).toBe(1);
  });

  it('caps the size of a body, by its Content-Length or as it streams in', async () => {
    const client = new HttpClient({ maxBytes: 100, tries: 1 });
    await expect(client.get(`${server.base}/${apiRevisions()[0].id}/geojson`)).rejects.toThrow(
      /larger than the 100 bytes cap/,
    );
    // No Content-Length: chunks until the client stops reading.
    const endless = createHttpServer((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write('x'.repeat(64)), 5);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    try {
      await expect(client.get(`http://127.0.0.1:${(endless.address() as { port: number }).port}/big`)).rejects.toThrow(
        /larger than the 100 bytes cap/,
      );
    } finally {
      endless.closeAllConnections();
      await new Promise((resolve) => endless.close(resolve));
    }
  });

  it('decodes a gzip body; a bad setting in the environment is one message naming it', async () => {
    const json = JSON.stringify({ type: 'FeatureCollection', features: [], note: 'Окуповано' });
    const gz = createHttpServer((req, res) => {
      expect(req.headers['accept-encoding']).toMatch(/gzip/);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(json));
    });
    await new Promise<void>((resolve) => gz.listen(0, '127.0.0.1', resolve));
    try {
      expect(await new HttpClient().getText(`http://127.0.0.1:${(gz.address() as { port: number }).port}/x`)).toBe(
        json,
      );
    } finally {
      gz.closeAllConnections();
      await new Promise((resolve) => gz.close(resolve));
    }
    process.env.FRONTLINE_HTTP_TIMEOUT_S = 'soon';
    const r = await cli('update', '--api', server.base, '--since', days[0].date, '--data', tmp('data'));
    expect(r.code).toBe(1);
    expect(r.err).toBe('frontline update: $FRONTLINE_HTTP_TIMEOUT_S: must be a number of at least 0.01, not "soon"\n');
  });

  it('follows redirects, at most 5', async () => {
    const hop = createHttpServer((req, res) => {
      const n = Number(req.url!.slice(1));
      res.writeHead(302, { location: n > 0 ? `/${n - 1}` : `${server.base}/${days[0].id}/geojson` }).end();
    });
    await new Promise<void>((resolve) => hop.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(hop.address() as { port: number }).port}`;
    try {
      expect(JSON.parse(await new HttpClient().getText(`${at}/3`)).type).toBe('FeatureCollection');
      await expect(new HttpClient().get(`${at}/9`)).rejects.toThrow(/more than 5 redirects/);
    } finally {
      hop.closeAllConnections();
      await new Promise((resolve) => hop.close(resolve));
    }
  });

  it('the cache lives under $FRONTLINE_CACHE, else $XDG_CACHE_HOME', async () => {
    const { cacheDir } = await import('../src/cli/deepstate');
    expect(cacheDir({ FRONTLINE_CACHE: '/c' })).toBe('/c');
    expect(cacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/frontline-scenarios');
    expect(new RevisionCache('/c').path(5)).toBe('/c/revisions/5.geojson');
  });

  it('serves the reference raw files when they are there', () => {
    expect(apiRevisions().length).toBe(existsSync(RAW) ? 41 + 2 : 3 + 2);
  });
});
