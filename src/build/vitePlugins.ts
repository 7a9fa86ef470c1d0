/**
 * Build-time helpers for Vite (run in Node, never shipped to the page).
 *
 * - glyphs: copy the Noto Sans glyph PBFs from tileserver-gl-styles into
 *   public/glyphs, so labels render with no request leaving the page's origin.
 * - data: which data set the page shows. $FRONTLINE_DATA when it is set (tests
 *   point it at their own copy), else the user's own public/data when it has
 *   a manifest, else the built-in set in data/builtin. Dev and preview serve
 *   it at /data/; the build copies it into dist/data/ (Vite already copies
 *   public/, so only the other two need copying), and writes the site's
 *   static API from it into dist/api/v1/ (`frontline api`, see README "API").
 * - customMedia: the page's named media queries (`@media (--phone)`) in CSS.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { CUSTOM_MEDIA } from '../lib/state/breakpoints.ts';

/** The glyph folder the map's labels ask for (lib/map/style.ts `FONT`). */
const GLYPHS_FONT = 'Noto Sans Regular';

/**
 * Copies the label font's glyph files into public/glyphs at build and dev start.
 */
export function glyphs(root: string): Plugin {
  const copy = (): void => {
    const pkg = dirname(createRequire(join(root, 'package.json')).resolve('tileserver-gl-styles/package.json'));
    const to = join(root, 'public', 'glyphs', GLYPHS_FONT);
    if (!existsSync(join(to, '0-255.pbf'))) cpSync(join(pkg, 'fonts', GLYPHS_FONT), to, { recursive: true });
  };
  // In `config`, before Vite lists public/: copied later (configureServer), a fresh clone's first
  // `npm start` served index.html for every glyph until the server restarted.
  return {
    name: 'frontline-glyphs',
    config() {
      copy();
    },
  };
}

const TYPES: Record<string, string> = { '.json': 'application/json', '.geojson': 'application/geo+json' };

function serveFrom(dir: string, root: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const [path, query = ''] = (req.url ?? '').split('?');
    // The project's own data/ folder (scenario files, region tables) is imported as modules at the same path
    // (`/data/regions.json?import`): those requests are Vite's, not the page's.
    if (/(^|&)(import|url|raw|worker|inline|direct)(=|&|$)/.test(query)) return next();
    const m = /^\/data\/(.+)$/.exec(decodeURIComponent(path));
    if (!m) return next();
    const file = normalize(join(dir, m[1]));
    if (!file.startsWith(normalize(dir) + sep)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      // One of the project's own data/ files at the same path (a `?url` import's URL in dev) is Vite's to serve;
      // anything else is missing from the data set (a 404, not the page or another data set).
      if (existsSync(join(root, 'data', m[1]))) return next();
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
    res.setHeader('Access-Control-Allow-Origin', '*');
    createReadStream(file).pipe(res);
  };
}

/** The data folder the page shows (see the module comment), and whether it is public/data, which Vite serves itself. */
export function pageDataFolder(root: string): { dir: string; isPublic: boolean } {
  if (process.env.FRONTLINE_DATA) return { dir: process.env.FRONTLINE_DATA, isPublic: false };
  const own = join(root, 'public', 'data');
  if (existsSync(join(own, 'manifest.json'))) return { dir: own, isPublic: true };
  return { dir: join(root, 'data', 'builtin'), isPublic: false };
}

/**
 * Serves the page's data folder at /data/ in dev and preview, and copies it into the build.
 */
export function dataFolder(root: string): Plugin {
  const { dir, isPublic } = pageDataFolder(root);
  let outDir = join(root, 'dist');
  // Vitest runs the plugins too, with a made-up outDir and a closeBundle of its own: only a build copies the data.
  let building = false;
  const which = process.env.FRONTLINE_DATA ? 'env' : isPublic ? 'own' : 'builtin';
  return {
    name: 'frontline-data',
    // The page says which data set it shows (the method panel).
    config: () => ({ define: { __FRONTLINE_DATA_SET__: JSON.stringify(which) } }),
    configResolved(config) {
      // resolve, not join: `vite build --outDir /tmp/x` must write to /tmp/x, not into the project (ROOT/tmp/x).
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build' && !process.env.VITEST;
    },
    configureServer(server) {
      if (!isPublic) server.middlewares.use(serveFrom(dir, root));
    },
    configurePreviewServer(server) {
      // Preview serves dist/, which has the data the build copied; $FRONTLINE_DATA still wins (tests).
      if (process.env.FRONTLINE_DATA) server.middlewares.use(serveFrom(dir, root));
    },
    closeBundle() {
      if (!building) return;
      if (!isPublic) cpSync(dir, join(outDir, 'data'), { recursive: true });
      writeSiteApi(root, dir, join(outDir, 'api', 'v1'));
    },
  };
}

/**
 * The site's API, made by the CLI's own command so that its files are the
 * CLI's output byte for byte. A failure fails the build, with the CLI's one line.
 */
export function writeSiteApi(root: string, data: string, out: string): void {
  const r = spawnSync(process.execPath, [join(root, 'src', 'cli', 'bin.mjs'), 'api', '--out', out, '--data', data], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`the site's API (frontline api) failed: ${r.stderr.trim()}`);
}

/**
 * The Content-Security-Policy the built site ships, as a `<meta http-equiv>`
 * (static hosts cannot all set headers; README.md gives the header form,
 * which can add what a meta tag cannot: frame-ancestors). Only the site's
 * own origin, plus what MapLibre needs: its worker from blob: or data:
 * URLs, images from blob: URLs, data: URLs for images and fonts, inline styles (MapLibre and
 * Svelte transitions set style attributes). Not in dev: Vite's client
 * injects inline scripts there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // data: too: in the sandboxed embed (origin "null") MapLibre can only start its worker from a data: URL of the fetched script.
  "worker-src 'self' blob: data:",
  "child-src 'self' blob: data:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the page's Content-Security-Policy (own origin only) into the built index.html.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'frontline-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * `@media (--name)` in a stylesheet as the query `CUSTOM_MEDIA` names (the draft CSS custom media, which no
 * browser reads yet): the breakpoint's width is written once, for the CSS and for `matchMedia`.
 *
 * @example expandCustomMedia('@media (--phone) { a {} }', 'x.css') // '@media (max-width: 820px) { a {} }'
 */
export function expandCustomMedia(css: string, file: string): string {
  // A comment is left as it is; in the preludes of @media, @import and @container each `(--name)` is expanded.
  return css.replace(/\/\*[\s\S]*?\*\/|@(?:media|import|container)\b[^{;]*/g, (prelude) =>
    prelude.startsWith('/*')
      ? prelude
      : prelude.replace(/\(\s*(--[\w-]+)\s*\)/g, (whole, name: string) => {
          if (!(name in CUSTOM_MEDIA))
            throw new Error(`${file}: unknown media query ${whole} (known: ${Object.keys(CUSTOM_MEDIA).join(', ')})`);
          return CUSTOM_MEDIA[name as keyof typeof CUSTOM_MEDIA];
        }),
  );
}

/** Expands `@media (--name)` in the app's CSS, and in components' styles, before Vite reads them. */
export function customMedia(): Plugin {
  return {
    name: 'frontline-custom-media',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.css($|\?)|[?&]type=style/.test(id)) return null;
      if (!/\(\s*--/.test(code)) return null;
      return { code: expandCustomMedia(code, id.split('?')[0]), map: null };
    },
  };
}
