/**
 * `frontline <command>`: every command is declared here once (name, options,
 * help) and implemented in its own module under commands/. `run` takes the
 * arguments and an Io, so tests run commands in memory.
 */
import { parseArgs } from 'node:util';
import { SOURCE_NAME } from '../lib/datafolder/provenance';
import { PLACE_ZONES } from '../lib/engine/places';
import { CONTROL_KINDS } from '../lib/engine/rules';
import { STRIP_MAX_KM } from '../lib/engine/scenarios';
import { api } from './commands/api';
import { areas } from './commands/areas';
import { ingest } from './commands/ingest';
import { places } from './commands/places';
import { regions } from './commands/regions';
import { scenario } from './commands/scenario';
import { update } from './commands/update';
import { describeFailure } from './failure';
import type { Io } from './io';
import { safeText } from './terminal';

type OptionSpec = { type: 'string' | 'boolean'; help: string };

interface Command {
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Resolves to the exit code when it is not 0 without an error (update: some revisions skipped). */
  run(values: Record<string, string | boolean | undefined>, io: Io): Promise<void | number>;
}

/** Ingest and update take the same boundaries option (update checks it is the folder's own file). */
const BOUNDARIES: OptionSpec = {
  type: 'string',
  help: 'region boundaries GeoJSON (default: the built-in Minregion oblasts); a data folder keeps the file it was first ingested with',
};
const DATA: OptionSpec = { type: 'string', help: 'data folder (default: public/data, or $FRONTLINE_DATA)' };
const PACKAGE: OptionSpec = {
  type: 'string',
  help: 'write the table as a Frictionless Data Package into this new or empty folder: the CSV and its datapackage.json (schema, sources, method)',
};
const DATE_OPTS: Record<string, OptionSpec> = {
  date: { type: 'string', help: 'snapshot date, YYYY-MM-DD' },
  scenario: { type: 'string', help: 'scenario id (default status-quo)' },
  'scenario-file': { type: 'string', help: 'a scenario definition file instead of an id (its strip_km adds a strip)' },
  'strip-km': {
    type: 'string',
    help: `a demilitarised strip W km on each side of the line (0 < W <= ${STRIP_MAX_KM}), where the scenario keeps the line (a plan with its own strip: its regions)`,
  },
  raw: { type: 'boolean', help: 'plain overlay: keep border and coast slivers as they are' },
  kind: { type: 'string', help: 'which snapshots: any (daily preferred), daily or raw' },
  data: DATA,
};

/**
 * Every command, declared once: its summary and usage for --help, its options for the parser, and what it runs.
 */
export const COMMANDS: Record<string, Command> = {
  ingest: {
    summary: `read ${SOURCE_NAME} snapshots and write the normalized data folder`,
    usage: 'frontline ingest --source DIR|FILE|URL [--boundaries FILE] [--data DIR] [--replace] [--rebuild]',
    options: {
      source: { type: 'string', help: 'a folder (searched recursively), a .geojson file, or an http(s) URL' },
      boundaries: BOUNDARIES,
      replace: { type: 'boolean', help: 'drop snapshots already in the data folder that this source does not have' },
      rebuild: {
        type: 'boolean',
        help: 'make a damaged or incompatible data folder anew from this source alone (drops the snapshots only it had)',
      },
      data: DATA,
    },
    run: (v, io) => ingest(v, io),
  },
  update: {
    summary: `fetch ${SOURCE_NAME}'s new revisions (one a day, with the grey zone and the day's note) and ingest them`,
    usage: 'frontline update [--api URL] [--since YYYY-MM-DD] [--data DIR] [--boundaries FILE]',
    options: {
      api: { type: 'string', help: `${SOURCE_NAME} history API (default https://deepstatemap.live/api/history)` },
      since: { type: 'string', help: 'first day to fetch, YYYY-MM-DD (default: the day after the newest snapshot)' },
      boundaries: BOUNDARIES,
      data: DATA,
    },
    run: (v, io) => update(v, io),
  },
  areas: {
    summary: 'area held by each side, per region and group, for a date or a range',
    usage:
      'frontline areas --date YYYY-MM-DD [--scenario ID|all] [--strip-km W] [--format json|csv] [--raw] [--datapackage DIR]\n       frontline areas --from D --to D [--scenario ID|all] [--strip-km W] [--format json|csv] [--datapackage DIR]',
    options: {
      ...DATE_OPTS,
      scenario: { type: 'string', help: 'scenario id, or all (default status-quo)' },
      from: { type: 'string', help: 'first date of a range' },
      to: { type: 'string', help: 'last date of a range' },
      format: { type: 'string', help: 'json (default) or csv' },
      datapackage: PACKAGE,
    },
    run: (v, io) => areas(v, io),
  },
  regions: {
    summary: 'the region boundaries in use, with property id',
    usage: 'frontline regions [--format geojson|json|csv] [--boundaries FILE]',
    options: {
      format: { type: 'string', help: 'geojson (default), json or csv' },
      boundaries: { type: 'string', help: "show this boundaries file instead of the data set's" },
      data: DATA,
    },
    run: (v, io) => regions(v, io),
  },
  scenario: {
    summary: `a scenario's geometry on a date (control: ${CONTROL_KINDS.join('|')})`,
    usage: 'frontline scenario --date YYYY-MM-DD --scenario ID [--strip-km W] [--format geojson] [--raw]',
    options: { ...DATE_OPTS, format: { type: 'string', help: 'geojson (the only format)' } },
    run: (v, io) => scenario(v, io),
  },
  places: {
    summary: `towns that change hands under a scenario on a date (zone: ${PLACE_ZONES.join('|')}), with pre-war population`,
    usage: `frontline places --date YYYY-MM-DD --scenario ID|--scenario-file F [--zone ${PLACE_ZONES.join('|')}] [--format json|csv] [--datapackage DIR]`,
    options: {
      date: DATE_OPTS.date,
      scenario: { type: 'string', help: 'scenario id (default status-quo, which moves no town)' },
      'scenario-file': DATE_OPTS['scenario-file'],
      zone: { type: 'string', help: `only this zone: ${PLACE_ZONES.join(', ')} (default: all)` },
      format: { type: 'string', help: 'json (default) or csv' },
      kind: DATE_OPTS.kind,
      data: DATA,
      datapackage: PACKAGE,
    },
    run: (v, io) => places(v, io),
  },
  api: {
    summary: "the published site's static API (api/v1): areas per date, the whole series, its data package",
    usage: 'frontline api --out DIR [--data DIR]',
    options: {
      out: { type: 'string', help: 'a new or empty folder, or one this command wrote (the build writes dist/api/v1)' },
      data: DATA,
    },
    run: (v, io) => api(v, io),
  },
};

function help(name?: string): string {
  if (name && Object.hasOwn(COMMANDS, name)) {
    const c = COMMANDS[name];
    const opts = Object.entries(c.options).map(([k, o]) => `  --${k.padEnd(15)} ${o.help}`);
    return `${c.summary}\n\nusage: ${c.usage}\n\noptions:\n${opts.join('\n')}\n  --help            this help\n`;
  }
  const list = Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(10)} ${c.summary}`);
  return `frontline: peace-plan scenarios for Russia's war on Ukraine, in km²\n\nusage: frontline <command> [options]\n\ncommands:\n${list.join('\n')}\n\n'frontline <command> --help' for a command's options. Data: ${SOURCE_NAME}.\n`;
}

/**
 * Run the CLI; returns the exit code (0 ok, 1 failure, 2 usage error). It
 * never throws and never prints a stack: every failure is one line (see
 * failure.ts), with the text from outside escaped for the terminal.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help(rest[0]));
    return name ? 0 : 2;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`frontline: unknown command "${safeText(name, 100)}" (commands: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        ...Object.fromEntries(Object.entries(command.options).map(([k, o]) => [k, { type: o.type }])),
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(help(name));
      return 0;
    }
    return (await command.run(values as Record<string, string | boolean | undefined>, io)) ?? 0;
  } catch (e) {
    const failure = describeFailure(e, `frontline ${name}`, argv, command.usage);
    // Writing the message may itself fail (stderr closed): the exit code still tells.
    try {
      if (failure.line) io.err(failure.line);
    } catch {
      /* nothing left to tell it to */
    }
    return failure.code;
  }
}
