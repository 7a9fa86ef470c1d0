/**
 * The built-in scenarios, bundled from data/scenarios/*.json (Vite and tsx
 * both resolve the glob-free static imports below, so the app and the CLI
 * read the very same files).
 */
import anchorageJson from '../../../data/scenarios/anchorage-formula.json';
import bordersJson from '../../../data/scenarios/borders-1991.json';
import dmzJson from '../../../data/scenarios/dmz-feb-2026.json';
import europeJson from '../../../data/scenarios/europe-counter.json';
import frameworkJson from '../../../data/scenarios/framework-20-point.json';
import pre2022Json from '../../../data/scenarios/pre-2022.json';
import russiaJson from '../../../data/scenarios/russia-demand.json';
import statusQuoJson from '../../../data/scenarios/status-quo.json';
import usJson from '../../../data/scenarios/us-28-point.json';
import { InputError } from './errors';
import { PROPOSERS, validateScenario, type Proposer, type ScenarioDefinition } from './scenarios';

/**
 * The built-in scenarios (data/scenarios/*.json), validated, in their `order`
 * (the order of tables and of `--scenario all`; the switcher groups them, see scenarioGroups).
 *
 * @example SCENARIOS.map((s) => s.id) // ['status-quo', 'us-28-point', ...]
 */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  statusQuoJson,
  usJson,
  europeJson,
  pre2022Json,
  russiaJson,
  bordersJson,
  anchorageJson,
  frameworkJson,
  dmzJson,
]
  .map((json, i) => validateScenario(json, `data/scenarios (#${i + 1})`))
  .sort((a, b) => (a.order ?? 99) - (b.order ?? 99));

/**
 * The scenario that is the line of contact itself: what others are compared with.
 *
 * @example scenarioById(STATUS_QUO).rules.default // 'line'
 */
export const STATUS_QUO = 'status-quo';

/**
 * A built-in scenario by id; an unknown id is an InputError that lists the known ones.
 *
 * @example scenarioById('us-28-point').rules.regions['UA-14'] // 'buffer'
 */
export function scenarioById(id: string): ScenarioDefinition {
  const s = SCENARIOS.find((x) => x.id === id);
  if (!s)
    throw new InputError('--scenario', `unknown scenario "${id}" (known: ${SCENARIOS.map((x) => x.id).join(', ')})`);
  return s;
}

/**
 * Scenarios grouped by who proposed them (PROPOSERS' order; a file with no
 * `proposer` counts as a reference line), each group by date, oldest first
 * (a plan with no date, such as the status quo, last: it is the line of the
 * date shown), so a reader sees how the proposals moved.
 *
 * @example scenarioGroups(SCENARIOS)[0].proposer // 'reference'
 */
export function scenarioGroups(
  scenarios: readonly ScenarioDefinition[],
): { proposer: Proposer; scenarios: ScenarioDefinition[] }[] {
  const byDate = (a: ScenarioDefinition, b: ScenarioDefinition): number =>
    (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id);
  return PROPOSERS.map((proposer) => ({
    proposer,
    scenarios: scenarios.filter((s) => (s.proposer ?? 'reference') === proposer).sort(byDate),
  })).filter((g) => g.scenarios.length > 0);
}
