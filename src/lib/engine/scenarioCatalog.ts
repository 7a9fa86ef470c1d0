/**
 * The built-in scenarios, bundled from data/scenarios/*.json (Vite and tsx
 * both resolve the glob-free static imports below, so the app and the CLI
 * read the very same files).
 */
import bordersJson from '../../../data/scenarios/borders-1991.json';
import europeJson from '../../../data/scenarios/europe-counter.json';
import pre2022Json from '../../../data/scenarios/pre-2022.json';
import russiaJson from '../../../data/scenarios/russia-demand.json';
import statusQuoJson from '../../../data/scenarios/status-quo.json';
import usJson from '../../../data/scenarios/us-28-point.json';
import { InputError } from './errors';
import { validateScenario, type ScenarioDefinition } from './scenarios';

/**
 * The built-in scenarios (data/scenarios/*.json), validated, in the switcher's order.
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
