/**
 * `frontline api --out DIR`: the published site's static, versioned API
 * (api/v1/ in the build). Every file is what a CLI command prints for the
 * same request, so a reader can check one against the other:
 * - `areas/YYYY-MM-DD.json` = `frontline areas --date D --scenario all`;
 * - `series.csv` = `frontline areas --from FIRST --to LAST --scenario all --format csv`;
 * - `datapackage.json` describes series.csv (as `--datapackage` would);
 * - `index.json` lists the dates, the scenarios, the data set and its credits.
 */
import { snapshotsBetween, newestDate, type Manifest } from '../../lib/datafolder/manifest';
import { areasPackage, packageJson } from '../../lib/datafolder/datapackage';
import { GENERATOR, SOURCE_NAME, sourceOf } from '../../lib/datafolder/provenance';
import { reportsToCsv, reportsToJson } from '../../lib/datafolder/tables';
import { SCENARIOS } from '../../lib/engine/scenarioCatalog';
import { withoutPlanStrip } from '../../lib/engine/scenarios';
import { Progress, UsageError, type Io } from '../io';
import { writeOwnFolder } from '../packageFolder';
import { openDataFolder } from '../store';
import { reportsFor } from './areas';

/** The API's version: the folder name, and `api` in index.json. A change that breaks a reader gets a new one. */
export const API_VERSION = 'v1';

export interface ApiOptions {
  out?: string;
  data?: string;
}

/** The index of the API: what there is, and where. */
function indexOf(manifest: Manifest, dates: readonly string[], seriesBytes: number): Record<string, unknown> {
  const first = manifest.snapshots.find((s) => s.date === dates[0]);
  const source = first ? sourceOf(first) : undefined;
  return {
    api: API_VERSION,
    generator: GENERATOR,
    data_set: {
      source: source && { name: source.name, attribution: source.attribution },
      boundaries: manifest.boundaries,
      first: dates[0],
      last: newestDate(manifest),
      dates,
    },
    scenarios: SCENARIOS.map((s) => ({ id: s.id, title: s.title, date: s.date, source: s.source })),
    files: {
      areas: 'areas/{date}.json',
      series: { path: 'series.csv', bytes: seriesBytes },
      datapackage: 'datapackage.json',
    },
    licence: `Figures computed from ${SOURCE_NAME} data (credit "${SOURCE_NAME}") on the boundaries named in data_set.boundaries (their credit in its attribution); see datapackage.json`,
  };
}

/**
 * Write the API into DIR (a new folder, or one this command wrote before).
 *
 * @example await api({ out: 'dist/api/v1' }, processIo)
 */
export async function api(opts: ApiOptions, io: Io): Promise<void> {
  if (!opts.out) throw new UsageError('api needs --out DIR (the build writes dist/api/v1)');
  const ds = openDataFolder(opts.data, io);
  const all = snapshotsBetween(ds.manifest, '1900-01-01', '9999-12-31', 'any');
  if (all.length === 0) throw new UsageError(`${ds.dir}: the data folder has no snapshots`);
  // As `areas --scenario all` lists them: plans without their own strips (withoutPlanStrip).
  const reports = reportsFor(
    ds,
    all,
    SCENARIOS.map(withoutPlanStrip),
    { raw: false, kind: 'any' },
    new Progress(io, 'api', all.length),
  );
  const files: Record<string, string> = {};
  for (const [i, entry] of all.entries()) {
    const ofDate = reports.slice(i * SCENARIOS.length, (i + 1) * SCENARIOS.length);
    files[`areas/${entry.date}.json`] = reportsToJson(ofDate, true);
  }
  files['series.csv'] = reportsToCsv(reports);
  files['datapackage.json'] = packageJson(areasPackage(reports, SCENARIOS, 'series.csv'));
  const dates = all.map((e) => e.date);
  files['index.json'] =
    JSON.stringify(indexOf(ds.manifest, dates, Buffer.byteLength(files['series.csv'])), null, 1) + '\n';
  writeOwnFolder(opts.out, files, '--out', 'index.json');
  const bytes = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
  io.err(
    `wrote ${opts.out}: ${all.length} dates × ${SCENARIOS.length} scenarios, ${Object.keys(files).length} files, ${(bytes / 1e6).toFixed(1)} MB\n`,
  );
}
