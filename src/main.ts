import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { mount } from 'svelte';
import App from './App.svelte';
import { SCENARIOS } from './lib/engine/scenarioCatalog';
import { parseUrlState } from './lib/state/url';
import { dropInvalidViewHash } from './lib/state/urlSync.svelte';

performance.mark('frontline:script');
// MapLibre 6 loads its worker from a URL; serve it from our own origin.
maplibregl.setWorkerUrl(workerUrl);

const target = document.getElementById('app');
if (!target) throw new Error('no #app element');
const initial = parseUrlState(
  location.search,
  SCENARIOS.map((s) => s.id),
  SCENARIOS,
);
dropInvalidViewHash();
mount(App, { target, props: { embedded: initial.embed, initial } });
performance.mark('frontline:mounted');
