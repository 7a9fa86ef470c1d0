/**
 * The map's colours. Okabe & Ito's palette, made to stay apart under the
 * common colour-vision deficiencies, with a warm grey for the grey zone;
 * src/lib/a11y/a11y.test.ts checks every pair of classes stays apart under
 * simulated protanopia and deuteranopia in both themes. d3-scale maps classes
 * to it so that the legend and the layers cannot disagree. Two base palettes:
 * light and dark.
 */
import { scaleOrdinal } from 'd3-scale';
import type { Theme } from '../state/url';
import { DISPLAY_CLASSES, type DisplayClass } from './scenarioLayers';

export const classColour = scaleOrdinal<DisplayClass, string>().domain(DISPLAY_CLASSES).range([
  '#D55E00', // russia: vermillion
  '#E69F00', // ceded: orange
  '#CC79A7', // buffer: reddish purple (hatched)
  '#0072B2', // returned: blue (Okabe & Ito's bluish green came within ΔE 9 of the grey under deuteranopia)
  '#8C8C78', // contested: warm grey (a neutral grey came within ΔE 9 of the buffer's purple under deuteranopia)
]);

/**
 * A custom scenario's demilitarised strip, drawn over the classes: Okabe &
 * Ito's yellow (no class uses it), with a dark dashed edge so it reads on
 * every fill and in grey scale.
 */
export const STRIP_COLOUR = '#F0E442';
export const STRIP_EDGE = '#5c5300';

export interface BasePalette {
  sea: string;
  land: string;
  neighbourLine: string;
  ukraine: string;
  oblastLine: string;
  focusLine: string;
  frontline: string;
  label: string;
  regionLabel: string;
  halo: string;
}

export const PALETTES: Record<Theme, BasePalette> = {
  light: {
    sea: '#d6e6f0',
    land: '#f4f1ea',
    neighbourLine: '#c9c3b6',
    ukraine: '#ffffff',
    oblastLine: '#8a8a8a',
    focusLine: '#2f3e6e',
    frontline: '#111111',
    label: '#333333',
    regionLabel: '#6b6b6b',
    halo: '#ffffff',
  },
  dark: {
    sea: '#16212b',
    land: '#262a2f',
    neighbourLine: '#4a5058',
    ukraine: '#3a4047',
    oblastLine: '#8e969e',
    focusLine: '#a9b8e8',
    frontline: '#f4f4f4',
    label: '#eeeeee',
    regionLabel: '#b8bec4',
    halo: '#1b1f24',
  },
};

/** The light palette, for code that has no theme. */
export const LIGHT_PALETTE = PALETTES.light;

/** A class's colour mixed with the theme's land colour: the opaque fill the map and legend use. */
export function classTint(cls: DisplayClass, theme: Theme = 'light', amount = 0.8): string {
  const c = classColour(cls);
  const ground = theme === 'dark' ? PALETTES.dark.ukraine : '#ffffff';
  const mix = (i: number) =>
    Math.round(parseInt(c.slice(i, i + 2), 16) * amount + parseInt(ground.slice(i, i + 2), 16) * (1 - amount));
  return `#${[1, 3, 5].map((i) => mix(i).toString(16).padStart(2, '0')).join('')}`;
}
