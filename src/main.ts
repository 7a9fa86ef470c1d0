import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('no #app element');
mount(App, { target, props: { embedded: new URLSearchParams(location.search).get('embed') === '1' } });
