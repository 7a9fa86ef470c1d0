/**
 * DeepState's notes of the day in the data folder (`notes.json`, see
 * NotesFile in dataset.ts). Ingest rebuilds the data folder from a temporary
 * one, so it carries the previous notes forward and merges the new ones here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NOTES_FILE, type Note, type NotesFile } from '../lib/datafolder/manifest';
import { readJsonFile, writeFileAtomic, type Io } from './io';

/** The notes in a data folder; none when it has no notes file. */
export function readNotes(dir: string): Record<string, Note> {
  const path = join(dir, NOTES_FILE);
  if (!existsSync(path)) return {};
  const file = readJsonFile(path) as Partial<NotesFile>;
  return file && typeof file.notes === 'object' && file.notes !== null ? file.notes : {};
}

/**
 * Write into `tmp` the notes of `previousDir` merged with `added` (a new note
 * for a date replaces the old one), kept only for dates that still have a
 * snapshot. Returns the file name for the manifest, or undefined when there
 * are no notes. Keys are sorted so that an unchanged set writes the same bytes.
 */
export function carryNotes(
  previousDir: string,
  tmp: string,
  added: Record<string, Note> | undefined,
  dates: ReadonlySet<string>,
  io: Io,
): string | undefined {
  let previous: Record<string, Note> = {};
  try {
    previous = readNotes(previousDir);
  } catch (e) {
    // Notes are commentary, not figures: a damaged file must not stop an ingest.
    io.err(`note: ${(e as Error).message}; its notes are dropped\n`);
  }
  const merged = { ...previous, ...added };
  const notes = Object.fromEntries(
    Object.keys(merged)
      .filter((d) => dates.has(d))
      .sort()
      .map((d) => [d, merged[d]]),
  );
  if (Object.keys(notes).length === 0) return undefined;
  const file: NotesFile = { format: 1, notes };
  writeFileAtomic(join(tmp, NOTES_FILE), JSON.stringify(file, null, 1) + '\n');
  return NOTES_FILE;
}
