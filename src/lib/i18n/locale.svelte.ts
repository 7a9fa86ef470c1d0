/**
 * The page's current language as reactive state, and `t()` / formatters bound
 * to it: a component that calls them re-renders when the language changes.
 *
 *   import { i18n, t } from '../i18n/locale.svelte';
 *   <button>{t('share.copyLink')}</button>      // "Copy link" / "Копіювати посилання"
 *   {t('status.error', { message })}            // placeholders: {message}
 *
 * Code that runs outside components (headline, alt text, export) takes a
 * Locale argument instead and calls ./messages.ts and ./format.ts directly.
 */
import { formatDate, formatKm, formatKm2, formatNumber, formatPercent, formatSigned } from './format';
import { translate, type Locale, type MessageKey, type Params } from './messages';

class LocaleState {
  current = $state<Locale>('en');
}

/** `i18n.current` is the page's language; set it to switch (App.svelte also updates the URL and `<html lang>`). */
export const i18n = new LocaleState();

/** A message in the current language. */
export const t = (key: MessageKey, params?: Params): string => translate(i18n.current, key, params);

/** Formatters in the current language (see ./format.ts). */
export const fmt = {
  num: (x: number): string => formatNumber(x, i18n.current),
  pct: (x: number): string => formatPercent(x, i18n.current),
  km2: (x: number): string => formatKm2(x, i18n.current),
  km: (x: number): string => formatKm(x, i18n.current),
  signed: (x: number): string => formatSigned(x, i18n.current),
  date: (iso: string): string => formatDate(iso, i18n.current),
};
