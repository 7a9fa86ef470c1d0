/**
 * The page's language: `?lang=` first, else the browser's languages (see
 * pickLocale). A reader's choice is kept apart from the guess, since only a
 * choice goes into the URL. Keeps `<html lang>`, the title and the
 * description in the language while the page runs.
 */
import { i18n, t } from '../i18n/locale.svelte';
import { pickLocale, type Locale } from '../i18n/messages';
import type { Lang } from './url';

export class Language {
  /** The language the reader chose (in the URL), if any. */
  chosen = $state<Lang | undefined>(undefined);
  /** The language shown. */
  readonly current: Locale = $derived(i18n.current);

  /** `initial` is the URL's `lang`; create it while a component initialises. */
  constructor(initial?: Lang) {
    this.restore(initial);
    $effect(() => {
      document.documentElement.lang = this.current;
      document.title = t('page.title');
      document.querySelector('meta[name="description"]')?.setAttribute('content', t('page.description'));
    });
  }

  /** The reader picks a language. */
  select(next: Lang): void {
    this.chosen = next;
    i18n.current = next;
  }

  /** Back to what a URL says (its `lang`, or the browser's guess without one). */
  restore(lang: Lang | undefined): void {
    this.chosen = lang;
    i18n.current = pickLocale(lang, navigator.languages);
  }
}
