/**
 * Ingest's chunk sets: the snapshots of each series grouped (daily by month,
 * raw by year) and delta-encoded (see src/lib/datafolder/historyCodec.ts), once for
 * what the map draws (`history/`) and once for the source's layers
 * (`layers/`). A chunk whose snapshots are unchanged is copied from the
 * previous data folder, not re-encoded.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { join } from 'node:path';
import { InputError } from '../lib/engine/errors';
import type { ChunkSet, HistoryEntry, SnapshotEntry } from '../lib/datafolder/manifest';
import type { Manifest } from '../lib/datafolder/manifest';
import {
  chunkName,
  DRAWN_LAYERS,
  drawnFeatures,
  encodeChunk,
  HISTORY_VERSION,
  SOURCE_LAYERS,
  type DrawnFeature,
} from '../lib/datafolder/historyCodec';
import { readJsonFile, sha256, writeFileAtomic } from './io';
import type { DataFolder } from './store';

/**
 * Write the chunks of `set` for `snapshots` into `dir/<set>/`, reusing the
 * chunks of `previous` (the old data folder, with the same engine and
 * boundaries) whose snapshots have not changed. `featuresOf` gives a
 * snapshot's features of this set (only called for chunks that are
 * re-encoded). Returns the manifest's entries and how many chunks were
 * encoded anew.
 */
export function writeChunks(
  dir: string,
  set: ChunkSet,
  snapshots: readonly SnapshotEntry[],
  featuresOf: (entry: SnapshotEntry) => DrawnFeature[],
  previous?: { dir: string; chunks: readonly HistoryEntry[] },
): { entries: HistoryEntry[]; written: number } {
  const groups = new Map<string, SnapshotEntry[]>();
  for (const e of [...snapshots].sort((a, b) => a.id.localeCompare(b.id))) {
    const name = chunkName(e);
    const members = groups.get(name);
    if (members) members.push(e);
    else groups.set(name, [e]);
  }
  const entries: HistoryEntry[] = [];
  let written = 0;
  mkdirSync(join(dir, set), { recursive: true });
  for (const [name, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${set}/${name}.json`;
    const inputs = sha256(JSON.stringify([HISTORY_VERSION, set, members.map((e) => [e.id, e.source_sha256])]));
    const old = previous?.chunks.find((h) => h.file === file && h.inputs_sha256 === inputs);
    const entry = {
      series: members[0].kind,
      file,
      dates: [members[0].date, members.at(-1)!.date] as [string, string],
      frames: members.length,
      inputs_sha256: inputs,
    };
    if (old && existsSync(join(previous!.dir, file))) {
      // Never copy damage forward: a chunk that is not the one the old manifest lists stops the run.
      const bytes = readFileSync(join(previous!.dir, file));
      if (sha256(bytes) !== old.sha256)
        throw new InputError(
          join(previous!.dir, file),
          `is damaged (its checksum is not the manifest's): run ingest again with --rebuild and the full source`,
        );
      writeFileAtomic(join(dir, file), bytes); // the bytes just checked, not a second read
      entries.push({ ...entry, sha256: old.sha256 });
      continue;
    }
    const frames = members.map((e) => ({ id: e.id, date: e.date, features: featuresOf(e) }));
    const text = JSON.stringify(encodeChunk(name, members[0].kind, frames)) + '\n';
    writeFileAtomic(join(dir, file), text);
    entries.push({ ...entry, sha256: sha256(text) });
    written++;
  }
  return { entries, written };
}

/** The chunks: what this run computed from its scratch files, the rest decoded from the old data folder's chunks. */
export function writeChunkSets(
  tmp: string,
  scratch: string,
  snapshots: SnapshotEntry[],
  reusable: DataFolder | undefined,
  out: string,
): { history: Manifest['history']; layers: Manifest['layers']; written: number } {
  const featuresOf = (set: ChunkSet, layers: readonly string[]) => (e: SnapshotEntry) => {
    const file = join(scratch, `${e.id}.${set}.json`);
    return drawnFeatures(
      existsSync(file) ? (readJsonFile(file) as FeatureCollection) : reusable!.chunks.frame(set, e),
      e.id,
      layers,
    );
  };
  const { entries: history, written } = writeChunks(
    tmp,
    'history',
    snapshots,
    featuresOf('history', DRAWN_LAYERS),
    reusable && { dir: out, chunks: reusable.manifest.history },
  );
  const { entries: layers } = writeChunks(
    tmp,
    'layers',
    snapshots,
    featuresOf('layers', SOURCE_LAYERS),
    reusable && { dir: out, chunks: reusable.manifest.layers },
  );
  return { history, layers, written };
}
