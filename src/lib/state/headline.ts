/** The one-sentence summary of a scenario's figures, shown above the table. */
import type { AreaRow } from '../geo/areas';
import type { ScenarioDefinition } from '../geo/scenarios';
import type { PlacesResult, ZoneTotal } from '../geo/places';
import { fmtDate, fmtKm2, fmtNum, fmtPct } from './format';

/** The towns that change hands, as a sentence ('' when none do). */
export function placesSentence(totals: PlacesResult['totals'] | null | undefined): string {
  if (!totals || totals.all.count === 0) return '';
  const towns = (t: ZoneTotal): string => `${fmtNum(t.count)} ${t.count === 1 ? 'town' : 'towns'} home to ${fmtNum(t.population)} people before the war`;
  const parts: string[] = [];
  if (totals.buffer.count) parts.push(`the buffer zone takes in ${towns(totals.buffer)}`);
  if (totals.ceded.count) parts.push(`Ukraine would give up ${towns(totals.ceded)}`);
  if (totals.returned.count) parts.push(`${towns(totals.returned)} would return to Ukraine`);
  const text = parts.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export function headline(scenario: ScenarioDefinition, rows: readonly AreaRow[], date: string | null, places?: PlacesResult['totals'] | null): string {
  const by = new Map(rows.map((r) => [r.id, r]));
  const donbas = by.get('donbas')!;
  const ukraine = by.get('ukraine')!;
  if (scenario.id === 'status-quo') {
    return `On ${date ? fmtDate(date) : 'the chosen date'}, Kyiv held ${fmtPct(donbas.ukraine_pct)} of Donbas (${fmtKm2(donbas.ukraine_km2)}) and Russia ${fmtPct(ukraine.russia_pct)} of Ukraine (${fmtKm2(ukraine.russia_km2)}).`;
  }
  const parts = [`Under ${scenario.phrase}, Kyiv would hold ${fmtPct(donbas.ukraine_pct)} of Donbas`];
  const buffers = rows.filter((r) => r.kind === 'region' && r.buffer_km2 > 0.5);
  // Without a snapshot there is no line to compare with.
  if (date && ukraine.ceded_km2 > 0.5) {
    const ofWhich = buffers.length
      ? ` (of which ${buffers.map((r) => `${fmtKm2(r.buffer_km2)} of ${r.name}`).join(', ')} as a demilitarised buffer zone)`
      : '';
    parts.push(`Ukraine would give up ${fmtKm2(ukraine.ceded_km2)} it holds on ${fmtDate(date)}${ofWhich}`);
  }
  if (date && ukraine.returned_km2 > 0.5) parts.push(`Russia would return ${fmtKm2(ukraine.returned_km2)}`);
  parts.push(`Russia would hold ${fmtPct(ukraine.russia_pct)} of Ukraine`);
  if (scenario.strip_km !== undefined && ukraine.strip_km2 > 0.5)
    parts.push(
      `a demilitarised strip of ${scenario.strip_km}\u00a0km each side of the line would cover ${fmtKm2(ukraine.strip_km2)} (${fmtKm2(ukraine.strip_ukraine_side_km2)} on the side Ukraine holds)`,
    );
  return [parts.join('; ') + '.', placesSentence(places)].filter(Boolean).join(' ');
}
