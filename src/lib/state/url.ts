/**
 * The page's state in its URL: a stable, documented contract, because links in
 * published articles must never break.
 *
 * Query parameters: `scenario` (an id), `date` (YYYY-MM-DD), `lang` (en|uk),
 * `theme` (light|dark), `layers` (comma-separated, from LAYERS, or `none`), `embed` (1),
 * `title` and `subtitle` (the embed's headings), `custom` (a custom scenario,
 * `<based_on>~<rules>~<strip_km>~<name>`, e.g.
 * `custom=us-28-point~*:u,UA-14:b,UA-23:l~5~My+plan`; see customScenario.ts,
 * which documents the format; it is shown instead of `scenario`, or beside it with `compare=custom`), `strip_km` (the width of
 * the strip of a plan that has one, one of its `strip.choices_km`: `scenario=framework-20-point&strip_km=40`;
 * any other value, or a plan with no strip, leaves the plan's default), `compare` (a second scenario's id,
 * shown beside the first on the same date) and `compare_date` (a second date, YYYY-MM-DD: the nearest
 * snapshot, as for `date`), either or both (`compare=custom` with a `custom` plan: that plan beside `scenario`). The view lives in the hash as
 * MapLibre's `hash` option writes it: `#zoom/lat/lon[/bearing]`.
 *
 * Anything unknown, malformed or too long is dropped (the page falls back to
 * its default for it) and never reaches the page as HTML: values are only
 * ever compared with known ids or set as text.
 */
import type { ScenarioDefinition } from '../engine/scenarios';
import { stripUnsafe } from '../text/safeText';
import { CUSTOM_ID, decodeCustomScenario, encodeCustomScenario } from './customScenario';
import { isCalendarDay } from '../engine/calendar';

export const LAYERS = ['frontline', 'labels', 'places'] as const;
export type LayerId = (typeof LAYERS)[number];
export type Theme = 'light' | 'dark';
export type Lang = 'en' | 'uk';

export interface UrlState {
  scenario?: string;
  date?: string;
  lang?: Lang;
  theme?: Theme;
  /** Visible optional layers; undefined means all. */
  layers?: LayerId[];
  embed: boolean;
  title?: string;
  subtitle?: string;
  /** A custom scenario (id `custom`), decoded and validated: the page's plan, or the compared one with `compare=custom`. */
  custom?: ScenarioDefinition;
  /** The reader's width of the scenario's own strip (one of its `strip.choices_km`). */
  strip_km?: number;
  /** The compared side's scenario (a built-in id, or `custom`: the URL's custom plan). */
  compare?: string;
  /** The compared side's date. */
  compare_date?: string;
}

const MAX = 200;

function clean(value: string | null): string | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  return v && v.length <= MAX ? v : undefined;
}

/** Free text for a heading: control characters, bidi overrides and angle brackets removed, length capped. */
function text(value: string | null): string | undefined {
  if (value === null) return undefined;
  const v = stripUnsafe(value.slice(0, 2000)).replace(/[<>]/g, '').trim();
  return v ? v.slice(0, 120) : undefined;
}

/**
 * Longest query read. Each value has its own, much lower cap; this only
 * bounds the work. Over it, the query is cut, not dropped: a long link (a
 * custom scenario with a long title) must keep `embed=1` and the rest.
 */
const MAX_QUERY = 16_000;

/** A strip width as a link writes it: up to two digits, up to three decimals. */
const STRIP_KM = /^\d{1,2}(\.\d{1,3})?$/;

/**
 * The URL's state. `scenarios` (the catalogue) says which widths each
 * plan's strip offers; without it, `strip_km` is never taken.
 */
export function parseUrlState(
  search: string,
  scenarioIds: readonly string[],
  scenarios: readonly ScenarioDefinition[] = [],
): UrlState {
  const q = new URLSearchParams(search.slice(0, MAX_QUERY));
  const scenario = clean(q.get('scenario'));
  const knownScenario = scenario && scenarioIds.includes(scenario) ? scenario : undefined;
  const stripText = clean(q.get('strip_km'));
  const stripKm = stripText && STRIP_KM.test(stripText) ? Number(stripText) : NaN;
  const choices = scenarios.find((s) => s.id === knownScenario)?.strip?.choices_km ?? [];
  const date = clean(q.get('date'));
  const compare = clean(q.get('compare'));
  const compareDate = clean(q.get('compare_date'));
  const lang = clean(q.get('lang'));
  const theme = clean(q.get('theme'));
  const layers = clean(q.get('layers'));
  const custom = decodeCustomScenario(q.get('custom'));
  return {
    scenario: knownScenario,
    date: isDate(date) ? date : undefined,
    lang: lang === 'en' || lang === 'uk' ? lang : undefined,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    layers: parseLayers(layers),
    embed: q.get('embed') === '1',
    title: text(q.get('title')),
    subtitle: text(q.get('subtitle')),
    custom,
    ...(choices.includes(stripKm) ? { strip_km: stripKm } : {}),
    ...(compare && (scenarioIds.includes(compare) || (compare === CUSTOM_ID && custom)) ? { compare } : {}),
    ...(isDate(compareDate) ? { compare_date: compareDate } : {}),
  };
}

/** A real calendar day written YYYY-MM-DD (not 2025-02-30). */
function isDate(value: string | undefined): value is string {
  return value !== undefined && isCalendarDay(value);
}

/** Known layers, each once, in LAYERS order; `none` is the empty list; nothing valid means the default (all). */
function parseLayers(value: string | undefined): LayerId[] | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return [];
  const asked = new Set(value.split(','));
  const known = LAYERS.filter((l) => asked.has(l));
  return known.length ? known : undefined;
}

/** The query string for a state (defaults left out, so links stay short). */
export function formatUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.scenario) q.set('scenario', s.scenario);
  if (s.scenario && s.strip_km !== undefined) q.set('strip_km', String(s.strip_km));
  if (s.date) q.set('date', s.date);
  if (s.compare) q.set('compare', s.compare);
  if (s.compare_date) q.set('compare_date', s.compare_date);
  if (s.lang) q.set('lang', s.lang);
  if (s.theme) q.set('theme', s.theme);
  if (s.layers && s.layers.length < LAYERS.length) q.set('layers', s.layers.length ? s.layers.join(',') : 'none');
  if (s.embed) q.set('embed', '1');
  if (s.title) q.set('title', s.title);
  if (s.subtitle) q.set('subtitle', s.subtitle);
  let out = q.toString();
  // By hand, so `~ : ,` stay readable (URLSearchParams would escape them); '+' is a space as for the other values.
  if (s.custom) out += `${out ? '&' : ''}custom=${queryValue(encodeCustomScenario(s.custom))}`;
  return out ? `?${out}` : '';
}

/** Percent-encoded for a query, keeping the characters that are safe there and make a value readable. */
function queryValue(v: string): string {
  return encodeURIComponent(v).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%20/g, '+');
}

const HASH =
  /^#(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)(?:\/(-?\d{1,3}(?:\.\d+)?))?(?:\/(\d{1,2}(?:\.\d+)?))?$/;

/** Whether a hash is a view MapLibre may read: `#zoom/lat/lon[/bearing[/pitch]]` within range. */
export function isValidViewHash(hash: string): boolean {
  const m = HASH.exec(hash);
  if (!m) return false;
  const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const bearing = m[4] === undefined ? 0 : Number(m[4]);
  const pitch = m[5] === undefined ? 0 : Number(m[5]);
  return (
    zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180 && Math.abs(bearing) <= 360 && pitch <= 85
  );
}
