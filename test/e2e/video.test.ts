/**
 * The time-lapse video export, in real Chromium: the clip decodes with
 * Debian's ffprobe with one frame per snapshot date at the chosen size; a
 * frame's map equals the page's map at that date; Cancel and bad ranges save
 * nothing and leave the map on its date. Short ranges (8–10 daily snapshots)
 * keep it cheap; the 365-frame timing is `video_export_s` in test/bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, SHOTS } from '../helpers/app';
import { decodePng, pixelsDiffering, waitForIdle } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';
import { probeVideo } from '../helpers/video';

const app = appUnderTest(TEST_DATA);
const tmp = mkdtempSync(join(tmpdir(), 'frontline-video-'));
/** The snapshot dates of the test data, read from its manifest (not from the page). */
const manifestDates: string[] = JSON.parse(readFileSync(join(TEST_DATA, 'manifest.json'), 'utf8')).snapshots.map(
  (s: { date: string }) => s.date,
);
const between = (from: string, to: string): string[] => manifestDates.filter((d) => d >= from && d <= to);

interface Result {
  filename: string;
  frames: number;
  map: { x: number; y: number; width: number; height: number };
  camera: { center: [number, number]; zoom: number; bearing: number };
}

/** Run the page's export hook (the same path as the button) and catch its download. */
async function exportClip(
  page: Page,
  req: { from: string; to: string; width: number; height: number; format: 'webm' | 'mp4' },
): Promise<{ result: Result; file: string; download: Download }> {
  const [download, result] = await Promise.all([
    page.waitForEvent('download', { timeout: 300_000 }),
    page.evaluate(
      (r) =>
        (window as unknown as { frontline: { exportVideo(o: object): Promise<Result> } }).frontline.exportVideo({
          from: r.from,
          to: r.to,
          size: { width: r.width, height: r.height },
          format: r.format,
        }),
      req,
    ),
  ]);
  const file = join(tmp, download.suggestedFilename());
  await download.saveAs(file);
  return { result, file, download };
}

const canEncode = (page: Page, codec: string): Promise<boolean> =>
  page.evaluate(
    (c) =>
      VideoEncoder.isConfigSupported({ codec: c, width: 1280, height: 720, bitrate: 2_000_000 }).then(
        (r) => r.supported === true,
      ),
    codec,
  );

const mapWidth = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      (window as unknown as { frontline: { map: { getCanvas(): HTMLCanvasElement } } }).frontline.map.getCanvas()
        .clientWidth,
  );

/** The names of the downloads a page starts from now on. */
function downloadsOf(page: Page): string[] {
  const names: string[] = [];
  page.on('download', (d) => names.push(d.suggestedFilename()));
  return names;
}

const shownDate = (page: Page): Promise<string> =>
  page.evaluate(() => (document.body.dataset.mapIdle ?? '').split('|')[1]);

// Each export renders every frame with the software renderer: minutes on a busy 2-core machine (a cap, not a speed check).
describe('video export', { timeout: 300_000 }, () => {
  it('WebM at 1280×720 decodes with ffprobe: VP9, one frame per snapshot; a frame equals the page at its date', async () => {
    const page = await app.open('');
    await waitForIdle(page, 'status-quo');
    const dates = between('2025-11-10', '2025-11-19');
    expect(dates.length).toBe(10);
    const { result, file } = await exportClip(page, {
      from: '2025-11-10',
      to: '2025-11-19',
      width: 1280,
      height: 720,
      format: 'webm',
    });
    expect(result.filename).toBe('frontline-status-quo-2025-11-10_2025-11-19-1280x720.webm');
    expect(probeVideo(file)).toEqual({
      codec_name: 'vp9',
      width: 1280,
      height: 720,
      nb_read_frames: String(dates.length),
    });
    // Back on the page's date afterwards (the map draws it once the export has put it back).
    await waitForIdle(page, 'status-quo', '2025-11-20');

    // Frame k as ffmpeg decodes it, against the page's own map canvas at that date, size and view.
    const k = 4;
    const framePng = join(SHOTS, 'video-frame-1280x720.png');
    execFileSync('/usr/bin/ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      file,
      '-vf',
      `select=eq(n\\,${k})`,
      '-frames:v',
      '1',
      framePng,
    ]);
    const frame = decodePng(readFileSync(framePng));
    expect([frame.width, frame.height]).toEqual([1280, 720]);
    const pageMap = await page.evaluate(
      async ({ r, date }) => {
        const { map, app: state } = (
          window as unknown as {
            frontline: {
              map: import('maplibre-gl').Map;
              app: { selectDate(d: string): Promise<void> };
            };
          }
        ).frontline;
        Object.assign(map.getContainer().style, {
          right: 'auto',
          bottom: 'auto',
          width: `${r.map.width}px`,
          height: `${r.map.height}px`,
        });
        map.resize();
        map.jumpTo(r.camera);
        await state.selectDate(date);
        await new Promise<void>((resolve) => {
          const check = (): void => {
            if (document.body.dataset.mapIdle?.endsWith(`|${date}`)) resolve();
            else map.once('idle', check);
          };
          map.once('idle', check);
          map.triggerRepaint();
        });
        return map.getCanvas().toDataURL('image/png');
      },
      { r: result, date: dates[k] },
    );
    const shot = decodePng(Buffer.from(pageMap.split(',')[1], 'base64'));
    expect([shot.width, shot.height]).toEqual([result.map.width, result.map.height]);
    const { x, y, width, height } = result.map;
    const crop = new Uint8Array(width * height * 4);
    for (let row = 0; row < height; row++)
      crop.set(
        frame.data.subarray(((y + row) * frame.width + x) * 4, ((y + row) * frame.width + x + width) * 4),
        row * width * 4,
      );
    const differing = pixelsDiffering({ data: crop }, shot, 60) / (width * height);
    // A lossy codec blurs edges and labels a little; a different view or date would differ over far more.
    expect(differing).toBeLessThan(0.03);
    // Not a blank match: the map area holds more than a few colours.
    const colours = new Set<number>();
    for (let i = 0; i < crop.length; i += 4 * 97)
      colours.add((crop[i] >> 4) * 256 + (crop[i + 1] >> 4) * 16 + (crop[i + 2] >> 4));
    expect(colours.size).toBeGreaterThan(20);
    await page.close();
  });

  it('square 1080×1080 WebM, and MP4 (H.264) when this browser encodes it', async () => {
    const page = await app.open('?scenario=us-28-point');
    await waitForIdle(page, 'us-28-point');
    // The muxer comes with the first export, not with the page.
    const muxerLoaded = (): Promise<boolean> =>
      page.evaluate(() => performance.getEntriesByType('resource').some((e) => /mediabunny/.test(e.name)));
    expect(await muxerLoaded()).toBe(false);
    const dates = between('2025-11-01', '2025-11-08');
    expect(dates.length).toBe(8);
    const avc = await canEncode(page, 'avc1.42001f');
    // Debian's Chromium (this machine's) encodes H.264 in software; say which way the test went.
    console.info(`H.264 encoding in this Chromium: ${avc ? 'yes, MP4 checked' : 'no, MP4 not offered'}`);
    const clips = [
      { width: 1080, height: 1080, format: 'webm', codec: 'vp9' },
      ...(avc ? [{ width: 1280, height: 720, format: 'mp4', codec: 'h264' } as const] : []),
    ] as const;
    for (const { codec, ...clip } of clips) {
      const { result, file } = await exportClip(page, { from: '2025-11-01', to: '2025-11-08', ...clip });
      expect(result.filename).toBe(
        `frontline-us-28-point-2025-11-01_2025-11-08-${clip.width}x${clip.height}.${clip.format}`,
      );
      const { width, height } = clip;
      expect(probeVideo(file)).toEqual({ codec_name: codec, width, height, nb_read_frames: String(dates.length) });
    }
    expect(await muxerLoaded()).toBe(true);
    await page.getByLabel('Format').focus(); // the panel asks the browser what it encodes once the reader is there
    await expect.poll(() => page.getByLabel('Format').locator('option').count()).toBe(avc ? 2 : 1);
    await page.close();
  });

  it('Cancel mid-export saves nothing and puts the map back on its date and size', async () => {
    const page = await app.open('');
    await waitForIdle(page, 'status-quo');
    const downloads = downloadsOf(page);
    const before = await mapWidth(page);
    const box = page.locator('fieldset.video');
    await box.getByLabel('From').fill('2025-10-01');
    await box.getByLabel('To').fill('2025-11-19');
    await box.getByRole('button', { name: 'Export video' }).click();
    const bar = box.getByRole('progressbar', { name: 'Video export progress' });
    await page.waitForFunction(
      () => Number(document.querySelector('fieldset.video progress')?.getAttribute('aria-valuenow')) >= 2,
      null,
      { timeout: 120_000 },
    );
    expect(await bar.getAttribute('aria-valuemax')).toBe(String(between('2025-10-01', '2025-11-19').length));
    await box.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => box.getByRole('status').textContent(), { timeout: 60_000 })
      .toBe('Export cancelled; nothing was saved.');
    await waitForIdle(page, 'status-quo', '2025-11-20');
    expect(await bar.count()).toBe(0);
    const after = await mapWidth(page);
    expect(after).toBe(before);
    await page.waitForTimeout(500);
    expect(downloads).toEqual([]);
    await page.close();
  });

  it('a reversed range, or one with no snapshot, gives one clear message and no download', async () => {
    const page = await app.open('');
    await waitForIdle(page, 'status-quo');
    const downloads = downloadsOf(page);
    const box = page.locator('fieldset.video');
    const status = box.getByRole('status');
    await box.getByLabel('From').fill('2025-11-19');
    await box.getByLabel('To').fill('2025-11-10');
    await box.getByRole('button', { name: 'Export video' }).click();
    await expect
      .poll(() => status.textContent())
      .toBe('The start date is after the end date: pick a start on or before the end.');
    // Between two monthly raw files of 2023 there is no snapshot (checked against the manifest).
    const gap = manifestDates.filter((d) => d < '2024-01-01');
    const [a, b] = gap.slice(-2);
    const inside = new Date(Date.parse(`${a}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.parse(`${b}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(between(inside, end)).toEqual([]);
    await box.getByLabel('From').fill(inside);
    await box.getByLabel('To').fill(end);
    await box.getByRole('button', { name: 'Export video' }).click();
    await expect.poll(() => status.textContent()).toBe('There is no snapshot between these dates: pick a wider range.');
    expect(await page.locator('text=Error').count()).toBe(0);
    expect(downloads).toEqual([]);
    expect(await shownDate(page)).toBe('2025-11-20');
    await page.close();
  });
});
