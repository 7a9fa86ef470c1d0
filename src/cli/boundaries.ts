/** Loading the boundaries in use: the built-in set or --boundaries FILE. */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regionsFromGeoJSON, type Region } from '../lib/geo/regions';
import { parseJson, readFileText, sha256 } from './io';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_BOUNDARIES = join(PROJECT_ROOT, 'data', 'boundaries', 'ukraine-ne10m.geojson');

export interface Boundaries {
  name: string;
  sha256: string;
  regions: Region[];
}

export function loadBoundaries(file: string | undefined): Boundaries {
  const path = file ?? DEFAULT_BOUNDARIES;
  const what = file ?? 'built-in boundaries';
  const text = readFileText(path, what);
  return { name: basename(path), sha256: sha256(text), regions: regionsFromGeoJSON(parseJson(text, what), what) };
}
