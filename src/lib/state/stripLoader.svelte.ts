/**
 * One side's demilitarised strip (the page's, and the compared side's): what
 * it needs, loaded on demand, and the strip computed from it by the same
 * computeStrip the CLI calls, on the same files (the date's full snapshot and
 * regions-display.geojson), so the figures match.
 *
 * What it needs: the strip's geometry code (Clipper2's offsetting, a chunk of
 * its own, fetched with the first plan that has a strip) and the date's full
 * snapshot. The map reads dates from the history chunks, which hold only what
 * it draws; the strip's sides need the occupied and contested layers too. A
 * reader's own file is whole already.
 */
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Manifest, SnapshotEntry } from '../datafolder/manifest';
import { stripRegions, type ScenarioDefinition } from '../engine/scenarios';
import type { Strip } from '../engine/strip';
import type { AppState } from './app.svelte';
import type { FC } from './data';
import { loadSnapshot } from './history';

/** The strip's geometry code, loaded with the first scenario that has a strip. */
type StripLib = typeof import('../engine/strip');

/**
 * A plan's strip as one string, its width and the regions where it may lie ('' without a strip): a derived of
 * its own, so an edit of a custom scenario's rules recomputes the strip only when it changes where the strip lies.
 *
 * @example stripKey(scenarioById('framework-20-point')) // '10|UA-14,UA-09,UA-23,UA-65'
 */
export function stripKey(scenario: ScenarioDefinition): string {
  return scenario.strip_km === undefined ? '' : `${scenario.strip_km}|${stripRegions(scenario).join(',')}`;
}

/**
 * One side's strip: `load` on each choice of plan or date (the page's explicit loaders, side B's effect),
 * `strip` and `collection` in deriveds. It keeps one full snapshot, the last one asked for.
 *
 * @example const strips = new StripLoader((key, e) => app.fail(key, e)); strips.load(stripKey(plan), manifest, entry, false)
 */
export class StripLoader {
  private lib = $state.raw<StripLib | null>(null);
  private libPending = false;
  private full = $state.raw<{ id: string; fc: FC } | null>(null);
  private fullPending: string | null = null;
  private readonly fail: AppState['fail'];

  /** `fail` reports a load that failed (the page's notice: AppState's `fail`). */
  constructor(fail: AppState['fail']) {
    this.fail = fail;
  }

  /**
   * Loads what the strip `key` on `entry` needs, unless it is in or on its way (nothing for a plan without a
   * strip; no snapshot for a reader's file). After a failed snapshot, the next call for its date tries again.
   */
  load(key: string, manifest: Manifest, entry: SnapshotEntry, readersFile: boolean): void {
    if (!key) return;
    if (!this.lib && !this.libPending) {
      this.libPending = true;
      import('../engine/strip').then(
        (lib) => (this.lib = lib),
        (e: Error) => ((this.libPending = false), this.fail('status.stripError', e)),
      );
    }
    if (readersFile || this.full?.id === entry.id || this.fullPending === entry.id) return;
    this.fullPending = entry.id;
    loadSnapshot(manifest, entry).then(
      (fc) => {
        if (this.fullPending === entry.id) this.full = { id: entry.id, fc };
      },
      (e: Error) => {
        if (this.fullPending === entry.id) this.fullPending = null;
        this.fail('status.snapshotError', e, { date: entry.date });
      },
    );
  }

  /** The strip `key` on `entry` (on `readersFile` when it is the reader's file), or null until load() has brought what it needs. */
  strip(key: string, regions: FC, entry: SnapshotEntry, readersFile: FC | null): Strip | null {
    const lib = this.lib;
    if (!key || !lib) return null;
    const fc = readersFile ?? (this.full?.id === entry.id ? this.full.fc : null);
    if (!fc) return null;
    const [width, only] = key.split('|');
    return lib.computeStrip(lib.stripInputOf(fc, regions), Number(width), only.split(','));
  }

  /** The strip as map features (an empty collection without one). */
  collection(strip: Strip | null): FeatureCollection<MultiPolygon> {
    return { type: 'FeatureCollection', features: strip && this.lib ? this.lib.stripFeatures(strip) : [] };
  }
}
