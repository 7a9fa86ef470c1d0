/** `frontline areas`: area figures for a date or a range, one or all scenarios. */
import {
  checkDate,
  snapshotOn,
  snapshotsBetween,
  type KindChoice,
  type SnapshotEntry,
} from '../../lib/datafolder/manifest';
import { areaReport, type AreaReport } from '../../lib/engine/report';
import { SCENARIOS, scenarioById } from '../../lib/engine/scenarioCatalog';
import {
  isStripWidth,
  STRIP_MAX_KM,
  withoutPlanStrip,
  withStripWidth,
  type ScenarioDefinition,
} from '../../lib/engine/scenarios';
import { scenarioStrip } from '../../lib/engine/strip';
import { reportsToCsv, reportsToJson } from '../../lib/datafolder/tables';
import { areasPackage, packageJson, tableStem } from '../../lib/datafolder/datapackage';
import { DESCRIPTOR, writeOwnFolder } from '../packageFolder';
import { checkFormat } from '../format';
import { Progress, UsageError, type Io } from '../io';
import { loadScenarioFile } from '../scenarioFile';
import { loadStripInput, openDataFolder, type DataFolder } from '../store';

/**
 * `frontline areas`'s options (see COMMANDS in ../main.ts).
 */
export interface AreasOptions extends DatedOptions {
  from?: string;
  to?: string;
  datapackage?: string;
}

/** The options of every command that reads a scenario on a date (DATE_OPTS in ../main.ts): areas, scenario. */
export interface DatedOptions {
  date?: string;
  scenario?: string;
  'scenario-file'?: string;
  'strip-km'?: string;
  format?: string;
  raw?: boolean;
  kind?: string;
  data?: string;
}

/** `--datapackage` writes CSV: a `--format` other than csv beside it is a mistake worth naming. */
export function checkPackageFormat(opts: { format?: string; datapackage?: string }): void {
  if (opts.datapackage !== undefined && opts.format !== undefined && opts.format !== 'csv')
    throw new UsageError(`--datapackage writes CSV with its datapackage.json; leave out --format ${opts.format}`);
  if (opts.datapackage === '') throw new UsageError('--datapackage needs a folder');
}

/**
 * The --kind asked for: any (the continuous series), daily or raw.
 */
export function checkKind(value: string | undefined): KindChoice {
  const k = value ?? 'any';
  if (k !== 'any' && k !== 'daily' && k !== 'raw')
    throw new UsageError(`--kind must be any, daily or raw, not "${value}"`);
  return k;
}

/**
 * The --strip-km asked for: a width in km, 0 < W <= STRIP_MAX_KM, or undefined when not given.
 */
export function checkStripKm(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const km = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!isStripWidth(km))
    throw new UsageError(`--strip-km must be a width in km greater than 0 and at most ${STRIP_MAX_KM}, not "${value}"`);
  return km;
}

/**
 * The scenarios of --scenario (an id, or `all` where allowed) or --scenario-file; status-quo by default;
 * --strip-km gives each of them a strip of that width.
 */
export function chooseScenarios(
  opts: { scenario?: string; 'scenario-file'?: string; 'strip-km'?: string },
  allowAll: boolean,
): ScenarioDefinition[] {
  const km = checkStripKm(opts['strip-km']);
  return pickScenarios(opts, allowAll).map((s) => withStripWidth(s, km));
}

function pickScenarios(opts: { scenario?: string; 'scenario-file'?: string }, allowAll: boolean): ScenarioDefinition[] {
  if (opts['scenario-file']) {
    if (opts.scenario) throw new UsageError('give --scenario or --scenario-file, not both');
    return [loadScenarioFile(opts['scenario-file'])];
  }
  const id = opts.scenario ?? 'status-quo';
  if (id === 'all') {
    if (!allowAll) throw new UsageError('--scenario all is not possible here: name one scenario');
    return [...SCENARIOS];
  }
  return [scenarioById(id)];
}

/**
 * The reports of `frontline areas`: every snapshot under every scenario, in
 * that order (the site's API builds its files with this too, so they equal
 * the command's output).
 *
 * @example reportsFor(ds, [snapshotOn(ds.manifest, '2025-11-20')], [scenarioById('us-28-point')], { raw: false, kind: 'any' })
 */
export function reportsFor(
  ds: DataFolder,
  entries: readonly SnapshotEntry[],
  scenarios: readonly ScenarioDefinition[],
  o: { raw: boolean; kind: KindChoice },
  progress?: Progress,
): AreaReport[] {
  const reports: AreaReport[] = [];
  for (const [i, entry] of entries.entries()) {
    for (const s of scenarios) {
      const strip = s.strip_km === undefined ? undefined : scenarioStrip(loadStripInput(ds, entry), s)?.areas;
      reports.push(areaReport(ds.manifest, ds.stats, entry, s, { raw: o.raw, series: o.kind, strip }));
    }
    progress?.tick(i + 1, entry.id);
  }
  return reports;
}

/**
 * `frontline areas`: the area report of one date or a range, for one scenario or all, as JSON or CSV.
 */
export async function areas(opts: AreasOptions, io: Io): Promise<void> {
  checkPackageFormat(opts);
  const format = checkFormat(opts.format, ['json', 'csv'], 'json');
  const kind = checkKind(opts.kind);
  const range = opts.from !== undefined || opts.to !== undefined;
  if (range && opts.date) throw new UsageError('give --date, or --from and --to, not both');
  if (!range && !opts.date) throw new UsageError('areas needs --date YYYY-MM-DD (or --from D --to D)');
  if (range && (!opts.from || !opts.to)) throw new UsageError('a range needs both --from and --to');
  if (opts.date) checkDate(opts.date, '--date');
  // A plan's own strip only for one scenario on one date (withoutPlanStrip says why), unless --strip-km asks.
  const many = range || opts.scenario === 'all';
  const scenarios = chooseScenarios(opts, true).map((s) =>
    many && opts['strip-km'] === undefined ? withoutPlanStrip(s) : s,
  );
  const ds = openDataFolder(opts.data, io);
  const entries = range
    ? snapshotsBetween(ds.manifest, opts.from!, opts.to!, kind)
    : [snapshotOn(ds.manifest, opts.date!, kind)];
  const reports = reportsFor(
    ds,
    entries,
    scenarios,
    { raw: Boolean(opts.raw), kind },
    new Progress(io, 'areas', entries.length),
  );
  if (opts.datapackage !== undefined) {
    const csv = `${tableStem(
      scenarios,
      entries.map((e) => e.date),
    )}.csv`;
    const descriptor = packageJson(areasPackage(reports, scenarios, csv));
    writeOwnFolder(opts.datapackage, { [csv]: reportsToCsv(reports), [DESCRIPTOR]: descriptor }, '--datapackage');
    io.err(
      `wrote ${opts.datapackage}: ${csv} (${reports.reduce((n, r) => n + r.rows.length, 0)} rows) and ${DESCRIPTOR}\n`,
    );
  } else if (format === 'csv') io.out(reportsToCsv(reports));
  else io.out(reportsToJson(reports, range || scenarios.length > 1));
  if (range) io.err(`${entries.length} snapshots × ${scenarios.length} scenarios\n`);
}
