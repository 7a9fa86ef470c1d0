/**
 * The one sentence that states a comparison: side B (the compared plan or
 * date) against side A (the page's), naming the region whose Kyiv-held km²
 * differ most (engine/difference.ts), with both shares. Numbers and dates
 * are formatted as the headline formats them (sentenceKit's formats, Intl
 * per locale).
 */
import { largestDifference, type DifferenceRow } from '../engine/difference';
import type { ScenarioDefinition } from '../engine/scenarios';
import { formatDate, formatKm2, formatPercent } from '../i18n/format';
import { capitalise, translate, type Locale, type MessageKey } from '../i18n/messages';
import { regionNameOf, scenarioTexts } from '../i18n/names';

/** One side of a comparison: a scenario on a date. */
export interface CompareSide {
  scenario: ScenarioDefinition;
  date: string;
}

/** Which of the two differs: the plan, the date, or both. */
export type CompareKind = 'plans' | 'dates' | 'planDates' | 'both';

/** What differs between the sides (the same plan on two dates under the status quo is `dates`, under a plan `planDates`). */
export function compareKind(a: CompareSide, b: CompareSide): CompareKind {
  if (a.date === b.date) return 'plans';
  if (a.scenario.id !== b.scenario.id) return 'both';
  return a.scenario.id === 'status-quo' ? 'dates' : 'planDates';
}

/**
 * The sentence, e.g. "The 20-point framework leaves Kyiv 6,262 km² more of
 * Donetsk Oblast than the US 28-point draft (a share of … against …)." or,
 * for two dates, "On 22 August 2026 Kyiv holds 412 km² less of …".
 */
export function compareSentence(
  a: CompareSide,
  b: CompareSide,
  rows: readonly DifferenceRow[],
  locale: Locale = 'en',
): string {
  const kind = compareKind(a, b);
  const top = largestDifference(rows);
  const dir = !top ? 'same' : top.diff.ukraine_km2 > 0 ? 'more' : 'less';
  const params = {
    a: scenarioTexts(a.scenario, locale).phrase,
    b: scenarioTexts(b.scenario, locale).phrase,
    dateA: formatDate(a.date, locale),
    dateB: formatDate(b.date, locale),
    ...(top && {
      km2: formatKm2(Math.abs(top.diff.ukraine_km2), locale),
      region: regionNameOf(top.id, locale),
      pctA: formatPercent(top.a.ukraine_pct, locale),
      pctB: formatPercent(top.b.ukraine_pct, locale),
    }),
  };
  return capitalise(translate(locale, `compare.${kind}.${dir}` as MessageKey, params));
}

/** A side's label over its half of the map: "US 28-point draft · 20 November 2025". */
export function sideLabel(side: CompareSide, locale: Locale = 'en'): string {
  return `${scenarioTexts(side.scenario, locale).title} · ${formatDate(side.date, locale)}`;
}
