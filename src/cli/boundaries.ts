/** Loading the boundaries in use: the built-in set or --boundaries FILE. */
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { landOf, Overlayer } from '../lib/engine/overlay';
import type { Paths } from '../lib/engine/polygons';
import { regionsFromGeoJSON, type Region } from '../lib/engine/regions';
import { parseJson, readFileText, sha256 } from './io';

/**
 * The repository's root, for the project's own data/ files.
 */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Minregion's boundaries, simplified (data/boundaries/minregion.ts made them; © Minregion, CC BY-SA). */
export const DEFAULT_BOUNDARIES = join(PROJECT_ROOT, 'data', 'boundaries', 'ukraine-minregion.geojson');
/** Natural Earth's coarser units, for `--boundaries` (data/boundaries/derive.ts made them). */
export const NATURAL_EARTH_BOUNDARIES = join(PROJECT_ROOT, 'data', 'boundaries', 'ukraine-ne10m.geojson');

/**
 * A boundary file, read: its 27 regions, name and checksum (a data folder is tied to them).
 */
export interface Boundaries {
  name: string;
  sha256: string;
  /** The credit the file's licence asks for, from its top-level `attribution` member (e.g. "© Minregion"). */
  attribution?: string;
  regions: Region[];
}

/**
 * The boundaries of `--boundaries FILE`, or the built-in Minregion ones.
 */
export function loadBoundaries(file: string | undefined): Boundaries {
  const path = file ?? DEFAULT_BOUNDARIES;
  const what = file ?? 'built-in boundaries';
  const text = readFileText(path, what);
  const fc = parseJson(text, what);
  const attribution = (fc as { attribution?: unknown } | null)?.attribution;
  return {
    name: basename(path),
    sha256: sha256(text),
    ...(typeof attribution === 'string' ? { attribution } : {}),
    regions: regionsFromGeoJSON(fc, what),
  };
}

/** The neighbouring countries' land (Natural Earth, with Ukraine's units cut out): the map's backdrop, and what tells a land border from the coast in the sliver rule. */
export const NEIGHBOURS = join(PROJECT_ROOT, 'data', 'boundaries', 'neighbours-ne10m.geojson');

let land: Paths | undefined;

/**
 * The overlayer every command and test uses for a set of regions: with the
 * neighbours' land, read once (see Overlayer in src/lib/engine/overlay.ts).
 */
export function overlayerFor(regions: readonly Region[]): Overlayer {
  land ??= landOf(parseJson(readFileText(NEIGHBOURS, 'built-in neighbours'), 'built-in neighbours'));
  return new Overlayer(regions, land);
}
