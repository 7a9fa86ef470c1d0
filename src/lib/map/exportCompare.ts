/**
 * The compared side in the PNG export (issue 14.2): side A's map on the left
 * half, side B's on the right, a divider between them and each half labelled
 * at its top, as the page shows them with its divider in the middle.
 */
import { EXPORT_INK } from './palette';

/** Side B of a compare view, for exportPng: its map's canvas and the two halves' labels (A, B). */
export interface CompareImage {
  canvas: HTMLCanvasElement;
  labels: readonly [string, string];
}

type Ctx = Pick<
  CanvasRenderingContext2D,
  'drawImage' | 'fillRect' | 'fillText' | 'measureText' | 'font' | 'fillStyle' | 'textAlign'
>;

/**
 * Over side A's map (drawn at `top`, `w` × `h` CSS pixels): the right half
 * of side B's canvas (the same view, synced), the divider and the labels.
 */
export function drawCompareHalves(
  ctx: Ctx,
  b: CompareImage,
  top: number,
  w: number,
  h: number,
  font: string,
  ink: (typeof EXPORT_INK)['light'],
): void {
  const half = b.canvas.width / 2;
  ctx.drawImage(b.canvas, half, 0, half, b.canvas.height, w / 2, top, w / 2, h);
  ctx.fillStyle = ink.fg;
  ctx.fillRect(w / 2 - 2, top, 4, h);
  ctx.font = `bold 13px ${font}`;
  const label = (text: string, x: number, align: 'left' | 'right'): void => {
    const tw = ctx.measureText(text).width;
    ctx.fillStyle = ink.veil;
    ctx.fillRect(align === 'left' ? x - 6 : x - tw - 6, top + 8, tw + 12, 22);
    ctx.fillStyle = ink.fg;
    ctx.textAlign = align;
    ctx.fillText(text, x, top + 24);
    ctx.textAlign = 'left';
  };
  label(b.labels[0], w / 2 - 14, 'right');
  label(b.labels[1], w / 2 + 14, 'left');
}
