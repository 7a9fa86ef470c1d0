/**
 * Derive data/boundaries/ukraine-minregion.geojson, the default boundaries,
 * from Minregion's high-resolution oblast boundaries (2020; CC BY-SA, credit
 * "© Minregion"), mirrored at github.com/justinelliotmeyers/Ukraine_2020.
 * Run once; the result is committed so that a fresh clone computes on these
 * boundaries with no download:
 *
 *   npm install --no-save mapshaper@0.7.70
 *   npx tsx data/boundaries/minregion.ts ../shared/data/boundaries/ukraine-oblasts-2020.geojson
 *
 * mapshaper simplifies the shared borders once for both neighbours
 * (topology-aware), so the simplified units still tile Ukraine with no gap or
 * overlap. At a 200 m interval every unit's area stays within 0.1 % of the
 * full file (test/boundaries.test.ts checks ≤ 0.3 % when the full file is
 * there); the file is 1/7 of the size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { matchRegion, regionsFromGeoJSON } from '../../src/lib/engine/regions';
import { REGIONS } from '../../src/lib/engine/regionMeta';

/** Simplification interval in metres (Douglas–Peucker on the ellipsoid, as mapshaper measures it). */
export const INTERVAL_M = 200;

const input = process.argv[2] ?? '../shared/data/boundaries/ukraine-oblasts-2020.geojson';
const OUT = 'data/boundaries/ukraine-minregion.geojson';

// mapshaper is not a dependency (installed for this script only); its API takes and returns files in memory.
const mapshaper = createRequire(import.meta.url)('mapshaper') as {
  applyCommands(cmd: string, input: Record<string, string>): Promise<Record<string, string>>;
};
const text = readFileSync(input, 'utf8');
const out = await mapshaper.applyCommands(
  `-i in.geojson -simplify interval=${INTERVAL_M} keep-shapes -o out.geojson precision=0.00001 format=geojson`,
  { 'in.geojson': text },
);
const simplified = JSON.parse(String(out['out.geojson'])) as {
  features: { properties: Record<string, unknown>; geometry: unknown }[];
};

// Give each unit its ISO 3166-2:UA id and both names (the file has Ukrainian names only), in the project's order.
const byId = new Map(simplified.features.map((f) => [matchRegion(String(f.properties.ADMIN_1)), f.geometry]));
const features = REGIONS.map((m) => ({
  type: 'Feature',
  properties: { id: m.id, name_en: m.name_en, name_uk: m.name_uk },
  geometry: byId.get(m.id),
}));
// Fails with a message naming the unit when one is missing or broken.
regionsFromGeoJSON({ type: 'FeatureCollection', features }, OUT);
writeFileSync(
  OUT,
  JSON.stringify({
    type: 'FeatureCollection',
    name: 'ukraine-minregion',
    source: `Minregion (atu.decentralization.gov.ua), oblast boundaries 2020, CC BY-SA, via github.com/justinelliotmeyers/Ukraine_2020; simplified at ${INTERVAL_M} m by data/boundaries/minregion.ts (mapshaper)`,
    attribution: '© Minregion',
    features,
  }) + '\n',
);
console.error(`wrote ${OUT}: ${features.length} regions`);
