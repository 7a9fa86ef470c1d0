/**
 * The README's one statement of when the data stood at Kyiv's reported
 * "about 14.5 %" of Donbas is what the page computes (`lastAtReported` over
 * the status quo's history) on the built-in data set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATA_DIR, readDataFolder } from '../src/cli/store';
import { seriesOf } from '../src/lib/datafolder/manifest';
import { formatDate } from '../src/lib/i18n/format';
import { lastAtReported, REPORTED, statusQuoSeries } from '../src/lib/state/timeSeries';
import { ROOT } from './helpers/paths';

describe('"about 14.5 %": the README says what the engine computes', () => {
  it('on the built-in data, with the share of that day and the next', async () => {
    const { manifest, stats } = readDataFolder(BUILTIN_DATA_DIR);
    const points = await statusQuoSeries(manifest, stats, seriesOf(manifest, 'any'), 1e9);
    const date = lastAtReported(points, REPORTED[0]);
    expect(date).not.toBeNull();
    const i = points.findIndex((p) => p.date === date);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const said =
      /the data last stood at "about 14\.5 %" on (\d+ \w+ \d{4}) \(([\d.]+ %); ([\d.]+ %) the next day\)/.exec(readme);
    expect(said, 'the README states the date in the Method section').not.toBeNull();
    // ...and only there: no other "14.5 %" sentence in it names a day.
    expect(
      readme.match(
        /14\.5 %[^.]*\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d/g,
      ),
    ).toHaveLength(1);
    expect(said![1]).toBe(formatDate(date!));
    const two = (x: number): string => `${x.toFixed(2)} %`;
    expect(said![2]).toBe(two(points[i].kyivDonbas));
    expect(said![3]).toBe(two(points[i + 1].kyivDonbas));
    // The day after rounds below the figure: the definition's edge.
    expect(Math.round(points[i + 1].kyivDonbas * 10) / 10).toBeLessThan(14.5);
  });
});
