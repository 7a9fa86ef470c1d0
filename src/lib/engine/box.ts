/**
 * A bounding box in degrees, west, south, east, north (GeoJSON's `bbox`
 * order): the framing of a scenario, the basemap's extents and the parts of
 * a region in the towns' point tests all use it.
 */
export type Box = [west: number, south: number, east: number, north: number];
