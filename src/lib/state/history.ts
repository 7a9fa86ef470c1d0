/**
 * The timeline's frames: a snapshot's drawn features (pieces and line of
 * contact) from the data folder's history chunks, so that playing the daily
 * history downloads about a month of days per chunk request, delta-encoded,
 * instead of one full snapshot file per day (see src/lib/datafolder/historyCodec.ts);
 * and, when the strip or a download needs them, the source's layers from the
 * `layers/` chunks.
 */
import { chunkOf, type ChunkSet, type HistoryEntry, type Manifest, type SnapshotEntry } from '../datafolder/manifest';
import { HistoryChunkReader } from '../datafolder/historyCodec';
import { DATA_BASE, type FC } from './data';

/** Decoded chunks kept (most recently used): a few months either side of the slider. */
const KEEP_CHUNKS = 6;
const chunks = new Map<string, Promise<HistoryChunkReader>>();

async function fetchChunk(url: string, file: string): Promise<HistoryChunkReader> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const text = await res.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`history chunk ${file}: not valid JSON (${(e as Error).message})`, { cause: e });
  }
  return new HistoryChunkReader(data, file);
}

/** A chunk, fetched and checked once (a failed fetch is tried again next time). */
function loadChunk(h: HistoryEntry): Promise<HistoryChunkReader> {
  // The file's hash in the URL: a chunk rewritten by a new ingest is not taken from the cache.
  const url = `${DATA_BASE}${h.file}?v=${h.sha256.slice(0, 12)}`;
  let p = chunks.get(url);
  if (p)
    chunks.delete(url); // re-inserted below as the most recently used
  else {
    p = fetchChunk(url, h.file);
    p.catch(() => chunks.delete(url));
  }
  chunks.set(url, p);
  while (chunks.size > KEEP_CHUNKS) chunks.delete(chunks.keys().next().value!);
  return p;
}

/** The chunk after `h` in its set and series, if any. */
function nextChunk(manifest: Manifest, set: ChunkSet, h: HistoryEntry): HistoryEntry | undefined {
  return manifest[set]
    .filter((c) => c.series === h.series && c.dates[0] > h.dates[1])
    .sort((a, b) => a.dates[0].localeCompare(b.dates[0]))[0];
}

/**
 * A snapshot's drawn features as a FeatureCollection that collectPieces and
 * frontlineOf accept (the `piece` and `frontline` features of its snapshot
 * as ingest computed them). Its chunk is fetched once; past the middle of a
 * chunk the next one is fetched ahead, so playing forward does not wait.
 * The collection and its coordinates are shared with other frames: read-only.
 */
export function loadFrame(manifest: Manifest, entry: SnapshotEntry): Promise<FC> {
  return frameOf(manifest, 'history', entry);
}

/** All of a snapshot's features: the source's occupied and contested layers (for the strip and downloads) and the drawn ones. */
export async function loadSnapshot(manifest: Manifest, entry: SnapshotEntry): Promise<FC> {
  const [layers, drawn] = await Promise.all([frameOf(manifest, 'layers', entry), frameOf(manifest, 'history', entry)]);
  return { type: 'FeatureCollection', features: [...layers.features, ...drawn.features] };
}

async function frameOf(manifest: Manifest, set: ChunkSet, entry: SnapshotEntry): Promise<FC> {
  const h = chunkOf(manifest, set, entry);
  if (!h) throw new Error(`the data folder has no ${set} chunk for ${entry.id}: run ingest again`);
  const reader = await loadChunk(h);
  const fc = reader.frame(entry.id);
  const next = reader.ids.indexOf(entry.id) >= reader.ids.length / 2 ? nextChunk(manifest, set, h) : undefined;
  if (next) void loadChunk(next).catch(() => {}); // a failed prefetch is retried when the frame is wanted
  return fc;
}
