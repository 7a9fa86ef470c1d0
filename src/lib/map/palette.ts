/**
 * The map's colours. Okabe & Ito's palette, made to stay apart under the
 * common colour-vision deficiencies, with a warm grey for the grey zone;
 * src/lib/a11y/a11y.test.ts checks every pair of classes stays apart under
 * simulated protanopia and deuteranopia in both themes. d3-scale maps classes
 * to it so that the legend and the layers cannot disagree. Two base palettes:
 * light and dark. The page's own colours (text, panels, notices) and the PNG
 * export's are here too, so every colour the reader sees has one source.
 */
import { scaleOrdinal } from 'd3-scale';
import type { Theme } from '../state/url';
import { DISPLAY_CLASSES, type DisplayClass } from './scenarioLayers';

export const classColour = scaleOrdinal<DisplayClass, string>().domain(DISPLAY_CLASSES).range([
  '#D55E00', // russia: vermillion
  '#E69F00', // ceded: orange
  '#CC79A7', // buffer: reddish purple (hatched)
  '#56B4E9', // neutral: sky blue (hatched): held by neither army, recognised as no one's
  '#0072B2', // returned: blue (Okabe & Ito's bluish green came within ΔE 9 of the grey under deuteranopia)
  '#8C8C78', // contested: warm grey (a neutral grey came within ΔE 9 of the buffer's purple under deuteranopia)
]);

/**
 * Line widths (CSS px) of the map's lines, read by the layers and by the
 * legends, so a legend's line is the map's line.
 */
export const LINE_WIDTHS = {
  frontline: 2,
  frontlineHalo: 4.5,
  oblast: 0.8,
  focus: 2.6,
  strip: 1.2,
} as const;

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
  /** Lakes and reservoirs (the sea is `sea`), rivers, the drained Kakhovka reservoir's outline. */
  water: string;
  river: string;
  drained: string;
  /** Names of seas and rivers, and of the neighbouring countries. */
  waterLabel: string;
  countryLabel: string;
  /**
   * A demilitarised strip's stripes and edge, drawn over the classes: an
   * ink, not a tint, so the strip looks the same over every class (the
   * class stays visible between the stripes) and in grey scale.
   */
  stripInk: string;
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
    water: '#bcd7ea',
    river: '#5b9bc8',
    drained: '#5b9bc8',
    waterLabel: '#2f6690',
    countryLabel: '#7a7468',
    stripInk: '#1f1f1f',
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
    water: '#1d3447',
    river: '#4f86b3',
    drained: '#6f9fc6',
    waterLabel: '#8fbde0',
    countryLabel: '#9aa1a8',
    stripInk: '#f4f4f4',
  },
};

/** A `#rrggbb` colour's red, green and blue (0–255). */
export function rgbOf(colour: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return [r, g, b];
}

/** `amount` of colour `a` over `b` (both `#rrggbb`), rounded per channel. */
export function mixColours(a: string, b: string, amount: number): string {
  const [ra, rb] = [rgbOf(a), rgbOf(b)];
  return `#${ra
    .map((c, i) =>
      Math.round(c * amount + rb[i] * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** A class's colour mixed with the theme's land colour: the opaque fill the map and legend use. */
export function classTint(cls: DisplayClass, theme: Theme = 'light'): string {
  return mixColours(classColour(cls), theme === 'dark' ? PALETTES.dark.ukraine : '#ffffff', 0.8);
}

/** The page's colours, each a CSS custom property `--<name>` that the components' styles read. */
export interface PageColours {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  panel: string;
  quote: string;
  button: string;
  notice: string;
  'notice-border': string;
  'clause-border': string;
  gain: string;
  loss: string;
  focus: string;
  /** The dashed frame and text shown while a file is dragged over the map. */
  drop: string;
  'drop-ink': string;
  'drop-veil': string;
}

/**
 * Text colours meet WCAG AA (4.5:1) on their backgrounds in both themes:
 * src/lib/a11y/a11y.test.ts checks these pairs. ThemeState sets them on
 * `<html>` (see applyPageColours).
 */
export const PAGE_COLOURS: Record<Theme, PageColours> = {
  light: {
    bg: '#ffffff',
    fg: '#1a1a1a',
    muted: '#555555',
    border: '#dddddd',
    panel: '#ffffff',
    quote: '#fafafa',
    button: '#f6f6f6',
    notice: '#fff6db',
    'notice-border': '#e8c66a',
    'clause-border': '#bbb',
    gain: '#00704f',
    loss: '#a33b00',
    focus: '#0a58ca',
    drop: '#0072b2',
    'drop-ink': '#003a5c',
    'drop-veil': 'rgb(255 255 255 / 0.6)',
  },
  dark: {
    bg: '#1b1f24',
    fg: '#eeeeee',
    muted: '#b8bec4',
    border: '#3b424a',
    panel: '#1b1f24',
    quote: '#252a30',
    button: '#2a3038',
    notice: '#3a3320',
    'notice-border': '#e8c66a',
    'clause-border': '#bbb',
    gain: '#4fd1a5',
    loss: '#ff9a66',
    focus: '#8ab4ff',
    drop: '#0072b2',
    'drop-ink': '#003a5c',
    'drop-veil': 'rgb(255 255 255 / 0.6)',
  },
};

/** Sets the theme's page colours as custom properties on `root` (the styles read `var(--fg)` etc.). */
export function applyPageColours(root: HTMLElement, theme: Theme): void {
  for (const [name, colour] of Object.entries(PAGE_COLOURS[theme])) root.style.setProperty(`--${name}`, colour);
}

/**
 * The PNG export's text and ground. Its dark text is a shade lighter than the
 * page's (#f0f0f0 against #eeeeee): the image is seen outside the page, often
 * scaled down, and exported images must stay as they were.
 */
export const EXPORT_INK: Record<Theme, { fg: string; muted: string; ground: string; veil: string }> = {
  light: {
    fg: PAGE_COLOURS.light.fg,
    muted: PAGE_COLOURS.light.muted,
    ground: '#ffffff',
    veil: 'rgba(255,255,255,0.8)',
  },
  dark: { fg: '#f0f0f0', muted: PAGE_COLOURS.dark.muted, ground: PAGE_COLOURS.dark.bg, veil: 'rgba(27,31,36,0.8)' },
};
