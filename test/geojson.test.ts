/** The GeoJSON the CLI writes opens in GDAL (ogrinfo) with no warning, as one layer of the right geometry. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli';
import { HAVE_OGR, NO_OGR, ogrinfo } from './helpers/gdal';
import { TEST_DATA } from './helpers/paths';

const ogrIt = HAVE_OGR || process.env.CI ? it : it.skip;
if (!HAVE_OGR && !process.env.CI) console.warn(`[geojson] ogrinfo checks skipped: ${NO_OGR}`);
const dir = mkdtempSync(join(tmpdir(), 'frontline-ogr-'));

describe('GeoJSON through ogrinfo', () => {
  ogrIt.each([
    {
      command: 'scenario us-28-point',
      args: ['scenario', '--date', '2025-11-20', '--scenario', 'us-28-point'],
      count: 30,
    },
    {
      command: 'scenario status-quo (raw)',
      args: ['scenario', '--date', '2023-06-02', '--kind', 'raw'],
      count: undefined,
    },
    { command: 'regions', args: ['regions'], count: 27 },
  ])('$command: opens with no warning, multipolygons in WGS 84', async ({ args, count }) => {
    const r = await cli(...args, '--data', TEST_DATA);
    expect(r.code, r.err).toBe(0);
    const file = join(dir, `${args.join('-')}.geojson`);
    writeFileSync(file, r.out);
    const o = ogrinfo(file);
    expect(o.ok).toBe(true);
    expect(o.problems).toEqual([]);
    expect(o.summary).toMatch(/Geometry: (Multi Polygon|Polygon)/);
    expect(o.summary).toMatch(/ID\["EPSG",4326\]/);
    const n = Number(/Feature Count: (\d+)/.exec(o.summary)?.[1]);
    if (count !== undefined) expect(n).toBe(count);
    else expect(n).toBeGreaterThan(27);
  });
});
