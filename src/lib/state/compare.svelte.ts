/**
 * The compared side (issue 14.2): a second scenario and/or a second date
 * beside the page's own (AppState is side A). Its snapshot comes from the
 * same loader (loadFrame, the nearest snapshot for a date from AppState's
 * snapshotFor), its map classes from the same scenarioDisplay and
 * its figures from the same engine call (areaReport, through sideReport:
 * the compared figures do not depend on a plan's own strip), its strip from
 * the page's StripLoader. The difference and its sentence are
 * engine/difference.ts and text/compareSentence.ts.
 */
import type { FeatureCollection } from 'geojson';
import type * as maplibregl from 'maplibre-gl';
import { untrack } from 'svelte';
import type { SnapshotEntry } from '../datafolder/manifest';
import { areaDifference, sideReport, type DifferenceRow } from '../engine/difference';
import type { AreaReport } from '../engine/report';
import type { ScenarioDefinition } from '../engine/scenarios';
import type { Locale } from '../i18n/messages';
import { collectPieces, DISPLAY_CLASSES, frontlineOf, scenarioDisplay } from '../map/scenarioLayers';
import { compareSentence, sideLabel, type CompareSide } from '../text/compareSentence';
import type { AppState } from './app.svelte';
import type { FC } from './data';
import { loadFrame } from './history';
import { CUSTOM_ID } from './customScenario';
import { StripLoader, stripKey } from './stripLoader.svelte';
import type { UrlState } from './url';

export class CompareState {
  /** The compared plan's id, or null: the plan the page shows. */
  scenarioId = $state<string | null>(null);
  /** The compared date as asked (the nearest snapshot is shown), or null: the page's date. */
  wantedDate = $state<string | null>(null);
  /** Side B's map while it is mounted (CompareMap binds it; the PNG export draws it). */
  map = $state.raw<maplibregl.Map | undefined>(undefined);
  private loaded = $state.raw<{ id: string; fc: FC } | null>(null);
  /** Side B's own strip (a second loader: its date may differ from the page's). */
  private readonly strips = new StripLoader((key, e, params) => this.app.fail(key, e, params));

  private readonly app: AppState;
  private readonly locale: () => Locale;

  /** Create it while a component initialises: an effect loads the compared date's snapshot. */
  constructor(app: AppState, locale: () => Locale, initial?: UrlState) {
    this.app = app;
    this.locale = locale;
    this.restore(initial);
    $effect(() => {
      const entry = this.entry;
      const ds = this.app.dataset;
      const key = this.stripKey;
      // Only the side's choice reruns it: the loader's own state (its code, its snapshot) is not a reason to load.
      if (this.active && entry && ds) untrack(() => this.strips.load(key, ds.manifest, entry, false));
    });
    $effect(() => {
      const entry = this.entry;
      const ds = this.app.dataset;
      if (!this.active || !entry || !ds || this.sharesSnapshot || this.loaded?.id === entry.id) return;
      loadFrame(ds.manifest, entry).then(
        (fc) => {
          if (this.entry?.id === entry.id) this.loaded = { id: entry.id, fc };
        },
        (e: Error) => this.app.fail('status.snapshotError', e, { date: entry.date }),
      );
    });
  }

  /** The plans a side may show (the catalogue). */
  get scenarios(): readonly ScenarioDefinition[] {
    return this.app.scenarios;
  }
  /** The snapshots' dates, for the date field. */
  readonly dates = $derived.by(() => this.app.dates);

  /**
   * The compared plan. The page's own plan is taken as the page shows it, with the reader's strip width. The
   * custom plan is one when it is chosen as the second plan while the page shows another; with a custom plan
   * shown and no second plan, there is no side B.
   */
  readonly scenario = $derived.by<ScenarioDefinition | null>(() => {
    const id = this.scenarioId ?? this.app.scenarioId;
    if (id === CUSTOM_ID) return this.scenarioId === CUSTOM_ID ? this.custom : null;
    if (id === this.app.scenarioId) return this.app.scenario;
    return this.app.scenarios.find((s) => s.id === id) ?? null;
  });
  /** Whether a second side is asked for and has a plan (the second map exists only then). */
  readonly active = $derived((this.scenarioId !== null || this.wantedDate !== null) && this.scenario !== null);
  /** The reader's custom plan, which the second plan may be while the page shows another (else null). */
  get custom(): ScenarioDefinition | null {
    return this.app.scenarioId === CUSTOM_ID ? null : this.app.custom;
  }
  /** The compared snapshot: the wanted date's nearest, as the page's `date` takes it. */
  readonly entry = $derived.by<SnapshotEntry | null>(() => {
    const date = this.wantedDate ?? this.app.date;
    return date ? this.app.snapshotFor(date) : null;
  });
  /** Side B shows the page's own snapshot (same date, no reader's file): nothing to load, the pieces are shared. */
  private readonly sharesSnapshot = $derived.by(() => !this.app.upload && this.entry?.id === this.app.entry?.id);
  private readonly snapshot = $derived.by<FC | null>(() => {
    if (this.sharesSnapshot) return this.app.snapshot;
    return this.loaded && this.loaded.id === this.entry?.id ? this.loaded.fc : null;
  });
  readonly pieces = $derived.by(() =>
    this.sharesSnapshot ? this.app.pieces : collectPieces(this.snapshot, this.app.dataset?.ordlo ?? null),
  );
  readonly frontline = $derived.by(() => (this.sharesSnapshot ? this.app.frontline : frontlineOf(this.snapshot)));
  readonly display = $derived.by(() =>
    this.active && this.scenario && this.snapshot
      ? scenarioDisplay(this.scenario, this.app.regionIds, this.pieces, true)
      : null,
  );
  /** Side B's figures: the engine's, or null while loading (a custom plan's strip too) or when they cannot be computed. */
  readonly report = $derived.by<AreaReport | null>(() => {
    const ds = this.app.dataset;
    if (!this.active || !ds || !this.entry || !this.scenario || !this.app.available(this.scenario.id)) return null;
    try {
      return sideReport(ds.manifest, ds.stats, this.entry, this.scenario, this.strip?.areas);
    } catch {
      return null; // the page's own notice says why a data set cannot be computed
    }
  });
  /** The two sides, once both have a date and plan. */
  readonly sides = $derived.by<{ a: CompareSide; b: CompareSide } | null>(() => {
    if (!this.active || !this.scenario || !this.entry || !this.app.date) return null;
    return {
      a: { scenario: this.app.scenario, date: this.app.date },
      b: { scenario: this.scenario, date: this.entry.date },
    };
  });
  /** B − A per region and group (empty until both sides have figures). */
  readonly difference = $derived.by<DifferenceRow[]>(() =>
    this.app.report && this.report ? areaDifference(this.app.report.rows, this.report.rows) : [],
  );
  /** The comparison as one sentence in the page's language ('' until both sides have figures). */
  readonly sentence = $derived.by(() =>
    this.sides && this.difference.length
      ? compareSentence(this.sides.a, this.sides.b, this.difference, this.locale())
      : '',
  );
  /** Each side's label over its half of the map. */
  readonly labels = $derived.by(() =>
    this.sides ? { a: sideLabel(this.sides.a, this.locale()), b: sideLabel(this.sides.b, this.locale()) } : null,
  );
  /** The legend's classes: the page's map's, and side B's while comparing (in the legend's order). */
  readonly legendClasses = $derived.by(() => {
    const b = (this.active && this.display?.classes) || [];
    return DISPLAY_CLASSES.filter((c) => this.app.display?.classes.includes(c) || b.includes(c));
  });
  private readonly stripKey = $derived(this.active && this.scenario ? stripKey(this.scenario) : '');
  /** Side B's plan's own strip on its date, as side A's (null until it is loaded, or without one). */
  private readonly strip = $derived.by(() => {
    const ds = this.app.dataset;
    return ds && this.entry ? this.strips.strip(this.stripKey, ds.regions, this.entry, null) : null;
  });
  /** The strip as map features (empty without one). */
  readonly stripCollection = $derived<FeatureCollection>(this.strips.collection(this.strip));
  /** The idle marker of side B's map (tests and the bench wait for it), as AppState's `scenario|date`. */
  readonly idleMark = $derived(this.scenario && this.entry ? `${this.scenario.id}|${this.entry.date}` : '');

  /** Compare with a built-in plan or the reader's custom one (null: the page's plan); an unknown id changes nothing. */
  selectScenario(id: string | null): void {
    performance.mark('frontline:compare-select');
    if (id === null || this.app.scenarios.some((s) => s.id === id) || (id === CUSTOM_ID && this.app.custom))
      this.scenarioId = id;
  }

  /** Compare with a date (null: the page's date); the nearest snapshot is shown. */
  selectDate(date: string | null): void {
    this.wantedDate = date;
  }

  /** Back to one map. */
  stop(): void {
    this.scenarioId = null;
    this.wantedDate = null;
  }

  /** The URL's compared side (unknown ids and bad dates were dropped by parseUrlState). */
  restore(s?: Pick<UrlState, 'compare' | 'compare_date'>): void {
    this.scenarioId = s?.compare ?? null;
    this.wantedDate = s?.compare_date ?? null;
  }

  /** The URL's part: the compared plan, and the compared date as shown (the nearest snapshot's, as for `date`). */
  urlState(): Pick<UrlState, 'compare' | 'compare_date'> {
    return {
      compare: this.scenarioId ?? undefined,
      compare_date: this.wantedDate ? (this.entry?.date ?? this.wantedDate) : undefined,
    };
  }
}
