/**
 * Geometry for the map: per region, the pieces each side holds on a date,
 * simplified for display. Ingest writes them once per snapshot so that the
 * page never clips (the figures it shows come from the engine's stored
 * results, not from these shapes).
 */
import { Clipper } from 'clipper2-ts';
import type { Feature, MultiPolygon } from 'geojson';
import type { RegionGeometry } from './overlay';
import { intersect, toMultiPolygon, union, type Paths } from './polygons';
import type { Region } from './regions';

/**
 * 3e-4° (about 30 m): invisible at the zooms the map allows, a tenth of the vertices.
 *
 * @example Clipper.simplifyPaths(paths, DISPLAY_TOLERANCE, true)
 */
export const DISPLAY_TOLERANCE = 3000;
/**
 * Whole regions are drawn coarser (1e-3°, about 100 m): they load first and most.
 *
 * @example Clipper.simplifyPaths(region.paths, REGION_TOLERANCE, true)
 */
export const REGION_TOLERANCE = 10000;

/**
 * Who holds a map piece: what the page colours it by (with the scenario's class).
 *
 * @example const kind: PieceKind = 'russia';
 */
export type PieceKind = 'russia' | 'contested' | 'ukraine' | 'ordlo';

/**
 * The properties of a map piece: one region's land of one kind.
 *
 * @example { layer: 'piece', region: 'UA-14', kind: 'ukraine' } satisfies PieceProps
 */
export interface PieceProps {
  layer: 'piece';
  region: string;
  kind: PieceKind;
}

/** Simplified, with coordinates to 1e-5° (about 1 m): a third of the bytes. */
function simplified(paths: Paths, tolerance = DISPLAY_TOLERANCE): MultiPolygon {
  const mp = toMultiPolygon(Clipper.simplifyPaths(paths, tolerance, true));
  return {
    type: 'MultiPolygon',
    coordinates: mp.coordinates.map((poly) =>
      poly.map((ring) => ring.map(([x, y]) => [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5])),
    ),
  };
}

const vertexCount = (paths: Paths): number => paths.reduce((n, p) => n + p.length, 0);

function piece(region: string, kind: PieceKind, paths: Paths): Feature<MultiPolygon, PieceProps>[] {
  if (paths.length === 0) return [];
  const geometry = simplified(paths);
  return geometry.coordinates.length
    ? [{ type: 'Feature', properties: { layer: 'piece', region, kind }, geometry }]
    : [];
}

/**
 * Pieces of the regions a snapshot touches: `contested`, and either `russia`
 * (occupied and slivers) or `ukraine` (the rest), whichever has fewer
 * vertices: the map draws the whole region in one class and the stored
 * pieces in the other on top. A nearly all-occupied Crimea is then a few
 * islets instead of its whole coastline in every snapshot. Untouched regions
 * have no pieces: all of such a region is Ukrainian-held.
 *
 * @example displayPieces(regions, overlayer.geometry(snapshot)).filter((f) => f.properties.region === 'UA-14')
 */
export function displayPieces(
  regions: readonly Region[],
  geometry: ReadonlyMap<string, RegionGeometry>,
): Feature<MultiPolygon, PieceProps>[] {
  return regions.flatMap((r) => {
    const g = geometry.get(r.id);
    if (!g || (g.occupied.length === 0 && g.contested.length === 0)) return [];
    const russia = union(g.occupied, g.slivers);
    const held =
      vertexCount(russia) <= vertexCount(g.ukraine) ? piece(r.id, 'russia', russia) : piece(r.id, 'ukraine', g.ukraine);
    // An all-held region stores an empty 'ukraine' marker so the map knows which way round it is.
    const marker: Feature<MultiPolygon, PieceProps>[] =
      held.length === 0 && g.ukraine.length === 0
        ? [
            {
              type: 'Feature',
              properties: { layer: 'piece', region: r.id, kind: 'ukraine' },
              geometry: { type: 'MultiPolygon', coordinates: [] },
            },
          ]
        : [];
    return [...held, ...marker, ...piece(r.id, 'contested', g.contested)];
  });
}

/**
 * The pre-2022 layer cut per region.
 *
 * @example ordloPieces(regions, snapshot.ordlo) // features of kind 'ordlo', one per region it covers
 */
export function ordloPieces(regions: readonly Region[], ordlo: Paths): Feature<MultiPolygon, PieceProps>[] {
  return regions.flatMap((r) => piece(r.id, 'ordlo', intersect(ordlo, r.paths)));
}

/**
 * Regions simplified for display, with ids and names.
 *
 * @example featureCollection(displayRegions(boundaries.regions)) // regions-display.geojson
 */
export function displayRegions(regions: readonly Region[]): Feature<MultiPolygon>[] {
  return regions.map((r) => ({
    type: 'Feature',
    properties: { id: r.id, name_en: r.name_en, name_uk: r.name_uk, area_km2: Math.round(r.area_km2 * 100) / 100 },
    geometry: simplified(r.paths, REGION_TOLERANCE),
  }));
}
