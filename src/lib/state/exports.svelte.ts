/**
 * The page's image and video exports: what they draw (title, headline,
 * legend, credits, the date) is the page's own state and texts, so an export
 * shows what the reader sees. The video code and its muxer load with the
 * first video export, not with the page.
 */
import type * as maplibregl from 'maplibre-gl';
import { tableStem } from '../datafolder/datapackage';
import { formatDate } from '../i18n/format';
import type { Locale } from '../i18n/messages';
import type { ExportOptions } from '../map/exportPng';
import type { VideoRequest } from '../map/exportVideo';
import { legendEntries, type LegendInput } from '../map/legend';
import type { AppState } from './app.svelte';
import type { CompareState } from './compare.svelte';
import type { PageTexts } from './pageTexts.svelte';
import type { Player } from './player.svelte';
import type { Theme } from './url';

/** What the exports read from the page, each when it runs (the page's runes). */
export interface ExportSources {
  app: AppState;
  /** The compared side: a compare view's PNG draws both halves. */
  compare?: CompareState;
  texts: PageTexts;
  player: Player;
  map: () => maplibregl.Map | undefined;
  theme: () => Theme;
  locale: () => Locale;
  /** The embed's subtitle from the link, if any. */
  subtitle: string | undefined;
  /** The legend's input as the page shows it (without the locale). */
  legend: () => Omit<LegendInput, 'locale'>;
  /** The idle marker's value for a date: the video waits for it before each frame. */
  idleMark: (date: string | null) => string;
}

/** The PNG and the time-lapse of the current view. */
export class Exports {
  constructor(private readonly s: ExportSources) {}

  private mapOrFail(): maplibregl.Map {
    const map = this.s.map();
    if (!map) throw new Error('the map is not ready');
    return map;
  }

  /** The view as a PNG at `scale`, `width` CSS pixels wide (the screen's width when absent). */
  image = async (scale: 1 | 2, width?: number): Promise<void> => {
    // The PNG code (canvas layout, text chunk, compare halves) loads with the first export, not the page.
    const { savePageImage } = await import('../map/exportPng');
    const { app, texts } = this.s;
    const { title, headline, alt, credits } = texts;
    const legend = this.s.legend(); // classes, theme, strip, frontline: as the page shows them
    await savePageImage(
      this.mapOrFail(),
      {
        title,
        subtitle: this.s.subtitle,
        headline,
        alt,
        credits,
        locale: this.s.locale(),
        ...legend,
        stem: tableStem([app.scenario], app.date ? [app.date] : []),
        date: app.date,
        compare: this.compareImage(),
      },
      scale,
      width,
    );
  };

  /** Side B of a compare view, when its map is drawn (the PNG's right half). */
  private compareImage(): ExportOptions['compare'] {
    const c = this.s.compare;
    return c?.active && c.map && c.labels ? { map: c.map, labels: [c.labels.a, c.labels.b] } : undefined;
  }

  /** The time-lapse: the page steps through the dates itself (playback stops) and draws each frame. */
  video = async (req: VideoRequest): Promise<{ filename: string }> => {
    const map = this.mapOrFail();
    const { app, texts, player } = this.s;
    player.pause();
    // What to put back after: the date shown, or the reader's own file (showing a date would drop it).
    const upload = app.upload;
    const before = app.date;
    const { saveVideo } = await import('../map/exportVideo');
    return saveVideo(
      {
        map,
        stem: (first, last) => tableStem([app.scenario], [first, last]),
        dates: () => app.dates,
        show: (d) => app.selectDate(d),
        restore: async () => (upload ? app.showUpload(upload) : before ? app.selectDate(before) : undefined),
        idleMark: this.s.idleMark,
        texts: () => ({
          title: texts.title,
          date: app.date ? formatDate(app.date, this.s.locale()) : '',
          headline: texts.headline,
          legend: legendEntries({ ...this.s.legend(), locale: this.s.locale() }),
          credits: texts.credits,
          theme: this.s.theme(),
        }),
      },
      req,
    );
  };
}
