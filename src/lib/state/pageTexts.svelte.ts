/**
 * The page's texts for the shown choice, in its language: the scenario's
 * title and clause, the headline, the alt text and the credits. One place,
 * so the panel, the embed, the live region and the PNG say the same.
 */
import { BASEMAP_SOURCES, MINREGION_CREDIT, SOURCE_NAME } from '../datafolder/provenance';
import { t } from '../i18n/locale.svelte';
import { scenarioTexts } from '../i18n/names';
import { altText } from '../text/altText';
import { htmlText } from '../text/safeText';
import { headline } from '../text/headline';
import type { AppState } from './app.svelte';
import type { CompareState } from './compare.svelte';
import type { Language } from './language.svelte';

/** Derived texts of an AppState (see the module comment). */
export class PageTexts {
  // Set by the constructor; the deriveds read them lazily (hence $derived.by: TypeScript cannot see that).
  private readonly app: AppState;
  private readonly language: Language;
  private readonly fixedTitle: string | undefined;
  private readonly compare: CompareState | undefined;
  /** The date the figures are for (none on the page without data). */
  readonly date = $derived.by(() => (this.app.status === 'ready' ? this.app.date : null));
  readonly scenario = $derived.by(() => scenarioTexts(this.app.scenario, this.language.current));
  /** The scenario's sentence; while comparing, the comparison's (the panel, the embed and the PNG lead with it). */
  readonly headline = $derived.by(
    () =>
      this.compare?.sentence ||
      (this.app.rows
        ? headline(this.app.scenario, this.app.rows, this.date, this.language.current, this.app.places?.totals)
        : ''),
  );
  readonly alt = $derived.by(() =>
    this.app.rows ? altText(this.app.scenario, this.app.rows, this.date, this.language.current, this.dataName) : '',
  );
  /** The plans' dates, for the marks on the timeline and chart: from the catalogue, titled in the page's language. */
  readonly plans = $derived.by(() =>
    this.app.scenarios.flatMap((s) =>
      s.date ? [{ date: s.date, title: scenarioTexts(s, this.language.current).title }] : [],
    ),
  );
  /** The embed's own title (`?title=`), else the scenario's. */
  readonly title = $derived.by(() => this.fixedTitle ?? this.scenario.title);
  /** The credit the boundaries' licence asks for (© Minregion, in the page's language); never a file's name. */
  private readonly boundaries = $derived.by(() => {
    const b = this.app.dataset?.manifest.boundaries;
    const credit = b ? b.attribution : MINREGION_CREDIT;
    return credit === MINREGION_CREDIT ? t('boundaries.minregion') : (credit ?? t('boundaries.unnamed'));
  });
  /** A reader's own file is credited as theirs, not DeepStateMap's. */
  private readonly dataName = $derived.by(() =>
    this.app.upload ? t('upload.credit', { name: this.app.upload.name }) : SOURCE_NAME,
  );
  readonly credits = $derived.by(() => {
    const parts = { data: this.dataName, boundaries: this.boundaries, basemap: t('credits.basemap', BASEMAP_SOURCES) };
    return this.app.date ? t('credits.withDate', { ...parts, date: this.app.date }) : t('credits.noDate', parts);
  });
  /**
   * The map's attribution box, as HTML (MapLibre sets it as innerHTML, so each
   * line is escaped): the full line, and the short one that maps of phone width
   * show instead (MapFigure.svelte), which names the same sources without their
   * labels or the date (the headline gives it), on one line at 360 px.
   */
  readonly attribution = $derived.by(() => {
    const full = `${this.dataName}${this.app.date ? ` ${this.app.date}` : ''} · ${t('attribution.boundaries', { boundaries: this.boundaries })} · ${t('credits.basemap', BASEMAP_SOURCES)}`;
    const short = [this.dataName, this.boundaries, BASEMAP_SOURCES.rivers, BASEMAP_SOURCES.places].join(' · ');
    return `<span class="credit-full">${htmlText(full)}</span><span class="credit-short">${htmlText(short)}</span>`;
  });

  constructor(app: AppState, language: Language, fixedTitle?: string, compare?: CompareState) {
    this.app = app;
    this.compare = compare;
    this.language = language;
    this.fixedTitle = fixedTitle;
  }
}
