/**
 * The basemap's data files (data/basemap/, see its build.ts), as absolute
 * addresses on the page's origin: MapLibre fetches a GeoJSON source given by
 * address in its worker, beside the first frame and off the main thread, and
 * a worker cannot resolve the relative addresses of the app's './' base.
 */
import landUrl from '../../../data/basemap/land.geojson?url';
import placesUrl from '../../../data/basemap/places.geojson?url';
import waterUrl from '../../../data/basemap/water.geojson?url';

const absolute = (url: string): string => new URL(url, location.href).href;

/** The basemap's files as absolute URLs (MapLibre's worker resolves a relative one against its own URL). */
export const BASEMAP_FILES = {
  water: absolute(waterUrl),
  land: absolute(landUrl),
  places: absolute(placesUrl),
} as const;
