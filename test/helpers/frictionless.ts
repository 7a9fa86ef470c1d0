/**
 * Checks a Data Package the way an analyst's tools would: the descriptor
 * against the Frictionless JSON Schemas (ajv, draft-04), each CSV against its
 * Table Schema (header, types, required, enum, range, primary key), and the
 * CSV through pandas (`read_csv(path)` with no arguments) with the column
 * types the schema promises.
 */
import Ajv from 'ajv-draft-04';
import { csvParseRows } from 'd3-dsv';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

const schemas = join(ROOT, 'test', 'schemas', 'frictionless');
const ajv = new Ajv({ allErrors: true, strict: false });
const packageProfile = ajv.compile(JSON.parse(readFileSync(join(schemas, 'tabular-data-package.json'), 'utf8')));
const tableProfile = ajv.compile(JSON.parse(readFileSync(join(schemas, 'table-schema.json'), 'utf8')));

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number; maximum?: number };
}
interface Schema {
  fields: Field[];
  primaryKey?: string[];
}

/** Problems of a descriptor against the Tabular Data Package and Table Schema profiles (empty: valid). */
export function packageProblems(descriptor: unknown): string[] {
  const out: string[] = [];
  if (!packageProfile(descriptor))
    out.push(...(packageProfile.errors ?? []).map((e) => `package ${e.instancePath} ${e.message}`));
  const resources = (descriptor as { resources?: { schema?: unknown }[] }).resources ?? [];
  for (const [i, r] of resources.entries())
    if (!tableProfile(r.schema))
      out.push(...(tableProfile.errors ?? []).map((e) => `resources/${i}/schema${e.instancePath} ${e.message}`));
  return out;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^-?\d+$/;

function cellProblem(f: Field, v: string): string | undefined {
  if (v === '') return f.constraints?.required ? 'required but empty' : undefined;
  if (f.type === 'number' && !NUMBER.test(v)) return `not a number: ${v}`;
  if (f.type === 'integer' && !INTEGER.test(v)) return `not an integer: ${v}`;
  if (f.type === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)))
    return `not a date: ${v}`;
  const c = f.constraints;
  if (c?.enum && !c.enum.includes(v)) return `not one of ${c.enum.join('|')}: ${v}`;
  if (c?.minimum !== undefined && Number(v) < c.minimum) return `below ${c.minimum}: ${v}`;
  if (c?.maximum !== undefined && Number(v) > c.maximum) return `above ${c.maximum}: ${v}`;
  return undefined;
}

/** Problems of a CSV's text against its Table Schema (empty: valid); at most `max` are listed. */
export function csvProblems(text: string, schema: Schema, max = 10): string[] {
  const out: string[] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (!body.endsWith('\n')) out.push('no newline at the end');
  const [header, ...rows] = csvParseRows(body.trimEnd());
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names))
    return [`header ${header?.join(',')} is not ${names.join(',')}`];
  const keys = new Set<string>();
  const pk = (schema.primaryKey ?? []).map((k) => names.indexOf(k));
  for (const [i, row] of rows.entries()) {
    if (out.length >= max) break;
    if (row.length !== names.length) out.push(`row ${i + 2}: ${row.length} cells, not ${names.length}`);
    for (const [j, f] of schema.fields.entries()) {
      const p = cellProblem(f, row[j] ?? '');
      if (p) out.push(`row ${i + 2} ${f.name}: ${p}`);
    }
    if (pk.length) {
      const key = pk.map((j) => row[j]).join('\u0000');
      if (keys.has(key)) out.push(`row ${i + 2}: primary key repeated`);
      keys.add(key);
    }
  }
  if (rows.length === 0) out.push('no rows');
  return out;
}

/** Whether Debian's python3-pandas is there (.ci/run installs it). */
export const HAVE_PANDAS = spawnSync('/usr/bin/python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
/** Why a pandas check was skipped; in CI a missing pandas fails instead (see the tests). */
export const NO_PANDAS = 'python3-pandas is not installed (apt-get install -y python3-pandas)';

/** What pandas makes of a CSV read with no arguments: row count and each column's dtype. */
export function pandasRead(path: string): { rows: number; dtypes: Record<string, string> } {
  const script =
    'import sys, json, pandas as pd\ndf = pd.read_csv(sys.argv[1])\nprint(json.dumps({"rows": len(df), "dtypes": {c: str(t) for c, t in df.dtypes.items()}}))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' })) as {
    rows: number;
    dtypes: Record<string, string>;
  };
}

/** The pandas dtypes a Table Schema type may come out as (a number column of whole numbers reads as int64). */
export function dtypeFits(type: string, dtype: string): boolean {
  if (type === 'number') return dtype === 'float64' || dtype === 'int64';
  if (type === 'integer') return dtype === 'int64';
  return dtype === 'object' || dtype === 'str' || dtype === 'string';
}
