/**
 * The sliver rule's parameters (see overlay.ts), apart from the overlay so
 * that a report can state them without loading the polygon code.
 */

/**
 * Pieces of Ukrainian-held land narrower than this on average are slivers.
 *
 * @example (2 * areaKm2) / perimeterKm < SLIVER_WIDTH_KM // thin
 */
export const SLIVER_WIDTH_KM = 1;
/**
 * Distance within which an island the snapshot left out counts as lying against held land.
 *
 * @example distanceKm(island, held) < NEAR_KM // Tuzla Island: yes; Snake Island: no
 */
export const NEAR_KM = 5;
/**
 * A group of Ukrainian-held pieces cut off from the main body is a sliver up to this size.
 *
 * @example group.area < ENCLAVE_MAX_KM2 && group.touchesOuter && !group.touchesLand // a coastal enclave sliver
 */
export const ENCLAVE_MAX_KM2 = 2000;
/**
 * How far from a neighbour's land a boundary vertex still lies on a land border (the two data sets' borders differ by a kilometre or two): a pocket against a land border is not a coastline artefact.
 *
 * @example distanceKm(vertex, neighbourLand) <= LAND_BORDER_KM // on a land border
 */
export const LAND_BORDER_KM = 3;
