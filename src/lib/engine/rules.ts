/**
 * What each scenario rule means, in one table. A scenario says, per region,
 * which rule applies (src/lib/engine/scenarios.ts); everything that depends on
 * what a rule does reads it from RULE_TABLE: the km² each side holds
 * (scenarios.ts), the CLI's scenario GeoJSON (scenarioGeometry.ts), the map's
 * classes (lib/map/scenarioLayers.ts), the towns that change hands
 * (places.ts), the page's GeoJSON export (lib/map/scenarioExport.ts), the
 * custom-scenario link (lib/state/customScenario.ts) and the editor
 * (CustomEditor.svelte). A rule added here shows up in all of them; its label
 * goes into the message files (lib/i18n/en.json and uk.json).
 *
 * The helpers below take a row, not a rule id, so they hold no copy of the
 * table: a test can swap the table for one with an extra rule.
 */
import type { MessageKey } from '../i18n/messages';

/**
 * Control of land under a scenario, in the order figures and exports list
 * them: `buffer` is held by neither army but recognised as Russian (the US
 * draft's zone), `neutral` held by neither army and not recognised as
 * anyone's (last, so the columns of older tables keep their places).
 */
export type ControlKind = 'ukraine' | 'russia' | 'buffer' | 'contested' | 'neutral';

/**
 * The control kinds in their reporting order.
 *
 * @example CONTROL_KINDS.map((c) => `${c}_km2`) // ['ukraine_km2', 'russia_km2', 'buffer_km2', 'contested_km2', 'neutral_km2']
 */
export const CONTROL_KINDS: readonly ControlKind[] = ['ukraine', 'russia', 'buffer', 'contested', 'neutral'];

/**
 * What each control kind means, for the descriptions of its columns (the
 * data package's schema): `km2` for `<kind>_km2`, `pct` for `<kind>_pct`.
 *
 * @example CONTROL_MEANING.neutral.pct // 'Neutral zone'
 */
export const CONTROL_MEANING: Readonly<Record<ControlKind, { km2: string; pct: string }>> = {
  ukraine: { km2: 'Held by Ukraine under the scenario', pct: 'Held by Ukraine' },
  russia: { km2: 'Held by Russia under the scenario', pct: 'Held by Russia' },
  buffer: {
    km2: "A demilitarised buffer under the scenario, held by neither side's army but recognised as Russian",
    pct: 'Buffer',
  },
  contested: {
    km2: "DeepState's grey zone, held by neither side on the date (0 in the daily files, which have none)",
    pct: 'Grey zone',
  },
  neutral: {
    km2: 'A demilitarised zone under the scenario, held by neither army and not recognised as Russian',
    pct: 'Neutral zone',
  },
};

/**
 * Who holds land on the date of the line of contact: Russia, Ukraine, or
 * neither (the grey zone, `contested`).
 *
 * @example const now: Holder = index.holderAt('UA-14', 37.8, 48.0);
 */
export type Holder = 'ukraine' | 'russia' | 'contested';

/**
 * A zone a scenario makes that no one holds now: a control kind that is not a holder.
 *
 * @example const z: Zone = 'neutral';
 */
export type Zone = Exclude<ControlKind, Holder>;

const HOLDERS: readonly string[] = ['ukraine', 'russia', 'contested'] satisfies Holder[];

/**
 * The zones, in the control kinds' order: the map draws each in its own class, the towns list each on its own.
 *
 * @example ZONES // ['buffer', 'neutral']
 */
export const ZONES: readonly Zone[] = CONTROL_KINDS.filter((k): k is Zone => !HOLDERS.includes(k));

/**
 * What a rule makes of land by who holds it on the date. The key order is
 * the order of the pieces in `frontline scenario`'s GeoJSON (a class given
 * several kinds of land is listed where the first of them stands).
 *
 * @example const buffer: ByLine = { russia: 'russia', ukraine: 'buffer', contested: 'buffer' };
 */
export type ByLine = Record<Holder, ControlKind>;

/**
 * What a rule makes of land by whether it lies in the pre-2022 layer (ORDLO,
 * the data folder's ordlo.geojson), whoever holds it on the date: `ordlo`
 * inside the layer, `rest` outside it. Listed in that order.
 *
 * @example const pre2022: ByOrdlo = { ordlo: 'russia', rest: 'ukraine' };
 */
export interface ByOrdlo {
  ordlo: ControlKind;
  rest: ControlKind;
}

/**
 * Everything the code needs to know about one rule.
 *
 * @example const row: RuleRow = { becomes: { ordlo: 'russia', rest: 'ukraine' }, letter: 'p', label: 'custom.rule.pre2022' };
 */
export interface RuleRow {
  /** What the region's land becomes (the map's classes and the towns' zones follow from it). */
  becomes: ByLine | ByOrdlo;
  /** Its one-letter code in a custom scenario's link. Never change one: links in the wild carry it. */
  letter: string;
  /** The editor's name for it. */
  label: MessageKey;
}

/** A row: its letter in links, its label, what it makes of the land. */
const row = (letter: string, label: MessageKey, becomes: ByLine | ByOrdlo): RuleRow => ({ becomes, letter, label });

const TABLE = {
  /** As on the line of contact of the date (the grey zone stays contested). */
  line: row('l', 'custom.rule.line', { ukraine: 'ukraine', russia: 'russia', contested: 'contested' }),
  /** All of it to Ukraine. */
  ukraine: row('u', 'custom.rule.ukraine', { russia: 'ukraine', ukraine: 'ukraine', contested: 'ukraine' }),
  /** All of it to Russia. */
  russia: row('r', 'custom.rule.russia', { russia: 'russia', ukraine: 'russia', contested: 'russia' }),
  /** Russia keeps what it holds, the rest becomes a demilitarised buffer. */
  buffer: row('b', 'custom.rule.buffer', { russia: 'russia', ukraine: 'buffer', contested: 'buffer' }),
  /** Russia keeps what it holds, the rest is held by neither army and recognised as no one's (Geneva, Feb 2026). */
  neutral: row('n', 'custom.rule.neutral', { russia: 'russia', ukraine: 'neutral', contested: 'neutral' }),
  /** Russia holds what it held before 24 Feb 2022 (the ORDLO layer), Ukraine the rest. */
  'pre-2022': row('p', 'custom.rule.pre2022', { ordlo: 'russia', rest: 'ukraine' }),
};

/**
 * What a scenario does to a region: one of the table's ids.
 *
 * @example const rule: Rule = 'buffer';
 */
export type Rule = keyof typeof TABLE;

/**
 * The rules, by id. The order is the order of RULES (the editor's choices, error messages).
 *
 * @example RULE_TABLE.buffer.letter // 'b'
 */
export const RULE_TABLE: Readonly<Record<Rule, RuleRow>> = TABLE;

/**
 * The rule ids, in the table's order.
 *
 * @example RULES.includes('pre-2022') // true
 */
export const RULES: readonly Rule[] = Object.keys(TABLE) as Rule[];

/**
 * The kinds of land a row tells apart: by holder on the date, or in and out of the pre-2022 layer.
 *
 * @example const lands: Land[] = Object.keys(RULE_TABLE.line.becomes) as Land[]; // ['ukraine', 'russia', 'contested']
 */
export type Land = Holder | keyof ByOrdlo;

/**
 * One class of a rule's result: the land it is made of (in the row's order)
 * and whether that is all of the region.
 *
 * @example const g: PieceGroup = { control: 'buffer', land: ['ukraine', 'contested'], whole: false };
 */
export interface PieceGroup {
  control: ControlKind;
  land: Land[];
  whole: boolean;
}

/**
 * A row's result grouped by class, in the row's order: each class once, with
 * the land that becomes it. The km² and the GeoJSON are built from this.
 *
 * @example pieceGroups(RULE_TABLE.buffer) // [{ control: 'russia', land: ['russia'], whole: false }, { control: 'buffer', land: ['ukraine', 'contested'], whole: false }]
 */
export function pieceGroups(row: RuleRow): PieceGroup[] {
  const entries = Object.entries(row.becomes) as [Land, ControlKind][];
  const groups: PieceGroup[] = [];
  for (const [land, control] of entries) {
    const g = groups.find((x) => x.control === control);
    if (g) g.land.push(land);
    else groups.push({ control, land: [land], whole: false });
  }
  for (const g of groups) g.whole = g.land.length === entries.length;
  return groups;
}

/**
 * Whether a row decides by the pre-2022 layer (so a scenario using it needs ordlo.geojson).
 *
 * @example usesOrdlo(RULE_TABLE['pre-2022']) // true
 */
export function usesOrdlo(row: RuleRow): boolean {
  return 'ordlo' in row.becomes;
}

/**
 * What land becomes by who holds it on the date, outside the pre-2022 layer
 * (for a row that decides by that layer, everything outside it becomes `rest`).
 *
 * @example byHolder(RULE_TABLE['pre-2022']) // { ukraine: 'ukraine', russia: 'ukraine', contested: 'ukraine' }
 */
export function byHolder(row: RuleRow): ByLine {
  const b = row.becomes;
  return 'ordlo' in b ? { ukraine: b.rest, russia: b.rest, contested: b.rest } : b;
}

/**
 * What land in the pre-2022 layer becomes, or null when the row does not
 * look at that layer (the land then goes by who holds it).
 *
 * @example ordloControl(RULE_TABLE.line) // null
 */
export function ordloControl(row: RuleRow): ControlKind | null {
  return 'ordlo' in row.becomes ? row.becomes.ordlo : null;
}

/**
 * Whether a row leaves everything as it is on the date (nothing changes hands).
 *
 * @example leavesAsIs(RULE_TABLE.line) // true
 */
export function leavesAsIs(row: RuleRow): boolean {
  const b = row.becomes;
  return !('ordlo' in b) && b.russia === 'russia' && b.ukraine === 'ukraine' && b.contested === 'contested';
}
