/**
 * PNG export of the current view: the map canvas with the title, headline,
 * legend, scale bar, date and credits drawn into the image (not only the map),
 * at 1× or 2×, and the alt text in the file's `Description` (PNG tEXt chunk,
 * or iTXt for text beyond Latin-1 such as Ukrainian). Every text comes from
 * the caller, already in the page's language.
 */
import type * as maplibregl from 'maplibre-gl';
import { withDescription } from './pngText';
import { formatDate } from '../i18n/format';
import { translate, type Locale } from '../i18n/messages';
import { save } from '../state/downloads';
import type { Theme } from '../state/url';
import { legendEntries, type LegendEntry } from './legend';
import { drawCompareHalves } from './exportCompare';
import { drawSwatch, legendLayout, type LegendMetrics } from './legendCanvas';
import { EXPORT_INK } from './palette';
import type { DisplayClass } from './scenarioLayers';

export interface ExportOptions {
  scale: 1 | 2;
  /** Width in CSS pixels (an article's column); the current map width when absent. */
  width?: number;
  title: string;
  subtitle?: string;
  headline: string;
  /** The page's legend entries (map/legend.ts), drawn below the map. */
  legend: LegendEntry[];
  credits: string;
  alt: string;
  /** The page's theme: the export's ink and ground. */
  theme: Theme;
  /** The scale bar's unit ("km", "км"). */
  km?: string;
  /** The snapshot's date as the page writes it ("20 November 2025"), drawn large on the map as while playing. */
  date?: string;
  /** A compare view's side B (its map, synced to `map`) and the halves' labels: drawn as the right half. */
  compare?: { map: maplibregl.Map; labels: readonly [string, string] };
}

const PAD = 16;
// A CSS font for the canvas text around the PNG (the map's own labels use lib/map/style.ts `FONT`, glyph files).
export const CANVAS_FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif';

/** Lines of `text` that fit `width` as `ctx` measures them. */
export function wrap(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Break at ordinary spaces only: no-break spaces hold "6 282 км²" together (JS's \s would split them).
  for (const word of text.split(/[ \t\n]+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The PNG's legend: a 12 px swatch. */
export const PNG_LEGEND: LegendMetrics = { pad: PAD, text: 17, gap: 14, row: 18 };

/** A scale bar length (km) of a round number that is at most `maxPx` CSS pixels at the map's centre. */
function scaleBar(metresPerPixel: number, maxPx: number): { km: number; px: number } {
  const maxKm = (metresPerPixel * maxPx) / 1000;
  const pow = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((f) => f * pow).find((v) => v <= maxKm) ?? pow;
  return { km, px: (km * 1000) / metresPerPixel };
}

/** Size the map's box to `width` × `height` CSS pixels, out of the page's layout; returns what puts it back. */
export function resizeMap(map: maplibregl.Map, width: number, height: number): () => void {
  const container = map.getContainer();
  const { width: w, height: h, right, bottom } = container.style;
  Object.assign(container.style, { right: 'auto', bottom: 'auto', width: `${width}px`, height: `${height}px` });
  map.resize();
  return () => {
    Object.assign(container.style, { width: w, height: h, right, bottom });
    map.resize();
  };
}

/** The map's next idle after a forced repaint (it comes once every source has loaded): the PNG and each video frame wait for it. */
export function repainted(map: maplibregl.Map): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * Render the export; the map is drawn at `scale` (and at `width`, keeping its
 * height) for the capture, and restored after.
 */
export async function exportPng(map: maplibregl.Map, o: ExportOptions): Promise<Blob> {
  const before = map.getPixelRatio();
  let restore = (): void => {};
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing() };
  const canvas0 = map.getCanvas();
  const screenWidth = canvas0.clientWidth;
  const resized = o.width !== undefined && o.width !== screenWidth;
  const maps = o.compare ? [map, o.compare.map] : [map];
  if (resized) {
    // Same shape, and the same part of the map as on screen, at the column's width (side B follows side A's view).
    const height = Math.round((o.width! * canvas0.clientHeight) / screenWidth);
    const restores = maps.map((m) => resizeMap(m, o.width!, height));
    restore = () => restores.forEach((r) => r());
    // Zoom by the width ratio: the same part of the map, rotation kept.
    map.jumpTo({ ...camera, zoom: camera.zoom + Math.log2(o.width! / screenWidth) });
  }
  if (before !== o.scale) maps.forEach((m) => m.setPixelRatio(o.scale));
  if (resized || before !== o.scale) await Promise.all(maps.map(repainted));
  try {
    const mapCanvas = map.getCanvas();
    const cssW = mapCanvas.clientWidth;
    const cssH = mapCanvas.clientHeight;
    const width = cssW;
    const measure = document.createElement('canvas').getContext('2d')!;
    measure.font = `15px ${CANVAS_FONT}`;
    const headlineLines = wrap(measure, o.headline, width - 2 * PAD);
    const headerH = PAD + 26 + (o.subtitle ? 20 : 0) + headlineLines.length * 20 + 8;
    measure.font = `12px ${CANVAS_FONT}`;
    const creditLines = wrap(measure, o.credits, width - 2 * PAD);
    const placed = legendLayout(measure, o.legend, width, PNG_LEGEND);
    const legendRows = (placed.at(-1)?.row ?? 0) + 1;
    const footerH = 8 + 20 + (legendRows - 1) * PNG_LEGEND.row + 8 + creditLines.length * 16 + PAD;
    const height = headerH + cssH + footerH;

    const out = document.createElement('canvas');
    out.width = Math.round(width * o.scale);
    out.height = Math.round(height * o.scale);
    const ctx = out.getContext('2d')!;
    ctx.scale(o.scale, o.scale);
    const ink = EXPORT_INK[o.theme];
    const { fg, muted } = ink;
    ctx.fillStyle = ink.ground;
    ctx.fillRect(0, 0, width, height);

    let y = PAD + 20;
    ctx.fillStyle = fg;
    ctx.font = `bold 20px ${CANVAS_FONT}`;
    ctx.fillText(o.title, PAD, y);
    if (o.subtitle) {
      y += 20;
      ctx.font = `14px ${CANVAS_FONT}`;
      ctx.fillStyle = muted;
      ctx.fillText(o.subtitle, PAD, y);
    }
    ctx.font = `15px ${CANVAS_FONT}`;
    ctx.fillStyle = fg;
    for (const line of headlineLines) ctx.fillText(line, PAD, (y += 20));

    ctx.drawImage(mapCanvas, 0, headerH, cssW, cssH);
    if (o.compare)
      drawCompareHalves(
        ctx,
        { canvas: o.compare.map.getCanvas(), labels: o.compare.labels },
        headerH,
        cssW,
        cssH,
        CANVAS_FONT,
        ink,
      );

    // Scale bar, bottom left of the map.
    const centre = map.getCenter();
    const mpp = (40075016.686 * Math.cos((centre.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
    const bar = scaleBar(mpp, 120);
    const by = headerH + cssH - 14;
    ctx.fillStyle = ink.veil;
    ctx.fillRect(PAD - 4, by - 16, bar.px + 60, 22);
    ctx.strokeStyle = fg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(PAD, by - 4);
    ctx.lineTo(PAD, by);
    ctx.lineTo(PAD + bar.px, by);
    ctx.lineTo(PAD + bar.px, by - 4);
    ctx.stroke();
    ctx.fillStyle = fg;
    ctx.font = `11px ${CANVAS_FONT}`;
    ctx.fillText(`${bar.km} ${o.km ?? 'km'}`, PAD + bar.px + 6, by);

    // A compare view's halves carry their dates in their labels (where the large date would go).
    if (o.date && !o.compare) drawDate(ctx, o.date, headerH, ink);

    // Legend.
    const legendTop = headerH + cssH + 8 + 14;
    ctx.font = `12px ${CANVAS_FONT}`;
    for (const { entry, x, row } of placed) {
      y = legendTop + row * PNG_LEGEND.row;
      drawSwatch(ctx, entry.symbol, x, y - 11, 12);
      ctx.fillStyle = fg;
      ctx.fillText(entry.label, x + PNG_LEGEND.text, y);
    }
    ctx.font = `12px ${CANVAS_FONT}`;
    ctx.fillStyle = muted;
    y += 8;
    for (const line of creditLines) ctx.fillText(line, PAD, (y += 16));

    const blob = await new Promise<Blob>((resolve, reject) =>
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
    );
    return new Blob([withDescription(new Uint8Array(await blob.arrayBuffer()), o.alt)], { type: 'image/png' });
  } finally {
    if (before !== o.scale) maps.forEach((m) => m.setPixelRatio(before));
    if (resized) {
      restore();
      map.jumpTo(camera);
    }
  }
}

/** The date in large type at the map's top left (`top`: where the map starts), on a veil, as components/PlayDate.svelte shows it while playing. */
export function drawDate(
  ctx: Pick<CanvasRenderingContext2D, 'font' | 'fillStyle' | 'measureText' | 'fillRect' | 'fillText'>,
  date: string,
  top: number,
  ink: (typeof EXPORT_INK)['light'],
): void {
  ctx.font = `bold 28px ${CANVAS_FONT}`;
  const w = ctx.measureText(date).width;
  ctx.fillStyle = ink.veil;
  ctx.fillRect(PAD - 6, top + 10, w + 20, 40);
  ctx.fillStyle = ink.fg;
  ctx.fillText(date, PAD + 4, top + 40);
}

/** What the page shows beside the map, for its PNG (see savePageImage). */
export interface PageImage {
  title: string;
  subtitle?: string;
  headline: string;
  alt: string;
  credits: string;
  theme: Theme;
  locale: Locale;
  /** The scenario's classes on the map, in legend order. */
  classes: readonly DisplayClass[];
  /** Whether the map shows a demilitarised strip. */
  strip: boolean;
  /** Whether the map shows the line of contact. */
  frontline: boolean;
  /** The file's name without its ending: the scenario and date, as the tables are named (tableStem). */
  stem: string;
  date: string | null;
  /** A compare view's side B: drawn as the right half, each half labelled. */
  compare?: ExportOptions['compare'];
}

/**
 * The share bar's PNG: the view with the page's legend (the same labels and
 * colours as the on-screen one), saved as `frontline-<scenario>-<date>[-<width>px]-<scale>x.png`.
 */
export async function savePageImage(map: maplibregl.Map, page: PageImage, scale: 1 | 2, width?: number): Promise<void> {
  const { theme, locale } = page;
  const legend = legendEntries(page);
  const blob = await exportPng(map, {
    scale,
    width,
    title: page.title,
    subtitle: page.subtitle,
    headline: page.headline,
    legend,
    credits: page.credits,
    alt: page.alt,
    theme,
    km: translate(locale, 'unit.km'),
    date: page.date ? formatDate(page.date, locale) : undefined,
    compare: page.compare,
  });
  save({ name: `${page.stem}${width ? `-${width}px` : ''}-${scale}x.png`, type: 'image/png', text: blob });
}
