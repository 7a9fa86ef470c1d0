/**
 * Numbers and dates for a locale, with Intl. Units are joined with a
 * non-breaking space, so a number and its unit stay on one line; the unit is
 * the locale's (km² / км²).
 */
import { translate, type Locale } from './messages';
import { utcDay } from '../engine/calendar';

interface Formats {
  whole: Intl.NumberFormat;
  pct: Intl.NumberFormat;
  signed: Intl.NumberFormat;
  width: Intl.NumberFormat;
  day: Intl.DateTimeFormat;
}

// en-GB: "20 November 2025" and "6,198"; uk: "20 листопада 2025 р." and "6 198".
const TAGS: Record<Locale, string> = { en: 'en-GB', uk: 'uk-UA' };
const cache = new Map<Locale, Formats>();

function formats(locale: Locale): Formats {
  let f = cache.get(locale);
  if (!f) {
    const tag = TAGS[locale];
    f = {
      whole: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      pct: new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
      signed: new Intl.NumberFormat(tag, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
      // A strip's width has up to three decimals (isStripWidth): all of them shown.
      width: new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }),
      day: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    };
    cache.set(locale, f);
  }
  return f;
}

/** A whole number: "6,198" / "6 198". */
export const formatNumber = (x: number, locale: Locale = 'en'): string => formats(locale).whole.format(x);
/** A share in per cent, one decimal: "11.8 %" / "11,8 %". */
export const formatPercent = (x: number, locale: Locale = 'en'): string => `${formats(locale).pct.format(x)}\u00a0%`;
/** An area: "6,198 km²" / "6 198 км²". */
export const formatKm2 = (x: number, locale: Locale = 'en'): string =>
  `${formatNumber(x, locale)}\u00a0${translate(locale, 'unit.km2')}`;
/** A distance, as a strip's width is given: "10 km" / "0,5 км". */
export const formatKm = (x: number, locale: Locale = 'en'): string =>
  `${formats(locale).width.format(x)}\u00a0${translate(locale, 'unit.km')}`;
/** A change with its sign, rounded: "+1,931" / "−412". */
export const formatSigned = (x: number, locale: Locale = 'en'): string => formats(locale).signed.format(Math.round(x));
/** A calendar date (YYYY-MM-DD, read as UTC): "20 November 2025" / "20 листопада 2025 р.". */
export const formatDate = (iso: string, locale: Locale = 'en'): string => formats(locale).day.format(utcDay(iso));
