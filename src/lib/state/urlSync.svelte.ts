/**
 * The one owner of the page's URL (its format is url.ts's): each choice the
 * reader makes is pushed as a history entry, back/forward restore the
 * choices, and the permalink is the same address. Nothing else reads or
 * writes `location`'s query.
 */
import { STATUS_QUO } from '../engine/scenarioCatalog';
import { newestDate } from '../datafolder/manifest';
import type { AppState } from './app.svelte';
import type { CompareState } from './compare.svelte';
import { CUSTOM_ID } from './customScenario';
import type { Language } from './language.svelte';
import type { Player } from './player.svelte';
import { formatUrlState, isValidViewHash, LAYERS, parseUrlState, type UrlState } from './url';

/** What the URL carries that the reader cannot change on the page (the embed's own settings). */
export type FixedUrlState = Pick<UrlState, 'theme' | 'embed' | 'title' | 'subtitle'>;

/** The page's address for a state: the query from formatUrlState, the path and the map's view hash kept. */
export function pageUrl(s: UrlState, path: string, hash: string): string {
  return `${path}${formatUrlState(s)}${hash}`;
}

/** Drops a hash that is not a view MapLibre can read, before the map reads it (main.ts calls it first). */
export function dropInvalidViewHash(): void {
  if (location.hash && !isValidViewHash(location.hash))
    history.replaceState(null, '', `${location.pathname}${location.search}`);
}

export class UrlSync {
  private editTimer: ReturnType<typeof setTimeout> | undefined;

  /** Create it while a component initialises: it pushes the date when playback stops. */
  constructor(
    private readonly app: AppState,
    private readonly language: Language,
    player: Player,
    private readonly fixed: FixedUrlState,
    /** The compared side, whose plan and date the URL keeps (`compare`, `compare_date`). */
    private readonly compare?: CompareState,
  ) {
    // The URL takes the date when playback stops, not at every step.
    let wasPlaying = false;
    $effect(() => {
      if (wasPlaying && !player.playing) this.push();
      wasPlaying = player.playing;
    });
    window.addEventListener('popstate', () => this.restore());
  }

  /** The page's choices as URL state (defaults left out by formatUrlState). */
  state(): UrlState {
    const app = this.app;
    return {
      scenario: app.scenarioId === STATUS_QUO || app.scenarioId === CUSTOM_ID ? undefined : app.scenarioId,
      custom:
        (app.scenarioId === CUSTOM_ID || this.compare?.scenarioId === CUSTOM_ID) && app.custom ? app.custom : undefined,
      strip_km: app.stripPick ?? undefined,
      date: app.date ?? undefined,
      layers: app.layers.length === LAYERS.length ? undefined : app.layers,
      lang: this.language.chosen,
      ...this.compare?.urlState(),
      ...this.fixed,
    };
  }

  /** The permalink: this page's full address with the current choices and view. */
  href(): string {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- resolved once into a string, never kept or watched
    return new URL(pageUrl(this.state(), location.pathname, location.hash), location.href).href;
  }

  /**
   * The embed's address: the permalink with `embed=1` and the page's language
   * added (to its query as it stands, so links made before keep their form).
   */
  embedHref(): string {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- resolved once into a string, never kept or watched
    const url = new URL(this.href());
    url.searchParams.set('embed', '1');
    url.searchParams.set('lang', this.language.current);
    return url.href;
  }

  /** A history entry for the current choices (none if the address would not change). */
  push(): void {
    const next = pageUrl(this.state(), location.pathname, location.hash);
    if (next !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', next);
  }

  /** One history entry per pause in editing, not per keystroke. */
  pushSoon(): void {
    clearTimeout(this.editTimer);
    this.editTimer = setTimeout(() => this.push(), 600);
  }

  /** Back/forward: the choices the address holds. */
  private restore(): void {
    const app = this.app;
    const s = parseUrlState(
      location.search,
      app.scenarios.map((x) => x.id),
      app.scenarios,
    );
    if (s.custom && s.compare !== CUSTOM_ID) app.selectCustom(s.custom);
    else {
      if (s.custom) app.keepCustom(s.custom); // the compared side's
      app.selectScenario(s.scenario ?? STATUS_QUO, s.strip_km);
    }
    app.layers = s.layers ?? [...LAYERS];
    this.compare?.restore(s);
    this.language.restore(s.lang);
    const newest = app.dataset ? newestDate(app.dataset.manifest) : undefined;
    if (s.date ?? newest)
      app
        .selectDate((s.date ?? newest)!)
        .catch((e: Error) => app.fail('status.snapshotError', e, { date: (s.date ?? newest)! }));
  }
}
