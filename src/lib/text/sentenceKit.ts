/**
 * What every sentence about a scenario starts from: its rows by id, the two
 * groups it always names (Ukraine and Donbas), and the locale's formats for
 * shares and km², so the headline and the alt text say a figure the same way.
 */
import { MIN_CHANGE_KM2, type AreaRow } from '../engine/areas';
import type { Zone } from '../engine/rules';
import { formatKm2, formatPercent } from '../i18n/format';
import type { Locale } from '../i18n/messages';

/** The rows and formats a sentence needs (see the module comment). */
export interface SentenceKit {
  by: Map<string, AreaRow>;
  ukraine: AreaRow;
  donbas: AreaRow;
  pct: (x: number) => string;
  km2: (x: number) => string;
  /** Whether an area is a change worth saying (MIN_CHANGE_KM2 or more). */
  moved: (km2: number) => boolean;
  /** The regions the scenario makes part of a zone of the rule table (buffer, neutral), in row order. */
  zoneRows: (zone: Zone) => AreaRow[];
}

/**
 * The kit for one scenario's rows in one locale.
 *
 * @example sentenceKit(rows, 'uk').pct(14.46) // '14,5 %'
 */
export function sentenceKit(rows: readonly AreaRow[], locale: Locale): SentenceKit {
  const by = new Map(rows.map((r) => [r.id, r]));
  return {
    by,
    ukraine: by.get('ukraine')!,
    donbas: by.get('donbas')!,
    pct: (x) => formatPercent(x, locale),
    km2: (x) => formatKm2(x, locale),
    moved: (x) => x >= MIN_CHANGE_KM2,
    zoneRows: (zone) => rows.filter((r) => r.kind === 'region' && r[`${zone}_km2`] >= MIN_CHANGE_KM2),
  };
}
