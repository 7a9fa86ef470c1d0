/**
 * The legend on a canvas, for the PNG export and the video's frames: where
 * its entries go (legendLayout), and each symbol of map/legend.ts drawn as
 * the page's legend (Legend.svelte) and the map draw it, at the same
 * colours, stripes and line widths.
 */
import { drawStripes } from './hatch';
import type { LegendEntry, LegendSymbol } from './legend';

/**
 * A legend's spacing in CSS pixels: the margins, the label's start after its
 * swatch, the gap to the next entry, and the height of a row.
 */
export interface LegendMetrics {
  pad: number;
  text: number;
  gap: number;
  row: number;
}

/**
 * Where each legend entry goes below a map (the PNG's, a video frame's): its
 * x and row, left to right, a new row when the next would pass the right margin.
 */
export function legendLayout(
  ctx: Pick<CanvasRenderingContext2D, 'measureText'>,
  entries: readonly LegendEntry[],
  width: number,
  m: LegendMetrics,
): { entry: LegendEntry; x: number; row: number }[] {
  let x = m.pad;
  let row = 0;
  return entries.map((entry) => {
    const w = ctx.measureText(entry.label).width;
    if (x > m.pad && x + m.text + 1 + w > width - m.pad) {
      x = m.pad;
      row++;
    }
    const at = { entry, x, row };
    x += m.text + w + m.gap;
    return at;
  });
}

/** A square of `fill`, with `inside` drawn over it, and a 1 px `edge`. */
function edged(
  ctx: CanvasRenderingContext2D,
  x: number,
  top: number,
  size: number,
  fill: string,
  edge: string,
  inside?: () => void,
): void {
  ctx.fillStyle = fill;
  ctx.fillRect(x, top, size, size);
  inside?.();
  ctx.strokeStyle = edge;
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, top + 0.5, size - 1, size - 1);
}

/** Draws `symbol` in a `size` square at (x, top). */
export function drawSwatch(
  ctx: CanvasRenderingContext2D,
  symbol: LegendSymbol,
  x: number,
  top: number,
  size: number,
): void {
  ctx.save();
  switch (symbol.kind) {
    case 'fill':
      edged(ctx, x, top, size, symbol.fill, symbol.edge);
      break;
    case 'hatch':
      edged(ctx, x, top, size, symbol.ground, symbol.stripe, () => drawStripes(ctx, x, top, size, symbol.stripe, true));
      break;
    case 'strip':
      ctx.fillStyle = symbol.ground;
      ctx.fillRect(x, top, size, size);
      drawStripes(ctx, x, top, size, symbol.ink, false);
      ctx.strokeStyle = symbol.ink;
      ctx.lineWidth = symbol.width;
      ctx.strokeRect(x + 1, top + 1, size - 2, size - 2);
      break;
    case 'line': {
      const y = top + size / 2;
      ctx.lineCap = 'round';
      for (const [colour, width] of [
        [symbol.halo, symbol.haloWidth],
        [symbol.colour, symbol.width],
      ] as const) {
        ctx.strokeStyle = colour;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(x - 2, y);
        ctx.lineTo(x + size + 2, y);
        ctx.stroke();
      }
      break;
    }
    case 'outline':
      ctx.fillStyle = symbol.ground;
      ctx.fillRect(x, top, size, size);
      ctx.strokeStyle = symbol.colour;
      ctx.lineWidth = symbol.width;
      ctx.strokeRect(x + symbol.width / 2, top + symbol.width / 2, size - symbol.width, size - symbol.width);
      break;
  }
  ctx.restore();
}
