import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../engine/scenarioCatalog';
import { formatDate, formatKm2, formatPercent } from './format';
import { MESSAGES, pickLocale, placeholders, translate, type MessageKey } from './messages';
import { regionNameOf, regionShortName, scenarioTexts } from './names';
import { REGION_IDS } from '../engine/regions';
import { PROPOSERS, validateScenario } from '../engine/scenarios';
import { ZONES } from '../engine/rules';
import { PLACE_ZONES } from '../engine/places';
import { DISPLAY_CLASSES } from '../map/scenarioLayers';
import en from './en.json';
import uk from './uk.json';

/**
 * Values that are the same in both languages on purpose (proper names, symbols, product names): share.png
 * is a file format's name; timeline.planOn only punctuation between a title and a date, each already translated.
 */
const SAME_IN_BOTH = new Set<MessageKey>(['share.png', 'timeline.planOn']);

describe('locale files', () => {
  it('have the same keys', () => {
    expect(Object.keys(uk).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders per key', () => {
    for (const key of Object.keys(en) as MessageKey[])
      expect(placeholders(uk[key]).sort(), key).toEqual(placeholders(en[key]).sort());
  });

  it('translate every value but a short allowlist', () => {
    const same = (Object.keys(en) as MessageKey[]).filter((k) => en[k] === uk[k]);
    expect(same.sort()).toEqual([...SAME_IN_BOTH].sort());
  });

  it('have no empty values', () => {
    for (const [key, v] of Object.entries(MESSAGES.uk)) expect(v.trim(), key).not.toBe('');
  });
});

describe('messages keyed by a table', () => {
  // The components build these keys from the rule table (a class, a zone, a proposer): each must exist.
  it('has a legend label for every map class, and every text a zone of the rule table needs', () => {
    const keys = [
      ...DISPLAY_CLASSES.map((c) => `legend.${c}`),
      ...ZONES.flatMap((z) => [`table.${z}`, `figures.${z}`, `headline.giveUp.${z}`, `alt.zone.${z}`]),
      ...PLACE_ZONES.flatMap((z) => [`places.${z}`, `headline.places.${z}`]),
      ...PROPOSERS.map((p) => `proposer.${p}`),
    ];
    for (const k of keys) {
      expect(en, k).toHaveProperty([k]);
      expect(uk, k).toHaveProperty([k]);
    }
  });
});

describe('translate', () => {
  it('fills placeholders, numbers for the locale', () => {
    expect(translate('en', 'date.range', { count: 1234, first: 'a', last: 'b' })).toBe(
      'Snapshots: 1,234, a – b; a day without one shows the nearest.',
    );
    expect(translate('uk', 'date.range', { count: 1234, first: 'a', last: 'b' })).toBe(
      'Знімків: 1\u00a0234, a – b; для дня без знімка показано найближчий.',
    );
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('en', 'status.error', {})).toBe('The data could not be read: {message}');
  });
});

describe('pickLocale', () => {
  it('takes ?lang= first, then the first browser language we have, else English', () => {
    expect(pickLocale('en', ['uk-UA'])).toBe('en');
    expect(pickLocale(undefined, ['uk-UA', 'en'])).toBe('uk');
    expect(pickLocale(undefined, ['de-DE', 'uk'])).toBe('uk');
    expect(pickLocale(undefined, ['ru-UA', 'ru'])).toBe('en'); // Ukrainian only when asked for
    expect(pickLocale(undefined, [])).toBe('en');
  });
});

describe('formats', () => {
  it("write numbers, units and dates the locale's way", () => {
    expect(formatKm2(6197.57, 'en')).toBe('6,198\u00a0km²');
    expect(formatKm2(6197.57, 'uk')).toBe('6\u00a0198\u00a0км²');
    expect(formatPercent(11.806, 'en')).toBe('11.8\u00a0%');
    expect(formatPercent(11.806, 'uk')).toBe('11,8\u00a0%');
    expect(formatDate('2025-11-20', 'en')).toBe('20 November 2025');
    expect(formatDate('2025-11-20', 'uk')).toBe('20 листопада 2025 р.');
  });
});

describe('names', () => {
  it('shortens region names in both languages', () => {
    expect(regionShortName('UA-14', 'en')).toBe('Donetsk');
    expect(regionShortName('UA-14', 'uk')).toBe('Донецька');
    expect(regionShortName('donbas', 'uk')).toBe('Донбас');
    expect(regionShortName('UA-30', 'uk')).toBe('Київ');
  });

  it('makes the Ukrainian genitive of every region ("of Donetsk Oblast")', () => {
    expect(regionNameOf('UA-14', 'uk')).toBe('Донецької області');
    expect(regionNameOf('UA-26', 'uk')).toBe('Івано-Франківської області');
    expect(regionNameOf('UA-43', 'uk')).toBe('Автономної Республіки Крим');
    expect(regionNameOf('UA-14', 'en')).toBe('Donetsk Oblast');
    // No region is left in the nominative.
    for (const id of REGION_IDS)
      expect(regionNameOf(id, 'uk'), id).toMatch(/(кої області|міста .+|Автономної Республіки Крим)$/);
  });

  it('every built-in scenario has Ukrainian texts; translated quotes are marked, never quoted', () => {
    for (const s of SCENARIOS) {
      const u = scenarioTexts(s, 'uk');
      expect(s.uk, s.id).toBeDefined();
      expect(u.title).not.toBe(s.title);
      expect(u.quote).toBe(false);
      expect(u.translatedQuote).toBe(s.clause_is_quote);
      expect(scenarioTexts(s, 'en')).toMatchObject({
        title: s.title,
        quote: s.clause_is_quote,
        translatedQuote: false,
      });
    }
  });
});

describe('scenario translations in definition files', () => {
  const base = { id: 'x', title: 'X', rules: { default: 'line', regions: {} } };
  const uk = { title: 'Ікс', phrase: 'за іксом', summary: 'с', clause: 'к' };
  it('are optional, and kept when complete', () => {
    expect(validateScenario(base, 'x.json').uk).toBeUndefined();
    expect(validateScenario({ ...base, uk }, 'x.json').uk).toEqual({ ...uk, source_name: undefined });
  });
  it('are rejected with a message naming the field when incomplete or mistyped', () => {
    expect(() => validateScenario({ ...base, uk: { ...uk, title: '' } }, 'x.json')).toThrow(
      /x\.json.*"uk\.title" must be a non-empty string/,
    );
    expect(() => validateScenario({ ...base, uk: 'Ікс' }, 'x.json')).toThrow(/"uk" must be an object/);
    expect(() => validateScenario({ ...base, uk: { ...uk, source_name: 3 } }, 'x.json')).toThrow(
      /"uk\.source_name" must be a string/,
    );
  });
});
