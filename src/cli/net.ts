// Over 300 lines: one HTTP client (options from the environment, one request with its timeouts and size cap, the retry loop) whose parts are read together.
/**
 * A polite HTTP client for the CLI (DeepStateMap's API, `ingest --source URL`):
 * one request at a time, a User-Agent that names the project, a connect and a
 * total timeout, retries with exponential back-off on server errors, resets
 * and timeouts, and a size cap read as a stream. Built on node:http rather than
 * fetch because fetch has no connect timeout and buffers before a cap applies.
 *
 * Every message names URLs through `redactUrl`: a user's `user:pass@` or
 * `?token=` must never reach a terminal, a log or the manifest.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { InputError } from '../lib/engine/errors';
import { PROJECT_ROOT } from './boundaries';

/** A URL without credentials, query or fragment: what messages and the manifest show. */
export function redactUrl(url: string | URL): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return u.protocol === 'http:' || u.protocol === 'https:' || u.host
      ? `${u.protocol}//${u.host}${u.pathname}`
      : `${u.protocol}${u.pathname}`;
  } catch {
    // Not parseable: cut what could be secret by shape alone.
    return String(url)
      .replace(/\/\/[^/@\s]*@/, '//')
      .replace(/[?#].*$/, '');
  }
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** The text with every URL in it redacted (for messages that quote others' errors). */
export function redactUrls(text: string): string {
  return text.replace(URL_IN_TEXT, (u) => redactUrl(u));
}

/**
 * Timeouts, retries and the size cap of the HTTP client (FRONTLINE_HTTP_* in the environment).
 */
export interface HttpOptions {
  /** Until the TCP (and TLS) connection is up. */
  connectTimeoutMs: number;
  /** Until the whole body has arrived, per try: a stalled body ends here. */
  totalTimeoutMs: number;
  /** Tries in all (1 = no retry). */
  tries: number;
  /** Wait before the second try; doubled for each further one. */
  backoffMs: number;
  /** Largest body accepted (after decompression). */
  maxBytes: number;
  userAgent: string;
}

let version: string | undefined;
function packageVersion(): string {
  if (version === undefined) {
    try {
      version = String(
        (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0',
      );
    } catch {
      version = '0';
    }
  }
  return version;
}

/**
 * The User-Agent of every request: the project's name, version and address, so a server can tell who asks.
 */
export function userAgent(): string {
  return `frontline-scenarios/${packageVersion()} (+https://github.com/frontline-scenarios)`;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min)
    throw new InputError(`$${name}`, `must be a number of at least ${min}, not "${raw}"`);
  return n;
}

/**
 * Defaults (15 s to connect, 120 s in all, 3 tries from 1 s back-off, 50 MB),
 * each overridable by an environment variable: FRONTLINE_HTTP_TIMEOUT_S,
 * FRONTLINE_HTTP_CONNECT_TIMEOUT_S, FRONTLINE_HTTP_TRIES,
 * FRONTLINE_HTTP_BACKOFF_S, FRONTLINE_HTTP_MAX_MB.
 */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HttpOptions {
  const total = envNumber(env, 'FRONTLINE_HTTP_TIMEOUT_S', 120, 0.01) * 1000;
  return {
    totalTimeoutMs: total,
    connectTimeoutMs: Math.min(total, envNumber(env, 'FRONTLINE_HTTP_CONNECT_TIMEOUT_S', 15, 0.01) * 1000),
    tries: Math.floor(envNumber(env, 'FRONTLINE_HTTP_TRIES', 3, 1)),
    backoffMs: envNumber(env, 'FRONTLINE_HTTP_BACKOFF_S', 1, 0) * 1000,
    maxBytes: envNumber(env, 'FRONTLINE_HTTP_MAX_MB', 50, 0.001) * 1e6,
    userAgent: userAgent(),
  };
}

/** A download that failed; `what` is the redacted URL. */
export class HttpError extends InputError {
  constructor(
    url: string | URL,
    message: string,
    readonly status?: number,
  ) {
    super(redactUrl(url), redactUrls(message));
    this.name = 'HttpError';
  }
}

/** One try's failure, and whether another try could go better. */
class Failure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

type Reply = { body: Buffer } | { redirect: string };

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
  'ENETRESET',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

function failureOf(e: Error): Failure {
  if (e instanceof Failure) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new Failure(e.message || code, RETRYABLE_CODES.has(code));
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

function retryAfter(res: IncomingMessage): number | undefined {
  const h = res.headers['retry-after'];
  const s = Number(h);
  // Honoured up to a minute: a server asking for more is better retried by the user later.
  return h !== undefined && Number.isFinite(s) && s >= 0 ? Math.min(s, 60) * 1000 : undefined;
}

/** One try: a request, its redirect or its whole body, within the timeouts and the cap. */
function once(url: URL, o: HttpOptions): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    let body: Readable | undefined;
    const finish = (err: Failure | undefined, reply?: Reply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      if (err) {
        body?.destroy();
        req.destroy();
        reject(err);
      } else resolve(reply!);
    };
    const totalTimer = setTimeout(
      () => finish(new Failure(`no complete response within ${seconds(o.totalTimeoutMs)}`, true)),
      o.totalTimeoutMs,
    );
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(
      url,
      {
        headers: {
          'User-Agent': o.userAgent,
          Accept: 'application/json, application/geo+json;q=0.9, */*;q=0.1',
          'Accept-Encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return finish(undefined, { redirect: new URL(res.headers.location, url).href });
        }
        if (status >= 400 || status < 200) {
          res.resume();
          return finish(
            new Failure(
              `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
              status >= 500 || status === 429,
              status,
              retryAfter(res),
            ),
          );
        }
        const tooLarge = (): Failure =>
          new Failure(
            `larger than the ${o.maxBytes >= 1e6 ? `${Math.round(o.maxBytes / 1e5) / 10} MB` : `${o.maxBytes} bytes`} cap`,
            false,
          );
        if (Number(res.headers['content-length']) > o.maxBytes) return finish(tooLarge());
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
        const decoder =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? createGunzip()
            : encoding === 'deflate'
              ? createInflate()
              : encoding === 'br'
                ? createBrotliDecompress()
                : undefined;
        body = decoder ? res.pipe(decoder) : res;
        if (decoder)
          decoder.on('error', (e) =>
            finish(new Failure(`could not decompress the body (${encoding}): ${e.message}`, true)),
          );
        const chunks: Buffer[] = [];
        let size = 0;
        body.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) finish(tooLarge());
          else chunks.push(chunk);
        });
        const truncated = (): Failure => new Failure('the connection closed before the body was complete', true);
        body.on('end', () => (res.complete ? finish(undefined, { body: Buffer.concat(chunks) }) : finish(truncated())));
        res.on('error', (e) => finish(res.complete ? failureOf(e) : truncated()));
        res.on('close', () => {
          if (!res.complete) finish(truncated());
        });
      },
    );
    req.on('socket', (socket) => {
      // A kept-alive socket is connected already; a new one must connect in time.
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () => finish(new Failure(`could not connect within ${seconds(o.connectTimeoutMs)}`, true)),
        o.connectTimeoutMs,
      );
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (e) => finish(failureOf(e)));
    req.end();
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The polite client. Requests made through one client never overlap. */
export class HttpClient {
  readonly options: HttpOptions;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...httpOptionsFromEnv(), ...options };
  }

  /** The body of `url` (http or https), after redirects and retries; an HttpError names the redacted URL. */
  get(url: string | URL): Promise<Buffer> {
    const task = this.queue.then(
      () => this.fetch(url),
      () => this.fetch(url),
    );
    this.queue = task.catch(() => undefined);
    return task;
  }

  async getText(url: string | URL): Promise<string> {
    return (await this.get(url)).toString('utf8');
  }

  private async fetch(start: string | URL): Promise<Buffer> {
    let url = parseHttpUrl(start);
    let redirects = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await once(url, this.options);
        if ('body' in reply) return reply.body;
        if (++redirects > 5) throw new HttpError(start, 'more than 5 redirects');
        url = parseHttpUrl(reply.redirect);
        attempt = 0; // a redirect is not a failed try
        continue;
      } catch (e) {
        if (e instanceof HttpError) throw e;
        const f = failureOf(e as Error);
        if (!f.retryable || attempt >= this.options.tries) {
          const tries = attempt > 1 ? ` (${attempt} tries)` : '';
          throw new HttpError(url, `download failed: ${f.message}${tries}`, f.status);
        }
        await sleep(Math.max(this.options.backoffMs * 2 ** (attempt - 1), f.retryAfterMs ?? 0));
      }
    }
  }
}

/** An http(s) URL, or an HttpError naming it (redacted) and what is wrong. */
export function parseHttpUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(value) : value;
  } catch {
    throw new HttpError(value, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HttpError(url, `only http and https URLs are supported, not ${url.protocol}`);
  return url;
}
