/**
 * Scenarios are data: a declarative definition (data/scenarios/*.json) that
 * says, per region, what happens to it. This module validates definitions
 * and turns one region's overlay into the area each side holds.
 */
import { InputError } from './errors';
import type { RegionOverlay } from './overlay';
import { REGION_IDS } from './regionMeta';
import { pieceGroups, RULE_TABLE, RULES, usesOrdlo, type Land, type PieceGroup, type Rule } from './rules';

// The rules live in one table (rules.ts); they are re-exported here, where scenarios are defined.
export { RULES, type Rule } from './rules';

/**
 * A scenario: its texts and sources, and its rules (a rule per region, else the default).
 *
 * @example validateScenario(JSON.parse(readFileSync('data/scenarios/us-28-point.json', 'utf8')), 'us-28-point.json')
 */
export interface ScenarioDefinition {
  id: string;
  order?: number;
  title: string;
  /** The title as used in a sentence ("Under the US 28-point draft, ..."). */
  phrase: string;
  date: string | null;
  summary: string;
  clause: string;
  clause_is_quote: boolean;
  source: { name: string; url: string | null };
  rules: { default: Rule; regions: Record<string, Rule> };
  /** A custom scenario: the id of the scenario it started from. */
  based_on?: string;
  /**
   * Width in km (0 < W ≤ 50) of a demilitarised strip on each side of the
   * line of contact. Reported on its own (strip_km2); it does not change who
   * holds what.
   */
  strip_km?: number;
  /**
   * The Ukrainian texts (optional; the page falls back to English). A clause
   * that quotes an English text is a translation here: the page marks it so.
   */
  uk?: ScenarioText;
}

/**
 * A scenario's texts in one language other than English.
 *
 * @example scenarioById('us-28-point').uk?.title // 'Американський проєкт із 28 пунктів'
 */
export interface ScenarioText {
  title: string;
  /** As used in a sentence ("за американським проєктом ..."), lower case. */
  phrase: string;
  summary: string;
  clause: string;
  source_name?: string;
}

const TEXT_FIELDS = ['title', 'phrase', 'summary', 'clause'] as const;

/** An optional translation block: every field a non-empty string when present. */
function validateText(value: unknown, field: string, fail: (msg: string) => never): ScenarioText | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return fail(`"${field}" must be an object with ${TEXT_FIELDS.join(', ')}`);
  const v = value as Record<string, unknown>;
  for (const k of TEXT_FIELDS)
    if (typeof v[k] !== 'string' || !v[k]) fail(`"${field}.${k}" must be a non-empty string`);
  if (v.source_name !== undefined && typeof v.source_name !== 'string') fail(`"${field}.source_name" must be a string`);
  return {
    title: v.title as string,
    phrase: v.phrase as string,
    summary: v.summary as string,
    clause: v.clause as string,
    source_name: v.source_name as string | undefined,
  };
}

/**
 * Control of one region under a scenario, km².
 *
 * @example const { ukraine, russia, buffer, contested } = applyRule('buffer', overlay, 0, false);
 */
export interface Control {
  ukraine: number;
  russia: number;
  buffer: number;
  contested: number;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Widest demilitarised strip a scenario may ask for, km on each side of the line.
 *
 * @example isStripWidth(STRIP_MAX_KM + 1) // false
 */
export const STRIP_MAX_KM = 50;

/**
 * Check a strip width: 0 < W ≤ STRIP_MAX_KM (here, not in strip.ts, so checking needs no geometry code).
 *
 * @example isStripWidth(5) // true
 */
export function isStripWidth(km: unknown): km is number {
  return typeof km === 'number' && Number.isFinite(km) && km > 0 && km <= STRIP_MAX_KM;
}

/**
 * Check a parsed scenario file; `what` names it in errors.
 *
 * @example validateScenario(readJsonFile('my-plan.json'), 'my-plan.json').rules.regions['UA-14']
 */
export function validateScenario(json: unknown, what: string): ScenarioDefinition {
  const s = json as Partial<ScenarioDefinition> | null;
  const fail = (msg: string): never => {
    throw new InputError(what, msg);
  };
  if (!s || typeof s !== 'object' || Array.isArray(s))
    return fail('not a scenario definition (expected a JSON object)');
  if (typeof s.id !== 'string' || !ID.test(s.id)) fail('"id" must be lower-case letters, digits and hyphens');
  if (typeof s.title !== 'string' || !s.title) fail('"title" is missing');
  if (!s.rules || typeof s.rules !== 'object') return fail('"rules" is missing');
  const rules = s.rules;
  if (!RULES.includes(rules.default)) fail(`"rules.default" must be one of ${RULES.join(', ')}`);
  for (const [id, rule] of Object.entries(rules.regions ?? {})) {
    if (!REGION_IDS.includes(id))
      fail(`"rules.regions" names unknown region "${id}" (expected an ISO 3166-2:UA id such as UA-14)`);
    if (!RULES.includes(rule)) fail(`rule "${rule}" for ${id} must be one of ${RULES.join(', ')}`);
  }
  if (s.based_on !== undefined && (typeof s.based_on !== 'string' || !ID.test(s.based_on)))
    fail('"based_on" must be a scenario id (lower-case letters, digits and hyphens)');
  if (s.strip_km !== undefined && !isStripWidth(s.strip_km))
    fail(
      `"strip_km" must be a number of km greater than 0 and at most ${STRIP_MAX_KM} (the strip's width on each side of the line), not ${JSON.stringify(s.strip_km) ?? String(s.strip_km)}`,
    );
  const uk = validateText(s.uk, 'uk', fail);
  return {
    id: s.id!,
    order: s.order,
    title: s.title!,
    phrase: typeof s.phrase === 'string' && s.phrase ? s.phrase : `the ${s.title}`,
    date: typeof s.date === 'string' ? s.date : null,
    summary: s.summary ?? '',
    clause: s.clause ?? '',
    clause_is_quote: s.clause_is_quote === true,
    source: { name: s.source?.name ?? '', url: s.source?.url ?? null },
    rules: { default: rules.default, regions: { ...(rules.regions ?? {}) } },
    // Only when given, so a built-in definition reads back exactly as before.
    ...(s.based_on !== undefined ? { based_on: s.based_on } : {}),
    ...(s.strip_km !== undefined ? { strip_km: s.strip_km } : {}),
    ...(uk ? { uk } : {}),
  };
}

/**
 * The rule a scenario applies to a region: its own, else the scenario's default.
 *
 * @example ruleFor(scenarioById('us-28-point'), 'UA-14') // 'buffer'
 */
export function ruleFor(scenario: ScenarioDefinition, regionId: string): Rule {
  return scenario.rules.regions[regionId] ?? scenario.rules.default;
}

/**
 * Whether a scenario has a rule that decides by the pre-2022 layer, so it
 * needs the data folder's ordlo.geojson.
 *
 * @example needsOrdlo(scenarioById('pre-2022')) // true
 */
export function needsOrdlo(scenario: ScenarioDefinition): boolean {
  return [scenario.rules.default, ...Object.values(scenario.rules.regions)].some((r) => usesOrdlo(RULE_TABLE[r]));
}

/**
 * Control of a region under a rule. `raw` leaves slivers as the plain overlay
 * has them; `ordloKm2` is the region's pre-2022 area held by Russia.
 */
export function applyRule(rule: Rule, o: RegionOverlay, ordloKm2: number, raw: boolean): Control {
  const russia = Math.min(o.area_km2, o.occupied_km2 + (raw ? 0 : o.sliver_km2));
  const contested = Math.min(o.contested_km2, o.area_km2 - russia);
  const ordlo = Math.min(ordloKm2, o.area_km2);
  const km2: Record<Land, number> = {
    russia,
    contested,
    ukraine: Math.max(0, o.area_km2 - russia - contested),
    ordlo,
    rest: o.area_km2 - ordlo,
  };
  const out: Control = { ukraine: 0, russia: 0, buffer: 0, contested: 0 };
  const groups = pieceGroups(RULE_TABLE[rule]);
  // A class of one kind of land has its km²; one of several is what the others (each of one kind) leave, and
  // one of all of it the region's area: so the classes add up to the region.
  const single = (g: PieceGroup): number => km2[g.land[0]];
  for (const g of groups)
    out[g.control] = g.whole
      ? o.area_km2
      : g.land.length === 1
        ? single(g)
        : o.area_km2 - groups.reduce((sum, x) => (x === g ? sum : sum + single(x)), 0);
  return out;
}
