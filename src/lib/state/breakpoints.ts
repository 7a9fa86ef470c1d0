/**
 * The page's media queries, named once. Components' CSS writes `@media (--phone)`; the build puts in the
 * query (`customMedia` in src/build/vitePlugins.ts), and the scripts ask `matchMedia` for the same text.
 */
export const CUSTOM_MEDIA = {
  /**
   * Phones and tablets held upright (up to 820 px, iPad Air's width): the map fills the screen and the panel is
   * a bottom sheet. Beside a 440 px panel their map was a 330 px strip.
   */
  '--phone': '(max-width: 820px)',
  /** Phones: too narrow for two maps side by side, so compare shows one side at a time (an A | B toggle). */
  '--narrow': '(max-width: 767px)',
} as const;
