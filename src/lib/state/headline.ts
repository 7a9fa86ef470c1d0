/** The one-sentence summary of a scenario's figures, shown above the table. */
import type { AreaRow } from '../geo/areas';
import type { ScenarioDefinition } from '../geo/scenarios';
import { formatDate, formatKm2, formatPercent } from '../i18n/format';
import { capitalise, translate, type Locale } from '../i18n/messages';
import { regionNameOf, scenarioTexts } from '../i18n/names';

export function headline(scenario: ScenarioDefinition, rows: readonly AreaRow[], date: string | null, locale: Locale = 'en'): string {
  const by = new Map(rows.map((r) => [r.id, r]));
  const donbas = by.get('donbas')!;
  const ukraine = by.get('ukraine')!;
  const pct = (x: number): string => formatPercent(x, locale);
  const km2 = (x: number): string => formatKm2(x, locale);
  if (scenario.id === 'status-quo') {
    return translate(locale, 'headline.statusQuo', {
      date: date ? formatDate(date, locale) : translate(locale, 'headline.chosenDate'),
      donbasPct: pct(donbas.ukraine_pct),
      donbasKm2: km2(donbas.ukraine_km2),
      russiaPct: pct(ukraine.russia_pct),
      russiaKm2: km2(ukraine.russia_km2),
    });
  }
  const parts = [translate(locale, 'headline.kyivWouldHold', { phrase: scenarioTexts(scenario, locale).phrase, pct: pct(donbas.ukraine_pct) })];
  const buffers = rows.filter((r) => r.kind === 'region' && r.buffer_km2 > 0.5);
  // Without a snapshot there is no line to compare with.
  if (date && ukraine.ceded_km2 > 0.5) {
    const given = { km2: km2(ukraine.ceded_km2), date: formatDate(date, locale) };
    const list = buffers.map((r) => translate(locale, 'headline.bufferPart', { km2: km2(r.buffer_km2), region: regionNameOf(r.id, locale) })).join(', ');
    parts.push(buffers.length ? translate(locale, 'headline.giveUpBuffer', { ...given, buffers: list }) : translate(locale, 'headline.giveUp', given));
  }
  if (date && ukraine.returned_km2 > 0.5) parts.push(translate(locale, 'headline.return', { km2: km2(ukraine.returned_km2) }));
  parts.push(translate(locale, 'headline.russiaHolds', { pct: pct(ukraine.russia_pct) }));
  return capitalise(parts.join('; ') + '.');
}
