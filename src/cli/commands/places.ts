/** `frontline places`: the towns that change hands under a scenario on a date. */
import type { FeatureCollection } from 'geojson';
import { snapshotOn } from '../../lib/datafolder/manifest';
import { placesCredit, sourceOf } from '../../lib/datafolder/provenance';
import { InputError } from '../../lib/engine/errors';
import { ControlIndex, PLACE_ZONES, placesChangingHands, type PlaceZone } from '../../lib/engine/places';
import { placesToCsv, placesToJson } from '../../lib/datafolder/placesTable';
import { checkOrdlo } from '../../lib/engine/report';
import { checkFormat } from '../format';
import { loadPlacesFile } from '../gazetteer';
import { readJsonFile, UsageError, type Io } from '../io';
import { insideDataFolder, openDataFolder } from '../store';
import { placesPackage, packageJson, tableStem } from '../../lib/datafolder/datapackage';
import { areaReport } from '../../lib/engine/report';
import { DESCRIPTOR, writeOwnFolder } from '../packageFolder';
import { checkKind, checkPackageFormat, chooseScenarios } from '../options';

/**
 * `frontline places`'s options (see COMMANDS in ../main.ts).
 */
export interface PlacesOptions {
  date?: string;
  scenario?: string;
  'scenario-file'?: string;
  zone?: string;
  format?: string;
  kind?: string;
  data?: string;
  datapackage?: string;
}

function checkZone(value: string | undefined): PlaceZone | undefined {
  if (value === undefined) return undefined;
  if (!PLACE_ZONES.includes(value as PlaceZone))
    throw new UsageError(`--zone must be one of ${PLACE_ZONES.join(', ')}, not "${value}"`);
  return value as PlaceZone;
}

/**
 * `frontline places`: the towns a scenario moves on a date (buffer, ceded, returned), as JSON or CSV.
 */
export async function places(opts: PlacesOptions, io: Io): Promise<void> {
  checkPackageFormat(opts);
  const format = checkFormat(opts.format, ['json', 'csv'], 'json');
  if (!opts.date) throw new UsageError('places needs --date YYYY-MM-DD');
  const zone = checkZone(opts.zone);
  const [def] = chooseScenarios(opts, false);
  const ds = openDataFolder(opts.data, io);
  const entry = snapshotOn(ds.manifest, opts.date, checkKind(opts.kind));
  checkOrdlo(ds.manifest, def);
  const gazetteer = loadPlacesFile(ds.dir, ds.manifest.boundaries.sha256);
  const ordlo = (): FeatureCollection['features'] => {
    const file = insideDataFolder(ds.dir, ds.manifest.ordlo!.file);
    const fc = readJsonFile(file) as FeatureCollection;
    if (!fc || !Array.isArray(fc.features))
      throw new InputError(file, 'not a GeoJSON FeatureCollection: run ingest again');
    return fc.features;
  };
  const pieces = [...ds.chunks.frame('history', entry).features, ...(ds.manifest.ordlo ? ordlo() : [])];
  const all = placesChangingHands(def, gazetteer.places, new ControlIndex(pieces));
  const rows = zone ? all.rows.filter((r) => r.zone === zone) : all.rows;
  // A reader's own file is credited as itself, as in `frontline areas`.
  const source = sourceOf(entry);
  const table = (): string =>
    placesToCsv({ date: entry.date, scenario: def.id, kind: source.kind }, rows, placesCredit(source.name, gazetteer));
  if (opts.datapackage !== undefined) {
    const csv = `${tableStem([def], [entry.date])}-places.csv`;
    // The package's provenance needs the report, not a strip (towns are counted without one).
    const { strip_km: _, ...noStrip } = def;
    const report = areaReport(ds.manifest, ds.stats, entry, noStrip);
    const descriptor = packageJson(placesPackage(report, def, gazetteer, csv));
    writeOwnFolder(opts.datapackage, { [csv]: table(), [DESCRIPTOR]: descriptor }, '--datapackage');
    io.err(`wrote ${opts.datapackage}: ${csv} (${rows.length} rows) and ${DESCRIPTOR}\n`);
  } else if (format === 'csv') io.out(table());
  else
    io.out(
      placesToJson(
        { date: entry.date, scenario: def.id, source, boundaries: ds.manifest.boundaries },
        gazetteer,
        rows,
        zone,
      ),
    );
}
