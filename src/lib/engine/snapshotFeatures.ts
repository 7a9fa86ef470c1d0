/**
 * What one snapshot becomes for the data folder and the page: its figures per
 * region and the features the map and the strip read. Ingest writes these
 * for every source file; the page computes them for a file a reader brings
 * (the same function, so both give the same figures for the same file and
 * boundaries).
 */
import type { Feature, Geometry } from 'geojson';
import { SOURCE_NAME } from '../datafolder/provenance';
import { displayPieces } from './display';
import { lineOfContact } from './frontline';
import type { Overlayer, RegionOverlay } from './overlay';
import { toMultiPolygon } from './polygons';
import type { Region } from './regions';
import type { Snapshot } from './snapshot';

/**
 * A feature of a snapshot's layer (`occupied`, `frontline`, `ordlo`, ...), with extra properties.
 *
 * @example layerFeature('ordlo', toMultiPolygon(paths), { snapshot: '2025-08-01-raw' })
 */
export function layerFeature(layer: string, geometry: Geometry, extra: Record<string, unknown> = {}): Feature {
  return { type: 'Feature', properties: { layer, ...extra }, geometry };
}

/**
 * Occupied and contested as the source drew them (repaired), for the CLI's
 * scenario geometry and the strip; the line of contact; and the map's pieces
 * per region. Clipping occupied land to the coast here would copy the
 * boundary file's coastline into every snapshot (1 MB a day); figures never
 * use it unclipped: the engine clips per region.
 *
 * @example snapshotFeatures(regions, overlayer, parseSnapshot(json, name)).overlays // stats.json's figures
 */
export function snapshotFeatures(
  regions: readonly Region[],
  overlayer: Overlayer,
  snap: Snapshot,
  source = SOURCE_NAME,
): { overlays: RegionOverlay[]; features: Feature[] } {
  const overlays = overlayer.overlay(snap);
  const geometry = overlayer.geometry(snap);
  const features: Feature[] = [
    layerFeature('occupied', toMultiPolygon(snap.occupied)),
    layerFeature('contested', toMultiPolygon(snap.contested)),
    layerFeature('frontline', lineOfContact(regions, geometry)),
    ...displayPieces(regions, geometry),
  ].map((f) => ({ ...f, properties: { ...f.properties, date: snap.date, source } }));
  return { overlays, features };
}
