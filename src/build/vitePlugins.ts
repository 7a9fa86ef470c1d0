/**
 * Build-time helpers for Vite (run in Node, never shipped to the page).
 *
 * - glyphs: copy the Noto Sans glyph PBFs from tileserver-gl-styles into
 *   public/glyphs, so labels render with no request leaving the page's origin.
 * - data: in dev and preview, serve /data/ from $FRONTLINE_DATA when it is set
 *   (tests point it at their own ingested copy); otherwise public/data is used.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

const FONT = 'Noto Sans Regular';

export function glyphs(root: string): Plugin {
  const copy = (): void => {
    const pkg = dirname(createRequire(join(root, 'package.json')).resolve('tileserver-gl-styles/package.json'));
    const to = join(root, 'public', 'glyphs', FONT);
    if (!existsSync(join(to, '0-255.pbf'))) cpSync(join(pkg, 'fonts', FONT), to, { recursive: true });
  };
  return { name: 'frontline-glyphs', buildStart: copy, configureServer: copy, configurePreviewServer: copy };
}

const TYPES: Record<string, string> = { '.json': 'application/json', '.geojson': 'application/geo+json' };

function serveFrom(dir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    const m = /\/data\/(.+)$/.exec(url);
    if (!m) return next();
    const file = normalize(join(dir, m[1]));
    if (!file.startsWith(normalize(dir) + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream');
    res.setHeader('Access-Control-Allow-Origin', '*');
    createReadStream(file).pipe(res);
  };
}

export function dataFolder(): Plugin {
  const dir = process.env.FRONTLINE_DATA;
  return {
    name: 'frontline-data',
    configureServer(server) {
      if (dir) server.middlewares.use(serveFrom(dir));
    },
    configurePreviewServer(server) {
      if (dir) server.middlewares.use(serveFrom(dir));
    },
  };
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

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'frontline-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}
