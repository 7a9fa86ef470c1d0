/**
 * Colour accessibility of the page: WCAG AA contrast of the text colours on
 * their backgrounds (palette.ts's PAGE_COLOURS, which the page sets as its
 * CSS custom properties, so the test checks what ships), and the map's classes staying apart under simulated
 * protanopia and deuteranopia (Machado et al. 2009, severity 1.0).
 */
import { describe, expect, it } from 'vitest';
import { classColour, classTint, PAGE_COLOURS, PALETTES } from '../map/palette';
import type { DisplayClass } from '../map/scenarioLayers';
import { contrast, deltaE76, parseHex, simulate, type Deficiency } from './colour';

describe('colour science (hand-checked values)', () => {
  it('WCAG contrast: black on white is 21, equal colours 1, #767676 on white 4.54', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#777777', '#777777')).toBeCloseTo(1, 6);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  it('the simulations keep white white and grey grey, and merge red with green', () => {
    for (const d of ['protanopia', 'deuteranopia'] as const) {
      simulate('#ffffff', d).forEach((c) => expect(c).toBeCloseTo(255, 0));
      expect(deltaE76(simulate('#808080', d), parseHex('#808080'))).toBeLessThan(1.5);
      expect(deltaE76(simulate('#d62728', d), simulate('#2ca02c', d))).toBeLessThan(
        deltaE76(parseHex('#d62728'), parseHex('#2ca02c')) / 2,
      );
    }
  });
});

/** The page's colours as the page sets them (palette.ts's PAGE_COLOURS become `--name` custom properties). */
function themeVars(): Record<'light' | 'dark', Record<string, string>> {
  return { light: { ...PAGE_COLOURS.light }, dark: { ...PAGE_COLOURS.dark } };
}

describe('text contrast meets WCAG AA in both themes', () => {
  const vars = themeVars();
  // Text on the backgrounds it is drawn on (4.5:1); the focus ring and the map's
  // labels against their halo are non-text or large-ish, but held to 4.5 too.
  const TEXT: [string, string][] = [
    ['fg', 'bg'],
    ['fg', 'panel'],
    ['fg', 'quote'],
    ['fg', 'button'],
    ['fg', 'notice'],
    ['muted', 'bg'],
    ['muted', 'panel'],
    ['muted', 'quote'],
    ['muted', 'button'],
    ['gain', 'bg'],
    ['loss', 'bg'],
  ];
  for (const theme of ['light', 'dark'] as const) {
    it.each(TEXT)(`${theme}: --%s on --%s ≥ 4.5`, (fg, bg) => {
      expect(vars[theme][fg], fg).toBeDefined();
      expect(contrast(vars[theme][fg], vars[theme][bg])).toBeGreaterThanOrEqual(4.5);
    });
    it(`${theme}: the focus ring ≥ 3 against the page (WCAG 1.4.11)`, () => {
      expect(contrast(vars[theme].focus, vars[theme].bg)).toBeGreaterThanOrEqual(3);
    });
    it(`${theme}: the map's labels ≥ 4.5 against their halo`, () => {
      const p = PALETTES[theme];
      expect(contrast(p.label, p.halo)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.regionLabel, p.halo)).toBeGreaterThanOrEqual(4.5);
    });
  }
});

describe('map classes stay apart under colour-vision deficiencies', () => {
  /**
   * CIE76 ΔE ≥ 10 between every pair: about four times the just-noticeable
   * difference (2.3), the margin at which two large adjacent fills read as
   * different classes at a glance rather than under scrutiny. Every pair is
   * checked, since a scenario on a raw snapshot can show all classes at once.
   */
  const MIN_DELTA_E = 10;
  const fills = (theme: 'light' | 'dark'): Record<'ukraine' | DisplayClass, string> => ({
    ukraine: PALETTES[theme].ukraine,
    russia: classTint('russia', theme),
    ceded: classTint('ceded', theme),
    buffer: classColour('buffer'), // the hatch's stripes; the hatching itself is a second cue
    neutral: classColour('neutral'), // likewise hatched
    returned: classTint('returned', theme),
    contested: classTint('contested', theme),
  });
  for (const theme of ['light', 'dark'] as const)
    for (const vision of ['normal', 'protanopia', 'deuteranopia'] as const) {
      it(`${theme}, ${vision}: every pair ΔE ≥ ${MIN_DELTA_E}`, () => {
        const f = fills(theme);
        const seen = (hex: string) => (vision === 'normal' ? parseHex(hex) : simulate(hex, vision as Deficiency));
        const keys = Object.keys(f) as (keyof typeof f)[];
        const close: string[] = [];
        for (let i = 0; i < keys.length; i++)
          for (let j = i + 1; j < keys.length; j++) {
            const d = deltaE76(seen(f[keys[i]]), seen(f[keys[j]]));
            if (d < MIN_DELTA_E) close.push(`${keys[i]}/${keys[j]} ΔE ${d.toFixed(1)}`);
          }
        expect(close).toEqual([]);
      });
    }
});
