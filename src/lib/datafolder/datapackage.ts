// Over 300 lines: the schema of every column of both tables (a description each) beside the descriptors that carry them.
/**
 * Tables as a Frictionless Data Package (https://specs.frictionlessdata.io/):
 * the CSV holds only its header and one row per record, and
 * `datapackage.json` beside it holds what a `#` line cannot: the field schema
 * (types, units, descriptions) and the provenance (source, snapshots,
 * boundaries and their licence, method, generator, the scenarios in full).
 * The CLI (`--datapackage DIR`), the page's .zip and the site's API all build
 * the descriptor here, so they agree.
 */
import { PLACE_ZONES, type PlacesFile } from '../engine/places';
import { CONTROL_KINDS, CONTROL_MEANING, type ControlKind } from '../engine/rules';
import type { AreaReport } from '../engine/report';
import type { ScenarioDefinition } from '../engine/scenarios';
import { romanizeUk } from '../engine/romanize';
import { PLACES_CSV_HEADER, PLACES_METHOD } from './placesTable';
import { GENERATOR, MINREGION_CREDIT, SOURCE_NAME, type Provenance } from './provenance';
import { CSV_HEADER } from './tables';

/** A Table Schema field (https://specs.frictionlessdata.io/table-schema/), plus `unit`, which the spec allows as an extra property. */
export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'date';
  description: string;
  unit?: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}

type FieldInfo = Omit<TableField, 'name'>;

const km2 = (description: string): FieldInfo => ({ type: 'number', unit: 'km²', description });
const pct = (description: string): FieldInfo => ({
  type: 'number',
  unit: '%',
  description: `${description}, in per cent of the row's area (0.001 percentage points)`,
  constraints: { minimum: 0, maximum: 100 },
});

/** Every area-table column described; a column added to CSV_HEADER without a description fails the type check. */
const AREA_FIELD_INFO: Record<(typeof CSV_HEADER)[number], FieldInfo> = {
  date: {
    type: 'date',
    description: 'The date of the snapshot the figures are for (UTC)',
    constraints: { required: true },
  },
  scenario: { type: 'string', description: 'The scenario id (its definition: `scenarios` in datapackage.json)' },
  id: {
    type: 'string',
    description:
      'ISO 3166-2:UA code of the region (e.g. UA-14 Donetsk), or a group: donbas (UA-14 + UA-09), crimea (UA-43 + UA-40), ukraine (all 27 units)',
    constraints: { required: true },
  },
  name: { type: 'string', description: 'English name of the region or group' },
  area_km2: km2('Area of the region or group on the WGS84 ellipsoid (0.01 km²)'),
  // One pair of columns per control kind of the rule table, described there.
  ...(Object.fromEntries(
    CONTROL_KINDS.flatMap((k) => [
      [`${k}_km2`, km2(CONTROL_MEANING[k].km2)],
      [`${k}_pct`, pct(CONTROL_MEANING[k].pct)],
    ]),
  ) as Record<`${ControlKind}_km2` | `${ControlKind}_pct`, FieldInfo>),
  ceded_km2: km2('Held by Ukraine on the date, Russian under the scenario'),
  returned_km2: km2('Held by Russia on the date, Ukrainian (or buffer) under the scenario'),
  net_km2: km2('returned_km2 - ceded_km2: what Ukraine gains (negative: loses) against the line of the date'),
  strip_km2: km2(
    'A demilitarised strip along the line of contact, when the scenario has one (0 otherwise); reported beside the other figures, not part of them',
  ),
  strip_ukraine_side_km2: km2('The part of the strip on the Ukrainian-held side of the line'),
  strip_russia_side_km2: km2('The part of the strip on the Russian-held side of the line'),
  level: {
    type: 'string',
    description: 'region: one of the 27 units; group: a sum of regions (do not add it to them)',
    constraints: { required: true, enum: ['region', 'group'] },
  },
  kind: {
    type: 'string',
    description: `The snapshot: daily (${SOURCE_NAME}'s daily file, no grey zone), raw (a monthly raw layer file, with the grey zone) or custom (a reader's own file)`,
    constraints: { required: true, enum: ['daily', 'raw', 'custom'] },
  },
  source: {
    type: 'string',
    description: `Whose line of contact the figures rest on: ${SOURCE_NAME}, or the name of a reader's own file`,
    constraints: { required: true },
  },
};

const PLACE_FIELD_INFO: Record<(typeof PLACES_CSV_HEADER)[number], FieldInfo> = {
  date: AREA_FIELD_INFO.date,
  scenario: AREA_FIELD_INFO.scenario,
  name: { type: 'string', description: 'English name (GeoNames, else the national romanisation)' },
  name_uk: { type: 'string', description: 'Ukrainian name' },
  id: { type: 'integer', description: 'GeoNames id', constraints: { required: true } },
  population: { type: 'integer', description: PLACES_METHOD.population },
  lon: { type: 'number', unit: '°', description: 'Longitude (WGS84)' },
  lat: { type: 'number', unit: '°', description: 'Latitude (WGS84)' },
  region: { type: 'string', description: 'ISO 3166-2:UA code of its region' },
  zone: { type: 'string', description: PLACES_METHOD.zones, constraints: { enum: [...PLACE_ZONES] } },
  now: {
    type: 'string',
    description: PLACES_METHOD.control,
    constraints: { enum: ['ukraine', 'russia', 'contested'] },
  },
  kind: AREA_FIELD_INFO.kind,
  credit: { type: 'string', description: 'What the row rests on: the control data and the gazetteer' },
};

const fields = <K extends string>(header: readonly K[], info: Record<K, FieldInfo>): TableField[] =>
  header.map((name) => ({ name, ...info[name] }));

/**
 * The area table's schema, column by column in CSV order.
 *
 * @example AREA_FIELDS.find((f) => f.name === 'ukraine_km2')?.unit // 'km²'
 */
export const AREA_FIELDS: readonly TableField[] = fields(CSV_HEADER, AREA_FIELD_INFO);

/**
 * The towns table's schema, column by column in CSV order.
 *
 * @example PLACE_FIELDS[0].name // 'date'
 */
export const PLACE_FIELDS: readonly TableField[] = fields(PLACES_CSV_HEADER, PLACE_FIELD_INFO);

/**
 * A file-name part from a scenario: its id, or for a reader's own scenario a
 * slug of its name (romanised from Ukrainian), so two custom tables do not
 * share a name.
 *
 * @example scenarioSlug({ id: 'custom', title: 'Мій план 2' }) // 'mii-plan-2'
 */
export function scenarioSlug(s: Pick<ScenarioDefinition, 'id' | 'title'>): string {
  if (s.id !== 'custom') return s.id;
  const slug = romanizeUk(s.title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug ? `custom-${slug}` : 'custom';
}

/**
 * The stem of a table's file name: `frontline-SCENARIO-WHEN`, WHEN a date or `FIRST_LAST`.
 *
 * @example tableStem({ id: 'us-28-point', title: '' }, ['2025-11-20']) // 'frontline-us-28-point-2025-11-20'
 */
export function tableStem(
  scenarios: readonly Pick<ScenarioDefinition, 'id' | 'title'>[],
  dates: readonly string[],
): string {
  const sorted = [...dates].sort();
  const when = sorted.length === 0 ? 'none' : sorted[0] === sorted.at(-1) ? sorted[0] : `${sorted[0]}_${sorted.at(-1)}`;
  const what = scenarios.length === 1 ? scenarioSlug(scenarios[0]) : 'all-scenarios';
  return `frontline-${what}-${when}`;
}

/** A resource of the package: one CSV file. */
export interface TableResource {
  name: string;
  path: string;
  profile: 'tabular-data-resource';
  format: 'csv';
  mediatype: 'text/csv';
  encoding: 'utf-8';
  title: string;
  schema: { fields: readonly TableField[]; primaryKey: string[] };
}

/** The package descriptor; `frontline` holds the provenance the specification has no member for. */
export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  licenses?: { name: string; path: string; title: string }[];
  sources: { title: string; path: string }[];
  resources: TableResource[];
  frontline: Record<string, unknown>;
}

const SOURCES = {
  deepstate: {
    title: `${SOURCE_NAME} (deepstatemap.live): the line of contact and occupied territory`,
    path: 'https://deepstatemap.live/',
  },
  minregion: {
    title: `Oblast boundaries: ${MINREGION_CREDIT} (Ministry for Communities and Territories Development of Ukraine)`,
    path: 'https://atu.decentralization.gov.ua/',
  },
  geonames: { title: 'Places: GeoNames (geonames.org), CC BY 4.0', path: 'https://www.geonames.org/' },
};

const MINREGION_LICENCE = {
  name: 'CC-BY-SA-4.0',
  path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  title: `Boundaries ${MINREGION_CREDIT}, Creative Commons Attribution-ShareAlike 4.0`,
};

/** A package name: lower case, digits and `-._` only, as the specification asks. */
const packageName = (stem: string): string => stem.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');

/** Source, snapshots, boundaries, method, generator: what every report of a table shares, and how they differ. */
function provenanceOf(reports: readonly Provenance[]): Record<string, unknown> {
  const first = reports[0];
  const dates = [...new Set(reports.map((r) => r.date))].sort();
  const kinds = [...new Set(reports.map((r) => r.source.kind))].sort();
  const greyZone = [...new Set(reports.map((r) => r.method.grey_zone))];
  return {
    source: { name: first.source.name, attribution: first.source.attribution },
    snapshots: {
      first: dates[0],
      last: dates.at(-1),
      count: dates.length,
      kinds,
      ...(dates.length === 1 ? { file: first.source.file } : {}),
    },
    boundaries: first.boundaries,
    method: { ...first.method, grey_zone: greyZone.length === 1 ? greyZone[0] : greyZone },
    generator: GENERATOR,
  };
}

/** The package's sources and licences: DeepStateMap (or the reader's file) and, on Minregion's boundaries, their licence. */
function describe(reports: readonly Provenance[]): {
  sources: DataPackage['sources'];
  licenses?: DataPackage['licenses'];
} {
  const first = reports[0];
  const minregion = first?.boundaries.name.includes('minregion') ?? false;
  const sources = [];
  if (first?.source.name === SOURCE_NAME) sources.push(SOURCES.deepstate);
  else if (first) sources.push({ title: first.source.attribution, path: first.source.file });
  if (minregion) sources.push(SOURCES.minregion);
  return { sources, ...(minregion ? { licenses: [MINREGION_LICENCE] } : {}) };
}

/**
 * The descriptor of an area table: the CSV `csvPath` that `reportsToCsv(reports)` wrote.
 *
 * @example areasPackage(reports, [scenario], 'frontline-us-28-point-2025-11-20.csv').resources[0].schema.fields.length // 21
 */
export function areasPackage(
  reports: readonly AreaReport[],
  scenarios: readonly ScenarioDefinition[],
  csvPath: string,
): DataPackage {
  const stem = csvPath.replace(/\.csv$/, '');
  const first = reports[0];
  const dates = [...new Set(reports.map((r) => r.date))].sort();
  const when = dates.length === 1 ? dates[0] : `${dates[0]} to ${dates.at(-1)} (${dates.length} snapshots)`;
  const titles = scenarios.map((s) => s.title).join('; ');
  return {
    profile: 'tabular-data-package',
    name: packageName(stem),
    title: `Territory held by Ukraine and Russia, per region: ${titles}, ${when}`,
    description: `Area each side holds per Ukrainian region and group, under ${scenarios.length === 1 ? 'the scenario' : 'each scenario'}, on ${first?.source.name ?? SOURCE_NAME}'s line of contact. Rows with level "group" are sums of regions. Made by ${GENERATOR.name} ${GENERATOR.version}.`,
    ...describe(reports),
    resources: [
      {
        name: 'areas',
        path: csvPath,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title: 'Area per region and group',
        schema: { fields: AREA_FIELDS, primaryKey: ['date', 'scenario', 'id'] },
      },
    ],
    frontline: { ...provenanceOf(reports), scenarios },
  };
}

/**
 * The descriptor of a towns table (`placesToCsv`) for one snapshot and scenario.
 *
 * @example placesPackage(report, scenario, gazetteer, 'frontline-us-28-point-2025-11-20-places.csv').resources[0].name // 'places'
 */
export function placesPackage(
  report: AreaReport,
  scenario: ScenarioDefinition,
  gazetteer: PlacesFile,
  csvPath: string,
): DataPackage {
  const base = describe([report]);
  return {
    profile: 'tabular-data-package',
    name: packageName(csvPath.replace(/\.csv$/, '')),
    title: `Towns that change hands: ${scenario.title}, ${report.date}`,
    description: `Towns and cities (GeoNames, population ${gazetteer.min_population} or more) that the scenario moves from one side to another on ${report.source.name}'s line of contact of ${report.date}. Made by ${GENERATOR.name} ${GENERATOR.version}.`,
    sources: [...base.sources, SOURCES.geonames],
    ...(base.licenses ? { licenses: base.licenses } : {}),
    resources: [
      {
        name: 'places',
        path: csvPath,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title: 'Towns the scenario moves',
        schema: { fields: PLACE_FIELDS, primaryKey: ['id'] },
      },
    ],
    frontline: {
      ...provenanceOf([report]),
      gazetteer: { ...gazetteer.source, min_population: gazetteer.min_population, method: gazetteer.method },
      places_method: PLACES_METHOD,
      scenarios: [scenario],
    },
  };
}

/**
 * The descriptor as a file: two-space JSON, one trailing newline.
 *
 * @example packageJson(areasPackage(reports, [s], 'a.csv')).endsWith('}\n') // true
 */
export function packageJson(p: DataPackage): string {
  return JSON.stringify(p, null, 2) + '\n';
}
