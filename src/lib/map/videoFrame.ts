/**
 * One frame of the time-lapse video: a fixed layout (the map's area does not
 * move from frame to frame, so the clip does not jitter) with the title, the
 * date large, the headline of that date, the legend and the credits drawn
 * around the map. The texts and the legend come from the caller (the page's,
 * in its language); wrapping and the legend's items are exportPng's.
 */
import { CANVAS_FONT, wrap } from './exportPng';
import type { LegendEntry } from './legend';
import { drawSwatch, legendLayout, type LegendMetrics } from './legendCanvas';
import { EXPORT_INK } from './palette';
import type { Theme } from '../state/url';

/** The two frame sizes the reader can pick: 16:9, and square for social media. */
export const VIDEO_SIZES = [
  { width: 1280, height: 720 },
  { width: 1080, height: 1080 },
] as const;

/** A frame size (one of VIDEO_SIZES). */
export type VideoSize = (typeof VIDEO_SIZES)[number];

/** Where the map goes in a frame, in frame pixels; the rest holds the texts. */
export interface FrameLayout {
  width: number;
  height: number;
  map: { x: number; y: number; width: number; height: number };
  /** How many headline lines fit the header (more are cut with an ellipsis). */
  headlineLines: number;
}

/** The texts of one frame, already in the page's language. */
export interface FrameTexts {
  title: string;
  /** The snapshot's date as the reader reads it, formatted for the page's language (e.g. "20 November 2025"). */
  date: string;
  headline: string;
  legend: LegendEntry[];
  credits: string;
  /** The page's theme: the frame's ink and ground. */
  theme: Theme;
}

const PAD = 24;
/** The frame's legend: a 16 px swatch, rows 24 px apart. */
const VIDEO_LEGEND: LegendMetrics = { pad: PAD, text: 22, gap: 18, row: 24 };

/**
 * The layout of a frame of `size`: a header (title, date, headline), the map,
 * and a footer (legend, credits). Square frames have room for more headline lines.
 *
 * @example
 *   frameLayout({ width: 1280, height: 720 }).map; // { x: 0, y: 142, width: 1280, height: 502 }
 */
export function frameLayout(size: VideoSize): FrameLayout {
  const square = size.width === size.height;
  const headlineLines = square ? 4 : 2;
  const header = PAD + 52 + headlineLines * 26 + 14;
  const footer = square ? 112 : 76;
  return {
    width: size.width,
    height: size.height,
    map: { x: 0, y: header, width: size.width, height: size.height - header - footer },
    headlineLines,
  };
}

/** `lines` cut to `max`, the last one ending in an ellipsis when something was cut. */
function clamp(ctx: CanvasRenderingContext2D, lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  let last = kept[max - 1];
  while (last && ctx.measureText(`${last}…`).width > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** Draw one frame: the map canvas into its area, the texts around it. */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  layout: FrameLayout,
  mapCanvas: CanvasImageSource,
  texts: FrameTexts,
): void {
  const { width, height, map } = layout;
  const ink = EXPORT_INK[texts.theme];
  ctx.fillStyle = ink.ground;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(mapCanvas, map.x, map.y, map.width, map.height);

  // The date large, top right, the title left of it; the headline below both, the whole width.
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 52px ${CANVAS_FONT}`;
  const dateW = ctx.measureText(texts.date).width;
  ctx.fillStyle = ink.fg;
  ctx.textAlign = 'right';
  ctx.fillText(texts.date, width - PAD, PAD + 50);
  ctx.textAlign = 'left';
  const textW = width - 3 * PAD - dateW;
  ctx.font = `bold 26px ${CANVAS_FONT}`;
  ctx.fillText(clamp(ctx, wrap(ctx, texts.title, textW), 1, textW)[0] ?? '', PAD, PAD + 40);
  ctx.font = `20px ${CANVAS_FONT}`;
  const headline = clamp(ctx, wrap(ctx, texts.headline, width - 2 * PAD), layout.headlineLines, width - 2 * PAD);
  let y = PAD + 52 + 26;
  for (const line of headline) {
    ctx.fillText(line, PAD, y);
    y += 26;
  }

  // Legend, then credits, under the map.
  y = map.y + map.height + 28;
  ctx.font = `16px ${CANVAS_FONT}`;
  const placed = legendLayout(ctx, texts.legend, width, VIDEO_LEGEND);
  for (const { entry, x, row } of placed) {
    drawSwatch(ctx, entry.symbol, x, y + row * VIDEO_LEGEND.row - 14, 16);
    ctx.fillStyle = ink.fg;
    ctx.fillText(entry.label, x + VIDEO_LEGEND.text, y + row * VIDEO_LEGEND.row);
  }
  y += (placed.at(-1)?.row ?? 0) * VIDEO_LEGEND.row;
  ctx.font = `14px ${CANVAS_FONT}`;
  ctx.fillStyle = ink.muted;
  for (const line of clamp(ctx, wrap(ctx, texts.credits, width - 2 * PAD), 2, width - 2 * PAD))
    ctx.fillText(line, PAD, (y += 20));
}
