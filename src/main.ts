import 'maplibre-gl/dist/maplibre-gl.css';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { mount } from 'svelte';
import App from './App.svelte';

performance.mark('frontline:script');
// MapLibre 6 loads its worker from a URL; serve it from our own origin.
maplibregl.setWorkerUrl(workerUrl);

const target = document.getElementById('app');
if (!target) throw new Error('no #app element');
mount(App, { target, props: { embedded: new URLSearchParams(location.search).get('embed') === '1' } });
performance.mark('frontline:mounted');
