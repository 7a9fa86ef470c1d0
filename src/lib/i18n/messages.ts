/**
 * The interface's strings in English and Ukrainian, and the rules that pick
 * a language. Pure functions (no DOM, no runes), so the text builders, the
 * PNG export and the tests call them with an explicit locale; components use
 * the reactive `t()` of ./locale.svelte.ts, which calls these.
 *
 * Adding a string: add the key to en.json AND uk.json (the type below makes
 * a key missing from uk.json fail `npm run check`; i18n.test.ts checks the
 * key sets and placeholders match).
 */
import en from './en.json';
import uk from './uk.json';

export const LOCALES = ['en', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
/** Placeholder values: strings are inserted as they are, numbers formatted for the locale. */
export type Params = Record<string, string | number>;

// `satisfies` makes a key missing from (or extra in) uk.json a type error.
export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, uk: uk satisfies Record<MessageKey, string> };

/** Each language's own name, shown in the switch (never translated). */
export const LOCALE_NAMES: Record<Locale, { short: string; name: string }> = {
  en: { short: 'EN', name: 'English' },
  uk: { short: 'УК', name: 'Українська' },
};

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders of a message, in order. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** A message with its placeholders filled; a placeholder without a value is left as it is, so a slip shows. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const message = MESSAGES[locale][key] ?? MESSAGES.en[key];
  if (!params) return message;
  const nf = new Intl.NumberFormat(locale);
  return message.replace(PLACEHOLDER, (all, name: string) => {
    const v = params[name];
    return v === undefined ? all : typeof v === 'number' ? nf.format(v) : v;
  });
}

export function isLocale(x: unknown): x is Locale {
  return (LOCALES as readonly unknown[]).includes(x);
}

/**
 * The page's language: `?lang=` first, else the browser's first language we
 * have (Ukrainian only when Ukrainian is asked for: a reader who asks for
 * Russian gets English, not a guess), else English.
 */
export function pickLocale(urlLang: Locale | undefined, browserLanguages: readonly string[] = []): Locale {
  if (urlLang) return urlLang;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** Upper-case the first letter (a phrase that starts a sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
