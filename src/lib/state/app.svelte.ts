// Over 300 lines: the data set, the choice and every derived figure are one dependency graph of runes; split, they would pass each other half of it.
/**
 * The page's state: the data set, the chosen scenario and date, and what
 * follows from them, with explicit loaders (load, selectDate, loadStrip,
 * loadHistory: no $derived fetches). Every figure is the engine's
 * (`areaReport`, `computeAreas`), the same functions the CLI calls.
 */
import type { FeatureCollection } from 'geojson';
import { computeAreas, type AreaRow } from '../engine/areas';
import { nearestSnapshot, newestDate, packOverlays, seriesOf, type SnapshotEntry } from '../datafolder/manifest';
import type { RegionOverlay } from '../engine/overlay';
import { areaReport, type AreaReport } from '../engine/report';
import { SCENARIOS, STATUS_QUO, scenarioById } from '../engine/scenarioCatalog';
import { needsOrdlo, withStripWidth, type ScenarioDefinition } from '../engine/scenarios';
import type { Strip } from '../engine/strip';
import { collectPieces, frontlineOf, scenarioDisplay } from '../map/scenarioLayers';
import { CUSTOM_ID } from './customScenario';
import { loadBuiltinBoundaries, loadDataset, loadPlaces, type Dataset, type FC } from './data';
import { ControlIndex, placesChangingHands, type PlacesFile, type PlacesResult } from '../engine/places';
import { loadFrame } from './history';
import { StripLoader, stripKey } from './stripLoader.svelte';
import { statusQuoSeries, type SeriesPoint } from './timeSeries';
import type { Upload } from './upload';
import { LAYERS, type LayerId, type UrlState } from './url';
import type { Params } from '../i18n/messages';

/** Scenarios that mean something without a snapshot (whole regions only). */
const NO_SNAPSHOT_SCENARIOS = ['borders-1991', 'russia-demand'];

export type Status = 'loading' | 'ready' | 'nodata' | 'error';

/**
 * What went wrong, as a locale key and its values, so the page says it in the
 * reader's language (and again after a switch of language). `message` is the
 * error's own text: a technical detail (a file name, a byte count) that stays
 * as the engine or the browser wrote it.
 */
export interface Notice {
  key: 'status.error' | 'status.snapshotError' | 'status.stripError' | 'status.notesError';
  params: Params;
}

export class AppState {
  status = $state<Status>('loading');
  /** The first view's data is in (or failed): the map may paint its first frame. */
  settled = $state(false);
  /** The last failure the reader should see, or null. */
  notice = $state.raw<Notice | null>(null);
  dataset = $state.raw<Dataset | null>(null);
  regions = $state.raw<FC | null>(null);
  /** Region areas of the built-in boundaries, for the page without data. */
  private builtin = $state.raw<RegionOverlay[] | null>(null);
  scenarioId = $state(STATUS_QUO);
  date = $state<string | null>(null);
  /** The date the URL asked for (the page shows the nearest snapshot). */
  private wantedDate: string | null = null;
  layers = $state<LayerId[]>([...LAYERS]);
  snapshot = $state.raw<FC | null>(null);
  /** Counts date changes, so a slow fetch cannot overwrite a newer choice. */
  private loadSeq = 0;

  readonly scenarios: readonly ScenarioDefinition[] = SCENARIOS;
  /** The custom scenario (from the URL or the editor); shown while scenarioId is CUSTOM_ID. */
  custom = $state.raw<ScenarioDefinition | null>(null);
  /**
   * The reader's width for the shown plan's own strip (one of its
   * `strip.choices_km`), or null for the plan's default. Cleared when the
   * scenario changes: the choice belongs to one plan.
   */
  stripPick = $state<number | null>(null);
  scenario = $derived(
    this.scenarioId === CUSTOM_ID && this.custom
      ? this.custom
      : withStripWidth(
          scenarioById(this.scenarioId === CUSTOM_ID ? STATUS_QUO : this.scenarioId),
          this.stripPick ?? undefined,
        ),
  );
  series = $derived<SnapshotEntry[]>(this.dataset ? seriesOf(this.dataset.manifest, 'any') : []);
  /** The series' dates, oldest first (the timeline's, the player's, the video's and compare's). */
  dates = $derived(this.series.map((s) => s.date));
  /** A reader's own file of occupied territory, shown instead of the data set's snapshot while set. */
  upload = $state.raw<Upload | null>(null);
  entry = $derived(this.upload?.entry ?? this.series.find((s) => s.date === this.date) ?? null);
  /** The data set's figures, with the reader's file among them. */
  private stats = $derived(
    this.dataset
      ? this.upload
        ? {
            ...this.dataset.stats,
            overlays: { ...this.dataset.stats.overlays, [this.upload.entry.id]: packOverlays(this.upload.overlays) },
          }
        : this.dataset.stats
      : null,
  );

  /** Whether a scenario can be shown with what is loaded. */
  available(id: string): boolean {
    if (this.status === 'nodata') return NO_SNAPSHOT_SCENARIOS.includes(id);
    if (id === CUSTOM_ID && !this.custom) return false;
    const scenario = id === CUSTOM_ID ? this.custom : SCENARIOS.find((s) => s.id === id);
    if (!scenario) return true;
    // A scenario whose rules read the pre-2022 layer (rules.ts) needs the data set's ORDLO layer.
    return !needsOrdlo(scenario) || Boolean(this.dataset?.manifest.ordlo);
  }

  /** Loads and computes the shown plan's strip. */
  private strips = new StripLoader((key, e, params) => this.fail(key, e, params));
  private stripKey = $derived(stripKey(this.scenario));
  /**
   * The scenario's demilitarised strip on the date, if it has one (StripLoader: the CLI's computeStrip on the
   * same files). Null until loadStrip() has brought what it needs.
   */
  strip = $derived.by<Strip | null>(() => {
    const ds = this.dataset;
    const entry = this.entry;
    if (!ds || !entry) return null;
    return this.strips.strip(
      this.stripKey,
      ds.regions,
      entry,
      this.upload?.entry.id === entry.id ? this.upload.fc : null,
    );
  });
  /** The strip as map features (empty without one). */
  stripCollection = $derived<FeatureCollection>(this.strips.collection(this.strip));

  /** Loads what the strip of the shown scenario and date needs. Every choice of scenario or date calls it. */
  private loadStrip(): void {
    const ds = this.dataset;
    const entry = this.entry;
    if (ds && entry) this.strips.load(this.stripKey, ds.manifest, entry, this.upload?.entry.id === entry.id);
  }

  /** The figures, or why there are none (a data set whose files disagree, such as a half-updated cache). */
  private figures = $derived.by<{ report: AreaReport | null; error: string | null }>(() => {
    const ds = this.dataset;
    if (!ds || !this.entry || !this.available(this.scenarioId)) return { report: null, error: null };
    try {
      return {
        report: areaReport(ds.manifest, this.stats!, this.entry, this.scenario, { strip: this.strip?.areas }),
        error: null,
      };
    } catch (e) {
      return { report: null, error: (e as Error).message }; // no figures rather than a broken page
    }
  });
  report = $derived(this.figures.report);
  /** Why the figures could not be computed (shown as the page's notice), else null. */
  reportError = $derived(this.figures.error);

  rows = $derived.by<AreaRow[] | null>(() => {
    if (this.report) return this.report.rows;
    if (this.status === 'nodata' && this.builtin && this.available(this.scenarioId))
      return computeAreas(this.scenario, { overlays: this.builtin, ordlo: {}, raw: false });
    return null;
  });

  regionIds = $derived((this.regions?.features ?? []).map((f) => String(f.properties?.id)));
  /** The date's pieces: the only map data that changes with the date (never with the scenario). */
  pieces = $derived(collectPieces(this.snapshot, this.dataset?.ordlo ?? null));
  display = $derived(
    this.regions ? scenarioDisplay(this.scenario, this.regionIds, this.pieces, this.snapshot !== null) : null,
  );
  frontline = $derived(frontlineOf(this.snapshot));

  /** The gazetteer of the data set (fetched after the first map, it is only needed for the places list). */
  placesFile = $state.raw<PlacesFile | null>(null);
  /** Who holds each town on the date: from the pieces the map draws, so the list matches the map. */
  private controlIndex = $derived(this.snapshot ? new ControlIndex(this.pieces.features) : null);
  /** The towns the scenario moves against the status quo of the date. */
  places = $derived.by<PlacesResult | null>(() => {
    if (!this.placesFile || !this.controlIndex || !this.report) return null;
    return placesChangingHands(this.scenario, this.placesFile.places, this.controlIndex);
  });

  /** The status quo through the data set's history, for the chart (empty until loadHistory). */
  historyPoints = $state.raw<SeriesPoint[]>([]);
  private historyStarted = false;
  /**
   * Computes the chart's figures (about 800 of them), once, when the data set
   * is in. The page calls it after the first drawn map: they are not needed to
   * see it, and the main thread is the software renderer's too.
   */
  loadHistory(): void {
    const ds = this.dataset;
    if (!ds || this.historyStarted) return;
    this.historyStarted = true;
    statusQuoSeries(ds.manifest, ds.stats, this.series).then(
      (points) => (this.historyPoints = points),
      (e: Error) => this.fail('status.error', e),
    );
  }

  /** Take the URL's choices (unknown ones were already dropped by parseUrlState). */
  constructor(initial?: UrlState) {
    if (initial?.scenario) this.scenarioId = initial.scenario;
    if (initial?.scenario) this.stripPick = this.stripChoiceOf(initial.scenario, initial.strip_km);
    if (initial?.custom) {
      this.custom = initial.custom;
      if (initial.compare !== CUSTOM_ID) this.scenarioId = CUSTOM_ID;
    }
    if (initial?.date) this.wantedDate = initial.date;
    if (initial?.layers) this.layers = initial.layers;
  }

  async load(): Promise<void> {
    try {
      const ds = await loadDataset((m) => {
        // Without a date in the link, the newest snapshot: the map follows the front.
        const first = nearestSnapshot(m, this.wantedDate ?? newestDate(m) ?? '');
        if (first) void loadFrame(m, first).catch(() => {}); // warms the cache selectDate reads
      });
      if (ds) {
        performance.mark('frontline:dataset');
        this.dataset = ds;
        this.regions = ds.regions;
        this.status = 'ready';
        const start = nearestSnapshot(ds.manifest, this.wantedDate ?? newestDate(ds.manifest) ?? '')?.date ?? null;
        if (!this.available(this.scenarioId)) this.scenarioId = STATUS_QUO;
        if (start) await this.selectDate(start);
        loadPlaces(ds.manifest).then(
          (file) => (this.placesFile = file),
          () => {}, // no list of towns: the rest of the page works without it
        );
        return;
      }
      const boundaries = await loadBuiltinBoundaries();
      // Measuring the built-in regions needs the geometry code; only the page without data does it.
      const { regionsFromGeoJSON } = await import('../engine/regions');
      const regions = regionsFromGeoJSON(boundaries, 'built-in boundaries');
      this.builtin = regions.map((r) => ({
        id: r.id,
        area_km2: r.area_km2,
        occupied_km2: 0,
        contested_km2: 0,
        sliver_km2: 0,
      }));
      this.regions = boundaries as FC;
      this.status = 'nodata';
      if (!this.available(this.scenarioId)) this.scenarioId = NO_SNAPSHOT_SCENARIOS[0];
    } catch (e) {
      this.status = 'error';
      this.fail('status.error', e);
    } finally {
      this.settled = true;
    }
  }

  /** Keep a failure for the page's notice: `key`'s sentence around the error's own text. */
  fail(key: Notice['key'], e: unknown, params: Params = {}): void {
    this.notice = { key, params: { ...params, message: e instanceof Error ? e.message : String(e) } };
  }

  /** Show a built-in scenario; `stripKm` picks its strip's width (one of its choices, else its default). */
  selectScenario(id: string, stripKm?: number): void {
    performance.mark('frontline:select');
    if (this.scenarios.some((s) => s.id === id) && this.available(id)) {
      this.scenarioId = id;
      this.stripPick = this.stripChoiceOf(id, stripKm);
    }
    this.loadStrip();
  }

  /** Pick the width of the shown plan's strip (one of its `strip.choices_km`; another value changes nothing). */
  selectStripWidth(km: number): void {
    const pick = this.stripChoiceOf(this.scenarioId, km);
    if (pick === null) return;
    this.stripPick = pick;
    this.loadStrip();
  }

  /** `km` if it is one of the plan's strip widths other than its default, else null (the default). */
  private stripChoiceOf(id: string, km: number | undefined): number | null {
    const spec = this.scenarios.find((s) => s.id === id)?.strip;
    return spec && km !== undefined && spec.choices_km.includes(km) && km !== spec.default_km ? km : null;
  }

  /** Keep a custom scenario without showing it (the compared side's, from a link). */
  keepCustom(def: ScenarioDefinition): void {
    this.custom = def;
  }

  /** Show a custom scenario (the editor calls this on every edit; the figures and the strip follow). */
  selectCustom(def: ScenarioDefinition): void {
    this.custom = def;
    this.scenarioId = CUSTOM_ID;
    this.loadStrip();
  }

  toggleLayer(id: LayerId, on: boolean): void {
    this.layers = LAYERS.filter((l) => (l === id ? on : this.layers.includes(l)));
  }

  /** Show a reader's file (already read and computed: a bad file never gets here, so the view stays). */
  showUpload(upload: Upload): void {
    this.loadSeq++;
    this.upload = upload;
    this.snapshot = upload.fc;
    this.date = upload.entry.date;
    this.loadStrip();
  }

  /** Back to the data set's snapshot of the same date. */
  async closeUpload(): Promise<void> {
    const date = this.upload?.entry.date;
    if (date) await this.selectDate(date);
  }

  /** Forget a date change still loading (the page keeps what it shows). */
  cancelPending(): void {
    this.loadSeq++;
  }

  /** The snapshot a date shows: that day's in the series, else the nearest (null without a data set). */
  snapshotFor(date: string): SnapshotEntry | null {
    const ds = this.dataset;
    if (!ds) return null;
    return this.series.find((s) => s.date === date) ?? nearestSnapshot(ds.manifest, date) ?? null;
  }

  /** Show the snapshot of a date (the nearest one if that day has none). */
  async selectDate(date: string): Promise<void> {
    const ds = this.dataset;
    const entry = this.snapshotFor(date);
    if (!ds || !entry) return;
    const seq = ++this.loadSeq;
    // The drawn features from the history chunks: a month of days per request, delta-encoded.
    const fc = await loadFrame(ds.manifest, entry);
    if (seq !== this.loadSeq) return;
    performance.mark('frontline:snapshot');
    this.upload = null;
    this.snapshot = fc;
    this.date = entry.date;
    this.loadStrip();
  }
}
