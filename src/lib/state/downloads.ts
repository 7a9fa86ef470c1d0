/**
 * Files the page offers analysts. Each is built by the same functions as the
 * CLI's output (`lib/datafolder/tables.ts`), so a download equals
 * `frontline areas ...` for the same date, scenario and data:
 * - table CSV  = `areas --date D --scenario S --format csv`, after `#` provenance lines;
 * - table JSON = `areas --date D --scenario S` (provenance is in the report);
 * - series CSV = `areas --from F --to T --scenario S --format csv`, after `#` lines.
 */
import { snapshotsBetween, type Manifest, type Stats } from '../datafolder/manifest';
import { areaReport, type AreaReport } from '../engine/report';
import type { ScenarioDefinition } from '../engine/scenarios';
import type { PlacesFile, PlacesResult } from '../engine/places';
import { placesToCsv, placesToJson } from '../datafolder/placesTable';
import { placesCredit, provenanceLines } from '../datafolder/provenance';
import { reportsToCsv, reportsToJson } from '../datafolder/tables';
import type { PieceCollection, ScenarioDisplay } from '../map/scenarioLayers';

export interface Download {
  name: string;
  type: string;
  text: string;
}

const stem = (scenario: string, when: string): string => `frontline-${scenario}-${when}`;

export function tableCsv(report: AreaReport): Download {
  return {
    name: `${stem(report.scenario, report.date)}.csv`,
    type: 'text/csv',
    text: provenanceLines([report]) + reportsToCsv([report]),
  };
}

export function tableJson(report: AreaReport): Download {
  return {
    name: `${stem(report.scenario, report.date)}.json`,
    type: 'application/json',
    text: reportsToJson([report], false),
  };
}

/** Every snapshot from `from` to `to` (the page's whole series by default) under one scenario. */
export function seriesReports(
  manifest: Manifest,
  stats: Stats,
  scenario: ScenarioDefinition,
  from: string,
  to: string,
): AreaReport[] {
  return snapshotsBetween(manifest, from, to, 'any').map((e) => areaReport(manifest, stats, e, scenario));
}

export function seriesCsv(reports: readonly AreaReport[]): Download {
  const first = reports[0]?.date ?? 'none';
  const last = reports[reports.length - 1]?.date ?? 'none';
  return {
    name: `${stem(reports[0]?.scenario ?? 'none', `${first}_${last}`)}.csv`,
    type: 'text/csv',
    text: provenanceLines(reports) + reportsToCsv(reports),
  };
}

/** The towns the scenario moves: `frontline places --date D --scenario S --format csv`, after `#` provenance lines. */
export function placesCsv(report: AreaReport, gazetteer: PlacesFile, places: PlacesResult): Download {
  return {
    name: `${stem(report.scenario, report.date)}-places.csv`,
    type: 'text/csv',
    text:
      provenanceLines([report]) +
      `# places: ${gazetteer.source.attribution}\n` +
      placesToCsv(report.date, report.scenario, places.rows, placesCredit(report.source.name, gazetteer)),
  };
}

/** The same as `frontline places --date D --scenario S` (JSON). */
export function placesJson(report: AreaReport, gazetteer: PlacesFile, places: PlacesResult): Download {
  return {
    name: `${stem(report.scenario, report.date)}-places.json`,
    type: 'application/json',
    text: placesToJson(report, gazetteer, places.rows, undefined),
  };
}

/** The scenario's geometry as the page draws it (see lib/map/scenarioExport.ts), with where it came from. */
export async function scenarioGeoJson(
  report: AreaReport,
  regions: Parameters<typeof import('../map/scenarioExport').displayedScenario>[0],
  pieces: PieceCollection,
  display: ScenarioDisplay,
): Promise<Download> {
  const { displayedScenario } = await import('../map/scenarioExport');
  const fc = displayedScenario(regions, pieces, display, report.rows, {
    date: report.date,
    scenario: report.scenario,
    snapshot: report.source.snapshot,
    source: report.source.name,
    attribution: report.source.attribution,
    boundaries: report.boundaries,
    method: report.method,
    generator: report.generator,
    geometry:
      "display precision (regions simplified to ~100 m, pieces to ~30 m); area_km2 is the engine's figure; full precision: frontline scenario --date D --scenario S",
  });
  return {
    name: `${stem(report.scenario, report.date)}.geojson`,
    type: 'application/geo+json',
    text: JSON.stringify(fc) + '\n',
  };
}

/** Hand a file to the browser's download. */
export function save(file: Download): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([file.text], { type: `${file.type};charset=utf-8` }));
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
