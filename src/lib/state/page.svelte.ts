/**
 * The page's state objects, made once and wired together: the data and the
 * choice (AppState), the player, language, theme, the URL's one owner,
 * the phone's sheet, the page's texts, the framing and the exports; and the
 * page's hooks (the idle marker, the first view, `window.frontline`).
 * App.svelte only composes components around it.
 */
import type * as maplibregl from 'maplibre-gl';
import { AppState } from './app.svelte';
import { CompareState } from './compare.svelte';
import { loadNeighbours, type FC } from './data';
import { Exports } from './exports.svelte';
import { Framing } from './framing.svelte';
import { Language } from './language.svelte';
import { loadNotes, notesIn, type DayNote } from './notes';
import { PageTexts } from './pageTexts.svelte';
import { Player } from './player.svelte';
import { Sheet } from './sheet.svelte';
import { ThemeState } from './theme.svelte';
import { isValidViewHash, type UrlState } from './url';
import { UrlSync } from './urlSync.svelte';

/** The page's state and hooks: one per page, made by App.svelte. */
export class Page {
  readonly app: AppState;
  readonly player: Player;
  readonly language: Language;
  /** The second side of a comparison (none while `compare.active` is false). */
  readonly compare: CompareState;
  readonly theme: ThemeState;
  readonly url: UrlSync;
  readonly sheet: Sheet;
  readonly texts: PageTexts;
  readonly exports: Exports;
  /** The map, once MapFigure has made it (bound by App.svelte). */
  map = $state.raw<maplibregl.Map>();
  /** The land around Ukraine, loaded beside the data set. */
  neighbours = $state.raw<FC | null>(null);
  private neighboursSettled = $state(false);
  /** The first view's data has come (or failed to): the map paints its first frame then (map/firstPaint.ts). */
  get firstViewReady(): boolean {
    return this.app.settled && this.neighboursSettled;
  }
  locale = $derived.by(() => this.language.current);
  /** DeepState's notes of the day (the data folder's notes.json), fetched after the first map; none until then. */
  private notes = $state.raw<DayNote[]>([]);
  private notesStarted = false;
  /** The notes in the page's language, for the timeline's and the chart's marks. */
  noteTexts = $derived.by(() => notesIn(this.notes, this.locale));
  /** The legend's input as the page shows it: the scenario's classes, the theme, the strip, the line of contact. */
  legend = $derived.by(() => ({
    classes: this.compare.legendClasses,
    theme: this.theme.current,
    strip: this.app.stripCollection.features.length > 0 || this.compare.stripCollection.features.length > 0,
    frontline: this.app.frontline.features.length > 0 && this.app.layers.includes('frontline'),
  }));
  /** Resolves with the first drawn view: links and embed code made before it would carry MapLibre's default view. */
  readonly firstView: Promise<void>;
  private viewShown: () => void = () => {};

  /** Create it while App.svelte initialises (its effects belong to the page). */
  constructor(
    initial: UrlState,
    readonly embedded: boolean,
  ) {
    const app = (this.app = new AppState(initial));
    // Start loading now, not on mount: the map's WebGL set-up (mounted first) would delay it.
    void app.load();
    loadNeighbours()
      .then(
        (fc) => (this.neighbours = fc),
        () => {}, // the land around Ukraine is context only: the map and its figures stand without it
      )
      .finally(() => (this.neighboursSettled = true));
    this.player = new Player({ dates: () => app.dates, current: () => app.date, show: (d) => app.selectDate(d) }, () =>
      app.cancelPending(),
    );
    const { theme, lang, title, subtitle } = initial;
    this.language = new Language(lang);
    this.compare = new CompareState(app, () => this.language.current, initial);
    this.theme = new ThemeState(theme);
    this.url = new UrlSync(app, this.language, this.player, { theme, embed: embedded, title, subtitle }, this.compare);
    this.sheet = new Sheet(embedded);
    this.texts = new PageTexts(app, this.language, title, this.compare);
    // A link's view (main.ts has dropped a hash that is none) holds until the reader picks another scenario.
    new Framing(
      app,
      () => this.map,
      () => this.sheet.framePadding,
      isValidViewHash(location.hash),
    );
    this.exports = new Exports({
      app,
      compare: this.compare,
      texts: this.texts,
      player: this.player,
      map: () => this.map,
      theme: () => this.theme.current,
      locale: () => this.locale,
      subtitle,
      legend: () => this.legend,
      idleMark: (date) => this.idleMark(date),
    });
    this.firstView = new Promise<void>((resolve) => (this.viewShown = resolve));
    // A handle for tests, the bench and people checking the map from the console.
    $effect(() => {
      if (this.map)
        (window as unknown as { frontline: object }).frontline = {
          map: this.map,
          app,
          compare: this.compare,
          exportImage: this.exports.image,
          exportVideo: this.exports.video,
        };
    });
  }

  /** The reader picks a date on the timeline or the chart: playback stops, and the URL takes the date. */
  pickDate = (d: string): void => {
    this.player.pause();
    performance.mark('frontline:date');
    const before = this.app.date;
    void this.app.selectDate(d).then(
      () => this.app.date !== before && !this.player.playing && this.url.push(),
      (e: Error) => this.app.fail('status.snapshotError', e, { date: d }),
    );
  };

  /** The map is drawn and its numbers match the choice: for tests and the bench, and the chart's turn to load. */
  markIdle = (): void => {
    performance.mark('frontline:idle');
    if (!this.embedded) this.app.loadHistory();
    if (!this.embedded) this.loadNotes();
    this.viewShown();
    document.body.dataset.mapIdle = this.idleMark(this.app.date);
  };

  /** The notes, once (a missing or damaged file: no marks and a notice; the page works on without them). */
  private loadNotes(): void {
    const manifest = this.app.dataset?.manifest;
    if (!manifest || this.notesStarted) return;
    this.notesStarted = true;
    loadNotes(manifest).then(
      (n) => (this.notes = n),
      (e: Error) => this.app.fail('status.notesError', e),
    );
  }

  /** The idle marker's value for a date (tests, the bench and the video export wait for it). */
  idleMark(date: string | null): string {
    return `${this.app.scenarioId}|${date ?? ''}`;
  }
}
