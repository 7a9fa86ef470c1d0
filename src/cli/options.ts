/**
 * The options several commands share (DATE_OPTS in main.ts), and their
 * checks: each a UsageError (exit 2) naming the option and the value.
 */
import type { KindChoice } from '../lib/datafolder/manifest';
import { SCENARIOS, scenarioById } from '../lib/engine/scenarioCatalog';
import { isStripWidth, STRIP_MAX_KM, withStripWidth, type ScenarioDefinition } from '../lib/engine/scenarios';
import { UsageError } from './io';
import { loadScenarioFile } from './scenarioFile';

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
