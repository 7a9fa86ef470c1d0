/**
 * "Bring your own line": a GeoJSON file of occupied territory that a reader
 * drops on the page becomes a snapshot like the others, for every scenario.
 * It goes through the engine exactly as `frontline ingest --source FILE`
 * does (parseSnapshot, the overlay on the data folder's own boundaries,
 * snapshotFeatures), so the page and the CLI give the same figures for it.
 */
import type { SnapshotEntry } from '../datafolder/manifest';
import { InputError } from '../engine/errors';
import { landOf, Overlayer, type RegionOverlay } from '../engine/overlay';
import { regionsFromGeoJSON, type Region } from '../engine/regions';
import { dateFromName, parseSnapshot } from '../engine/snapshot';
import { snapshotFeatures } from '../engine/snapshotFeatures';
import { shownName } from '../text/safeText';
import { dateFromProperties } from './uploadDate';
import { loadDatasetRegions, loadNeighbours, type FC } from './data';

/** Files larger than this are refused before reading (DeepState's daily files are ~0.5 MB, raw ones ~3 MB). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface Upload {
  /** The file's name, as the reader's computer has it. */
  name: string;
  entry: SnapshotEntry;
  overlays: RegionOverlay[];
  /** The features a snapshot file holds (occupied, contested, line of contact, map pieces). */
  fc: FC;
  /** Whether the file's name gives its date; if not, the page asks the reader for one (see `redated`). */
  named: boolean;
  /** The date the file's own properties give (dateFromProperties), if any: the date prompt offers it. */
  suggested: string | null;
  /** The reader left it undated: it is shown on the date the page showed, and the page says "undated". */
  undated: boolean;
}

let regions: Promise<Region[]> | null = null;
let overlayer: Overlayer | null = null;

/** The data folder's boundaries (the ones its figures use), fetched once. */
function loadRegions(): Promise<Region[]> {
  if (!regions) {
    regions = loadDatasetRegions().then((fc) => regionsFromGeoJSON(fc, 'regions.geojson'));
    regions.catch(() => (regions = null));
  }
  return regions;
}

/**
 * Read and compute a reader's file. `today` dates a file whose name has no
 * date until the reader chooses one (`redated`). Throws one Error whose message names the file and what is wrong.
 */
export async function readUpload(
  file: { name: string; size: number; text(): Promise<string> },
  today: string,
): Promise<Upload> {
  const name = shownName(file.name);
  if (file.size > MAX_UPLOAD_BYTES) {
    const detail = { mb: Math.round(file.size / 1e6), limit: MAX_UPLOAD_BYTES / 1024 / 1024 };
    throw new InputError(name, `is ${detail.mb} MB; the limit is ${detail.limit} MB`, 'too-large', detail);
  }
  const text = await file.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(name, `is not valid GeoJSON (${(e as Error).message})`, 'not-json', {
      detail: (e as Error).message,
    });
  }
  const named = Boolean(dateFromName(name));
  const snap = parseSnapshot(json, name, named ? undefined : today);
  if (snap.occupied.length === 0)
    throw new InputError(
      name,
      'has no occupied territory (no polygons outside the liberated and grey-zone layers)',
      'no-occupied',
    );
  const [rs, neighbours] = await Promise.all([loadRegions(), loadNeighbours()]);
  // With the neighbours' land, as ingest's overlayer has it (src/cli/boundaries.ts overlayerFor): the same figures for the same file.
  overlayer ??= new Overlayer(rs, landOf(neighbours));
  const { overlays, features } = snapshotFeatures(rs, overlayer, snap, name);
  if (overlays.every((o) => o.occupied_km2 + o.contested_km2 === 0))
    throw new InputError(
      name,
      'lies outside Ukraine (none of its polygons overlaps a region of Ukraine)',
      'outside-ukraine',
    );
  const entry: SnapshotEntry = {
    id: `upload-${snap.date}`,
    date: snap.date,
    kind: snap.kind,
    source: name,
    source_sha256: '',
    layers: snap.layers,
  };
  const fc = { type: 'FeatureCollection', features } as FC;
  return { name, entry, overlays, fc, named, suggested: named ? null : dateFromProperties(json), undated: false };
}

/**
 * The same file on another date (the one the reader chose, or the page's own
 * date when `undated`): its entry and its features' `date` change, the
 * figures do not (they do not depend on the date).
 */
export function redated(upload: Upload, date: string, undated: boolean): Upload {
  const features = upload.fc.features.map((f) => ({ ...f, properties: { ...f.properties, date } }));
  const entry = { ...upload.entry, id: `upload-${date}`, date };
  return { ...upload, entry, fc: { ...upload.fc, features } as FC, undated };
}
