/**
 * A stand-in for DeepStateMap's history API on 127.0.0.1 (no machine here
 * reaches the internet): `GET <base>/public` and `GET <base>/{id}/geojson`,
 * served from ../shared/data/deepstate/raw/ when it exists, else from tiny
 * made-up revisions written to a temporary folder (see fixtureRevisions).
 * Faults can be injected per revision id or for the list, and every request
 * is counted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { RAW } from './paths';

export interface ApiRevision {
  id: number;
  createdAt: string;
  status: boolean;
  description: string;
  descriptionEn: string;
  /** The GeoJSON file served for it. */
  file: string;
}

/**
 * `500`: HTTP 500; `truncated`: a Content-Length larger than what is sent, then
 * the connection closes; `stall`: headers, then nothing; `not-json` and
 * `not-array`: a list that is not DeepState's; `slow`: the answer, 100 ms late.
 */
export type Fault = '500' | 'truncated' | 'stall' | 'not-json' | 'not-array' | 'slow';

export interface ApiServer {
  /** The API base, e.g. http://127.0.0.1:40123/api/history. */
  base: string;
  port: number;
  revisions: ApiRevision[];
  /** Paths requested (no query), in order. */
  requests: string[];
  /** User-Agent of the last request. */
  userAgent?: string;
  /** Most requests ever open at once (a polite client: 1). */
  maxInFlight: number;
  /** Fail `times` requests (default: all) for a revision id or the list. */
  fault(key: number | 'public', kind: Fault, times?: number): void;
  /** Forget faults and requests. */
  reset(): void;
  close(): Promise<void>;
}

/** The first made-up revision: 2026-09-01 12:00 UTC, after the reference data ends (no id of a real file). */
const FIXTURE_FIRST_ID = 1_788_264_000;

let fixtures: string | undefined;

/**
 * Three made-up revisions in the shape of DeepStateMap's `/{id}/geojson`, on
 * three consecutive days: an occupied block in Donetsk oblast that grows
 * west by 0.03° a day, a grey zone beside it, and a Point (an attack
 * direction) that a client must ignore. Not DeepState's data.
 */
function fixtureRevisions(): string {
  if (fixtures) return fixtures;
  fixtures = mkdtempSync(join(tmpdir(), 'frontline-api-fixtures-'));
  const block = (x0: number, x1: number): number[][][] => [
    [
      [x0, 47.9, 0],
      [x1, 47.9, 0],
      [x1, 48.3, 0],
      [x0, 48.3, 0],
      [x0, 47.9, 0],
    ],
  ];
  for (let day = 0; day < 3; day++) {
    const west = 37.95 - 0.03 * day;
    const feature = (name: string, geometry: object, extra: object = {}) => ({
      type: 'Feature',
      properties: { name, ...extra },
      geometry,
    });
    const fc = {
      type: 'FeatureCollection',
      features: [
        feature(
          'Окуповано /// Occupied /// geoJSON.status.occupied\n',
          { type: 'Polygon', coordinates: block(west, 38.4) },
          { fill: '#a52714', stroke: '#a52714' },
        ),
        feature(
          'Статус невідомий /// Unknown status /// geoJSON.status.unknown\n',
          { type: 'Polygon', coordinates: block(west - 0.05, west) },
          { fill: '#bcaaa4' },
        ),
        feature('Напрямок удару /// Direction of attack /// geoJSON.status.attack_direction\n', {
          type: 'Point',
          coordinates: [west - 0.1, 48.1, 0],
        }),
      ],
    };
    writeFileSync(join(fixtures, `${FIXTURE_FIRST_ID + 86_400 * day}.geojson`), JSON.stringify(fc));
  }
  return fixtures;
}

const PLACES = [
  ['Покровськ', 'Pokrovsk'],
  ['Костянтинівка', 'Kostiantynivka'],
  ['Часів Яр', 'Chasiv Yar'],
  ['Торецьк', 'Toretsk'],
];

/**
 * The revisions the server lists: one per file (id = the file's number), with
 * made-up notes in both languages, plus, on the last file's day, an earlier
 * revision and a later withdrawn one (status false) that a client must not pick.
 */
export function apiRevisions(): ApiRevision[] {
  const dir = existsSync(RAW) ? RAW : fixtureRevisions();
  const files = readdirSync(dir)
    .filter((f) => /^\d+\.geojson$/.test(f))
    .sort();
  const revisions = files.map((f, i) => {
    const id = Number(f.slice(0, -'.geojson'.length));
    const [uk, en] = PLACES[i % PLACES.length];
    return {
      id,
      createdAt: new Date(id * 1000).toISOString(),
      status: true,
      description: `Ворог просунувся поблизу н.п. ${uk}. Карту оновлено.`,
      descriptionEn: `The enemy advanced near ${en}. The map has been updated.`,
      file: join(dir, f),
    };
  });
  const last = revisions.at(-1)!;
  revisions.push({
    ...last,
    id: last.id - 600,
    createdAt: new Date((last.id - 600) * 1000).toISOString(),
    description: 'Попередня редакція дня.',
    descriptionEn: "The day's earlier revision.",
  });
  revisions.push({
    ...last,
    id: last.id + 600,
    createdAt: new Date((last.id + 600) * 1000).toISOString(),
    status: false,
    description: 'Відкликано.',
    descriptionEn: 'Withdrawn.',
  });
  return revisions.sort((a, b) => a.id - b.id);
}

/** Start the server on 127.0.0.1, port 0 (`extra` adds revisions to the list). */
export async function startApiServer(extra: ApiRevision[] = []): Promise<ApiServer> {
  const revisions = [...apiRevisions(), ...extra].sort((a, b) => a.id - b.id);
  const byId = new Map(revisions.map((r) => [r.id, r]));
  const faults = new Map<string, { kind: Fault; left: number }>();
  const stalled = new Set<ServerResponse>();
  const state = { requests: [] as string[], userAgent: undefined as string | undefined, inFlight: 0, maxInFlight: 0 };

  const takeFault = (key: string): Fault | undefined => {
    const f = faults.get(key);
    if (!f || f.left <= 0) return undefined;
    f.left--;
    return f.kind;
  };

  const send = (res: ServerResponse, body: Buffer, type: string, fault: Fault | undefined): void => {
    if (fault === '500') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    } else if (fault === 'truncated') {
      res.writeHead(200, { 'content-type': type, 'content-length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    } else if (fault === 'stall') {
      res.writeHead(200, { 'content-type': type, 'content-length': body.length });
      res.flushHeaders();
      stalled.add(res);
      // Bounded: a client that never gives up is cut off after a minute.
      setTimeout(() => res.socket?.destroy(), 60_000).unref();
    } else if (fault === 'slow') {
      setTimeout(() => send(res, body, type, undefined), 100);
    } else res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body);
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    state.requests.push(path);
    state.userAgent = req.headers['user-agent'];
    state.maxInFlight = Math.max(state.maxInFlight, ++state.inFlight);
    res.on('close', () => state.inFlight--);
    if (state.requests.length > 10_000 || req.method !== 'GET') return void res.writeHead(503).end();
    if (path.endsWith('/public')) {
      const fault = takeFault('public');
      const list = revisions.map(({ file: _file, ...r }) => r);
      const body =
        fault === 'not-json'
          ? '<html>maintenance</html>'
          : fault === 'not-array'
            ? JSON.stringify({ revisions: list })
            : JSON.stringify(list);
      return send(
        res,
        Buffer.from(body),
        'application/json',
        fault === 'not-json' || fault === 'not-array' ? undefined : fault,
      );
    }
    const m = /\/(\d+)\/geojson$/.exec(path);
    const rev = m ? byId.get(Number(m[1])) : undefined;
    if (!rev) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    send(res, readFileSync(rev.file), 'application/json', takeFault(String(rev.id)));
  });
  server.maxConnections = 32;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}/api/history`,
    port,
    revisions,
    get requests() {
      return state.requests;
    },
    get userAgent() {
      return state.userAgent;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    fault(key, kind, times = Infinity) {
      faults.set(String(key), { kind, left: times });
    },
    reset() {
      faults.clear();
      state.requests.length = 0;
      state.maxInFlight = state.inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
