/** A one-to-two-sentence description of the current view, for screen readers, embeds and exports. */
import type { AreaRow } from '../engine/areas';
import type { ScenarioDefinition } from '../engine/scenarios';
import { formatDate } from '../i18n/format';
import { sentenceKit } from './sentenceKit';
import { translate, type Locale, type MessageKey } from '../i18n/messages';
import { ZONES } from '../engine/rules';
import { SOURCE_NAME } from '../datafolder/provenance';
import { regionNameOf, regionShortName, scenarioTexts } from '../i18n/names';

/** A sentence's full stop, unless it already ends in one (a Ukrainian date ends "р."). */
const endSentence = (s: string): string => (s.endsWith('.') ? s : `${s}.`);

/**
 * The alt text of the map for a scenario's rows on a date: the status quo's shares, or what the scenario moves.
 * `data` names the line's source (DeepStateMap, or the reader's own file).
 *
 * @example altText(scenarioById('us-28-point'), report.rows, '2025-11-20', 'uk').endsWith('р.') // true
 */
export function altText(
  scenario: ScenarioDefinition,
  rows: readonly AreaRow[],
  date: string | null,
  locale: Locale = 'en',
  data: string = SOURCE_NAME,
): string {
  const { by, ukraine, donbas, pct, km2, moved, zoneRows } = sentenceKit(rows, locale);
  const when = date ? translate(locale, 'alt.on', { date: formatDate(date, locale) }) : '';
  if (scenario.id === 'status-quo') {
    const front = rows
      .filter((r) => r.kind === 'region' && r.russia_km2 > 1 && r.ukraine_km2 > 1)
      .map((r) => regionShortName(r.id, locale));
    const lead = translate(locale, 'alt.statusQuo', {
      when,
      russiaKm2: km2(ukraine.russia_km2),
      russiaPct: pct(ukraine.russia_pct),
      donbasPct: pct(donbas.russia_pct),
      crimeaPct: pct(by.get('crimea')!.russia_pct),
    });
    const through = front.length ? ` ${translate(locale, 'alt.front', { regions: front.join(', ') })}` : '';
    return `${lead}${through} ${translate(locale, 'alt.data', { data })}`;
  }
  const parts: string[] = [];
  // Each zone of the rule table (buffer, neutral) with its message `alt.zone.<zone>`.
  const zoned = ZONES.flatMap((z) => zoneRows(z).map((r) => ({ r, km: r[`${z}_km2`], z })));
  for (const { r, km, z } of zoned)
    parts.push(translate(locale, `alt.zone.${z}` as MessageKey, { km2: km2(km), region: regionNameOf(r.id, locale) }));
  const cededElsewhere = ukraine.ceded_km2 - zoned.reduce((s, x) => s + x.km, 0);
  // The buffer is recognised as Russian, so the shares count it with Russia's (a neutral zone is no one's).
  const buffers = zoned.filter((x) => x.z === 'buffer');
  if (date && moved(cededElsewhere))
    parts.push(translate(locale, zoned.length ? 'alt.giveUpMore' : 'alt.giveUp', { km2: km2(cededElsewhere) }));
  if (date && moved(ukraine.returned_km2))
    parts.push(translate(locale, 'alt.return', { km2: km2(ukraine.returned_km2) }));
  const body = parts.length ? parts.join('; ') : translate(locale, 'alt.russiaHolds', { km2: km2(ukraine.russia_km2) });
  const lead = translate(locale, 'alt.lead', { phrase: scenarioTexts(scenario, locale).phrase, body });
  const shares = translate(locale, buffers.length ? 'alt.sharesBuffer' : 'alt.shares', {
    // With a buffer the sentence says "including the buffer zone": both shares count it.
    ukrainePct: pct(ukraine.russia_pct + (buffers.length ? ukraine.buffer_pct : 0)),
    donbasPct: pct(donbas.russia_pct + (buffers.length ? donbas.buffer_pct : 0)),
  });
  return endSentence(`${lead} ${shares}${when ? translate(locale, 'alt.against', { when }) : ''}`);
}
