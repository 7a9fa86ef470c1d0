/** A scenario definition from a file (--scenario-file). */
import { validateScenario, type ScenarioDefinition } from '../lib/engine/scenarios';
import { readJsonFile } from './io';

export function loadScenarioFile(path: string): ScenarioDefinition {
  return validateScenario(readJsonFile(path), path);
}
