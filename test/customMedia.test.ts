/**
 * The named media queries (src/lib/state/breakpoints.ts): the build writes each `@media (--name)` as its query,
 * leaves `var(--x)` alone, and stops on a name it does not know.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CUSTOM_MEDIA } from '../src/lib/state/breakpoints';
import { expandCustomMedia } from '../src/build/vitePlugins';
import { ROOT } from './helpers/paths';

describe('custom media queries', () => {
  it('writes the query in a media rule and nowhere else', () => {
    const css =
      '@media (--phone) and (orientation: portrait) { .a { color: var(--fg); } }\n.b { color: var(--phone); }';
    expect(expandCustomMedia(css, 'x.css')).toBe(
      `@media ${CUSTOM_MEDIA['--phone']} and (orientation: portrait) { .a { color: var(--fg); } }\n.b { color: var(--phone); }`,
    );
    expect(CUSTOM_MEDIA['--phone']).toMatch(/^\(max-width: \d+px\)$/);
  });

  it('reads @container and spaces inside the brackets, and leaves comments alone', () => {
    expect(expandCustomMedia('/* @media (--tablet) */ @container card ( --narrow ) { }', 'x.css')).toBe(
      `/* @media (--tablet) */ @container card ${CUSTOM_MEDIA['--narrow']} { }`,
    );
  });

  it('names the file and the unknown query', () => {
    expect(() => expandCustomMedia('@media (--tablet) { }', 'src/x.svelte')).toThrow(
      'src/x.svelte: unknown media query (--tablet) (known: --phone, --narrow)',
    );
  });

  it('the page writes the widths only through the names', () => {
    const dir = join(ROOT, 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(css|svelte|ts)$/.test(f));
    const text = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect([...text.values()].filter((t) => t.includes('@media (--phone)')).length).toBeGreaterThanOrEqual(4);
    expect([...text.values()].filter((t) => t.includes("CUSTOM_MEDIA['--narrow']")).length).toBeGreaterThanOrEqual(1);
    // The names' own module, and the build that expands them (its doc example shows a width), may write one.
    const own = (f: string): boolean => f === join('lib', 'state', 'breakpoints.ts') || f.startsWith('build');
    const literal = [...text]
      .filter(([f, t]) => !own(f) && /(matchMedia\?*\.?\(\s*['"`]|@media)[^{]*?\d+px/.test(t))
      .map(([f]) => f);
    expect(literal).toEqual([]);
  });
});
