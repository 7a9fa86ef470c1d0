/** Loading the boundaries in use: the built-in set or --boundaries FILE. */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regionsFromGeoJSON, type Region } from '../lib/geo/regions';
import { parseJson, readFileText, sha256 } from './io';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Minregion's boundaries, simplified (data/boundaries/minregion.ts made them; © Minregion, CC BY-SA). */
export const DEFAULT_BOUNDARIES = join(PROJECT_ROOT, 'data', 'boundaries', 'ukraine-minregion.geojson');
/** Natural Earth's coarser units, for `--boundaries` (data/boundaries/derive.ts made them). */
export const NATURAL_EARTH_BOUNDARIES = join(PROJECT_ROOT, 'data', 'boundaries', 'ukraine-ne10m.geojson');

export interface Boundaries {
  name: string;
  sha256: string;
  /** The credit the file's licence asks for, from its top-level `attribution` member (e.g. "© Minregion"). */
  attribution?: string;
  regions: Region[];
}

export function loadBoundaries(file: string | undefined): Boundaries {
  const path = file ?? DEFAULT_BOUNDARIES;
  const what = file ?? 'built-in boundaries';
  const text = readFileText(path, what);
  const fc = parseJson(text, what);
  const attribution = (fc as { attribution?: unknown } | null)?.attribution;
  return { name: basename(path), sha256: sha256(text), ...(typeof attribution === 'string' ? { attribution } : {}), regions: regionsFromGeoJSON(fc, what) };
}
