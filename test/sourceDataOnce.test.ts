/**
 * The build's fix to svelte-maplibre-gl's RawSource (src/build/sourceDataOnce.ts)
 * applies to the installed version, and refuses a file it does not know.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchRawSource } from '../src/build/sourceDataOnce';
import { ROOT } from './helpers/paths';

const original = readFileSync(
  join(ROOT, 'node_modules', 'svelte-maplibre-gl', 'dist', 'sources', 'RawSource.svelte'),
  'utf8',
);

describe('sourceDataOnce', () => {
  it('guards both of the effects that resend a GeoJSON source', () => {
    const patched = patchRawSource(original);
    expect(patched).toContain('spec.data !== sent.data');
    expect(patched).toContain('clusterOf(spec) !== sent.cluster');
    // Everything else is the library's own: only lines are added or extended.
    for (const line of original.split('\n').filter((l) => !l.includes('if (!firstRun) {')))
      expect(patched).toContain(line);
  });

  it('stops the build with a message when the library file has changed', () => {
    expect(() => patchRawSource(original.replace('mapCtx.addSource(id,', 'mapCtx.addSourceLater(id,'))).toThrow(
      /RawSource\.svelte has changed .*update src\/build\/sourceDataOnce\.ts/,
    );
  });
});
