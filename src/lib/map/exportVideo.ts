/**
 * The time-lapse video: the history between two dates as a clip, made frame
 * by frame (not a screen recording). For each snapshot date the page shows
 * the date, waits for the map's idle, and a frame is composed (videoFrame.ts)
 * and encoded with WebCodecs through mediabunny: WebM (VP9) always, MP4
 * (H.264) where the browser can encode it. On cancel or failure nothing is
 * saved, and the map goes back to the date and view it showed before.
 */
import type * as maplibregl from 'maplibre-gl';
import { tick } from 'svelte';
import type { MessageKey } from '../i18n/messages';
import { save } from '../state/downloads';
import { repainted, resizeMap } from './exportPng';
import { drawFrame, frameLayout, type FrameTexts, type VideoSize } from './videoFrame';

/** The containers the reader can pick; `mp4` only where H.264 encodes. */
export type VideoFormat = 'webm' | 'mp4';

/** How long each date stays on screen, in seconds (one frame per date). */
export const DATE_DURATIONS = [0.1, 0.25, 0.5] as const;

/** What the reader asked for. */
export interface VideoRequest {
  /** First and last date, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
  size: VideoSize;
  format: VideoFormat;
  /** Seconds per date (DATE_DURATIONS); 0.1 = 10 fps. */
  perDate?: number;
  onprogress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The page, as the export drives and reads it. */
export interface VideoPage {
  map: maplibregl.Map;
  /** The snapshot dates, oldest first. */
  dates(): readonly string[];
  /** Show a date (resolves when its data is in the page's state). */
  show(date: string): Promise<void>;
  /** Put back what the page showed before the export (its date, or the reader's own file). */
  restore(): Promise<void>;
  /** What the map's idle marker says once the map shows `date` (see Page.markIdle in state/page.svelte.ts). */
  idleMark(date: string): string;
  /** The frame's texts for the date shown now. */
  texts(): FrameTexts;
  /** The file's name without its ending for a clip of these dates (tableStem: scenario and dates). */
  stem(first: string, last: string): string;
}

/** A request the export refuses (a message key for the reader), not a failure of the browser. */
export class VideoInputError extends Error {
  constructor(readonly key: MessageKey) {
    super(key);
  }
}

/** What a finished export made. */
export interface VideoResult {
  blob: Blob;
  filename: string;
  frames: number;
  /** The map's area in each frame and the camera it was drawn with (a test redraws it). */
  map: { x: number; y: number; width: number; height: number };
  camera: { center: [number, number]; zoom: number; bearing: number };
}

const CODEC = { webm: 'vp9', mp4: 'avc' } as const;

/** The muxer (about 170 KB gzip), loaded with the first video export or format check, not with the page. */
const muxer = (): Promise<typeof import('mediabunny')> => import('mediabunny');

/** The formats this browser can encode at `size` (WebM first), none without WebCodecs. */
export async function videoFormats(size: VideoSize): Promise<VideoFormat[]> {
  if (typeof VideoEncoder === 'undefined') return [];
  const { canEncodeVideo, QUALITY_MEDIUM } = await muxer();
  const out: VideoFormat[] = [];
  for (const f of ['webm', 'mp4'] as const)
    if (await canEncodeVideo(CODEC[f], { ...size, quality: QUALITY_MEDIUM }).catch(() => false)) out.push(f);
  return out;
}

/** The dates of the clip: the snapshots in [from, to]; refuses an empty or reversed range. */
function clipDates(dates: readonly string[], from: string, to: string): string[] {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(from) || !iso.test(to)) throw new VideoInputError('video.badDate');
  if (from > to) throw new VideoInputError('video.reversed');
  const picked = dates.filter((d) => d >= from && d <= to);
  if (!picked.length) throw new VideoInputError('video.noSnapshots');
  return picked;
}

/** Repaints to wait for a date's idle marker before the export gives up (one render takes up to a second). */
const MAX_REPAINTS = 20;

/**
 * Show `date` and wait until the map has drawn it. Throws when the map never
 * says so (the reader picked another date or plan meanwhile): a frame of
 * something else must not go into the clip.
 */
async function showAndWait(page: VideoPage, date: string): Promise<void> {
  await page.show(date);
  await tick(); // the components push the date's data to the map
  const want = page.idleMark(date);
  // Each idle sets the page's marker; the first after the data arrived says the map shows this date.
  // (One render costs the software renderer about a second: no extra one for safety.)
  for (let i = 0; i < MAX_REPAINTS && document.body.dataset.mapIdle !== want; i++) await repainted(page.map);
  if (document.body.dataset.mapIdle !== want)
    throw new Error(`the map did not show ${date} (the view changed during the export)`);
}

function aborted(): DOMException {
  return new DOMException('the video export was cancelled', 'AbortError');
}

/**
 * Make the clip. The map is resized to the frame's map area (the on-screen
 * view kept inside it) at pixel ratio 1 for the export and restored after,
 * also on cancel or failure.
 */
export async function exportVideo(page: VideoPage, req: VideoRequest): Promise<VideoResult> {
  const dates = clipDates(page.dates(), req.from, req.to);
  if (!(await videoFormats(req.size)).includes(req.format)) throw new VideoInputError('video.noEncoder');
  const { map } = page;
  const layout = frameLayout(req.size);
  const perDate = req.perDate ?? DATE_DURATIONS[0];
  const fps = Math.round(1 / perDate);
  const ratio = map.getPixelRatio();
  const c = map.getCenter();
  const screen = { width: map.getCanvas().clientWidth, height: map.getCanvas().clientHeight };
  const camera = {
    center: [c.lng, c.lat] as [number, number],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
  };
  // What the reader sees on screen stays in the frame: zoom by the tighter ratio of the sizes.
  const fit = Math.min(layout.map.width / screen.width, layout.map.height / screen.height);
  const frameCamera = { ...camera, zoom: camera.zoom + Math.log2(fit) };

  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d')!;
  const { BufferTarget, CanvasSource, Mp4OutputFormat, Output, QUALITY_MEDIUM, WebMOutputFormat } = await muxer();
  const output = new Output({
    format: req.format === 'webm' ? new WebMOutputFormat() : new Mp4OutputFormat({ fastStart: 'in-memory' }),
    target: new BufferTarget(),
  });
  // A key frame every second: a reader scrubbing the clip lands on a picture soon.
  const source = new CanvasSource(canvas, { codec: CODEC[req.format], bitrate: QUALITY_MEDIUM, keyFrameInterval: 1 });
  output.addVideoTrack(source, { frameRate: fps });
  let restore = (): void => {};
  try {
    restore = resizeMap(map, layout.map.width, layout.map.height);
    map.setPixelRatio(1);
    map.jumpTo(frameCamera);
    await repainted(map); // drawn at the frame's size before the first date (which may be the one shown)
    await output.start();
    for (const [i, date] of dates.entries()) {
      if (req.signal?.aborted) throw aborted();
      await showAndWait(page, date);
      if (req.signal?.aborted) throw aborted();
      drawFrame(ctx, layout, map.getCanvas(), page.texts());
      await source.add(i * perDate, perDate);
      req.onprogress?.(i + 1, dates.length);
    }
    await output.finalize();
    const buffer = output.target.buffer;
    if (!buffer) throw new Error('the muxer wrote nothing');
    const w = layout.width;
    const h = layout.height;
    return {
      blob: new Blob([buffer], { type: output.format.mimeType }),
      filename: `${page.stem(dates[0], dates.at(-1)!)}-${w}x${h}.${req.format}`,
      frames: dates.length,
      map: layout.map,
      camera: frameCamera,
    };
  } catch (e) {
    if (output.state !== 'finalized') await output.cancel().catch(() => {});
    throw e;
  } finally {
    map.setPixelRatio(ratio);
    restore();
    map.jumpTo(camera);
    await page.restore();
  }
}

/** Export and save the clip as a download (nothing is saved when it fails or is cancelled). */
export async function saveVideo(page: VideoPage, req: VideoRequest): Promise<Omit<VideoResult, 'blob'>> {
  const { blob, ...result } = await exportVideo(page, req);
  save({ name: result.filename, type: blob.type, text: blob });
  return result;
}
