/** A one-to-two-sentence description of the current view, for screen readers, embeds and exports. */
import type { AreaRow } from '../geo/areas';
import type { ScenarioDefinition } from '../geo/scenarios';
import { fmtDate, fmtKm2, fmtPct } from './format';

export function altText(scenario: ScenarioDefinition, rows: readonly AreaRow[], date: string | null): string {
  const by = new Map(rows.map((r) => [r.id, r]));
  const ukraine = by.get('ukraine')!;
  const donbas = by.get('donbas')!;
  const when = date ? ` on ${fmtDate(date)}` : '';
  if (scenario.id === 'status-quo') {
    const front = rows.filter((r) => r.kind === 'region' && r.russia_km2 > 1 && r.ukraine_km2 > 1).map((r) => r.name.replace(/ Oblast$/, ''));
    return `Map of Ukraine${when}: Russia holds ${fmtKm2(ukraine.russia_km2)} (${fmtPct(ukraine.russia_pct)}), including ${fmtPct(donbas.russia_pct)} of Donbas and ${fmtPct(by.get('crimea')!.russia_pct)} of Crimea.${front.length ? ` The line of contact runs through ${front.join(', ')}.` : ''} Data: DeepStateMap.`;
  }
  const parts: string[] = [];
  const buffers = rows.filter((r) => r.kind === 'region' && r.buffer_km2 > 0.5);
  for (const r of buffers) parts.push(`Ukraine would leave ${fmtKm2(r.buffer_km2)} of ${r.name}, which becomes a demilitarised zone`);
  const cededElsewhere = ukraine.ceded_km2 - buffers.reduce((s, r) => s + r.buffer_km2, 0);
  if (date && cededElsewhere > 0.5) parts.push(`Ukraine would give up ${buffers.length ? 'another ' : ''}${fmtKm2(cededElsewhere)}`);
  if (date && ukraine.returned_km2 > 0.5) parts.push(`Russia would return ${fmtKm2(ukraine.returned_km2)}`);
  const lead = `Map: under ${scenario.phrase}, `;
  const body = parts.length ? parts.join('; ') : `Russia would hold ${fmtKm2(ukraine.russia_km2)}`;
  return `${lead}${body}. Russia would hold ${fmtPct(ukraine.russia_pct)} of Ukraine and ${fmtPct(donbas.russia_pct + donbas.buffer_pct)} of Donbas${buffers.length ? ' including the buffer zone' : ''}${when ? `, against the line of contact${when}` : ''}.`;
}
