/**
 * The years a snapshot may lie in, apart from snapshot.ts so that the page's
 * first load can check a date without the polygon code that parsing needs.
 */

/**
 * Snapshots lie within these years: DeepState began in 2014; later years are a typo or a hostile name.
 *
 * @example dateFromName('2013-05-01-line.geojson') // throws: before FIRST_YEAR
 */
export const FIRST_YEAR = 2014;
/**
 * The last year a snapshot may have.
 *
 * @example Number(date.slice(0, 4)) <= LAST_YEAR
 */
export const LAST_YEAR = 2100;
