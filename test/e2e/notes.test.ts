/**
 * DeepState's notes of the day in Chromium, on a copy of the test data with a
 * notes.json (in the shape `frontline update` writes, see src/cli/notes.ts):
 * ticks on the timeline and the chart (not tab stops), the note on hover, the
 * selected day's note under the timeline (the slider's description, so a
 * keyboard reader hears it), in the page's language, set as text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTES_FILE, seriesOf, type NotesFile } from '../../src/lib/datafolder/manifest';
import { readDataFolder } from '../../src/cli/store';
import { appUnderTest, SHOTS } from '../helpers/app';
import { REFERENCE_DATE, waitForIdle, watch } from '../helpers/browser';
import { TEST_DATA } from '../helpers/paths';

const series = seriesOf(readDataFolder(TEST_DATA).manifest, 'any');
const at = series.findIndex((s) => s.date === REFERENCE_DATE);
const [before, after] = [series[at - 1].date, series[at + 1].date];
const HOSTILE = '<img src=x onerror="document.body.dataset.pwned=1">Bold <b>claim</b>';

const dir = mkdtempSync(join(tmpdir(), 'frontline-notes-'));
cpSync(TEST_DATA, dir, { recursive: true });
const notes: NotesFile = {
  format: 1,
  notes: {
    [before]: {
      id: 1,
      created_at: `${before}T18:00:00Z`,
      description: 'Ворог наступав біля Куп’янська.',
      description_en: 'The enemy attacked near Kupiansk.',
    },
    [REFERENCE_DATE]: {
      id: 2,
      created_at: `${REFERENCE_DATE}T18:00:00Z`,
      description: 'Оновлено мапу біля Покровська.',
      description_en: HOSTILE,
    },
    [after]: { id: 3, created_at: `${after}T18:00:00Z`, description: 'Лише українською.', description_en: '' },
  },
};
writeFileSync(join(dir, NOTES_FILE), JSON.stringify(notes));
const manifestPath = join(dir, 'manifest.json');
writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), notes: NOTES_FILE }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const app = appUnderTest(dir);

describe("DeepState's notes", () => {
  it('marks the days with a note, shows the note on hover and for the selected day, in the page’s language', async () => {
    const page = await app.open('');
    const log = watch(page, app.preview().url);
    await waitForIdle(page, 'status-quo', REFERENCE_DATE);
    const dayNote = page.getByTestId('day-note');
    // English page: the English text, as characters, not markup.
    await expect.poll(() => dayNote.textContent(), { timeout: 30_000 }).toContain('Bold <b>claim</b>');
    expect(await dayNote.textContent()).toContain(HOSTILE);
    expect(await page.locator('.day-note img, .day-note b').count()).toBe(0);
    // The slider is described by the day's note: a keyboard reader focusing it hears it.
    const slider = page.getByRole('slider', { name: 'Snapshot date' });
    expect(await slider.getAttribute('aria-describedby')).toBe('day-note');
    // Ticks on the timeline and (once its figures are in) the chart; none is a tab stop.
    const ticks = page.getByTestId('note-ticks');
    await expect.poll(() => ticks.count(), { timeout: 60_000 }).toBe(2);
    expect(await page.locator('[data-testid=note-ticks] [tabindex], [data-testid=note-ticks] button').count()).toBe(0);
    await expect.poll(() => page.getByText('a day with a note from DeepState').count()).toBe(1);

    // Hover the day before's tick on the timeline: its note in a tip.
    const tl = ticks.first();
    await tl.scrollIntoViewIfNeeded();
    const box = (await tl.boundingBox())!;
    // The ticks are one path in date order, each `M<x>,0v8` on a 0…1000 scale: the first is the day before's.
    const d = (await tl.locator('path').getAttribute('d'))!;
    const x = Number(/^M([\d.]+),/.exec(d)![1]) / 1000;
    await page.mouse.move(box.x + x * box.width, box.y + box.height / 2);
    const tip = (await page.getByTestId('note-tip').textContent()) ?? '';
    expect(tip).toContain('The enemy attacked near Kupiansk.');
    await page.locator('.timeline').screenshot({ path: join(SHOTS, 'notes-timeline-en.png') });

    // Stepping with the keyboard shows the next day's note: only in Ukrainian there, so shown in Ukrainian.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await waitForIdle(page, 'status-quo', after);
    await expect.poll(() => dayNote.textContent()).toContain('Лише українською.');

    // The Ukrainian page: `description`.
    await page.locator('.lang button[lang=uk]').click();
    await page.locator('.timeline input.slider').focus(); // its name is Ukrainian now
    await page.keyboard.press('ArrowLeft');
    await waitForIdle(page, 'status-quo', REFERENCE_DATE);
    await expect.poll(() => dayNote.textContent()).toContain('Оновлено мапу біля Покровська.');
    expect(await dayNote.textContent()).toContain('Примітка DeepState');
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(log.errors).toEqual([]);
    expect(log.foreign).toEqual([]);
    await page.close();
  });
});
