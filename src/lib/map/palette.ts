/**
 * The map's colours. Okabe & Ito's palette, made to stay apart under the
 * common colour-vision deficiencies; d3-scale maps classes to it so that the
 * legend and the layers cannot disagree.
 */
import { scaleOrdinal } from 'd3-scale';
import { DISPLAY_CLASSES, type DisplayClass } from './scenarioLayers';

export const classColour = scaleOrdinal<DisplayClass, string>()
  .domain(DISPLAY_CLASSES)
  .range([
    '#D55E00', // russia: vermillion
    '#E69F00', // ceded: orange
    '#CC79A7', // buffer: reddish purple (hatched)
    '#009E73', // returned: bluish green
    '#999999', // contested: grey
  ]);

export const BASE = {
  sea: '#d6e6f0',
  land: '#f4f1ea',
  ukraine: '#ffffff',
  oblastLine: '#8a8a8a',
  focusLine: '#2f3e6e',
  frontline: '#111111',
  label: '#333333',
  halo: '#ffffff',
} as const;

/** A class's colour mixed with white: the opaque fill the map draws (the legend uses the same). */
export function classTint(cls: DisplayClass, amount = 0.8): string {
  const c = classColour(cls);
  const mix = (i: number) => Math.round(parseInt(c.slice(i, i + 2), 16) * amount + 255 * (1 - amount));
  return `#${[1, 3, 5].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}
