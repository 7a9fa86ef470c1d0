/**
 * The map's hatchings, one definition each for the map, the page's legend
 * and the PNG's legend: a zone's diagonal stripes of its colour on a pale
 * ground ("/"; every zone of the rule table: the buffer, the neutral zone),
 * and a demilitarised strip's thin ink stripes the other way ("\") on a
 * clear ground, so the class under the strip shows between them.
 * BufferHatch.svelte and Strip.svelte draw them on the map; map/legend.ts and
 * the legends draw their swatches from here.
 */
import { ZONES, type Zone } from '../engine/rules';
import { classColour, mixColours, rgbOf } from './palette';
import type { DisplayClass } from './scenarioLayers';

/** The buffer's stripe colour (the default of the helpers below). */
export const HATCH_COLOUR = classColour('buffer');

/** The tiles' size in pixels, and each stripe's width in it. */
export const BUFFER_TILE = { size: 12, stripe: 4 } as const;
/** The strip's ink stripes: finer than the buffer's, so the two never read as one. */
export const STRIP_TILE = { size: 8, stripe: 2 } as const;

/**
 * The buffer's pale ground between its stripes: the stripe colour mixed with
 * white, in both themes.
 *
 * @example
 *   hatchGround('#CC79A7'); // '#f5e4ed'
 */
export function hatchGround(colour: string = HATCH_COLOUR): string {
  return mixColours(colour, '#ffffff', 0.2);
}

/**
 * Whether a class is drawn hatched: a zone held by neither army.
 *
 * @example isHatched('neutral') // true
 */
export function isHatched(cls: DisplayClass): cls is Zone {
  return (ZONES as readonly string[]).includes(cls);
}

/**
 * A 12 × 12 tile of diagonal stripes for the map's fill-pattern: opaque
 * (stripes on a pale ground), so it covers the region's base class.
 *
 * @example
 *   hatchImage('#CC79A7').data.length; // 12 * 12 * 4
 */
export function hatchImage(colour: string = HATCH_COLOUR): { width: number; height: number; data: Uint8Array } {
  const { size, stripe } = BUFFER_TILE;
  const data = new Uint8Array(size * size * 4);
  const on = [...rgbOf(colour), 255];
  const off = [...rgbOf(hatchGround(colour)), 255];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) data.set((x + y) % size < stripe ? on : off, (y * size + x) * 4);
  return { width: size, height: size, data };
}

/**
 * An 8 × 8 tile of thin "\" stripes of `ink` on a transparent ground, for a
 * strip's fill-pattern: the class below shows between the stripes.
 *
 * @example
 *   stripImage('#1f1f1f').data[3]; // 255: the tile's corner is on a stripe
 */
export function stripImage(ink: string): { width: number; height: number; data: Uint8Array } {
  const { size, stripe } = STRIP_TILE;
  const data = new Uint8Array(size * size * 4);
  const on = [...rgbOf(ink), 255];
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if ((x - y + size) % size < stripe) data.set(on, (y * size + x) * 4);
  return { width: size, height: size, data };
}

/**
 * Strokes stripes of `colour` over a `size` square at (x, top) of a canvas:
 * the buffer's ("/", `rising`) or a strip's ("\"), at the map's spacing.
 */
export function drawStripes(
  ctx: CanvasRenderingContext2D,
  x: number,
  top: number,
  size: number,
  colour: string,
  rising: boolean,
): void {
  const tile = rising ? BUFFER_TILE : STRIP_TILE;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, top, size, size);
  ctx.clip();
  ctx.strokeStyle = colour;
  // The stripe's width across it: the tile's stripe, measured along a row, times sin 45°.
  ctx.lineWidth = tile.stripe * Math.SQRT1_2;
  for (let k = -size; k < size; k += tile.size) {
    ctx.beginPath();
    if (rising) {
      ctx.moveTo(x + k, top + size);
      ctx.lineTo(x + k + size, top);
    } else {
      ctx.moveTo(x + k, top);
      ctx.lineTo(x + k + size, top + size);
    }
    ctx.stroke();
  }
  ctx.restore();
}
