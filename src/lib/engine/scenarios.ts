// Over 300 lines: a plan file's definition, its checks and how its rules apply to land are one format, read by every consumer.
/**
 * Scenarios are data: a declarative definition (data/scenarios/*.json) that
 * says, per region, what happens to it. This module validates definitions
 * and turns one region's overlay into the area each side holds.
 */
import { InputError } from './errors';
import type { RegionOverlay } from './overlay';
import { REGION_IDS } from './regionMeta';
import {
  CONTROL_KINDS,
  leavesAsIs,
  pieceGroups,
  RULE_TABLE,
  RULES,
  usesOrdlo,
  type ControlKind,
  type Land,
  type PieceGroup,
  type Rule,
} from './rules';

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
  /** Further sources of the same reporting, each with its address. */
  sources?: { name: string; url: string | null }[];
  /** Where sources disagree, or what the map assumes (shown under the clause). */
  note?: string;
  /** Who put the plan forward: the switcher groups by it (PROPOSERS). */
  proposer?: Proposer;
  /**
   * A pull-back strip the plan itself has: its default width, the widths a
   * reader may pick, and the regions it applies in. `strip_km` is its width
   * (the default, unless a reader picks another).
   */
  strip?: StripSpec;
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
  note?: string;
}

/**
 * Who put a plan forward, in the switcher's order of groups.
 *
 * @example PROPOSERS[0] // 'reference'
 */
export const PROPOSERS = ['reference', 'us', 'europe', 'ukraine-us', 'russia'] as const;

/**
 * One of PROPOSERS (`reference`: lines that are no one's proposal, such as the status quo).
 *
 * @example const p: Proposer = 'russia';
 */
export type Proposer = (typeof PROPOSERS)[number];

/**
 * A plan's own strip: default width, the widths offered, the regions it lies in.
 *
 * @example scenarioById('framework-20-point').strip?.choices_km // [5, 10, 40]
 */
export interface StripSpec {
  default_km: number;
  choices_km: number[];
  regions: string[];
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
  for (const k of ['source_name', 'note'] as const)
    if (v[k] !== undefined && typeof v[k] !== 'string') fail(`"${field}.${k}" must be a string`);
  return {
    title: v.title as string,
    phrase: v.phrase as string,
    summary: v.summary as string,
    clause: v.clause as string,
    source_name: v.source_name as string | undefined,
    ...(typeof v.note === 'string' ? { note: v.note } : {}),
  };
}

/** A `sources` list: objects with a name and an address (or null). */
function validateSources(value: unknown, fail: (msg: string) => never): ScenarioDefinition['sources'] {
  if (value === undefined) return undefined;
  const ok = (x: unknown): x is { name: string; url: string | null } =>
    Boolean(x) &&
    typeof (x as { name: unknown }).name === 'string' &&
    ((x as { url: unknown }).url === null || typeof (x as { url: unknown }).url === 'string');
  if (!Array.isArray(value) || !value.every(ok)) return fail('"sources" must be a list of {"name", "url"}');
  return value.map((x) => ({ name: x.name, url: x.url }));
}

/** A `strip` block: a default width among the choices, each a valid width, and known regions. */
function validateStripSpec(value: unknown, fail: (msg: string) => never): StripSpec | undefined {
  if (value === undefined) return undefined;
  const v = value as Partial<StripSpec> | null;
  const widths = v?.choices_km;
  if (!Array.isArray(widths) || !widths.length || !widths.every(isStripWidth))
    return fail(`"strip.choices_km" must be a list of widths greater than 0 and at most ${STRIP_MAX_KM} km`);
  if (!widths.includes(v!.default_km as number)) fail('"strip.default_km" must be one of "strip.choices_km"');
  const regions = v!.regions;
  if (!Array.isArray(regions) || !regions.every((r) => REGION_IDS.includes(r)))
    fail('"strip.regions" must be a list of ISO 3166-2:UA ids such as UA-14');
  return { default_km: v!.default_km!, choices_km: [...widths], regions: [...regions!] };
}

/**
 * Control of one region under a scenario, km².
 *
 * @example const { ukraine, russia, buffer, contested } = applyRule('buffer', overlay, 0, false);
 */
export type Control = Record<ControlKind, number>;

/**
 * A Control of zeros, one per control kind of the rule table.
 *
 * @example const sum = noControl(); sum.russia += 5;
 */
export function noControl(): Control {
  return Object.fromEntries(CONTROL_KINDS.map((k) => [k, 0])) as Control;
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
  if (s.proposer !== undefined && !PROPOSERS.includes(s.proposer))
    fail(`"proposer" must be one of ${PROPOSERS.join(', ')}`);
  const strip = validateStripSpec(s.strip, fail);
  const sources = validateSources(s.sources, fail);
  if (s.note !== undefined && typeof s.note !== 'string') fail('"note" must be a string');
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
    ...(s.proposer !== undefined ? { proposer: s.proposer } : {}),
    ...(sources ? { sources } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
    // A plan's own strip has its default width unless the file names another.
    ...(strip ? { strip } : {}),
    ...(s.strip_km !== undefined || strip ? { strip_km: s.strip_km ?? strip!.default_km } : {}),
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
 *
 * @example applyRule('russia', overlay, 0, false).russia_km2 // the region's whole area
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
  const out = noControl();
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

/**
 * The scenario with its strip W km wide: a reader's pick in the page (one of
 * its `strip.choices_km`) or the CLI's `--strip-km` (any valid width, any
 * scenario). An undefined width leaves it as it is.
 *
 * @example withStripWidth(scenarioById('framework-20-point'), 40).strip_km // 40
 */
export function withStripWidth(scenario: ScenarioDefinition, km: number | undefined): ScenarioDefinition {
  return km === undefined ? scenario : { ...scenario, strip_km: km };
}

/**
 * The scenario without its plan's own strip (`strip`, at its default or a
 * picked width): for listings of many dates or of every scenario (`--scenario
 * all`, `--from/--to`, the site's API, the page's series download), where a
 * strip on every date would need every snapshot's geometry (about 0.25 s a
 * date). A strip given on its own (`strip_km` of a custom file, `--strip-km`)
 * is kept: it was asked for.
 *
 * @example withoutPlanStrip(scenarioById('framework-20-point')).strip_km // undefined
 */
export function withoutPlanStrip(scenario: ScenarioDefinition): ScenarioDefinition {
  if (!scenario.strip) return scenario;
  const { strip_km: _, ...rest } = scenario;
  return rest;
}

/**
 * Where a scenario's strip may lie: the regions its `strip` names, else every
 * region; in either case only those whose rule keeps the line of contact (a
 * strip along a line the scenario moves away from would mean nothing).
 *
 * @example stripRegions(scenarioById('us-28-point')) // ['UA-23', 'UA-65']
 */
export function stripRegions(scenario: ScenarioDefinition): string[] {
  const named = scenario.strip?.regions ?? REGION_IDS;
  return named.filter((id) => leavesAsIs(RULE_TABLE[ruleFor(scenario, id)]));
}
