/**
 * A custom scenario in a link and in a file.
 *
 * The URL value (query parameter `custom`) is four fields joined by `~`:
 *
 *     <based_on>~<rules>~<strip_km>~<name>
 *     us-28-point~*:u,UA-14:b,UA-23:l~5~My plan
 *
 * - `based_on`: the built-in scenario it started from, or empty;
 * - `rules`: comma-separated `region:rule`, `*` for the default (`line`
 *   when absent), each region at most once; each rule is its one letter
 *   (`letter` in lib/engine/rules.ts: l = line, u = ukraine, r = russia,
 *   b = buffer, p = pre-2022);
 * - `strip_km`: the strip's width (0 < W ≤ 50, up to 3 decimals), or empty;
 * - `name`: the rest (it may itself hold `~`), at most 60 characters.
 *
 * The link holds the whole definition (not just changes to its base), so it
 * means the same thing even if a built-in scenario is revised. Anything
 * malformed, unknown or too long gives undefined: the page then falls back
 * to its default. The name is only ever used as text.
 */
import { stripUnsafe } from '../text/safeText';
import { SCENARIOS } from '../engine/scenarioCatalog';
import { isStripWidth, validateScenario, type ScenarioDefinition } from '../engine/scenarios';
import { REGION_IDS } from '../engine/regionMeta';
import { RULE_TABLE, RULES, usesOrdlo, type Rule } from '../engine/rules';
import type { MessageKey } from '../i18n/messages';

/** The id every custom scenario has. */
export const CUSTOM_ID = 'custom';
/** Longest name kept, in characters. */
export const NAME_MAX = 60;
/** Longest `custom` value accepted (27 rules of 8 characters, a name of 60 four-byte characters percent-encoded, and room). */
const VALUE_MAX = 1000;
const SEP = '~';

const RULE_OF = new Map(RULES.map((r) => [RULE_TABLE[r].letter, r]));
const WIDTH = /^\d{1,2}(\.\d{1,3})?$/;

/** One of the editor's choices of rule. */
export interface RuleChoice {
  rule: Rule;
  label: MessageKey;
}

/**
 * The rules the editor offers, in the table's order; those that need the
 * pre-2022 layer only when the data set has it.
 */
export function ruleChoices(hasOrdlo: boolean): RuleChoice[] {
  return RULES.filter((rule) => hasOrdlo || !usesOrdlo(RULE_TABLE[rule])).map((rule) => ({
    rule,
    label: RULE_TABLE[rule].label,
  }));
}

/**
 * A name as text: line breaks and tabs as spaces; control characters, bidi
 * overrides (which could make a name read backwards) and angle brackets
 * removed; spaces collapsed; at most NAME_MAX characters.
 */
export function cleanName(name: string): string {
  const v = stripUnsafe(name.replace(/[\t\n\r]/g, ' '))
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(v).slice(0, NAME_MAX).join('').trim();
}

/**
 * A custom scenario definition: id `custom`, the name as its title, the
 * base's id, the rules and an optional strip. What the editor builds and
 * decodeCustomScenario returns.
 */
export function customScenario(
  name: string,
  basedOn: string | undefined,
  rules: ScenarioDefinition['rules'],
  stripKm?: number,
): ScenarioDefinition {
  const title = cleanName(name) || 'Custom scenario';
  const base = SCENARIOS.find((s) => s.id === basedOn);
  return validateScenario(
    {
      id: CUSTOM_ID,
      title,
      phrase: `“${title}”`,
      date: null,
      summary: base ? `A custom scenario, starting from ${base.phrase}.` : 'A custom scenario.',
      clause: '',
      clause_is_quote: false,
      source: { name: 'Custom scenario', url: null },
      rules: { default: rules.default, regions: { ...rules.regions } },
      ...(basedOn !== undefined ? { based_on: basedOn } : {}),
      ...(stripKm !== undefined ? { strip_km: stripKm } : {}),
    },
    'custom scenario',
  );
}

/** The `custom` URL value of a definition (its name cleaned and capped, its width to 3 decimals). */
export function encodeCustomScenario(def: ScenarioDefinition): string {
  const rules = [
    `*:${RULE_TABLE[def.rules.default].letter}`,
    ...REGION_IDS.filter((id) => def.rules.regions[id]).map(
      (id) => `${id}:${RULE_TABLE[def.rules.regions[id]].letter}`,
    ),
  ];
  const width = def.strip_km === undefined ? '' : String(Math.round(def.strip_km * 1000) / 1000);
  // Only a built-in base: it is all a link can name.
  const base = SCENARIOS.some((s) => s.id === def.based_on) ? def.based_on : '';
  return [base, rules.join(','), width, cleanName(def.title)].join(SEP);
}

/** The definition in a `custom` URL value, or undefined if anything in it is malformed or unknown. */
export function decodeCustomScenario(value: string | null | undefined): ScenarioDefinition | undefined {
  if (typeof value !== 'string' || value.length > VALUE_MAX) return undefined;
  const fields = value.split(SEP);
  if (fields.length < 4) return undefined;
  const [basedOn, ruleList, width] = fields;
  const name = fields.slice(3).join(SEP);
  if (basedOn && !SCENARIOS.some((s) => s.id === basedOn)) return undefined;
  let stripKm: number | undefined;
  if (width) {
    stripKm = Number(width);
    if (!WIDTH.test(width) || !isStripWidth(stripKm)) return undefined;
  }
  const rules: ScenarioDefinition['rules'] = { default: 'line', regions: {} };
  const seen = new Set<string>();
  for (const item of ruleList ? ruleList.split(',') : []) {
    const [id, code, extra] = item.split(':');
    const rule = RULE_OF.get(code);
    if (extra !== undefined || !rule || seen.has(id)) return undefined;
    seen.add(id);
    if (id === '*') rules.default = rule;
    else if (REGION_IDS.includes(id)) rules.regions[id] = rule;
    else return undefined;
  }
  try {
    return customScenario(name, basedOn || undefined, rules, stripKm);
  } catch {
    return undefined; // validateScenario disagreed: never expected, but never a broken page either
  }
}

/** Key order of a scenario file: what a reader looks for first. */
const FILE_KEYS: readonly (keyof ScenarioDefinition)[] = [
  'id',
  'order',
  'title',
  'phrase',
  'based_on',
  'date',
  'summary',
  'clause',
  'clause_is_quote',
  'source',
  'sources',
  'note',
  'proposer',
  'strip',
  'strip_km',
  'rules',
  'uk',
];

/**
 * A definition as a scenario file (pretty JSON): what "Export scenario file"
 * downloads and `frontline areas --scenario-file` reads. validateScenario
 * reads it back as the same definition.
 */
export function scenarioFileOf(def: ScenarioDefinition): string {
  const out: Record<string, unknown> = {};
  for (const k of FILE_KEYS) if (def[k] !== undefined) out[k] = def[k];
  return JSON.stringify(out, null, 2) + '\n';
}
