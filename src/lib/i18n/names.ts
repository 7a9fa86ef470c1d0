/**
 * Place and scenario names in a locale: regions from data/regions.json
 * (name_en / name_uk), scenario texts from data/scenarios/*.json (English,
 * and their `uk` block).
 */
import { GROUPS, REGIONS } from '../geo/regions';
import type { ScenarioDefinition } from '../geo/scenarios';
import type { Locale } from './messages';

const NAMES = new Map<string, { en: string; uk: string }>([...REGIONS, ...GROUPS].map((r) => [r.id, { en: r.name_en, uk: r.name_uk }]));

/** A region's or group's full name ("Donetsk Oblast", "Донецька область"); the id when unknown. */
export function regionName(id: string, locale: Locale): string {
  return NAMES.get(id)?.[locale] ?? id;
}

/**
 * The short name for tables and lists: "Donetsk", "Donbas", "Crimea";
 * "Донецька обл.", "Донбас", "Крим".
 */
export function regionShortName(id: string, locale: Locale): string {
  const name = regionName(id, locale).replace(/ \(.*\)$/, '');
  return locale === 'uk' ? name.replace(/ область$/, ' обл.').replace(/^Місто /, '') : name.replace(/ Oblast$/, '');
}

/** What the page shows of a scenario, in a locale. */
export interface ScenarioTexts {
  title: string;
  phrase: string;
  summary: string;
  clause: string;
  sourceName: string;
  /** The clause is a quote in its own language (shown in quotation marks). */
  quote: boolean;
  /** The clause is our translation of a quote (shown as such, not as a quote). */
  translatedQuote: boolean;
}

export function scenarioTexts(s: ScenarioDefinition, locale: Locale): ScenarioTexts {
  const tr = locale === 'uk' ? s.uk : undefined;
  if (!tr) return { title: s.title, phrase: s.phrase, summary: s.summary, clause: s.clause, sourceName: s.source.name, quote: s.clause_is_quote, translatedQuote: false };
  return {
    title: tr.title,
    phrase: tr.phrase,
    summary: tr.summary,
    clause: tr.clause,
    sourceName: tr.source_name ?? s.source.name,
    quote: false,
    translatedQuote: s.clause_is_quote,
  };
}
