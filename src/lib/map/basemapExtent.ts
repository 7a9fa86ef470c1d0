/**
 * The basemap's extents and derive settings: one place for the page (which
 * keeps the view inside MAP_BOUNDS) and data/basemap/build.ts (which derives
 * land and water for exactly these extents).
 */

import type { Box } from '../engine/box';

/** The rectangle data/boundaries/neighbours-ne10m.geojson is clipped to (its derive.ts). */
export const NEIGHBOUR_RECT: Box = [12, 39, 48, 57.5];

/**
 * How far the view may go: data/basemap/land.geojson has land to this box and
 * a degree beyond, and MapLibre's maxBounds keeps the whole viewport inside
 * it (zooming in rather than out past it), so no edge of the land is ever in
 * view. Wide enough that the first view fits Ukraine at every size: a phone's
 * 360×640 view with the sheet's padding spans about lat 32–57, a 1200×300
 * embed about lon 4–59.
 */
export const MAP_BOUNDS: Box = [0, 26, 64, 66];

/** Rivers, reservoirs and settlements are derived for this box (Ukraine and a margin). */
export const WATER_EXTENT: Box = [20, 42, 43.5, 54];

/** Derive settings of data/basemap/build.ts (kept here so its test can check the output against them). */
export const BASEMAP = {
  /** Douglas–Peucker tolerances in degrees: ~150 m for water (a pixel at zoom 9), ~1 km for distant land. */
  riverTolerance: 0.0015,
  lakeTolerance: 0.001,
  outerTolerance: 0.01,
  /** Lakes smaller than this (km²) are left out: specks at the map's zooms. */
  minLakeKm2: 2,
  /**
   * The Kakhovka reservoir's stretch of the Dnipro: from just above the dam at
   * Nova Kakhovka (lon 33.39) to below Zaporizhzhia (lat 47.70), where the
   * river runs in its own bed again.
   */
  kakhovka: [33.39, 46.7, 35.3, 47.7] as Box,
  /** Open water of the reservoir before 2023 (off Enerhodar and off Nikopol): the shore holding both is the Dnipro's. */
  kakhovkaPoints: [
    [34.5, 47.54],
    [34.2, 47.46],
  ] as [number, number][],
  /** Where every village appears from zoom 9 (elsewhere from 10): the front from Kherson to Kharkiv oblast. */
  front: [32.0, 46.2, 40.3, 50.4] as Box,
  /** Ukrainian settlements by population: the zoom each appears from (the first tier that fits). */
  tiers: [
    { pop: 100_000, z: 6 },
    { pop: 20_000, z: 7 },
    { pop: 5_000, z: 8 },
    { pop: 2_000, z: 9 },
    { pop: 0, z: 9, front: true },
    { pop: 0, z: 10 },
  ] as { pop: number; z: number; front?: boolean }[],
  /** Cities of the neighbouring countries labelled (from zoom 6) when GeoNames has their Ukrainian name. */
  foreignMinPop: 250_000,
  /** Gzipped bytes all of data/basemap may add to the first load (issue 13). */
  budgetGzipBytes: 300 * 1024,
} as const;
