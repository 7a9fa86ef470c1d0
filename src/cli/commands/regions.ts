/** `frontline regions`: the boundaries in use, with ids, names and areas. */
import { readFileText } from '../io';
import { join } from 'node:path';
import { checkFormat } from '../format';
import type { Io } from '../io';
import { loadBoundaries } from '../boundaries';
import { dataFolderExists, readDataDir, regionsFile } from '../store';
import { formatCsv } from '../../lib/datafolder/tables';

/**
 * `frontline regions`'s options (see COMMANDS in ../main.ts).
 */
export interface RegionsOptions {
  format?: string;
  boundaries?: string;
  data?: string;
}

/**
 * `frontline regions`: the 27 regions with ids, names and areas, of the data folder's boundaries or of --boundaries.
 */
export async function regions(opts: RegionsOptions, io: Io): Promise<void> {
  const format = checkFormat(opts.format, ['geojson', 'csv', 'json'], 'geojson');
  const { dir } = readDataDir(opts.data);
  // The boundaries of the ingested data set when there is one: those are the ones the figures use.
  const text =
    !opts.boundaries && dataFolderExists(dir)
      ? readFileText(join(dir, 'regions.geojson'))
      : regionsFile(loadBoundaries(opts.boundaries).regions);
  if (format === 'geojson') {
    io.out(text);
    return;
  }
  const fc = JSON.parse(text) as {
    features: { properties: { id: string; name_en: string; name_uk: string; area_km2: number } }[];
  };
  const rows = fc.features.map((f) => f.properties);
  if (format === 'json') io.out(JSON.stringify(rows, null, 1) + '\n');
  else
    io.out(
      formatCsv([
        ['id', 'name_en', 'name_uk', 'area_km2'],
        ...rows.map((r) => [r.id, r.name_en, r.name_uk, r.area_km2]),
      ]),
    );
}
