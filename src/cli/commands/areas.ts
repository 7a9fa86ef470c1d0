/** `frontline areas`: area figures for a date or a range, one or all scenarios. */
import { checkDate, snapshotOn, snapshotsBetween, type KindChoice } from '../../lib/datafolder/manifest';
import { areaReport, type AreaReport } from '../../lib/engine/report';
import { SCENARIOS, scenarioById } from '../../lib/engine/scenarioCatalog';
import type { ScenarioDefinition } from '../../lib/engine/scenarios';
import { computeStrip } from '../../lib/engine/strip';
import { reportsToCsv, reportsToJson } from '../../lib/datafolder/tables';
import { checkFormat } from '../format';
import { Progress, UsageError, type Io } from '../io';
import { loadScenarioFile } from '../scenarioFile';
import { loadStripInput, openDataFolder } from '../store';

/**
 * `frontline areas`'s options (see COMMANDS in ../main.ts).
 */
export interface AreasOptions {
  date?: string;
  from?: string;
  to?: string;
  scenario?: string;
  'scenario-file'?: string;
  format?: string;
  raw?: boolean;
  kind?: string;
  data?: string;
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
 * The scenarios of --scenario (an id, or `all` where allowed) or --scenario-file; status-quo by default.
 */
export function chooseScenarios(
  opts: { scenario?: string; 'scenario-file'?: string },
  allowAll: boolean,
): ScenarioDefinition[] {
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
 * `frontline areas`: the area report of one date or a range, for one scenario or all, as JSON or CSV.
 */
export async function areas(opts: AreasOptions, io: Io): Promise<void> {
  const format = checkFormat(opts.format, ['json', 'csv'], 'json');
  const kind = checkKind(opts.kind);
  const range = opts.from !== undefined || opts.to !== undefined;
  if (range && opts.date) throw new UsageError('give --date, or --from and --to, not both');
  if (!range && !opts.date) throw new UsageError('areas needs --date YYYY-MM-DD (or --from D --to D)');
  if (range && (!opts.from || !opts.to)) throw new UsageError('a range needs both --from and --to');
  if (opts.date) checkDate(opts.date, '--date');
  const scenarios = chooseScenarios(opts, true);
  const ds = openDataFolder(opts.data, io);
  const entries = range
    ? snapshotsBetween(ds.manifest, opts.from!, opts.to!, kind)
    : [snapshotOn(ds.manifest, opts.date!, kind)];
  const reports: AreaReport[] = [];
  const progress = new Progress(io, 'areas', entries.length);
  for (const [i, entry] of entries.entries()) {
    for (const s of scenarios) {
      const strip = s.strip_km === undefined ? undefined : computeStrip(loadStripInput(ds, entry), s.strip_km).areas;
      reports.push(areaReport(ds.manifest, ds.stats, entry, s, { raw: Boolean(opts.raw), series: kind, strip }));
    }
    progress.tick(i + 1, entry.id);
  }
  if (format === 'csv') io.out(reportsToCsv(reports));
  else io.out(reportsToJson(reports, range || scenarios.length > 1));
  if (range) io.err(`${entries.length} snapshots × ${scenarios.length} scenarios\n`);
}
