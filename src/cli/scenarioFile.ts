/** A scenario definition from a file (--scenario-file). */
import { validateScenario, type ScenarioDefinition } from '../lib/engine/scenarios';
import { readJsonFile } from './io';

/**
 * A scenario definition from a JSON file, validated as the built-in ones are.
 */
export function loadScenarioFile(path: string): ScenarioDefinition {
  return validateScenario(readJsonFile(path), path);
}
