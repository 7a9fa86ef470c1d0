/**
 * The page's colour theme: `?theme=` forces it, otherwise the reader's system
 * setting, followed live. Sets `<html data-theme>` and the page's colours
 * (custom properties from palette.ts) while the page runs.
 */
import { applyPageColours } from '../map/palette';
import type { Theme } from './url';

export class ThemeState {
  private readonly forced: Theme | undefined;
  private systemDark = $state(false);
  /** The theme shown. */
  readonly current: Theme = $derived.by(() => this.forced ?? (this.systemDark ? 'dark' : 'light'));

  /** `forced` is the URL's `theme`; create it while a component initialises (it keeps <html> in step). */
  constructor(forced?: Theme) {
    this.forced = forced;
    const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)');
    this.systemDark = prefersDark?.matches ?? false;
    prefersDark?.addEventListener('change', (e) => (this.systemDark = e.matches));
    $effect(() => {
      document.documentElement.dataset.theme = this.current;
      applyPageColours(document.documentElement, this.current);
    });
  }
}
