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

  it('names the file and the unknown query', () => {
    expect(() => expandCustomMedia('@media (--tablet) { }', 'src/x.svelte')).toThrow(
      'src/x.svelte: unknown media query (--tablet) (known: --phone)',
    );
  });

  it('the page’s stylesheets write the phone width only through the name', () => {
    const dir = join(ROOT, 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(css|svelte)$/.test(f));
    const named = files.filter((f) => readFileSync(join(dir, f), 'utf8').includes('@media (--phone)'));
    expect(named.length).toBeGreaterThanOrEqual(4);
    const width = CUSTOM_MEDIA['--phone'].match(/\d+px/)![0];
    const literal = files.filter((f) => readFileSync(join(dir, f), 'utf8').includes(width));
    expect(literal).toEqual([]);
  });
});
