/// <reference types="svelte" />
/// <reference types="vite/client" />
declare module '*.geojson?url' {
  const url: string;
  export default url;
}

interface ImportMetaEnv {
  /** An external basemap style URL (https) for deployments with internet. */
  readonly VITE_BASEMAP_STYLE?: string;
  /** Hosts whose styles `?basemap=` may name (comma-separated); none by default. */
  readonly VITE_BASEMAP_HOSTS?: string;
}

/** Which data set the build or dev server serves at data/ (set by src/build/vitePlugins.ts): the built-in one, the user's public/data, or $FRONTLINE_DATA. */
declare const __FRONTLINE_DATA_SET__: 'builtin' | 'own' | 'env';

declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]). */
  export default function polylabel(polygon: number[][][], precision?: number): number[] & { distance: number };
}
