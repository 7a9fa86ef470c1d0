/**
 * DeepState's notes of the day in the page: the data folder's `notes.json`
 * (NotesFile, written by `frontline update`), fetched after the first map and
 * checked field by field. The file comes from whoever made the data folder,
 * so only what the page shows is kept: each day's two texts as plain strings,
 * of a sane length. Everything else (unknown fields, numbers where text
 * belongs, a 1 MB "note") is dropped; the page sets the texts as text, never
 * as markup.
 */
import { checkDate, type Manifest } from '../datafolder/manifest';
import { stripUnsafe } from '../text/safeText';
import { DATA_BASE } from './data';

/** One day's note, as the page shows it (either text may be missing, not both). */
export interface DayNote {
  /** YYYY-MM-DD (UTC), the snapshot's day. */
  date: string;
  /** DeepState's Ukrainian text (`description`). */
  uk?: string;
  /** DeepState's English text (`description_en`). */
  en?: string;
}

/** A day's note as a mark shows it: the date, its text in the reader's language, and its place (0…1) on a scale. */
export interface NoteTick {
  date: string;
  pos: number;
  text: string;
}

/** A day's note in one language. */
export type DatedNote = Omit<NoteTick, 'pos'>;

/** Longer texts are not a day's note (DeepState's run to a few hundred characters): dropped. */
export const NOTE_MAX_CHARS = 2000;
/** More days than this is not a notes file of this war's history (about 4,000 days so far): the rest dropped. */
export const NOTES_MAX_DAYS = 20_000;
/** A bigger file is not read at all (a full history of notes is about 1 MB). */
export const NOTES_MAX_BYTES = 8 * 1024 * 1024;

/** A text field as shown: a string of 1…NOTE_MAX_CHARS characters, unsafe characters (stripUnsafe) removed, runs of whitespace one space. */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > NOTE_MAX_CHARS) return undefined;
  const s = stripUnsafe(v.replace(/\s+/g, ' ')).trim();
  return s || undefined;
}

function isDate(key: string): boolean {
  try {
    checkDate(key, 'note');
    return true;
  } catch {
    return false;
  }
}

/**
 * The notes of a parsed `notes.json`, sorted by date; days whose entry is not
 * a note (no usable text, a key that is not a date) are dropped. Throws when
 * the file as a whole is not a notes file (wrong format, no `notes` object).
 *
 * @example
 * parseNotes({ format: 1, notes: { '2026-08-01': { description: 'Ворог…', description_en: 'The enemy…' } } });
 * // → [{ date: '2026-08-01', uk: 'Ворог…', en: 'The enemy…' }]
 */
export function parseNotes(raw: unknown): DayNote[] {
  const file = raw as { format?: unknown; notes?: unknown } | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new Error('not a notes file');
  if (file.format !== 1) throw new Error(`notes format ${String(file.format).slice(0, 20)}, this page reads 1`);
  const notes = file.notes;
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) throw new Error('no notes in the file');
  const out: DayNote[] = [];
  for (const [date, entry] of Object.entries(notes as Record<string, unknown>)) {
    if (out.length >= NOTES_MAX_DAYS) break;
    if (!isDate(date) || typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const uk = text(e.description);
    const en = text(e.description_en);
    if (uk || en) out.push({ date, ...(uk ? { uk } : {}), ...(en ? { en } : {}) });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * A note's text in the reader's language, else in the other one.
 *
 * @example
 * noteText({ date: '2026-08-01', uk: 'Ворог…' }, 'en'); // → 'Ворог…'
 */
export function noteText(note: DayNote, locale: 'en' | 'uk'): string {
  return (locale === 'en' ? (note.en ?? note.uk) : (note.uk ?? note.en)) ?? '';
}

/**
 * The notes as the marks show them: dated texts in the reader's language.
 *
 * @example
 * notesIn([{ date: '2026-08-01', uk: 'Ворог…', en: 'The enemy…' }], 'uk'); // → [{ date: '2026-08-01', text: 'Ворог…' }]
 */
export function notesIn(notes: readonly DayNote[], locale: 'en' | 'uk'): DatedNote[] {
  return notes.map((n) => ({ date: n.date, text: noteText(n, locale) }));
}

/**
 * The data folder's notes: none when its manifest names no notes file. A file
 * name that leaves the data folder, a failed fetch, a file too big or not
 * JSON, or one that is not a notes file throws, with a message for the
 * page's notice (the page works on without notes).
 */
export async function loadNotes(manifest: Manifest): Promise<DayNote[]> {
  const name = manifest.notes;
  if (name === undefined) return [];
  if (typeof name !== 'string' || !/^[\w.-]+\.json$/.test(name) || name.startsWith('.'))
    throw new Error('the manifest names no notes file of the data folder');
  const res = await fetch(`${DATA_BASE}${name}`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  const body = await res.text();
  if (body.length > NOTES_MAX_BYTES) throw new Error(`${name}: over ${NOTES_MAX_BYTES / 1024 / 1024} MB`);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new Error(`${name}: not valid JSON`);
  }
  try {
    return parseNotes(data);
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`, { cause: e });
  }
}
