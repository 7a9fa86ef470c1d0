/**
 * Each scenario frames what it changes: when the reader picks a scenario
 * (and when the page opens on one, unless its link carries a view in the
 * hash), the map is fitted to the box of the scenario's ceded, returned,
 * buffer and strip land (map/framing.ts, from the engine's pieces), capped
 * at a zoom that keeps the towns around it; a scenario that changes nothing
 * shows the whole of Ukraine. A date change never moves the map. The embed
 * and the PNG export show the same view, since they are the same map.
 */
import type * as maplibregl from 'maplibre-gl';
import { untrack } from 'svelte';
import type { Box } from '../engine/box';
import { changedBox } from '../map/framing';
import { UKRAINE_BOUNDS } from '../map/style';
import type { AppState } from './app.svelte';

/** The closest a framing zooms: the Kinburn Spit (135 km²) fills a good part of a phone, with its coast around. */
const FRAME_MAX_ZOOM = 8;

/** Fits `map` to `box` (Ukraine without one) inside `padding`, at once: a switch is drawn in one frame. */
function frameBox(map: maplibregl.Map, box: Box | null, padding: maplibregl.PaddingOptions): void {
  const bounds: maplibregl.LngLatBoundsLike = box ? [box[0], box[1], box[2], box[3]] : UKRAINE_BOUNDS;
  map.fitBounds(bounds, { padding, maxZoom: FRAME_MAX_ZOOM, animate: false });
}

/** Frames each scenario the reader picks (see the module comment); one per page. */
export class Framing {
  /** The scenario (and whether its strip is in) last framed, or seen while a linked view held. */
  private framed: string | null = null;
  private lastScenario: string | null = null;

  /**
   * Create it while a component initialises. `padding()` is the space kept
   * free (a phone's collapsed sheet covers the map's lower part);
   * `linkedView`: the link carries a view, which stays until the reader
   * picks another scenario.
   */
  constructor(
    app: AppState,
    map: () => maplibregl.Map | undefined,
    padding: () => maplibregl.PaddingOptions,
    linkedView: boolean,
  ) {
    let hold = linkedView;
    $effect(() => {
      const m = map();
      const display = app.display;
      const ready = app.status === 'nodata' || (app.status === 'ready' && app.snapshot !== null);
      if (!m || !display || !ready) return;
      const strip = app.stripCollection;
      // The strip comes after the scenario (its geometry code loads on demand): framed again when it is in.
      const key = `${app.scenarioId}|${strip.features.length > 0}`;
      if (key === this.framed) return;
      const before = this.lastScenario;
      this.framed = key;
      this.lastScenario = app.scenarioId;
      if (hold && (before === null || before === app.scenarioId)) return;
      hold = false;
      untrack(() => {
        const box = changedBox(display, app.pieces, app.regions, strip);
        // The opening view is already Ukraine's.
        if (box || before !== null) frameBox(m, box, padding());
      });
    });
  }
}
