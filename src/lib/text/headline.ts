/** The one-sentence summary of a scenario's figures, shown above the table. */
import type { AreaRow } from '../engine/areas';
import type { ScenarioDefinition } from '../engine/scenarios';
import { PLACE_ZONES, type PlacesResult, type ZoneTotal } from '../engine/places';
import { ZONES } from '../engine/rules';
import { formatDate, formatKm, formatNumber } from '../i18n/format';
import { sentenceKit } from './sentenceKit';
import { capitalise, translate, type Locale, type MessageKey } from '../i18n/messages';
import { regionNameOf, scenarioTexts } from '../i18n/names';

/** "1 town" / "2 міста" / "5 міст": the plural form the locale's rules pick for a count. */
export function townsCount(count: number, locale: Locale): string {
  const form = new Intl.PluralRules(locale).select(count);
  const key =
    form === 'one' ? 'towns.one' : form === 'few' ? 'towns.few' : form === 'many' ? 'towns.many' : 'towns.other';
  return translate(locale, key, { n: formatNumber(count, locale) });
}

/** The towns that change hands, as a sentence ('' when none do). */
export function placesSentence(totals: PlacesResult['totals'] | null | undefined, locale: Locale = 'en'): string {
  if (!totals || totals.all.count === 0) return '';
  const towns = (z: ZoneTotal): { towns: string; people: string } => ({
    towns: townsCount(z.count, locale),
    people: formatNumber(z.population, locale),
  });
  // Every zone of PLACE_ZONES in its order, each with its message `headline.places.<zone>`.
  const parts = PLACE_ZONES.filter((z) => totals[z].count).map((z) =>
    translate(locale, `headline.places.${z}` as MessageKey, towns(totals[z])),
  );
  return capitalise(parts.join('; ') + '.');
}

/**
 * The sentence above the table: Donbas and Ukraine under the scenario on the date, and the towns it moves.
 */
export function headline(
  scenario: ScenarioDefinition,
  rows: readonly AreaRow[],
  date: string | null,
  locale: Locale = 'en',
  places?: PlacesResult['totals'] | null,
): string {
  const { ukraine, donbas, pct, km2, moved, zoneRows } = sentenceKit(rows, locale);
  if (scenario.id === 'status-quo') {
    return translate(locale, 'headline.statusQuo', {
      date: date ? formatDate(date, locale) : translate(locale, 'headline.chosenDate'),
      donbasPct: pct(donbas.ukraine_pct),
      donbasKm2: km2(donbas.ukraine_km2),
      russiaPct: pct(ukraine.russia_pct),
      russiaKm2: km2(ukraine.russia_km2),
    });
  }
  const parts = [
    translate(locale, 'headline.kyivWouldHold', {
      phrase: scenarioTexts(scenario, locale).phrase,
      pct: pct(donbas.ukraine_pct),
    }),
  ];
  // The first zone of the rule table the scenario makes (a plan with two would name the first).
  const zone = ZONES.find((z) => zoneRows(z).length > 0);
  // Without a snapshot there is no line to compare with.
  if (date && moved(ukraine.ceded_km2)) {
    const given = { km2: km2(ukraine.ceded_km2), date: formatDate(date, locale) };
    const list = (zone ? zoneRows(zone) : [])
      .map((r) =>
        translate(locale, 'headline.bufferPart', { km2: km2(r[`${zone!}_km2`]), region: regionNameOf(r.id, locale) }),
      )
      .join(', ');
    parts.push(
      zone
        ? translate(locale, `headline.giveUp.${zone}` as MessageKey, { ...given, buffers: list })
        : translate(locale, 'headline.giveUp', given),
    );
  }
  if (date && moved(ukraine.returned_km2))
    parts.push(translate(locale, 'headline.return', { km2: km2(ukraine.returned_km2) }));
  parts.push(translate(locale, 'headline.russiaHolds', { pct: pct(ukraine.russia_pct) }));
  if (scenario.strip_km !== undefined && moved(ukraine.strip_km2))
    parts.push(
      translate(locale, 'headline.strip', {
        width: formatKm(scenario.strip_km, locale),
        km2: km2(ukraine.strip_km2),
        ukraineSide: km2(ukraine.strip_ukraine_side_km2),
      }),
    );
  return [capitalise(parts.join('; ') + '.'), placesSentence(places, locale)].filter(Boolean).join(' ');
}
