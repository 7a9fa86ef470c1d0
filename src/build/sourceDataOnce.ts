/**
 * A build-time fix to svelte-maplibre-gl 2.2's RawSource (behind its
 * GeoJSONSource): once the source is added, its effects run again because
 * `source` changed, and they call `setData` with the data the source was just
 * created with, and `setClusterOptions`, which reloads it as well. Each is a
 * full pass through MapLibre's one worker on two cores, so every GeoJSON
 * source of the map was parsed and tiled up to three times before the first
 * idle. The patched component remembers what it sent and sends only a change.
 * Measured (median of 5, alternating, same build otherwise): first idle
 * 6,281 → 5,746 ms.
 *
 * Each replacement must match exactly once: an upgrade that changes the file
 * stops the build with a message, rather than silently dropping the fix.
 */
import type { Plugin } from 'vite';

const FILE = '/node_modules/svelte-maplibre-gl/dist/sources/RawSource.svelte';

/** [what the library has, what it becomes]. */
const REPLACEMENTS: [string, string][] = [
  [
    `\tlet firstRun = true;`,
    `\tlet firstRun = true;\n\t// What the map's source was last given (frontline-scenarios' build fix, src/build/sourceDataOnce.ts).\n\tlet sent = { data: undefined as unknown, cluster: '' };\n\tconst clusterOf = (s: { cluster?: unknown; clusterMaxZoom?: unknown; clusterRadius?: unknown }) => [s.cluster, s.clusterMaxZoom, s.clusterRadius].join();`,
  ],
  [
    `\t\tmapCtx.addSource(id, $state.snapshot(spec) as Specs);`,
    `\t\tif (spec.type === 'geojson') sent = { data: spec.data, cluster: clusterOf(spec) };\n\t\tmapCtx.addSource(id, $state.snapshot(spec) as Specs);`,
  ],
  [
    `\t\t\tspec.data;\n\t\t\tif (!firstRun) {`,
    `\t\t\tspec.data;\n\t\t\tif (!firstRun && spec.data !== sent.data) {\n\t\t\t\tsent.data = spec.data;`,
  ],
  [
    `\t\t\tspec.clusterRadius;\n\t\t\tif (!firstRun) {`,
    `\t\t\tspec.clusterRadius;\n\t\t\tif (!firstRun && clusterOf(spec) !== sent.cluster) {\n\t\t\t\tsent.cluster = clusterOf(spec);`,
  ],
];

/** Apply REPLACEMENTS to the component's source; throws, naming the first that does not match once. */
export function patchRawSource(code: string): string {
  return REPLACEMENTS.reduce((text, [from, to]) => {
    const count = text.split(from).length - 1;
    if (count !== 1)
      throw new Error(
        `svelte-maplibre-gl's RawSource.svelte has changed (${JSON.stringify(from.trim())} found ${count} times): ` +
          'update src/build/sourceDataOnce.ts for the new version, or remove it if the library sends data once',
      );
    return text.replace(from, to);
  }, code);
}

/** The Vite plugin: before Svelte compiles it, RawSource.svelte sends a GeoJSON source's data only when it changes. */
export function sourceDataOnce(): Plugin {
  return {
    name: 'frontline-source-data-once',
    enforce: 'pre',
    transform(code, id) {
      return id.split('?')[0].endsWith(FILE) ? { code: patchRawSource(code), map: null } : undefined;
    },
  };
}
