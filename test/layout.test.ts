/**
 * The code's own rules (README "Layout"), checked on the tree: a module over
 * 300 lines says why at its top, every component has an `@component` header,
 * every export of lib/engine has a doc comment with an `@example`, and
 * App.svelte is composition only (≤ 200 lines).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths';

const SRC = join(ROOT, 'src');

/** Every file below a folder whose name ends in one of the suffixes (tests left out). */
function filesUnder(dir: string, suffixes: string[]): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => suffixes.some((s) => f.endsWith(s)) && !/\.test\.ts$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n');

describe('the layout rules', () => {
  it('a module over 300 lines gives its reason in its first lines', () => {
    const long = filesUnder(SRC, ['.ts', '.svelte']).filter((f) => lines(f).length > 301);
    expect(long.length).toBeGreaterThan(0); // the check reads real files
    const unexplained = long.filter(
      (f) =>
        !lines(f)
          .slice(0, 4)
          .some((l) => /Over 300 lines: \S/.test(l)),
    );
    expect(unexplained.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('every component opens with an @component header', () => {
    const components = filesUnder(join(SRC, 'lib', 'components'), ['.svelte']);
    expect(components.length).toBeGreaterThan(20);
    const bare = components.filter((f) => !/^<!--\s*\n\s*@component\n/.test(readFileSync(f, 'utf8')));
    expect(bare.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('every export of lib/engine has a doc comment with an @example', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of filesUnder(join(SRC, 'lib', 'engine'), ['.ts'])) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^export (?:async )?(?:function|const|class|interface|type|enum) (\w+)/gm)) {
        seen++;
        const before = text.slice(0, m.index).trimEnd();
        const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
        // Types and interfaces need a doc comment; what runs needs an example of its use too.
        const runs = !/^export (interface|type) /.test(m[0]);
        if (!doc || (runs && !doc.includes('@example'))) missing.push(`${relative(ROOT, file)}: ${m[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('App.svelte is composition only: at most 200 lines', () => {
    expect(lines(join(SRC, 'App.svelte')).length).toBeLessThanOrEqual(201);
  });
});
