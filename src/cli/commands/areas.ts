/** `frontline areas`: area figures for a date or a range, one or all scenarios. */
import {
  checkDate,
  snapshotOn,
  snapshotsBetween,
  type KindChoice,
  type SnapshotEntry,
} from '../../lib/datafolder/manifest';
import { areaReport, type AreaReport } from '../../lib/engine/report';
import { withoutPlanStrip, type ScenarioDefinition } from '../../lib/engine/scenarios';
import { scenarioStrip } from '../../lib/engine/strip';
import { reportsToCsv, reportsToJson } from '../../lib/datafolder/tables';
import { areasPackage, packageJson, tableStem } from '../../lib/datafolder/datapackage';
import { DESCRIPTOR, writeOwnFolder } from '../packageFolder';
import { checkFormat } from '../format';
import { Progress, UsageError, type Io } from '../io';
import { checkKind, checkPackageFormat, chooseScenarios, type DatedOptions } from '../options';
import { loadStripInput, openDataFolder, type DataFolder } from '../store';

/**
 * `frontline areas`'s options (see COMMANDS in ../main.ts).
 */
export interface AreasOptions extends DatedOptions {
  from?: string;
  to?: string;
  datapackage?: string;
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
