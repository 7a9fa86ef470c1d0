/**
 * Area reports as files: rounded JSON and CSV, identical from the CLI and the
 * page, so a download can be checked against `frontline areas` byte for byte.
 */
import { csvFormatRows } from 'd3-dsv';
import { csvText } from '../text/safeText';
import { FIGURE_KEYS, type AreaRow } from '../engine/areas';
import type { AreaReport } from '../engine/report';

/** km² to 0.01, shares to 0.001 percentage points: below any input's precision, stable in diffs. */
export function roundRow(row: AreaRow): AreaRow {
  const out = { ...row };
  for (const k of FIGURE_KEYS)
    out[k] = Math.round(row[k] * (k.endsWith('_pct') ? 1000 : 100)) / (k.endsWith('_pct') ? 1000 : 100);
  return out;
}

/**
 * A report with every row rounded (roundRow), as files print it.
 */
export function roundReport(r: AreaReport): AreaReport {
  return { ...r, rows: r.rows.map(roundRow) };
}

/**
 * Every area table's columns. `level` tells a region's row from a group's
 * (donbas, crimea, ukraine: sums of regions, so a column total counts them
 * twice); `source` credits the control data on every row, so a bare CSV
 * still says it (DeepStateMap, or the name of a reader's own file); `kind` is the snapshot's (`daily`, `raw`, or `custom` for a
 * reader's file), where the method changes (the daily files have no grey zone).
 */
export const CSV_HEADER = ['date', 'scenario', 'id', 'name', ...FIGURE_KEYS, 'level', 'kind', 'source'] as const;

/** A CSV cell: a number as it prints, or text from outside (names, ids, credits). */
export type CsvCell = string | number;

/**
 * The one place the project writes CSV (the CLI and the page's downloads):
 * text cells are neutralised so that no spreadsheet runs one as a formula;
 * number cells are printed as they are (a negative figure stays a number).
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[]): string {
  return csvFormatRows(rows.map((row) => row.map((c) => (typeof c === 'number' ? String(c) : csvText(c))))) + '\n';
}

/**
 * Area reports as CSV (CSV_HEADER's columns), one row per region and group per report.
 */
export function reportsToCsv(reports: readonly AreaReport[]): string {
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const r of reports)
    for (const row of roundReport(r).rows)
      rows.push([
        r.date,
        r.scenario,
        row.id,
        row.name,
        ...FIGURE_KEYS.map((k) => row[k]),
        row.kind,
        r.source.kind,
        r.source.name,
      ]);
  return formatCsv(rows);
}

/** The JSON `frontline areas` prints: one report, or an array for a range or several scenarios. */
export function reportsToJson(reports: readonly AreaReport[], asArray: boolean): string {
  const rounded = reports.map(roundReport);
  return JSON.stringify(asArray ? rounded : rounded[0], null, 1) + '\n';
}
