/** Output formats shared by the commands: JSON and CSV of area reports. */
import { csvFormatRows } from 'd3-dsv';
import { FIGURE_KEYS, type AreaRow } from '../lib/geo/areas';
import type { AreaReport } from '../lib/geo/report';
import { UsageError } from './io';

export type Format = 'json' | 'csv' | 'geojson';

export function checkFormat(value: string | undefined, allowed: readonly Format[], fallback: Format): Format {
  const f = (value ?? fallback) as Format;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return f;
}

/** km² to 0.01, shares to 0.001 percentage points: below any input's precision, stable in diffs. */
export function roundRow(row: AreaRow): AreaRow {
  const out = { ...row };
  for (const k of FIGURE_KEYS) out[k] = Math.round(row[k] * (k.endsWith('_pct') ? 1000 : 100)) / (k.endsWith('_pct') ? 1000 : 100);
  return out;
}

export function roundReport(r: AreaReport): AreaReport {
  return { ...r, rows: r.rows.map(roundRow) };
}

export const CSV_HEADER = ['date', 'scenario', 'id', 'name', ...FIGURE_KEYS] as const;

export function reportsToCsv(reports: readonly AreaReport[]): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const r of reports) for (const row of roundReport(r).rows) rows.push([r.date, r.scenario, row.id, row.name, ...FIGURE_KEYS.map((k) => String(row[k]))]);
  return csvFormatRows(rows) + '\n';
}
