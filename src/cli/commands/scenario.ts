/** `frontline scenario`: a scenario's geometry on a date, as GeoJSON. */
import { snapshotOn } from '../../lib/datafolder/manifest';
import { overlayerFor } from '../boundaries';
import { scenarioFeatures, scenarioPieces } from '../../lib/engine/scenarioGeometry';
import { scenarioStrip, stripFeatures } from '../../lib/engine/strip';
import { checkFormat } from '../format';
import { UsageError, type Io } from '../io';
import { openDataFolder, loadOrdlo, readRegions, loadSnapshotLayers, loadStripInput } from '../store';
import { checkKind, chooseScenarios, type DatedOptions } from '../options';
import { scenarioMetadata } from '../../lib/datafolder/provenance';

/** `frontline scenario`'s options (see COMMANDS in ../main.ts). */
export type ScenarioOptions = DatedOptions;

/**
 * `frontline scenario`: a scenario's geometry on a date as GeoJSON, at full precision, with its provenance.
 */
export async function scenario(opts: ScenarioOptions, io: Io): Promise<void> {
  checkFormat(opts.format, ['geojson'], 'geojson');
  if (!opts.date) throw new UsageError('scenario needs --date YYYY-MM-DD');
  const [def] = chooseScenarios(opts, false);
  const ds = openDataFolder(opts.data, io);
  const entry = snapshotOn(ds.manifest, opts.date, checkKind(opts.kind));
  const regions = readRegions(ds);
  const layers = loadSnapshotLayers(ds, entry);
  const overlayer = overlayerFor(regions);
  const geometry = overlayer.geometry({ occupied: layers.occupied ?? [], contested: layers.contested ?? [] });
  const fc = scenarioFeatures(scenarioPieces(def, regions, geometry, loadOrdlo(ds), Boolean(opts.raw)));
  // The strip lies over the pieces (it does not change who holds what): its own features, layer 'strip'.
  const computed = def.strip_km === undefined ? null : scenarioStrip(loadStripInput(ds, entry), def);
  const strip = computed ? stripFeatures(computed) : [];
  const out = {
    ...fc,
    features: [...fc.features, ...strip],
    // RFC 7946 forbids `properties` on a FeatureCollection: provenance is a foreign member.
    metadata: scenarioMetadata(entry.date, def.id, entry, ds.manifest.boundaries),
  };
  io.out(JSON.stringify(out) + '\n');
}
