/**
 * Files the page offers analysts. Each is built by the same functions as the
 * CLI's output (`lib/datafolder/tables.ts`), so a download equals
 * `frontline areas ...` for the same date, scenario and data:
 * - table CSV  = `areas --date D --scenario S --format csv` (after a UTF-8 BOM, for spreadsheets);
 * - table JSON = `areas --date D --scenario S` (provenance is in the report);
 * - series CSV = `areas --from F --to T --scenario S --format csv`;
 * - a .zip of a CSV and its datapackage.json = `--datapackage DIR`.
 */
import { snapshotsBetween, type Manifest, type Stats } from '../datafolder/manifest';
import { areaReport, type AreaReport } from '../engine/report';
import { withoutPlanStrip, type ScenarioDefinition } from '../engine/scenarios';
import type { PlacesFile, PlacesResult } from '../engine/places';
import { placesCredit } from '../datafolder/provenance';
import { placesToCsv, placesToJson } from '../datafolder/placesTable';
import { reportsToCsv, reportsToJson } from '../datafolder/tables';
import { areasPackage, packageJson, placesPackage, tableStem } from '../datafolder/datapackage';
import type { PieceCollection, ScenarioDisplay } from '../map/scenarioLayers';

/** A file to hand to the browser: text, or the bytes of a .zip. */
export interface Download {
  name: string;
  type: string;
  /** The file's content: text (saved as UTF-8), bytes, or a Blob an export made. */
  text: string | Uint8Array | Blob;
}

/**
 * Excel on Windows reads a CSV without a byte-order mark as the local code
 * page and garbles Cyrillic; pandas and every other reader skip the mark.
 */
const BOM = '\uFEFF';

const csvDownload = (name: string, text: string): Download => ({ name, type: 'text/csv', text: BOM + text });

/** The scenario's table of one date, as `frontline areas --format csv` prints it. */
export function tableCsv(report: AreaReport, scenario: ScenarioDefinition): Download {
  return csvDownload(`${tableStem([scenario], [report.date])}.csv`, reportsToCsv([report]));
}

/** The scenario's table of one date, as `frontline areas` prints it. */
export function tableJson(report: AreaReport, scenario: ScenarioDefinition): Download {
  return {
    name: `${tableStem([scenario], [report.date])}.json`,
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
  // As `frontline areas --from --to` prints it: without a plan's own strip (withoutPlanStrip says why).
  const plain = withoutPlanStrip(scenario);
  return snapshotsBetween(manifest, from, to, 'any').map((e) => areaReport(manifest, stats, e, plain));
}

/** The time series as `frontline areas --from F --to T --format csv` prints it. */
export function seriesCsv(reports: readonly AreaReport[], scenario: ScenarioDefinition): Download {
  return csvDownload(
    `${tableStem(
      [scenario],
      reports.map((r) => r.date),
    )}.csv`,
    reportsToCsv(reports),
  );
}

/**
 * A CSV and its datapackage.json as one .zip, as `--datapackage DIR` writes
 * them. fflate loads with the first one (it is not part of the first load);
 * the entries carry the snapshot's date, so the same table zips to the same bytes.
 */
async function packageZip(csvName: string, csv: string, descriptor: string, date: string): Promise<Download> {
  const { strToU8, zipSync } = await import('fflate');
  const zip = zipSync(
    { [csvName]: strToU8(csv), 'datapackage.json': strToU8(descriptor) },
    { level: 9, mtime: new Date(`${date}T12:00:00Z`) },
  );
  return { name: csvName.replace(/\.csv$/, '.zip'), type: 'application/zip', text: zip };
}

/** A table (one date, or a series) with its datapackage.json, zipped. */
export function tablePackage(reports: readonly AreaReport[], scenario: ScenarioDefinition): Promise<Download> {
  const csv = `${tableStem(
    [scenario],
    reports.map((r) => r.date),
  )}.csv`;
  const descriptor = packageJson(areasPackage(reports, [scenario], csv));
  return packageZip(csv, reportsToCsv(reports), descriptor, reports.at(-1)?.date ?? '2000-01-01');
}

/** The towns the scenario moves: `frontline places --date D --scenario S --format csv`. */
export function placesCsv(
  report: AreaReport,
  scenario: ScenarioDefinition,
  gazetteer: PlacesFile,
  places: PlacesResult,
): Download {
  return csvDownload(
    `${tableStem([scenario], [report.date])}-places.csv`,
    placesToCsv(
      { date: report.date, scenario: report.scenario, kind: report.source.kind },
      places.rows,
      placesCredit(report.source.name, gazetteer),
    ),
  );
}

/** The towns as a .zip of their CSV and its datapackage.json (`frontline places --datapackage DIR`). */
export function placesPackageZip(
  report: AreaReport,
  scenario: ScenarioDefinition,
  gazetteer: PlacesFile,
  places: PlacesResult,
): Promise<Download> {
  const csv = placesCsv(report, scenario, gazetteer, places);
  const descriptor = packageJson(placesPackage(report, scenario, gazetteer, csv.name));
  return packageZip(csv.name, (csv.text as string).slice(BOM.length), descriptor, report.date);
}

/** The same as `frontline places --date D --scenario S` (JSON). */
export function placesJson(
  report: AreaReport,
  scenario: ScenarioDefinition,
  gazetteer: PlacesFile,
  places: PlacesResult,
): Download {
  return {
    name: `${tableStem([scenario], [report.date])}-places.json`,
    type: 'application/json',
    text: placesToJson(report, gazetteer, places.rows, undefined),
  };
}

/** The scenario's geometry as the page draws it (see lib/map/scenarioExport.ts), with where it came from. */
export async function scenarioGeoJson(
  report: AreaReport,
  scenario: ScenarioDefinition,
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
    name: `${tableStem([scenario], [report.date])}.geojson`,
    type: 'application/geo+json',
    text: JSON.stringify(fc) + '\n',
  };
}

/** Hand a file to the browser's download. */
export function save(file: Download): void {
  const a = document.createElement('a');
  const type = typeof file.text === 'string' ? `${file.type};charset=utf-8` : file.type;
  a.href = URL.createObjectURL(file.text instanceof Blob ? file.text : new Blob([file.text as BlobPart], { type }));
  a.download = file.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
