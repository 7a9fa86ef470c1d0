/**
 * The zones' hatching (every zone of the rule table: the buffer, the neutral
 * zone), one pattern for the map, the legend and the PNG's legend: diagonal
 * stripes of the zone's colour. BufferHatch.svelte draws it on the map; the
 * legends draw their swatches from here.
 */
import { ZONES, type Zone } from '../engine/rules';
import { classColour } from './palette';
import type { DisplayClass } from './scenarioLayers';

/** The buffer's stripe colour (the default of the helpers below). */
export const HATCH_COLOUR = classColour('buffer');

/**
 * Whether a class is drawn hatched: a zone held by neither army.
 *
 * @example isHatched('neutral') // true
 */
export function isHatched(cls: DisplayClass): cls is Zone {
  return (ZONES as readonly string[]).includes(cls);
}

/**
 * The swatch colour of a class: a zone's stripes, or the tint other classes are filled with.
 *
 * @example swatchColour('buffer', 'light', classTint) // '#CC79A7'
 */
export function swatchColour(cls: DisplayClass, tint: (c: DisplayClass) => string): string {
  return isHatched(cls) ? classColour(cls) : tint(cls);
}

/**
 * A 12 × 12 tile of diagonal stripes for the map's fill-pattern: opaque
 * (stripes on a pale ground), so it covers the region's base class.
 *
 * @example
 *   hatchImage('#CC79A7').data.length; // 12 * 12 * 4
 */
export function hatchImage(colour: string = HATCH_COLOUR): { width: number; height: number; data: Uint8Array } {
  const size = 12;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  const pale = [r, g, b].map((c) => Math.round(c * 0.2 + 255 * 0.8));
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 4;
      data.set(on ? [r, g, b, 255] : [pale[0], pale[1], pale[2], 255], (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

/** The legend swatch's CSS background: the same stripes, at the swatch's size. */
export function hatchCss(colour: string = HATCH_COLOUR): string {
  return `repeating-linear-gradient(45deg, ${colour} 0 3px, transparent 3px 6px)`;
}

/** Strokes the stripes over a `size` square swatch at (x, top) in the PNG legend, in the ground's colour. */
export function drawHatch(ctx: CanvasRenderingContext2D, x: number, top: number, size: number, ground: string): void {
  ctx.strokeStyle = ground;
  ctx.lineWidth = 2;
  for (let k = -size; k < size; k += 5) {
    ctx.beginPath();
    ctx.moveTo(x + k, top + size);
    ctx.lineTo(x + k + size, top);
    ctx.stroke();
  }
}
