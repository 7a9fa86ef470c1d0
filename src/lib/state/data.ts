/**
 * Loading the ingested data set in the page. Everything comes from the page's
 * own origin (`<base>data/...`), so the page works offline and no request
 * leaves it.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import builtinBoundariesUrl from '../../../data/boundaries/ukraine-minregion.geojson?url';
import neighboursUrl from '../../../data/boundaries/neighbours-ne10m.geojson?url';
import { DATASET_FORMAT, type Manifest, type Stats } from '../datafolder/manifest';
import { PLACES_FILE, PLACES_FORMAT, type PlacesFile } from '../engine/places';

export type FC = FeatureCollection<Geometry, Record<string, unknown> | null>;

export const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

export class DataMissing extends Error {
  override name = 'DataMissing';
}

async function getJson<T>(url: string, missingOk = false, cache: RequestCache = 'default'): Promise<T | null> {
  const res = await fetch(url, { cache });
  if (res.status === 404 && missingOk) return null;
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  // A dev server answers a missing file with index.html: that is "missing", not "broken".
  if (missingOk && type.includes('text/html')) return null;
  return (await res.json()) as T;
}

export interface Dataset {
  manifest: Manifest;
  stats: Stats;
  regions: FC;
  ordlo: FC | null;
}

/**
 * The ingested data set, or null when there is none. `onManifest` runs as soon
 * as the manifest is in, so the first snapshot can load alongside the rest.
 */
export async function loadDataset(onManifest?: (m: Manifest) => void): Promise<Dataset | null> {
  // Revalidated: after a new ingest, a cached manifest or stats file would not match the other.
  const manifest = await getJson<Manifest>(`${DATA_BASE}manifest.json`, true, 'no-cache');
  if (!manifest) return null;
  onManifest?.(manifest);
  if (manifest.format !== DATASET_FORMAT)
    throw new DataMissing(
      `the data folder has format ${manifest.format}, this page reads ${DATASET_FORMAT}: run ingest again`,
    );
  const [stats, regions, ordlo] = await Promise.all([
    getJson<Stats>(`${DATA_BASE}stats.json`, false, 'no-cache'),
    getJson<FC>(`${DATA_BASE}regions-display.geojson`),
    manifest.ordlo ? getJson<FC>(`${DATA_BASE}${manifest.ordlo.file}`) : Promise.resolve(null),
  ]);
  return { manifest, stats: stats!, regions: regions!, ordlo };
}

export async function loadBuiltinBoundaries(): Promise<unknown> {
  return getJson<unknown>(builtinBoundariesUrl);
}

/** The data folder's own boundaries (the ones its figures were computed on), for a reader's file. */
export async function loadDatasetRegions(): Promise<unknown> {
  return getJson<unknown>(`${DATA_BASE}regions.geojson`);
}

export async function loadNeighbours(): Promise<FC> {
  return (await getJson<FC>(neighboursUrl))!;
}

/** By the boundaries' hash: a re-ingest with other boundaries fetches a new list. */
const placesFiles = new Map<string, Promise<PlacesFile | null>>();

/**
 * The towns of the data folder (places.json, about 25 KB gzipped), fetched
 * once and only when asked for, so it costs the first load nothing. Null when
 * the data folder predates it or was made with other boundaries (then the
 * page lists no towns rather than misplaced ones). Use with
 * `placesChangingHands(scenario, file.places, new ControlIndex(pieces.features))`
 * from lib/engine/places.ts, where `pieces` is the page's collectPieces output.
 */
export function loadPlaces(manifest: Manifest): Promise<PlacesFile | null> {
  const sha = manifest.boundaries.sha256;
  let p = placesFiles.get(sha);
  if (!p) {
    p = getJson<PlacesFile>(`${DATA_BASE}${PLACES_FILE}?v=${sha.slice(0, 12)}`, true).then((file) =>
      file && file.format === PLACES_FORMAT && file.boundaries?.sha256 === sha && Array.isArray(file.places)
        ? file
        : null,
    );
    p.catch(() => placesFiles.delete(sha));
    placesFiles.set(sha, p);
  }
  return p;
}
