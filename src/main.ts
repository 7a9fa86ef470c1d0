import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { mount } from 'svelte';
import App from './App.svelte';
import { SCENARIOS } from './lib/engine/scenarioCatalog';
import { isValidViewHash, parseUrlState } from './lib/state/url';

performance.mark('frontline:script');
// MapLibre 6 loads its worker from a URL; serve it from our own origin.
maplibregl.setWorkerUrl(workerUrl);

const target = document.getElementById('app');
if (!target) throw new Error('no #app element');
const initial = parseUrlState(
  location.search,
  SCENARIOS.map((s) => s.id),
);
// A hash that is not a view MapLibre can read is dropped before the map reads it.
if (location.hash && !isValidViewHash(location.hash))
  history.replaceState(null, '', `${location.pathname}${location.search}`);
mount(App, { target, props: { embedded: initial.embed, initial } });
performance.mark('frontline:mounted');
