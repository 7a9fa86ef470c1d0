import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Manifest } from '../datafolder/manifest';
import { DATA_BASE } from './data';
import { loadNotes, NOTE_MAX_CHARS, NOTES_MAX_BYTES, noteText, notesIn, parseNotes } from './notes';

const note = (description: unknown, description_en: unknown) => ({
  id: 1754006400,
  created_at: '2026-08-01T18:00:00Z',
  description,
  description_en,
});
const manifest = (notes?: unknown) => ({ notes }) as unknown as Manifest;

/** Serves `body` for the notes file (and counts requests); anything else is a 404. */
function serve(body: string, status = 200) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    calls.push(url);
    return Promise.resolve(new Response(body, { status }));
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('parseNotes', () => {
  it('keeps both texts of each day, sorted by date, and nothing else', () => {
    const got = parseNotes({
      format: 1,
      notes: {
        '2026-08-02': { ...note('Ворог просунувся біля Покровська.', 'The enemy advanced near Pokrovsk.'), extra: 'x' },
        '2026-08-01': note('Оновлено мапу.', 'Map updated.'),
      },
    });
    expect(got).toEqual([
      { date: '2026-08-01', uk: 'Оновлено мапу.', en: 'Map updated.' },
      { date: '2026-08-02', uk: 'Ворог просунувся біля Покровська.', en: 'The enemy advanced near Pokrovsk.' },
    ]);
    expect(Object.keys(got[1]).sort()).toEqual(['date', 'en', 'uk']);
  });

  it('shows the reader’s language, else the other one', () => {
    const [uk, en] = parseNotes({
      format: 1,
      notes: { '2026-08-01': note('Лише українською', 5), '2026-08-02': note(null, 'English only') },
    });
    expect(noteText(uk, 'en')).toBe('Лише українською');
    expect(noteText(uk, 'uk')).toBe('Лише українською');
    expect(noteText(en, 'uk')).toBe('English only');
    expect(notesIn([{ date: '2026-08-03', uk: 'Так', en: 'Yes' }], 'en')).toEqual([
      { date: '2026-08-03', text: 'Yes' },
    ]);
    expect(notesIn([{ date: '2026-08-03', uk: 'Так', en: 'Yes' }], 'uk')).toEqual([
      { date: '2026-08-03', text: 'Так' },
    ]);
  });

  it('drops a 1 MB string, non-strings, keys that are not dates and entries that are not objects', () => {
    const huge = 'А'.repeat(1024 * 1024);
    const got = parseNotes({
      format: 1,
      notes: {
        '2026-08-01': note(huge, 'Short English text.'),
        '2026-08-02': note(huge, huge), // nothing left: the day is dropped
        '2026-08-03': note({ toString: 'x' }, ['a']),
        '2026-02-30': note('Не дата', 'Not a date'),
        '../../etc': note('Шлях', 'A path'),
        '2026-08-04': 'just a string',
        '2026-08-05': null,
        '2026-08-06': note('   ', '\u202e\u0000'),
      },
    });
    expect(got).toEqual([{ date: '2026-08-01', en: 'Short English text.' }]);
    expect(parseNotes({ format: 1, notes: { '2026-08-01': note('a'.repeat(NOTE_MAX_CHARS), '') } })[0].uk).toHaveLength(
      NOTE_MAX_CHARS,
    );
  });

  it('keeps HTML as the characters it is (the page sets it as text), without control or bidi characters', () => {
    const html = '<img src=x onerror="alert(1)"><b>bold</b>';
    const [n] = parseNotes({ format: 1, notes: { '2026-08-01': note(`${html}\u202e\n\tкінець`, html) } });
    expect(n.uk).toBe(`${html} кінець`);
    expect(n.en).toBe(html);
  });

  it('refuses what is not a notes file', () => {
    for (const bad of [null, [], 'notes', 42, { format: 2, notes: {} }, { format: 1 }, { format: 1, notes: [] }])
      expect(() => parseNotes(bad)).toThrow();
    expect(parseNotes({ format: 1, notes: {} })).toEqual([]);
  });
});

describe('loadNotes', () => {
  it('reads the file the manifest names, from the data folder', async () => {
    const calls = serve(JSON.stringify({ format: 1, notes: { '2026-08-01': note('Текст', 'Text') } }));
    expect(await loadNotes(manifest('notes.json'))).toEqual([{ date: '2026-08-01', uk: 'Текст', en: 'Text' }]);
    expect(calls).toEqual([`${DATA_BASE}notes.json`]);
  });

  it('has no notes and fetches nothing when the manifest names none', async () => {
    const calls = serve('{}');
    expect(await loadNotes(manifest())).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('says why for a truncated file, a missing one, one too big, and a name outside the data folder', async () => {
    const full = JSON.stringify({ format: 1, notes: { '2026-08-01': note('Текст', 'Text') } });
    serve(full.slice(0, full.length - 7));
    await expect(loadNotes(manifest('notes.json'))).rejects.toThrow('notes.json: not valid JSON');
    serve('missing', 404);
    await expect(loadNotes(manifest('notes.json'))).rejects.toThrow('notes.json: HTTP 404');
    serve(' '.repeat(NOTES_MAX_BYTES + 1));
    await expect(loadNotes(manifest('notes.json'))).rejects.toThrow('over 8 MB');
    serve(JSON.stringify({ format: 9, notes: {} }));
    await expect(loadNotes(manifest('notes.json'))).rejects.toThrow('notes.json: notes format 9');
    const calls = serve(full);
    for (const name of ['../secret.json', '/etc/passwd.json', 'https://evil.example/n.json', '.hidden.json', 5])
      await expect(loadNotes(manifest(name))).rejects.toThrow('names no notes file');
    expect(calls).toEqual([]);
  });
});
