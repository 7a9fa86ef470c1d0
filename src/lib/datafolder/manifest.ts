/**
 * The normalized data set that `frontline ingest` writes and the CLI and the
 * app read: a manifest of snapshots, the per-region overlay of each (so area
 * figures need no clipping), and the snapshots' geometry in delta-encoded
 * chunks (see historyCodec.ts): `history/` holds what the map draws (pieces
 * and the line of contact), `layers/` the occupied and contested layers as
 * the source drew them (for the CLI's geometry and the strip). A month of
 * daily snapshots is one file of each, so the whole history since 2022 is a
 * few MB and can ship with the repository.
 */
import type { LayerClass } from '../engine/classify';
import { InputError } from '../engine/errors';
import type { RegionOverlay } from '../engine/overlay';
import { REGION_IDS } from '../engine/regionMeta';
import type { SnapshotKind } from '../engine/snapshot';
import { isCalendarDay } from '../engine/calendar';

/**
 * The data folder's format: readers refuse another (run ingest again).
 */
export const DATASET_FORMAT = 3;
/** Bump when the overlay's results change, so ingest recomputes everything. */
export const ENGINE_VERSION = 7;

/**
 * One snapshot of a data folder, as its manifest lists it.
 */
export interface SnapshotEntry {
  /** `YYYY-MM-DD` for daily files, `YYYY-MM-DD-raw` for raw layer files. */
  id: string;
  date: string;
  kind: SnapshotKind;
  /** Where it came from: a path relative to the source given to ingest, or a URL. */
  source: string;
  source_sha256: string;
  layers: Partial<Record<LayerClass, number>>;
}

/**
 * A chunk of the map's history: the drawn features of consecutive snapshots
 * of one series, delta-encoded (see historyCodec.ts), so a timeline can play
 * them without fetching every snapshot file.
 */
export interface HistoryEntry {
  /** Snapshot kind of its frames: `daily`, `raw` or `custom`. */
  series: string;
  /** Relative to the data folder, e.g. `history/daily-2025-11.json`. */
  file: string;
  /** First and last snapshot date in it. */
  dates: [string, string];
  /** Number of snapshots in it. */
  frames: number;
  /** Of the ids, their source hashes and the codec version: ingest rewrites the chunk only when this changes. */
  inputs_sha256: string;
  /** Of the file (the page adds it to the URL so that a rewritten chunk is not read from the cache). */
  sha256: string;
}

/**
 * A data folder's manifest.json: what it holds and what it was made with.
 */
export interface Manifest {
  format: number;
  engine: number;
  attribution: string;
  /** The boundaries the figures were computed on; `attribution` is the credit their licence asks for (e.g. "© Minregion"). */
  boundaries: { name: string; sha256: string; attribution?: string };
  sliver_width_km: number;
  /** Held before 2022, taken from the newest raw file that has the ORDLO layer. */
  ordlo: { snapshot: string; file: string; km2: Record<string, number> } | null;
  snapshots: SnapshotEntry[];
  /** The drawn features' chunks (`history/`). */
  history: HistoryEntry[];
  /** The occupied and contested layers' chunks (`layers/`). */
  layers: HistoryEntry[];
  /** DeepState's notes of the day (`NotesFile`), relative to the data folder; absent when there are none. */
  notes?: string;
}

/** The two chunk sets of a data folder, by manifest key (also their folder names). */
export type ChunkSet = 'history' | 'layers';

/** DeepState's note on a revision: what changed that day, as it published it. */
export interface Note {
  /** The revision (unix seconds), the one ingested for that day. */
  id: number;
  /** When DeepState published it (ISO). */
  created_at: string;
  /** In Ukrainian. */
  description: string;
  /** In English. */
  description_en: string;
}

/** `notes.json`: per UTC date (YYYY-MM-DD), the note of the revision ingested for it. */
export interface NotesFile {
  format: 1;
  notes: Record<string, Note>;
}

/**
 * The file of DeepState's notes of the day in a data folder.
 */
export const NOTES_FILE = 'notes.json';

/** Per snapshot id, per region (in `regions` order): [occupied, contested, sliver] km². */
export interface Stats {
  engine: number;
  boundaries_sha256: string;
  regions: string[];
  area_km2: number[];
  overlays: Record<string, [number, number, number][]>;
}

/** The chunk of a set that holds a snapshot, if any. */
export function chunkOf(
  m: Manifest,
  set: ChunkSet,
  entry: Pick<SnapshotEntry, 'kind' | 'date'>,
): HistoryEntry | undefined {
  return m[set]?.find((h) => h.series === entry.kind && h.dates[0] <= entry.date && entry.date <= h.dates[1]);
}

/**
 * A snapshot's overlay per region, from stats.json (an InputError if it has none).
 */
export function overlaysFor(stats: Stats, id: string): RegionOverlay[] {
  const rows = stats.overlays[id];
  if (!rows) throw new InputError('data', `no figures for snapshot ${id}: run ingest again`);
  return stats.regions.map((rid, i) => ({
    id: rid,
    area_km2: stats.area_km2[i],
    occupied_km2: rows[i][0],
    contested_km2: rows[i][1],
    sliver_km2: rows[i][2],
  }));
}

/**
 * An overlay as stats.json stores it: [occupied, contested, sliver] km² per region, to 1e-4 km².
 */
export function packOverlays(overlays: readonly RegionOverlay[]): [number, number, number][] {
  const r = (x: number): number => Math.round(x * 1e4) / 1e4;
  return REGION_IDS.map((id) => {
    const o = overlays.find((x) => x.id === id)!;
    return [r(o.occupied_km2), r(o.contested_km2), r(o.sliver_km2)];
  });
}

/**
 * Which series a date is looked up in: `any` (daily, with raw files where a day has none), daily or raw.
 */
export type KindChoice = 'any' | 'daily' | 'raw';

function ofKind(m: Manifest, kind: KindChoice): SnapshotEntry[] {
  return m.snapshots.filter((s) => kind === 'any' || s.kind === kind);
}

/** One snapshot per date: daily files win over raw ones on the same day (a continuous series). */
export function seriesOf(m: Manifest, kind: KindChoice): SnapshotEntry[] {
  const byDate = new Map<string, SnapshotEntry>();
  for (const s of ofKind(m, kind)) {
    const have = byDate.get(s.date);
    if (!have || (have.kind !== 'daily' && s.kind === 'daily')) byDate.set(s.date, s);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * `value` if it is a calendar date YYYY-MM-DD, else an InputError naming `what`.
 */
export function checkDate(value: string, what: string): string {
  if (!isCalendarDay(value)) throw new InputError(what, `"${value}" is not a date (expected YYYY-MM-DD)`);
  return value;
}

/** The snapshot of a date, or an error that names the nearest dates. */
export function snapshotOn(m: Manifest, date: string, kind: KindChoice = 'any'): SnapshotEntry {
  checkDate(date, '--date');
  const series = seriesOf(m, kind);
  const hit = series.find((s) => s.date === date);
  if (hit) return hit;
  if (series.length === 0) throw new InputError('--date', `no ${kind === 'any' ? '' : kind + ' '}snapshots ingested`);
  const t = Date.parse(date);
  const before = [...series].reverse().find((s) => Date.parse(s.date) < t);
  const after = series.find((s) => Date.parse(s.date) > t);
  const near = [before, after].filter(Boolean).map((s) => s!.date);
  throw new InputError('--date', `no snapshot on ${date}; nearest: ${near.join(' and ')}`);
}

/** The newest date of the continuous series: where the page opens when no date is asked for. */
export function newestDate(m: Manifest): string | undefined {
  return seriesOf(m, 'any').at(-1)?.date;
}

/** The nearest snapshot to a date. */
export function nearestSnapshot(m: Manifest, date: string, kind: KindChoice = 'any'): SnapshotEntry | undefined {
  const t = Date.parse(date);
  let best: SnapshotEntry | undefined;
  for (const s of seriesOf(m, kind))
    if (!best || Math.abs(Date.parse(s.date) - t) < Math.abs(Date.parse(best.date) - t)) best = s;
  return best;
}

/**
 * The snapshots of a series from `from` to `to`, both included, in date order.
 */
export function snapshotsBetween(m: Manifest, from: string, to: string, kind: KindChoice = 'any'): SnapshotEntry[] {
  checkDate(from, '--from');
  checkDate(to, '--to');
  if (from > to) throw new InputError('--from', `${from} is after --to ${to}`);
  return seriesOf(m, kind).filter((s) => s.date >= from && s.date <= to);
}
