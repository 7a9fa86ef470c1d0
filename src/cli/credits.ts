/**
 * CREDITS.md, which ingest writes into every data folder: who made the data
 * in it and under what terms, so that a folder copied or published on its own
 * (the built-in set in the repository, a site's data/) still says so.
 */
import type { Manifest } from '../lib/datafolder/manifest';
import type { PlacesFile } from '../lib/engine/places';
import { GENERATOR, MINREGION_CREDIT, SOURCE_NAME } from '../lib/datafolder/provenance';

/** The file's name in a data folder. */
export const CREDITS_FILE = 'CREDITS.md';

/** The text of CREDITS.md for a data folder's manifest and towns. */
export function creditsText(manifest: Manifest, places: PlacesFile): string {
  const dates = manifest.snapshots.map((s) => s.date).sort();
  const kinds = (k: string): number => manifest.snapshots.filter((s) => s.kind === k).length;
  const b = manifest.boundaries;
  return [
    '# Credits for this data folder',
    '',
    `Made by ${GENERATOR.name} ${GENERATOR.version} (\`frontline ingest\` / \`frontline update\`): ${manifest.snapshots.length} snapshots, ${dates[0] ?? '-'} to ${dates.at(-1) ?? '-'} (${kinds('daily')} daily, ${kinds('raw')} raw layer files).`,
    '',
    `- **Control of territory: ${SOURCE_NAME}** (deepstatemap.live). Daily files via the public archive`,
    '  github.com/cyterat/deepstate-map-data, raw layers via github.com/DanielRose2310/deepstatemaps-history',
    `  and ${SOURCE_NAME}'s API. Credit "${SOURCE_NAME}" wherever these figures or maps are shown.`,
    `- **Boundaries: ${b.attribution ?? b.name}** (\`${b.name}\`, sha256 ${b.sha256.slice(0, 12)}…).` +
      (b.attribution === MINREGION_CREDIT
        ? ' Oblast boundaries of the Ministry for Communities and Territories Development of Ukraine, CC BY-SA (see data/boundaries/LICENSE-minregion.md).'
        : ''),
    `- **Towns: ${places.source.name}** (${places.source.licence}, ${places.source.url}), via the npm package ${places.source.package}.`,
    "- **Neighbouring countries: Natural Earth** (public domain), for the map's backdrop and to tell a land border from the coast.",
    '',
  ].join('\n');
}
