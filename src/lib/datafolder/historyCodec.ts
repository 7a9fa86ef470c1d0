// Over 300 lines: the chunk format's encoder and decoder side by side, so that a change to one is made to the other (the format is described once, below).
/**
 * The map's history in compact chunks. A timeline that plays every snapshot
 * would otherwise fetch one ~167 KB snapshot file per day, although DeepState
 * edits the line locally and consecutive days share nearly every vertex.
 *
 * A chunk holds the drawn features (`piece` and `frontline` layers: the only
 * ones the map reads from a snapshot) of consecutive snapshots of one series:
 * its first frame is written out whole, every later frame as operations on
 * the frame before it. Per frame, an array of integers (`ops`):
 *
 * ```
 * frame    := featureCount feature*
 * feature  := 0 j                     same geometry and properties template as feature j of the previous frame
 *           | type tpl scale shape seq*
 * type     := 1 (MultiPolygon) | 2 (MultiLineString)
 * tpl      := index into the chunk's `props` templates
 * scale    := s: literal coordinates are integers in units of 10^-s degrees
 * shape    := MultiPolygon: polygonCount ringCount*   MultiLineString: lineCount
 * seq      := length op*              one ring or line; ops until `length` positions are out
 * op       := c>0 ref start           copy c positions of sequence `ref` of the previous frame from `start`
 *           | c<0 (dx dy)*(-c)        -c new positions, each a delta from the feature's cursor
 * ```
 *
 * Sequences of a frame are numbered in order over all its features (copied
 * features included). The cursor starts at (0, 0) for each feature and moves
 * to every position written (in integer units of the feature's scale), so
 * literal deltas are small. The scale is the finest number of decimals any of
 * the feature's coordinates has (5 for pieces, 7 for the line of contact), and
 * `n / 10^s` gives back exactly the number that was encoded.
 *
 * Every frame carries an FNV-1a checksum of its ops, so a corrupt chunk is
 * reported as such instead of drawing garbage. Decoded frames share position
 * arrays with the frames before them: treat them as read-only.
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';
import { InputError } from '../engine/errors';
import { SOURCE_NAME } from './provenance';

/**
 * A chunk file's `format`: what a reader checks first.
 */
export const HISTORY_FORMAT = 'frontline-history';
/** Bump when the encoding changes: ingest then rewrites every chunk. */
export const HISTORY_VERSION = 1;

/** The snapshot layers the map draws (see collectPieces and frontlineOf in src/lib/map/scenarioLayers.ts): the `history/` chunks. */
export const DRAWN_LAYERS: readonly string[] = ['piece', 'frontline'];
/** The source's own layers, which the CLI's geometry and the strip read: the `layers/` chunks. */
export const SOURCE_LAYERS: readonly string[] = ['occupied', 'contested'];

/**
 * The geometry of a drawn feature: map pieces and the line of contact.
 */
export type DrawnGeometry = MultiPolygon | MultiLineString;
/**
 * A feature a chunk holds.
 */
export type DrawnFeature = Feature<DrawnGeometry, Record<string, unknown>>;
/**
 * One snapshot's drawn features, decoded from a chunk.
 */
export type FrameCollection = FeatureCollection<DrawnGeometry, Record<string, unknown>>;

/** One snapshot's drawn features. */
export interface HistoryFrame {
  /** Snapshot id (`YYYY-MM-DD`, `YYYY-MM-DD-raw`, ...). */
  id: string;
  /** Snapshot date: feature properties equal to it are stored once per frame. */
  date: string;
  features: DrawnFeature[];
}

/** Feature properties shared by many frames; the keys in `dated` take each frame's date. */
export interface PropsTemplate {
  props: Record<string, unknown>;
  dated?: string[];
}

/**
 * One snapshot in a chunk: whole for the first, operations on the frame before for the rest.
 */
export interface EncodedFrame {
  id: string;
  date: string;
  /** FNV-1a (32 bit) of `ops`. */
  check: number;
  ops: number[];
}

/** A chunk file as stored (JSON). */
export interface HistoryChunk {
  format: typeof HISTORY_FORMAT;
  version: number;
  /** The chunk's name, e.g. `daily-2025-11`. */
  chunk: string;
  /** The snapshot kind of its frames (`daily`, `raw`, `custom`). */
  series: string;
  attribution: string;
  props: PropsTemplate[];
  frames: EncodedFrame[];
}

const SAME = 0;
const TYPE_MULTIPOLYGON = 1;
const TYPE_MULTILINESTRING = 2;
/** Finest scale tried for literal coordinates (Clipper's 1e-7° grid). */
const MAX_SCALE = 9;
/** Shortest run worth a copy op (3 integers) instead of literals (2 integers a position). */
const MIN_RUN = 2;
/** Candidates looked at per vertex: repeated vertices (closing points, shared borders) are few. */
const MAX_CANDIDATES = 8;

/** The chunk a snapshot belongs to: daily (and custom) snapshots by month, raw ones (monthly files) by year. */
export function chunkName(entry: { kind: string; date: string }): string {
  return `${entry.kind}-${entry.date.slice(0, entry.kind === 'raw' ? 4 : 7)}`;
}

/** The features of a snapshot whose layer is one of `layers` (by default those the map draws). */
export function drawnFeatures(
  fc: FeatureCollection<Geometry | null, Record<string, unknown> | null>,
  what: string,
  layers: readonly string[] = DRAWN_LAYERS,
): DrawnFeature[] {
  const out: DrawnFeature[] = [];
  for (const f of fc.features) {
    if (!layers.includes(String(f.properties?.layer))) continue;
    const g = f.geometry;
    if (!g || (g.type !== 'MultiPolygon' && g.type !== 'MultiLineString'))
      throw new InputError(
        what,
        `a ${String(f.properties?.layer)} feature has geometry ${g?.type ?? 'null'}, expected MultiPolygon or MultiLineString`,
      );
    out.push({ type: 'Feature', properties: f.properties ?? {}, geometry: g });
  }
  return out;
}

/** Append `items` to `to` one by one: a spread into push() overflows the stack past ~100,000 arguments (a long ring). */
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const x of items) to.push(x);
}

/** FNV-1a over the integers (each as two 32-bit halves), then the length. */
export function opsChecksum(ops: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const v of ops) {
    h = Math.imul(h ^ (v | 0), 0x01000193);
    h = Math.imul(h ^ (Math.floor(v / 4294967296) | 0), 0x01000193);
  }
  return Math.imul(h ^ ops.length, 0x01000193) >>> 0;
}

/** A geometry's rings or lines in order, and its shape (rings per polygon, or the line count). */
function sequencesOf(g: DrawnGeometry): { seqs: Position[][]; shape: number[] } {
  if (g.type === 'MultiPolygon')
    return { seqs: g.coordinates.flat(), shape: [g.coordinates.length, ...g.coordinates.map((p) => p.length)] };
  return { seqs: g.coordinates, shape: [g.coordinates.length] };
}

/** Fewest decimals that give back every coordinate exactly as `n / 10^s`. */
function scaleOf(seqs: readonly Position[][], what: string): number {
  let s = 0;
  const exact = (v: number, scale: number): boolean => Math.round(v * 10 ** scale) / 10 ** scale === v;
  for (const seq of seqs)
    for (const pos of seq) {
      if (pos.length !== 2) throw new InputError(what, `position ${JSON.stringify(pos)} does not have two coordinates`);
      for (const v of pos) {
        if (!Number.isFinite(v)) throw new InputError(what, `coordinate ${v} is not a number`);
        while (s <= MAX_SCALE && !exact(v, s)) s++;
        if (s > MAX_SCALE) throw new InputError(what, `coordinate ${v} has more than ${MAX_SCALE} decimals`);
      }
    }
  return s;
}

const vertexKey = (p: Position): string => `${p[0]},${p[1]}`;

/** What the encoder keeps of a frame: its features and sequences, with an index of where each vertex is. */
interface EncodedState {
  features: { tpl: number; key: string }[];
  seqs: Position[][];
  /** Vertex → [seq, pos, seq, pos, ...]. */
  where: Map<string, number[]>;
}

class ChunkEncoder {
  readonly templates: PropsTemplate[] = [];
  private templateIndex = new Map<string, number>();
  private prev: EncodedState | null = null;

  constructor(private readonly name: string) {}

  private template(props: Record<string, unknown>, date: string): number {
    const dated = Object.keys(props).filter((k) => props[k] === date);
    const t: PropsTemplate = dated.length
      ? { props: { ...props, ...Object.fromEntries(dated.map((k) => [k, null])) }, dated }
      : { props: { ...props } };
    const key = JSON.stringify(t);
    let i = this.templateIndex.get(key);
    if (i === undefined) {
      i = this.templates.length;
      this.templates.push(t);
      this.templateIndex.set(key, i);
    }
    return i;
  }

  encode(frame: HistoryFrame): EncodedFrame {
    const what = `${this.name}: ${frame.id}`;
    const ops: number[] = [frame.features.length];
    const state: EncodedState = { features: [], seqs: [], where: new Map() };
    const prev = this.prev;
    const prevFeature = new Map<string, number>();
    prev?.features.forEach((f, j) => {
      const k = `${f.tpl}|${f.key}`;
      if (!prevFeature.has(k)) prevFeature.set(k, j);
    });
    for (const f of frame.features) {
      const tpl = this.template(f.properties, frame.date);
      const key = JSON.stringify(f.geometry);
      const { seqs, shape } = sequencesOf(f.geometry);
      const same = prevFeature.get(`${tpl}|${key}`);
      if (same !== undefined) ops.push(SAME, same);
      else {
        const scale = scaleOf(seqs, what);
        ops.push(f.geometry.type === 'MultiPolygon' ? TYPE_MULTIPOLYGON : TYPE_MULTILINESTRING, tpl, scale);
        pushAll(ops, shape);
        const cursor = { x: 0, y: 0 };
        for (const seq of seqs) this.sequence(seq, scale, cursor, ops);
      }
      state.features.push({ tpl, key });
      for (const seq of seqs) {
        const r = state.seqs.length;
        state.seqs.push(seq);
        seq.forEach((p, i) => {
          const k = vertexKey(p);
          const at = state.where.get(k);
          if (!at) state.where.set(k, [r, i]);
          else if (at.length < 2 * MAX_CANDIDATES) at.push(r, i);
        });
      }
    }
    this.prev = state;
    return { id: frame.id, date: frame.date, check: opsChecksum(ops), ops };
  }

  /** The longest run of `seq` from `i` found in the previous frame. */
  private match(seq: readonly Position[], i: number): { ref: number; start: number; length: number } | null {
    const at = this.prev?.where.get(vertexKey(seq[i]));
    if (!at) return null;
    let best: { ref: number; start: number; length: number } | null = null;
    for (let c = 0; c < at.length; c += 2) {
      const src = this.prev!.seqs[at[c]];
      let n = 1;
      while (
        i + n < seq.length &&
        at[c + 1] + n < src.length &&
        src[at[c + 1] + n][0] === seq[i + n][0] &&
        src[at[c + 1] + n][1] === seq[i + n][1]
      )
        n++;
      if (!best || n > best.length) best = { ref: at[c], start: at[c + 1], length: n };
    }
    return best;
  }

  private sequence(seq: readonly Position[], scale: number, cursor: { x: number; y: number }, ops: number[]): void {
    const p = 10 ** scale;
    ops.push(seq.length);
    let literal: number[] = [];
    const flush = (): void => {
      if (literal.length) {
        ops.push(-literal.length / 2);
        pushAll(ops, literal);
      }
      literal = [];
    };
    const moveTo = (pos: Position): [number, number] => {
      const x = Math.round(pos[0] * p);
      const y = Math.round(pos[1] * p);
      const d: [number, number] = [x - cursor.x, y - cursor.y];
      cursor.x = x;
      cursor.y = y;
      return d;
    };
    for (let i = 0; i < seq.length;) {
      const m = this.match(seq, i);
      if (m && m.length >= MIN_RUN) {
        flush();
        ops.push(m.length, m.ref, m.start);
        moveTo(seq[i + m.length - 1]);
        i += m.length;
      } else {
        literal.push(...moveTo(seq[i]));
        i++;
      }
    }
    flush();
  }
}

/**
 * Encode consecutive frames of one series into a chunk. Frames must be in
 * order (the first is stored whole, the others as changes to the one before).
 */
export function encodeChunk(name: string, series: string, frames: readonly HistoryFrame[]): HistoryChunk {
  const enc = new ChunkEncoder(name);
  const encoded: EncodedFrame[] = [];
  for (const [i, f] of frames.entries()) {
    if (i > 0 && f.id <= frames[i - 1].id)
      throw new InputError(name, `frames out of order: ${f.id} after ${frames[i - 1].id}`);
    encoded.push(enc.encode(f));
  }
  return {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    chunk: name,
    series,
    attribution: SOURCE_NAME,
    props: enc.templates,
    frames: encoded,
  };
}

/** What the decoder keeps of a decoded frame. */
interface DecodedState {
  fc: FrameCollection;
  tpls: number[];
  /** Per feature, where its sequences start in `seqs`. */
  firstSeq: number[];
  seqs: Position[][];
}

/** Reads one frame's integers, each checked: a bad value is an error that names the chunk and frame. */
class OpReader {
  pos = 0;
  constructor(
    private readonly ops: readonly number[],
    private readonly fail: (msg: string) => never,
  ) {}
  int(): number {
    if (this.pos >= this.ops.length) this.fail('ends early (truncated)');
    const v = this.ops[this.pos++];
    if (!Number.isSafeInteger(v)) this.fail(`value ${JSON.stringify(v)} at ${this.pos - 1} is not an integer`);
    return v;
  }
  /** An integer in [0, limit). */
  below(limit: number, what: string): number {
    const v = this.int();
    if (v < 0 || v >= limit) this.fail(`${what} ${v} at ${this.pos - 1} is out of range (0..${limit - 1})`);
    return v;
  }
  done(): boolean {
    return this.pos === this.ops.length;
  }
}

/** Longest sequence a frame may declare: far above any real one, it keeps a corrupt count from allocating gigabytes. */
const MAX_SEQ = 1 << 22;

/**
 * A loaded chunk. Frames decode on demand, in order from the first, and are
 * kept: stepping through the chunk decodes each frame once, from the one
 * before it.
 */
export class HistoryChunkReader {
  readonly name: string;
  readonly series: string;
  /** Snapshot ids of the frames, in order. */
  readonly ids: readonly string[];
  private readonly chunk: HistoryChunk;
  private readonly decoded: DecodedState[] = [];

  /** `data` is the parsed chunk file; `name` (its path) is what errors name. */
  constructor(data: unknown, name: string) {
    this.name = name;
    const c = data as HistoryChunk;
    const bad = (msg: string): never => {
      throw new InputError(`history chunk ${name}`, msg);
    };
    if (!c || typeof c !== 'object') bad('is not a JSON object');
    if (c.format !== HISTORY_FORMAT) bad(`format ${JSON.stringify(c.format)} is not ${HISTORY_FORMAT}`);
    if (c.version !== HISTORY_VERSION)
      bad(`version ${JSON.stringify(c.version)}, this code reads ${HISTORY_VERSION}: run ingest again`);
    if (
      !Array.isArray(c.props) ||
      c.props.some(
        (t) => !t || typeof t.props !== 'object' || !t.props || (t.dated !== undefined && !Array.isArray(t.dated)),
      )
    )
      bad('has no valid props templates');
    if (!Array.isArray(c.frames) || c.frames.length === 0) bad('has no frames');
    for (const [i, f] of c.frames.entries()) {
      if (
        !f ||
        typeof f.id !== 'string' ||
        typeof f.date !== 'string' ||
        !Array.isArray(f.ops) ||
        typeof f.check !== 'number'
      )
        bad(`frame ${i} is malformed`);
      if (i > 0 && f.id <= c.frames[i - 1].id) bad(`frame ${f.id} is out of order`);
    }
    this.chunk = c;
    this.series = String(c.series);
    this.ids = c.frames.map((f) => f.id);
  }

  /** The frame of a snapshot id, as the map's FeatureCollection. */
  frame(id: string): FrameCollection {
    const index = this.ids.indexOf(id);
    if (index < 0) throw new InputError(`history chunk ${this.name}`, `has no frame ${id}`);
    while (this.decoded.length <= index) this.decoded.push(this.decodeFrame(this.decoded.length));
    return this.decoded[index].fc;
  }

  private decodeFrame(index: number): DecodedState {
    const f = this.chunk.frames[index];
    const fail = (msg: string): never => {
      throw new InputError(`history chunk ${this.name}`, `frame ${f.id}: ${msg}`);
    };
    if (opsChecksum(f.ops) !== f.check) fail('checksum mismatch (the chunk is corrupt)');
    const prev = index > 0 ? this.decoded[index - 1] : null;
    const r = new OpReader(f.ops, fail);
    const templates = this.chunk.props;
    const props = (tpl: number): Record<string, unknown> => {
      const t = templates[tpl];
      const p = { ...t.props };
      for (const k of t.dated ?? []) p[k] = f.date;
      return p;
    };
    const out: DecodedState = { fc: { type: 'FeatureCollection', features: [] }, tpls: [], firstSeq: [], seqs: [] };
    const count = r.below(MAX_SEQ, 'feature count');
    for (let n = 0; n < count; n++) {
      const type = r.int();
      out.firstSeq.push(out.seqs.length);
      if (type === SAME) {
        if (!prev) fail('the first frame refers to a previous one');
        const j = r.below(prev!.fc.features.length, 'feature');
        const g = prev!.fc.features[j].geometry;
        pushAll(out.seqs, sequencesOf(g).seqs);
        out.tpls.push(prev!.tpls[j]);
        out.fc.features.push({ type: 'Feature', properties: props(prev!.tpls[j]), geometry: g });
        continue;
      }
      if (type !== TYPE_MULTIPOLYGON && type !== TYPE_MULTILINESTRING) fail(`feature type ${type} is unknown`);
      const tpl = r.below(templates.length, 'props template');
      const scale = r.below(MAX_SCALE + 1, 'scale');
      const parts = r.below(MAX_SEQ, 'part count');
      const shape =
        type === TYPE_MULTIPOLYGON ? Array.from({ length: parts }, () => r.below(MAX_SEQ, 'ring count')) : [parts];
      const seqCount = type === TYPE_MULTIPOLYGON ? shape.reduce((a, b) => a + b, 0) : parts;
      const cursor = { x: 0, y: 0 };
      const seqs: Position[][] = [];
      for (let s = 0; s < seqCount; s++) seqs.push(this.sequence(r, prev, scale, cursor, fail));
      let at = 0;
      const geometry: DrawnGeometry =
        type === TYPE_MULTIPOLYGON
          ? { type: 'MultiPolygon', coordinates: shape.map((rings) => seqs.slice(at, (at += rings))) }
          : { type: 'MultiLineString', coordinates: seqs };
      pushAll(out.seqs, seqs);
      out.tpls.push(tpl);
      out.fc.features.push({ type: 'Feature', properties: props(tpl), geometry });
    }
    if (!r.done()) fail(`${f.ops.length - r.pos} values left over after the last feature`);
    return out;
  }

  private sequence(
    r: OpReader,
    prev: DecodedState | null,
    scale: number,
    cursor: { x: number; y: number },
    fail: (msg: string) => never,
  ): Position[] {
    const p = 10 ** scale;
    const length = r.below(MAX_SEQ, 'sequence length');
    let seq: Position[] = [];
    while (seq.length < length) {
      const c = r.int();
      if (c > 0) {
        if (!prev) fail('the first frame copies from a previous one');
        const ref = r.below(prev!.seqs.length, 'sequence');
        const src = prev!.seqs[ref];
        const start = r.below(src.length, 'start');
        if (start + c > src.length || seq.length + c > length)
          fail(`copy of ${c} positions from ${start} overruns a sequence`);
        // A whole unchanged ring keeps its array (and the next frame may keep it again).
        if (c === length && start === 0 && src.length === length) seq = src;
        else for (let k = start; k < start + c; k++) seq.push(src[k]);
        const last = src[start + c - 1];
        cursor.x = Math.round(last[0] * p);
        cursor.y = Math.round(last[1] * p);
      } else if (c < 0) {
        if (seq.length - c > length) fail(`${-c} new positions overrun a sequence of ${length}`);
        for (let k = 0; k < -c; k++) {
          cursor.x += r.int();
          cursor.y += r.int();
          const x = cursor.x / p;
          const y = cursor.y / p;
          if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90))
            fail(`position ${x},${y} is not a longitude and latitude`);
          seq.push([x, y]);
        }
      } else fail('an empty op');
    }
    return seq;
  }
}

/** Decode a whole chunk (for tests and tools; the page reads frames one by one). */
export function decodeChunk(data: unknown, name: string): HistoryFrame[] {
  const reader = new HistoryChunkReader(data, name);
  return reader.ids.map((id, i) => ({
    id,
    date: (data as HistoryChunk).frames[i].date,
    features: reader.frame(id).features,
  }));
}
