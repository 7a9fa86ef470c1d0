/**
 * The map's legend as data: one entry per symbol the map draws for the
 * shown choice, each with its label (lib/text/labels and i18n) and the
 * colours and widths the map's layers use (palette.ts, hatch.ts). The page's
 * legend (Legend.svelte, also in the embed) and the PNG export's
 * (exportPng.ts) both draw these entries, so they cannot disagree with the
 * map or with each other.
 */
import { translate, type Locale } from '../i18n/messages';
import type { Theme } from '../state/url';
import { legendLabel } from '../text/labels';
import { hatchGround, isHatched } from './hatch';
import { classColour, classTint, LINE_WIDTHS, PALETTES } from './palette';
import type { DisplayClass } from './scenarioLayers';

/** How a legend entry's swatch is drawn: as the map draws that symbol. */
export type LegendSymbol =
  /** A fill with a thin edge (the edge is the oblast line around it). */
  | { kind: 'fill'; fill: string; edge: string }
  /** A zone's "/" stripes (the buffer's, the neutral zone's) on their pale ground. */
  | { kind: 'hatch'; stripe: string; ground: string }
  /** A strip: "\" ink stripes over Ukraine's ground, inside an edge of the same ink. */
  | { kind: 'strip'; ink: string; ground: string; width: number }
  /** A line with a halo (the line of contact). */
  | { kind: 'line'; colour: string; halo: string; width: number; haloWidth: number }
  /** A region's heavy outline, drawn round Ukraine's ground. */
  | { kind: 'outline'; colour: string; ground: string; width: number };

export interface LegendEntry {
  /** A class id, or `ukraine`, `strip`, `frontline`, `focus`. */
  id: string;
  label: string;
  symbol: LegendSymbol;
}

/** What the map shows, as the legend needs it. */
export interface LegendInput {
  /** The scenario's classes on the map, in legend order. */
  classes: readonly DisplayClass[];
  theme: Theme;
  locale: Locale;
  /** Whether a demilitarised strip is drawn. */
  strip: boolean;
  /** Whether the line of contact is drawn (there is one and its layer is on). */
  frontline: boolean;
}

/**
 * The legend's entries, in the order they are listed: Ukraine's ground, each
 * class, the buffer's hatching among them, the strip, the line of contact
 * and the heavy outline of Donbas and Crimea (always drawn).
 *
 * @example
 *   legendEntries({ classes: ['russia'], theme: 'light', locale: 'en', strip: false, frontline: true })
 *     .map((e) => e.id); // ['ukraine', 'russia', 'frontline', 'focus']
 */
export function legendEntries(o: LegendInput): LegendEntry[] {
  const base = PALETTES[o.theme];
  const edge = base.oblastLine;
  const entries: LegendEntry[] = [
    {
      id: 'ukraine',
      label: translate(o.locale, 'legend.ukraine'),
      symbol: { kind: 'fill', fill: base.ukraine, edge },
    },
  ];
  for (const cls of o.classes)
    entries.push({
      id: cls,
      label: legendLabel(cls, o.locale),
      symbol: isHatched(cls)
        ? { kind: 'hatch', stripe: classColour(cls), ground: hatchGround(classColour(cls)) }
        : { kind: 'fill', fill: classTint(cls, o.theme), edge },
    });
  if (o.strip)
    entries.push({
      id: 'strip',
      label: translate(o.locale, 'legend.strip'),
      symbol: { kind: 'strip', ink: base.stripInk, ground: base.ukraine, width: LINE_WIDTHS.strip },
    });
  if (o.frontline)
    entries.push({
      id: 'frontline',
      label: translate(o.locale, 'legend.frontline'),
      symbol: {
        kind: 'line',
        colour: base.frontline,
        halo: base.halo,
        width: LINE_WIDTHS.frontline,
        haloWidth: LINE_WIDTHS.frontlineHalo,
      },
    });
  entries.push({
    id: 'focus',
    label: translate(o.locale, 'legend.focus'),
    symbol: { kind: 'outline', colour: base.focusLine, ground: base.ukraine, width: LINE_WIDTHS.focus },
  });
  return entries;
}
