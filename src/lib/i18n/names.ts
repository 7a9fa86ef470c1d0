/**
 * Place and scenario names in a locale: regions from data/regions.json
 * (name_en / name_uk), scenario texts from data/scenarios/*.json (English,
 * and their `uk` block).
 */
import { GROUPS, REGIONS } from '../engine/regionMeta';
import type { ScenarioDefinition } from '../engine/scenarios';
import type { Locale } from './messages';

const NAMES = new Map<string, { en: string; uk: string }>(
  [...REGIONS, ...GROUPS].map((r) => [r.id, { en: r.name_en, uk: r.name_uk }]),
);

/** A region's or group's full name ("Donetsk Oblast", "Донецька область"); the id when unknown. */
export function regionName(id: string, locale: Locale): string {
  return NAMES.get(id)?.[locale] ?? id;
}

/**
 * The short name for tables and lists (whose heading says "region"):
 * "Donetsk", "Donbas", "Crimea"; "Донецька", "Донбас", "Крим".
 */
export function regionShortName(id: string, locale: Locale): string {
  const name = regionName(id, locale).replace(/ \(.*\)$/, '');
  return locale === 'uk' ? name.replace(/ область$/, '').replace(/^Місто /, '') : name.replace(/ Oblast$/, '');
}

/**
 * A region's name on a small map label (a tablet's or phone's first view): its short name, as the table
 * has it ("Donetsk", "Донецька"), and "Crimea" / "Крим" (the full name would be three lines at that size).
 */
export function regionMapLabel(id: string, locale: Locale): string {
  return regionShortName(id === 'UA-43' ? 'crimea' : id, locale);
}

/** Ukrainian genitives that the rule below does not make (nouns, not adjectives). */
const GENITIVE_UK: Record<string, string> = {
  'UA-30': 'міста Києва',
  'UA-40': 'міста Севастополя',
  'UA-43': 'Автономної Республіки Крим',
};

/**
 * A region's name as "of ..." needs it: English "Donetsk Oblast" (the sentence
 * says "of"), Ukrainian genitive "Донецької області" (an oblast's name is an
 * adjective in -ка: -ка → -кої, область → області).
 */
export function regionNameOf(id: string, locale: Locale): string {
  if (locale === 'en') return regionName(id, locale);
  return GENITIVE_UK[id] ?? regionName(id, locale).replace(/ка область$/, 'кої області');
}

/** What the page shows of a scenario, in a locale. */
export interface ScenarioTexts {
  title: string;
  phrase: string;
  summary: string;
  clause: string;
  sourceName: string;
  /** Where the sources disagree, or what the map assumes (none for most plans). */
  note?: string;
  /** The clause is a quote in its own language (shown in quotation marks). */
  quote: boolean;
  /** The clause is our translation of a quote (shown as such, not as a quote). */
  translatedQuote: boolean;
}

export function scenarioTexts(s: ScenarioDefinition, locale: Locale): ScenarioTexts {
  const tr = locale === 'uk' ? s.uk : undefined;
  if (!tr)
    return {
      title: s.title,
      phrase: s.phrase,
      summary: s.summary,
      clause: s.clause,
      sourceName: s.source.name,
      note: s.note,
      quote: s.clause_is_quote,
      translatedQuote: false,
    };
  return {
    title: tr.title,
    phrase: tr.phrase,
    summary: tr.summary,
    clause: tr.clause,
    sourceName: tr.source_name ?? s.source.name,
    note: tr.note ?? s.note,
    quote: false,
    translatedQuote: s.clause_is_quote,
  };
}
