/**
 * Ingest's history chunks: the snapshots of each series grouped (daily by
 * month, raw by year) and delta-encoded for the page's timeline (see
 * src/lib/geo/historyCodec.ts). A chunk whose snapshots are unchanged is
 * copied from the previous data folder, not re-encoded.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { HistoryEntry, SnapshotEntry } from '../lib/geo/dataset';
import { chunkName, drawnFeatures, encodeChunk, HISTORY_VERSION } from '../lib/geo/historyCodec';
import { readJsonFile, sha256, writeFileAtomic } from './io';

/**
 * Write the chunks of `snapshots` (whose files are already in `dir`) into
 * `dir/history/`, reusing the chunks of `previous` (the old data folder, with
 * the same engine and boundaries) whose snapshots have not changed. Returns
 * the manifest's entries and how many chunks were encoded anew.
 */
export function writeHistory(dir: string, snapshots: readonly SnapshotEntry[], previous?: { dir: string; history: readonly HistoryEntry[] }): { entries: HistoryEntry[]; written: number } {
  const groups = new Map<string, SnapshotEntry[]>();
  for (const e of [...snapshots].sort((a, b) => a.id.localeCompare(b.id))) {
    const name = chunkName(e);
    groups.set(name, [...(groups.get(name) ?? []), e]);
  }
  const entries: HistoryEntry[] = [];
  let written = 0;
  mkdirSync(join(dir, 'history'), { recursive: true });
  for (const [name, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `history/${name}.json`;
    const inputs = sha256(JSON.stringify([HISTORY_VERSION, members.map((e) => [e.id, e.source_sha256])]));
    const old = previous?.history.find((h) => h.file === file && h.inputs_sha256 === inputs);
    const entry = { series: members[0].kind, file, dates: [members[0].date, members.at(-1)!.date] as [string, string], frames: members.length, inputs_sha256: inputs };
    if (old && existsSync(join(previous!.dir, file))) {
      copyFileSync(join(previous!.dir, file), join(dir, file));
      entries.push({ ...entry, sha256: old.sha256 });
      continue;
    }
    const frames = members.map((e) => ({ id: e.id, date: e.date, features: drawnFeatures(readJsonFile(join(dir, e.file)) as FeatureCollection, e.file) }));
    const text = JSON.stringify(encodeChunk(name, members[0].kind, frames)) + '\n';
    writeFileAtomic(join(dir, file), text);
    entries.push({ ...entry, sha256: sha256(text) });
    written++;
  }
  return { entries, written };
}
