import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/messages';
import { HATCH_COLOUR } from './hatch';
import { legendEntries } from './legend';
import { classTint, LINE_WIDTHS, PALETTES } from './palette';

describe('legendEntries (one legend for the page, the embed and the PNG)', () => {
  it('lists Ukraine, each class, the strip, the line of contact and the heavy outline, in that order', () => {
    const ids = legendEntries({
      classes: ['russia', 'ceded', 'buffer'],
      theme: 'light',
      locale: 'en',
      strip: true,
      frontline: true,
    }).map((e) => e.id);
    expect(ids).toEqual(['ukraine', 'russia', 'ceded', 'buffer', 'strip', 'frontline', 'focus']);
  });

  it('draws each symbol with the map’s colours and widths', () => {
    const entries = legendEntries({
      classes: ['russia', 'buffer'],
      theme: 'dark',
      locale: 'uk',
      strip: true,
      frontline: true,
    });
    const by = Object.fromEntries(entries.map((e) => [e.id, e]));
    expect(by.russia.symbol).toEqual({
      kind: 'fill',
      fill: classTint('russia', 'dark'),
      edge: PALETTES.dark.oblastLine,
    });
    expect(by.buffer.symbol).toMatchObject({ kind: 'hatch', stripe: HATCH_COLOUR });
    expect(by.strip.symbol).toMatchObject({ kind: 'strip', ink: PALETTES.dark.stripInk });
    expect(by.frontline.symbol).toMatchObject({
      kind: 'line',
      colour: PALETTES.dark.frontline,
      width: LINE_WIDTHS.frontline,
      haloWidth: LINE_WIDTHS.frontlineHalo,
    });
    expect(by.focus.symbol).toMatchObject({
      kind: 'outline',
      colour: PALETTES.dark.focusLine,
      width: LINE_WIDTHS.focus,
    });
    expect(by.frontline.label).toBe(translate('uk', 'legend.frontline'));
  });

  it('leaves out the line of contact when it is hidden and the strip when there is none', () => {
    const ids = legendEntries({ classes: [], theme: 'light', locale: 'en', strip: false, frontline: false }).map(
      (e) => e.id,
    );
    expect(ids).toEqual(['ukraine', 'focus']);
  });
});
