import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Holds MapLibre's painting back until the page has handed over its data
 * (`ready()`) and every source's tiles are in, so the first frame drawn is the
 * whole map.
 *
 * Why: each source that arrives makes MapLibre paint again. On a machine
 * without a GPU, every frame is a software render that the page's main thread
 * waits for (Chromium reads the canvas back), 60–370 ms each; the first load
 * painted 12 partial frames before the map was complete. Tiles still load and
 * are laid out as usual; only the painting waits. A GPU gains nothing from the
 * partial frames either: the reader sees one complete map instead of layers
 * popping in.
 *
 * Relies on `map.painter.render`, which MapLibre marks internal; the test in
 * test/e2e/map.test.ts counts the frames so a MapLibre change shows.
 * When `ready()` turns true, the caller asks for a frame (`triggerRepaint`):
 * the map may have nothing else left to do.
 */
export function holdFirstPaint(map: MapLibreMap, ready: () => boolean): void {
  const painter = map.painter;
  const render = painter.render.bind(painter);
  painter.render = (...args) => {
    if (!ready() || !map.style?.loaded()) return;
    painter.render = render;
    render(...args);
  };
}
