// Over 300 lines: one command's steps, each a named function, in the order ingestLocked runs them (old-folder checks are in ../folderGuard.ts, chunk sets in ../history.ts).
/**
 * `frontline ingest`: read snapshots, overlay them on the boundaries, and
 * write the normalized data folder. Everything is built in a temporary folder
 * that replaces the old one only when all of it is written; an unchanged
 * snapshot (same file, boundaries and engine) is taken from the old folder,
 * not recomputed, so running ingest again on the same input changes nothing.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAWN_LAYERS, drawnFeatures, SOURCE_LAYERS } from '../../lib/datafolder/historyCodec';
import {
  checkDate,
  DATASET_FORMAT,
  ENGINE_VERSION,
  packOverlays,
  type Manifest,
  type Note,
  type SnapshotEntry,
  type Stats,
} from '../../lib/datafolder/manifest';
import { SOURCE_NAME } from '../../lib/datafolder/provenance';
import { InputError } from '../../lib/engine/errors';
import { displayRegions, ordloPieces } from '../../lib/engine/display';
import { areasByRegion, SLIVER_WIDTH_KM } from '../../lib/engine/overlay';
import { toMultiPolygon, type Paths } from '../../lib/engine/polygons';
import { REGION_IDS } from '../../lib/engine/regions';
import { parseSnapshot } from '../../lib/engine/snapshot';
import { layerFeature, snapshotFeatures } from '../../lib/engine/snapshotFeatures';
import { loadBoundaries, overlayerFor, type Boundaries } from '../boundaries';
import { checkOwnFolder, lockFolder, previousFolder, recoverFolder, siblingOf, swapIn } from '../folderGuard';
import { CREDITS_FILE, creditsText } from '../credits';
import { buildGazetteer, reusablePlaces } from '../gazetteer';
import { PLACES_FILE, type PlacesFile } from '../../lib/engine/places';
import { Progress, parseJson, sha256, UsageError, writeFileAtomic, type Io } from '../io';
import { writeChunkSets } from '../history';
import { carryNotes } from '../notes';
import { collectSources, sourceDate, type SourceFile } from '../sources';
import { safeText } from '../terminal';
import { dataDir, featureCollection, insideDataFolder, isWithin, regionsFile, type DataFolder } from '../store';

/**
 * `frontline ingest`'s options (see COMMANDS in ../main.ts), and what `frontline update` hands it.
 */
export interface IngestOptions {
  source?: string;
  boundaries?: string;
  data?: string;
  replace?: boolean;
  /** Replace a damaged or incompatible data folder even when that drops snapshots only it had. */
  rebuild?: boolean;
  /** Sources already gathered (`frontline update`'s downloads), instead of `source`. */
  sources?: SourceFile[];
  /** Notes of the day to add to the data folder's notes.json, per date. */
  notes?: Record<string, Note>;
}

/**
 * Ingest `--source` (or update's downloads) into the data folder: checks, one writer at a time, then the run.
 */
export async function ingest(opts: IngestOptions, io: Io): Promise<void> {
  if (!opts.source && !opts.sources) throw new UsageError('ingest needs --source DIR|FILE|URL');
  const out = dataDir(opts.data);
  checkOwnFolder(out);
  if (opts.source && !/^[a-z][a-z0-9+.-]*:\/\//i.test(opts.source) && isWithin(out, opts.source))
    throw new InputError(
      '--data',
      `${safeText(out)} is inside the --source folder (or is it): ingest would read its own output; give a data folder elsewhere`,
    );
  const boundaries = loadBoundaries(opts.boundaries);
  const sources = opts.sources ?? (await collectSources(opts.source!));
  const lock = lockFolder(out);
  try {
    for (const said of recoverFolder(out)) io.err(`note: ${said}\n`);
    await ingestLocked(opts, io, out, boundaries, sources);
  } finally {
    lock.release();
  }
}

async function ingestLocked(
  opts: IngestOptions,
  io: Io,
  out: string,
  boundaries: Boundaries,
  sources: SourceFile[],
): Promise<void> {
  const previous = previousFolder(out, Boolean(opts.rebuild));
  const reusable = reusableFolder(previous, boundaries, opts, sources, out, io);
  const tmp = siblingOf(out, 'tmp');
  rmSync(tmp, { recursive: true, force: true });
  // What this run computes, one file per snapshot, until it is encoded into the chunks (removed before the swap).
  const scratch = join(tmp, 'scratch');
  mkdirSync(scratch, { recursive: true });
  try {
    const run = await computeSnapshots(sources, boundaries, reusable, Boolean(opts.replace), scratch, io);
    const snapshots = [...run.entries.values()].sort((a, b) => a.id.localeCompare(b.id));
    const ordlo = await writeOrdlo(snapshots, run.newestOrdlo, sources, boundaries, tmp, out, previous, reusable);
    const chunks = writeChunkSets(tmp, scratch, snapshots, reusable, out);
    const manifest: Manifest = {
      format: DATASET_FORMAT,
      engine: ENGINE_VERSION,
      attribution: SOURCE_NAME,
      boundaries: {
        name: boundaries.name,
        sha256: boundaries.sha256,
        ...(boundaries.attribution ? { attribution: boundaries.attribution } : {}),
      },
      sliver_width_km: SLIVER_WIDTH_KM,
      ordlo,
      snapshots,
      history: chunks.history,
      layers: chunks.layers,
    };
    const notes = carryNotes(out, tmp, opts.notes, new Set(snapshots.map((e) => e.date)), io);
    if (notes) manifest.notes = notes;
    const gazetteer = writeFolderFiles(tmp, out, manifest, boundaries, run.overlays, reusable);
    // Only now, with manifest.json written: until then `scratch` is what marks tmp as ours for recoverFolder.
    rmSync(scratch, { recursive: true, force: true });

    // Swap the folders: the old data set stays whole until the new one is complete.
    swapIn(tmp, out);
    io.err(
      `ingested ${snapshots.length} snapshots into ${safeText(out)} (${run.computed} computed, ${snapshots.length - run.computed} unchanged), boundaries ${safeText(boundaries.name)}; history: ${chunks.history.length} chunks (${chunks.written} encoded); ${gazetteer.file.places.length} places (GeoNames)${gazetteer.skipped.length ? `, ${gazetteer.skipped.length} outside every region left out: ${safeText(gazetteer.skipped.join(', '))}` : ''}\n`,
    );
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The old folder, when its figures can be copied forward (same engine and
 * boundaries). An incompatible one is rebuilt from this source alone, which
 * must not silently drop the snapshots only the old folder had.
 */
function reusableFolder(
  previous: DataFolder | undefined,
  boundaries: Boundaries,
  opts: IngestOptions,
  sources: readonly SourceFile[],
  out: string,
  io: Io,
): DataFolder | undefined {
  const reusable =
    previous && previous.manifest.engine === ENGINE_VERSION && previous.manifest.boundaries.sha256 === boundaries.sha256
      ? previous
      : undefined;
  if (previous && !reusable && !opts.replace && previous.manifest.snapshots.length > 0) {
    // Nothing of an incompatible folder can be reused: only this source's snapshots would be left.
    const incoming = new Set(
      sources
        .map((s) => sourceDate(s))
        .filter((d) => d !== undefined)
        .map((d) => (d!.kind === 'daily' ? d!.date : `${d!.date}-${d!.kind}`)),
    );
    const lost = previous.manifest.snapshots.filter((e) => !incoming.has(e.id));
    const why =
      previous.manifest.engine !== ENGINE_VERSION
        ? `engine ${previous.manifest.engine} (this is ${ENGINE_VERSION})`
        : `other boundaries (${safeText(previous.manifest.boundaries.name)})`;
    if (lost.length > 0 && !opts.rebuild)
      throw new InputError(
        out,
        `was made with ${why}, so it must be rebuilt, and this source lacks ${lost.length} of its ${previous.manifest.snapshots.length} snapshots: ingest the full source again, or give --rebuild to keep only this source's (nothing was changed)`,
      );
    io.err(`note: ${safeText(out)} was made with ${why}: rebuilding it from this source\n`);
  }
  return reusable;
}

/** What computeSnapshots leaves for the rest of the run. */
interface ComputedSnapshots {
  entries: Map<string, SnapshotEntry>;
  /** Per snapshot id, per region: [occupied, contested, sliver] km² (stats.json). */
  overlays: Record<string, [number, number, number][]>;
  /** How many snapshots were computed (the rest were unchanged). */
  computed: number;
  /** The newest ORDLO layer among the files this run parsed. */
  newestOrdlo?: { id: string; paths: Paths };
}

/**
 * Every source file overlaid on the boundaries, in date order: an unchanged
 * one (same bytes) keeps the old folder's figures; a new one writes its
 * features to `scratch` for the chunk encoder.
 */
async function computeSnapshots(
  sources: readonly SourceFile[],
  boundaries: Boundaries,
  reusable: DataFolder | undefined,
  replace: boolean,
  scratch: string,
  io: Io,
): Promise<ComputedSnapshots> {
  const entries = new Map<string, SnapshotEntry>();
  const overlays: Record<string, [number, number, number][]> = {};
  // Keep what the old data set had (unless --replace): adding one day from a URL must not drop the history.
  if (reusable && !replace) {
    for (const e of reusable.manifest.snapshots) {
      entries.set(e.id, e);
      overlays[e.id] = reusable.stats.overlays[e.id];
    }
  }
  const overlayer = overlayerFor(boundaries.regions);
  // Date order: consecutive days share most of their geometry, which the overlay cache exploits.
  const dated = sources.map((s) => ({ s, d: sourceDate(s) }));
  for (const { s, d } of dated) {
    if (!d)
      throw new InputError(
        s.name,
        'cannot tell the snapshot date from the file name (expected deepstatemap_data_YYYYMMDD.geojson, <unix-seconds>.geojson or a YYYY-MM-DD in the name)',
      );
    checkDate(d.date, s.name);
  }
  dated.sort((a, b) => a.d!.date.localeCompare(b.d!.date) || a.s.name.localeCompare(b.s.name));
  const seenIn = new Map<string, string>();
  const progress = new Progress(io, 'ingest', dated.length);
  let computed = 0;
  let newestOrdlo: { id: string; paths: Paths } | undefined;
  for (const [i, { s, d }] of dated.entries()) {
    const id = d!.kind === 'daily' ? d!.date : `${d!.date}-${d!.kind}`;
    if (seenIn.has(id)) throw new InputError(s.name, `is the same snapshot (${id}) as ${seenIn.get(id)}`);
    seenIn.set(id, s.name);
    const text = await s.read();
    const hash = sha256(text);
    const old = reusable?.manifest.snapshots.find((e) => e.id === id);
    if (old && old.source_sha256 === hash) {
      entries.set(id, { ...old, source: s.name });
      overlays[id] = reusable!.stats.overlays[id];
      progress.tick(i + 1, id);
      continue;
    }
    const snap = parseSnapshot(parseJson(text, s.name), s.name, d!.date);
    const { overlays: regionOverlays, features } = snapshotFeatures(boundaries.regions, overlayer, snap);
    // One scratch file per chunk set: each is read back once, by the set that encodes it.
    writeFileSync(
      join(scratch, `${id}.history.json`),
      featureCollection(drawnFeatures({ type: 'FeatureCollection', features }, id, DRAWN_LAYERS)),
    );
    writeFileSync(
      join(scratch, `${id}.layers.json`),
      featureCollection(drawnFeatures({ type: 'FeatureCollection', features }, id, SOURCE_LAYERS)),
    );
    entries.set(id, { id, date: snap.date, kind: d!.kind, source: s.name, source_sha256: hash, layers: snap.layers });
    overlays[id] = packOverlays(regionOverlays);
    if (snap.ordlo.length && (!newestOrdlo || id > newestOrdlo.id)) newestOrdlo = { id, paths: snap.ordlo };
    computed++;
    progress.tick(i + 1, id);
  }
  return { entries, overlays, computed, newestOrdlo };
}

/**
 * ORDLO: the newest raw file that has the layer (DeepState refined it after
 * April 2022), parsed again if this run did not; else the old folder's copy.
 */
async function writeOrdlo(
  snapshots: readonly SnapshotEntry[],
  newestOrdlo: ComputedSnapshots['newestOrdlo'],
  sources: readonly SourceFile[],
  boundaries: Boundaries,
  tmp: string,
  out: string,
  previous: DataFolder | undefined,
  reusable: DataFolder | undefined,
): Promise<Manifest['ordlo']> {
  const newestWithOrdlo = [...snapshots].reverse().find((e) => (e.layers.ordlo ?? 0) > 0);
  if (!newestWithOrdlo) return null;
  let paths = newestOrdlo?.id === newestWithOrdlo.id ? newestOrdlo.paths : undefined;
  if (!paths) {
    const src = sources.find((s) => s.name === newestWithOrdlo.source);
    paths = src
      ? parseSnapshot(parseJson(await src.read(), src.name), src.name, newestWithOrdlo.date).ordlo
      : undefined;
  }
  if (paths) {
    const km2 = areasByRegion(boundaries.regions, paths);
    for (const k of Object.keys(km2)) km2[k] = Math.round(km2[k] * 1e4) / 1e4;
    const props = { snapshot: newestWithOrdlo.id, source: SOURCE_NAME };
    writeFileAtomic(
      join(tmp, 'ordlo.geojson'),
      featureCollection([
        layerFeature('ordlo', toMultiPolygon(paths), props),
        ...ordloPieces(boundaries.regions, paths).map((f) => ({ ...f, properties: { ...f.properties, ...props } })),
      ]),
    );
    return { snapshot: newestWithOrdlo.id, file: 'ordlo.geojson', km2 };
  }
  if (previous?.manifest.ordlo && reusable) {
    copyFileSync(insideDataFolder(out, previous.manifest.ordlo.file), join(tmp, 'ordlo.geojson'));
    return previous.manifest.ordlo;
  }
  return null;
}

/**
 * The folder's other files: stats, regions, the towns (taken from the old
 * folder when made the same way: a second or two to build), CREDITS.md and,
 * last, the manifest.
 */
function writeFolderFiles(
  tmp: string,
  out: string,
  manifest: Manifest,
  boundaries: Boundaries,
  overlays: ComputedSnapshots['overlays'],
  reusable: DataFolder | undefined,
): { file: PlacesFile; skipped: string[] } {
  const stats: Stats = {
    engine: ENGINE_VERSION,
    boundaries_sha256: boundaries.sha256,
    regions: [...REGION_IDS],
    area_km2: boundaries.regions.map((r) => Math.round(r.area_km2 * 1e4) / 1e4),
    overlays: Object.fromEntries(manifest.snapshots.map((e) => [e.id, overlays[e.id]])),
  };
  writeFileAtomic(join(tmp, 'regions.geojson'), regionsFile(boundaries.regions));
  writeFileAtomic(join(tmp, 'regions-display.geojson'), featureCollection(displayRegions(boundaries.regions)));
  writeFileAtomic(join(tmp, 'stats.json'), JSON.stringify(stats) + '\n');
  const kept = reusable && reusablePlaces(out, manifest.boundaries);
  const gazetteer = kept ? { file: kept, skipped: [] } : buildGazetteer(boundaries.regions, manifest.boundaries);
  writeFileAtomic(join(tmp, PLACES_FILE), JSON.stringify(gazetteer.file) + '\n');
  writeFileAtomic(join(tmp, CREDITS_FILE), creditsText(manifest, gazetteer.file));
  writeFileAtomic(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return gazetteer;
}
