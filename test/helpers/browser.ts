/**
 * Real Chromium for end-to-end tests and the bench: Debian's chromium driven
 * by playwright-core, against `vite preview` of the built app. The data folder
 * is served from $FRONTLINE_DATA (see src/build/vitePlugins.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { ROOT } from './paths';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium 156 preloads its omnibox popup's web UI (chrome://omnibox-popup.top-chrome) in a renderer of its own,
  // even headless: about 2 s of CPU at start on a 2-core machine, taken from the page being timed.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** How long a build may hold the lock before another process takes it as abandoned. */
const BUILD_LOCK_STALE_MS = 10 * 60_000;

/**
 * Build the app once per test run: every browser test file calls this, and
 * each runs in its own process, so the first builds (under a lock, while the
 * others wait) and stamps dist/ with the run's id (FRONTLINE_RUN, set by
 * test/globalSetup.ts); the rest find the stamp and reuse dist/. Outside a
 * test run (the bench) it builds every time; FRONTLINE_SKIP_BUILD reuses any dist/.
 */
export function buildApp(): void {
  const dist = join(ROOT, 'dist');
  if (process.env.FRONTLINE_SKIP_BUILD && existsSync(join(dist, 'index.html'))) return;
  const run = process.env.FRONTLINE_RUN;
  const stamp = join(dist, '.frontline-run');
  const built = (): boolean => Boolean(run) && existsSync(stamp) && readFileSync(stamp, 'utf8') === run;
  if (built()) return;
  const lock = join(ROOT, 'test', 'artifacts', 'build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // not another builder's lock: say so
      const held = statSync(lock, { throwIfNoEntry: false });
      if (!held) continue; // released in between: try again at once
      if (Date.now() - held.mtimeMs > BUILD_LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (built()) return;
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`vite build failed: ${r.stderr}`);
    if (run) writeFileSync(stamp, run);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Preview {
  url: string;
  stop(): Promise<void>;
}

/** `vite preview` of dist/ on a free port, serving /data/ from `dataDir`. */
export async function startPreview(dataDir: string): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, FRONTLINE_DATA: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Chromium with a fresh profile folder (playwright takes it as the persistent
 * context's folder). `options` for a phone: `{ viewport, hasTouch: true, isMobile: true }`.
 */
export async function launch(
  options: {
    viewport?: { width: number; height: number };
    hasTouch?: boolean;
    isMobile?: boolean;
    locale?: string;
  } = {},
): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`);
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'frontline-chromium-')), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
}

/** What a page did that a test must know: console errors and requests to other origins. */
export interface PageLog {
  errors: string[];
  /** Warnings, less the software renderer's own ("GPU stall due to ReadPixels" when a test reads pixels). */
  warnings: string[];
  foreign: string[];
}

export function watch(page: Page, origin: string): PageLog {
  const log: PageLog = { errors: [], warnings: [], foreign: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning' && !/GL Driver Message|GPU stall/.test(m.text())) log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) log.foreign.push(u);
  });
  return log;
}

/** The date most browser tests look at (the US draft's): the page opens on the newest date unless a link names one. */
export const REFERENCE_DATE = '2025-11-20';

/** A page query (`?a=b…#hash`, or '') with `date=` REFERENCE_DATE added when it names no date. */
export function withDate(query: string): string {
  const [path, hash = ''] = query.split('#');
  if (/[?&]date=/.test(path)) return query;
  return `${path}${path.includes('?') ? '&' : '?'}date=${REFERENCE_DATE}${hash ? `#${hash}` : ''}`;
}

/**
 * The Embed dialog's snippet, once the dialog shows it. The dialog waits for the map's first view
 * before it opens, and its (hidden) code box is empty until then: read it only when it is visible.
 */
export async function embedCode(page: Page, timeout = 60_000): Promise<string> {
  const box = page.getByTestId('embed-code');
  await box.waitFor({ state: 'visible', timeout });
  return box.inputValue();
}

/** Wait until the map has drawn the given scenario and date (on a page, or in an embed's frame). */
export async function waitForIdle(
  page: Page | Frame,
  scenario: string,
  date = REFERENCE_DATE,
  timeout = 60_000,
): Promise<void> {
  await page.waitForFunction((want) => document.body.dataset.mapIdle === want, `${scenario}|${date}`, { timeout });
}

/** Screen position of a longitude/latitude on the page's map. */
export async function project(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lo, la]) => {
      const map = (
        window as unknown as {
          frontline: {
            map: { project(c: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement };
          };
        }
      ).frontline.map;
      const p = map.project([lo, la]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: p.x + r.left, y: p.y + r.top };
    },
    [lon, lat] as [number, number],
  );
}

export function decodePng(buf: Buffer): PNG {
  return PNG.sync.read(buf);
}

/** Mean RGB in a (2r+1)² square around a point of a decoded screenshot. */
export function colourAt(png: PNG, x: number, y: number, r = 2): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) {
      const i = ((Math.round(y) + dy) * png.width + (Math.round(x) + dx)) * 4;
      for (let c = 0; c < 3; c++) sum[c] += png.data[i + c];
      n++;
    }
  return sum.map((s) => s / n) as [number, number, number];
}

/** How many pixels of two same-sized images differ by more than `threshold` in R+G+B (antialiasing stays under 30). */
export function pixelsDiffering(a: { data: Uint8Array }, b: { data: Uint8Array }, threshold = 30): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d =
      Math.abs(a.data[i] - b.data[i]) +
      Math.abs(a.data[i + 1] - b.data[i + 1]) +
      Math.abs(a.data[i + 2] - b.data[i + 2]);
    if (d > threshold) n++;
  }
  return n;
}
