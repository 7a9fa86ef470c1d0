/**
 * Area figures for a scenario on a date: per region and per group, what each
 * side holds, and what changes against the status quo of the same date.
 */
import type { RegionOverlay } from './overlay';
import { GROUPS, REGIONS } from './regionMeta';
import { CONTROL_KINDS, type ControlKind } from './rules';
import { applyRule, noControl, ruleFor, type Control, type ScenarioDefinition } from './scenarios';
import type { StripAreas } from './strip';

/**
 * The figures of one row: km² and shares per side under the scenario, what it
 * moves against the line of contact, and its strip.
 *
 * @example const { ukraine_km2, russia_pct } = row; // row: an AreaRow of computeAreas
 */
export interface Figures extends Record<`${ControlKind}_km2` | `${ControlKind}_pct`, number> {
  area_km2: number;
  /** Held by Ukraine in the status quo, not under the scenario. */
  ceded_km2: number;
  /** Not held by Ukraine in the status quo, held under the scenario. */
  returned_km2: number;
  /** returned − ceded: Ukraine's gain (negative: loss). */
  net_km2: number;
  /**
   * The scenario's demilitarised strip (0 without one). Beside the figures
   * above, not part of them: the strip lies on land that someone holds.
   */
  strip_km2: number;
  /** Of the strip, the part on land Ukraine holds on the date. */
  strip_ukraine_side_km2: number;
  /** Of the strip, the part on land occupied or contested on the date. */
  strip_russia_side_km2: number;
}

/**
 * Below this many km² a change is rounding: the table shows "–", the
 * headline and alt text leave it out, the default rows do not count it.
 *
 * @example ukraine.returned_km2 >= MIN_CHANGE_KM2 // the plan returns land worth saying
 */
export const MIN_CHANGE_KM2 = 0.5;

/**
 * A region's or a group's row of an area report.
 *
 * @example computeAreas(def, inputs).find((r) => r.id === 'donbas')!.russia_pct
 */
export interface AreaRow extends Figures {
  id: string;
  name: string;
  /** 'region' or 'group' */
  kind: 'region' | 'group';
}

/**
 * Column order of every table and CSV.
 *
 * @example FIGURE_KEYS.map((k) => row[k]) // a CSV row's numbers, in column order
 */
export const FIGURE_KEYS: readonly (keyof Figures)[] = [
  'area_km2',
  // Per control kind of the rule table (rules.ts), in its order: a kind added there gets its columns here.
  ...CONTROL_KINDS.map((k) => `${k}_km2` as const),
  ...CONTROL_KINDS.map((k) => `${k}_pct` as const),
  'ceded_km2',
  'returned_km2',
  'net_km2',
  'strip_km2',
  'strip_ukraine_side_km2',
  'strip_russia_side_km2',
];

/**
 * What computeAreas needs beyond the scenario: the snapshot's overlay per
 * region, ORDLO's km², whether slivers count (raw), and the strip.
 *
 * @example const inputs: AreaInputs = { overlays: overlaysFor(stats, '2025-11-20'), ordlo: manifest.ordlo?.km2 ?? {}, raw: false };
 */
export interface AreaInputs {
  overlays: readonly RegionOverlay[];
  /** km² per region id held before 2022 (ORDLO layer); Crimea is ruled whole. */
  ordlo: Readonly<Record<string, number>>;
  raw: boolean;
  /** The scenario's strip per region id (from strip.ts computeStrip), if it has one. */
  strip?: Readonly<Record<string, StripAreas>>;
}

function pct(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

const NO_STRIP: StripAreas = { km2: 0, ukraine_side_km2: 0, russia_side_km2: 0 };

function figures(area: number, sc: Control, ceded: number, returned: number, strip: StripAreas): Figures {
  // All the km² first, then all the shares: the order of FIGURE_KEYS (and of the JSON's keys).
  const byKind = Object.fromEntries([
    ...CONTROL_KINDS.map((k) => [`${k}_km2`, sc[k]]),
    ...CONTROL_KINDS.map((k) => [`${k}_pct`, pct(sc[k], area)]),
  ]) as Record<`${ControlKind}_km2` | `${ControlKind}_pct`, number>;
  return {
    area_km2: area,
    ...byKind,
    ceded_km2: ceded,
    returned_km2: returned,
    net_km2: returned - ceded,
    strip_km2: strip.km2,
    strip_ukraine_side_km2: strip.ukraine_side_km2,
    strip_russia_side_km2: strip.russia_side_km2,
  };
}

/**
 * Rows for the 27 regions followed by the groups (donbas, crimea, ukraine).
 * Group rows are sums of their members, so the parts add up by construction;
 * ceded and returned are summed per region (a group can both cede and regain).
 *
 * @example computeAreas(scenarioById('us-28-point'), { overlays, ordlo: {}, raw: false })
 */
export function computeAreas(scenario: ScenarioDefinition, inputs: AreaInputs, lang: 'en' | 'uk' = 'en'): AreaRow[] {
  const byId = new Map(inputs.overlays.map((o) => [o.id, o]));
  const perRegion = new Map<string, { area: number; sc: Control; sq: Control }>();
  for (const meta of REGIONS) {
    const o = byId.get(meta.id);
    if (!o) throw new Error(`no overlay for region ${meta.id}`);
    const ordlo = inputs.ordlo[meta.id] ?? 0;
    perRegion.set(meta.id, {
      area: o.area_km2,
      sc: applyRule(ruleFor(scenario, meta.id), o, ordlo, inputs.raw),
      sq: applyRule('line', o, ordlo, inputs.raw),
    });
  }
  const row = (id: string, name: string, kind: AreaRow['kind'], members: string[]): AreaRow => {
    const sum: Control = noControl();
    let area = 0;
    let ceded = 0;
    let returned = 0;
    const strip = { ...NO_STRIP };
    for (const m of members) {
      const st = inputs.strip?.[m];
      if (st) for (const k of ['km2', 'ukraine_side_km2', 'russia_side_km2'] as const) strip[k] += st[k];
      const r = perRegion.get(m)!;
      area += r.area;
      for (const k of CONTROL_KINDS) sum[k] += r.sc[k];
      const delta = r.sc.ukraine - r.sq.ukraine;
      if (delta > 0) returned += delta;
      else ceded -= delta;
    }
    return { id, name, kind, ...figures(area, sum, ceded, returned, strip) };
  };
  return [
    ...REGIONS.map((m) => row(m.id, lang === 'uk' ? m.name_uk : m.name_en, 'region', [m.id])),
    ...GROUPS.map((g) => row(g.id, lang === 'uk' ? g.name_uk : g.name_en, 'group', g.members)),
  ];
}
