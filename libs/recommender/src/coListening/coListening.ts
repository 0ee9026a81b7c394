import {
  currentSchemaVersionOf,
  FEEDBACK_EVENT_TYPES,
  isFeedbackEventType,
  LISTENER_STREAM_PREFIX,
  parseEventData,
  type FeedbackType,
  type RecordedEvent,
} from '@qfzz/domain';
import { CO_LISTENING_FEEDBACK, isPositiveAct } from './coListeningFeedback';
import {
  estimateCoListeningBytes,
  nextLimitStep,
  type CoListeningGiveUp,
  type CoListeningLimits,
} from './coListeningMemory';

export interface CoListeningOptions {
  /** A listener's positive tracks paired with each new one: the last this many. Default 50. */
  windowSize?: number;
  /** Tracks remembered per listener as heard (any reaction), for `exclude: played`. Default 500. */
  heardSize?: number;
  /** Neighbours kept per track; past it the weakest half is dropped. Default 200. */
  maxNeighbours?: number;
  /**
   * Roughly how many bytes the model may take (`estimatedBytes`). Past it, it
   * lowers its limits a step at a time (`nextLimitStep`: fewer neighbours per
   * track, shorter lists per listener) and says so through `onGiveUp`.
   * Default: no budget.
   */
  memoryBudgetBytes?: number;
  onGiveUp?: (giveUp: CoListeningGiveUp) => void;
}

interface ListenerState {
  /** Stream version last applied: a redelivered event is a no-op. */
  version: number;
  /** Internal track ids, oldest first, distinct. */
  recent: number[];
  heard: number[];
  /** Whether their listening went into the counts everyone shares (pairs, entries). */
  counted: boolean;
}

/**
 * A track's co-listened tracks as typed arrays, in the model's own order:
 * internal ids and cosine similarities (the same numbers `forEachNeighbour`
 * gives). Valid until the model changes (`version`).
 */
export interface NeighbourList {
  readonly count: number;
  readonly ids: Int32Array;
  readonly similarities: Float64Array;
}

const NO_NEIGHBOURS: NeighbourList = { count: 0, ids: new Int32Array(0), similarities: new Float64Array(0) };
/** Neighbour lists kept between model changes, at most (a bound on memory, not a tuning knob). */
const MAX_CACHED_NEIGHBOUR_LISTS = 4096;

/** One reaction, already read out of an event. */
export interface ListeningAct {
  listenerId: string;
  /** The listener stream's version of the event (idempotency). */
  streamVersion: number;
  trackId: string;
  type: FeedbackType;
  rating?: number;
}

/**
 * Item-item co-listening, learnt incrementally from the log: when a listener
 * reacts positively to a track (play, like, favorite, rating > 0.5), the
 * track is paired with every other track in their recent window (the last 50
 * positives), and each pair's count goes up by one. Similarity is the cosine
 * of the two tracks' listener sets, `pairs(a, b) / sqrt(n(a) × n(b))`, where
 * n is how many windows the track entered. A skip takes the track out of the
 * window. Events apply once per listener stream version, so redelivery and
 * replay give the same model.
 *
 * The counts are aggregates over everyone. When a listener is forgotten
 * (`ListenerForgotten`) their own windows go at once; what they added to the
 * shared counts goes with a fold of the log into a fresh model
 * (`emptyCopy`, then `takeOver`), which `RecommenderLogFollower` runs.
 */
export class CoListening {
  private current: CoListeningLimits;
  private readonly options: CoListeningOptions;
  private readonly budgetBytes: number | undefined;
  private readonly onGiveUp: ((giveUp: CoListeningGiveUp) => void) | undefined;
  private atFloorsSaid = false;
  /** Pair counts held, and track ids held in listeners' lists: what the memory estimate counts. */
  private pairCount = 0;
  private remembered = 0;
  private idOf = new Map<string, number>();
  private trackIds: string[] = [];
  private entries: number[] = [];
  private pairs: Map<number, number>[] = [];
  private listeners = new Map<string, ListenerState>();
  /** Each forgotten listener and the stream version of their (latest) `ListenerForgotten`. */
  private forgottenAt = new Map<string, number>();
  private forgottenCounted = false;
  private changes = 0;
  private maxEntries = 0;
  /** Neighbour lists by internal id, for the model at `listsVersion`. */
  private readonly lists = new Map<number, NeighbourList>();
  private listsVersion = -1;

  constructor(options: CoListeningOptions = {}) {
    this.options = options;
    this.current = {
      windowSize: options.windowSize ?? 50,
      heardSize: options.heardSize ?? 500,
      maxNeighbours: options.maxNeighbours ?? 200,
    };
    this.budgetBytes = options.memoryBudgetBytes;
    this.onGiveUp = options.onGiveUp;
  }

  /** The limits in force (lower than configured once a memory budget made it give detail up). */
  get limits(): Readonly<CoListeningLimits> {
    return { ...this.current };
  }

  /** Roughly the bytes the model takes (see `coListeningMemory.ts`). */
  get estimatedBytes(): number {
    return estimateCoListeningBytes(this.usage());
  }

  /** Goes up with every change. */
  get version(): number {
    return this.changes;
  }

  /** Tracks the model has seen. */
  get trackCount(): number {
    return this.trackIds.length;
  }

  /** The most windows any one track entered (for scaling popularity). */
  get maxTrackEntries(): number {
    return this.maxEntries;
  }

  /** A forgotten listener's listening is still in the shared counts (until a fresh fold is taken over). */
  get holdsForgottenListening(): boolean {
    return this.forgottenCounted;
  }

  /**
   * An empty model at this one's limits that already knows who was forgotten
   * and when, so a fold of the whole log into it leaves out what they did
   * before (even where the log still reads it). Fold the log into it, then
   * `takeOver` it.
   */
  emptyCopy(): CoListening {
    const fresh = new CoListening({ ...this.options, ...this.current, onGiveUp: undefined });
    for (const [listenerId, version] of this.forgottenAt) {
      fresh.listeners.set(listenerId, { version, recent: [], heard: [], counted: false });
      fresh.forgottenAt.set(listenerId, version);
    }
    return fresh;
  }

  /**
   * Becomes `fresh` (an `emptyCopy` folded at least as far as this model):
   * every reader keeps its reference, and `version` moves on.
   */
  takeOver(fresh: CoListening): void {
    this.current = fresh.current;
    this.pairCount = fresh.pairCount;
    this.remembered = fresh.remembered;
    this.idOf = fresh.idOf;
    this.trackIds = fresh.trackIds;
    this.entries = fresh.entries;
    this.pairs = fresh.pairs;
    this.listeners = fresh.listeners;
    this.forgottenAt = fresh.forgottenAt;
    this.forgottenCounted = fresh.forgottenCounted;
    this.maxEntries = fresh.maxEntries;
    this.changes = Math.max(this.changes, fresh.changes) + 1;
    this.lists.clear();
  }

  /** Folds one log event; anything but a listener's track feedback or forgetting is ignored. */
  applyEvent(
    event: Pick<RecordedEvent, 'streamId' | 'type' | 'version' | 'schemaVersion' | 'data'>,
  ): boolean {
    if (!event.streamId.startsWith(LISTENER_STREAM_PREFIX)) return false;
    const listenerId = event.streamId.slice(LISTENER_STREAM_PREFIX.length);
    if (event.type === 'ListenerForgotten') {
      const state = this.listeners.get(listenerId);
      if (state && event.version <= state.version) return false;
      if (state) {
        this.remembered -= state.recent.length + state.heard.length;
        if (state.counted) this.forgottenCounted = true;
      }
      this.listeners.set(listenerId, { version: event.version, recent: [], heard: [], counted: false });
      this.forgottenAt.set(listenerId, event.version);
      this.changes++;
      return true;
    }
    if (!isFeedbackEventType(event.type)) return false;
    const data = (
      event.schemaVersion === currentSchemaVersionOf(event.type)
        ? event.data
        : parseEventData(event.type, event.schemaVersion, event.data)
    ) as { track: { trackId: string }; rating?: number };
    return this.observe({
      listenerId,
      streamVersion: event.version,
      trackId: data.track.trackId,
      type: FEEDBACK_EVENT_TYPES[event.type],
      rating: data.rating,
    });
  }

  /** Folds one reaction; false when that stream version was already applied. */
  observe(act: ListeningAct): boolean {
    let state = this.listeners.get(act.listenerId);
    if (!state)
      this.listeners.set(act.listenerId, (state = { version: 0, recent: [], heard: [], counted: false }));
    if (act.streamVersion <= state.version) return false;
    state.version = act.streamVersion;
    const track = this.intern(act.trackId);
    const held = state.recent.length + state.heard.length;

    pushDistinct(state.heard, track, this.current.heardSize);
    if (isPositiveAct(act.type, act.rating)) {
      if (!state.recent.includes(track)) {
        for (const other of state.recent) {
          this.bump(track, other);
          this.bump(other, track);
        }
        this.entries[track]++;
        if (this.entries[track] > this.maxEntries) this.maxEntries = this.entries[track];
        state.counted = true;
      }
      pushDistinct(state.recent, track, this.current.windowSize);
    } else if (CO_LISTENING_FEEDBACK[act.type] === 'negative' || act.type === 'rate') {
      const at = state.recent.indexOf(track);
      if (at !== -1) state.recent.splice(at, 1);
    }
    this.remembered += state.recent.length + state.heard.length - held;
    this.changes++;
    if (this.budgetBytes !== undefined && this.estimatedBytes > this.budgetBytes)
      this.fitBudget(this.budgetBytes);
    return true;
  }

  /** Cosine similarity of two tracks' listeners, 0..1 (0 when either is unknown). */
  similarity(a: string, b: string): number {
    const ia = this.idOf.get(a);
    const ib = this.idOf.get(b);
    if (ia === undefined || ib === undefined) return 0;
    return this.similarityOf(ia, ib, this.pairs[ia].get(ib) ?? 0);
  }

  /** Calls `visit` with each co-listened track and its similarity. */
  forEachNeighbour(trackId: string, visit: (neighbour: number, similarity: number) => void): void {
    const id = this.idOf.get(trackId);
    if (id === undefined) return;
    for (const [other, count] of this.pairs[id]) visit(other, this.similarityOf(id, other, count));
  }

  /**
   * The co-listened tracks of an internal id as typed arrays (ids and
   * similarities, in `forEachNeighbour`'s order), computed once per model
   * version: a playlist request reads its seeds' neighbours without a
   * callback or a map walk per neighbour. Do not modify the arrays.
   */
  neighbourList(id: number): NeighbourList {
    if (this.listsVersion !== this.changes) {
      this.lists.clear();
      this.listsVersion = this.changes;
    }
    const pairs = this.pairs[id];
    if (pairs === undefined || pairs.size === 0) return NO_NEIGHBOURS;
    let list = this.lists.get(id);
    if (list === undefined) {
      const ids = new Int32Array(pairs.size);
      const similarities = new Float64Array(pairs.size);
      let at = 0;
      for (const [other, count] of pairs) {
        ids[at] = other;
        similarities[at] = this.similarityOf(id, other, count);
        at++;
      }
      list = { count: at, ids, similarities };
      if (this.lists.size >= MAX_CACHED_NEIGHBOUR_LISTS) this.lists.clear();
      this.lists.set(id, list);
    }
    return list;
  }

  /** Neighbours of a track, most similar first. */
  neighbours(trackId: string, limit = 20): { trackId: string; similarity: number }[] {
    const out: { trackId: string; similarity: number }[] = [];
    this.forEachNeighbour(trackId, (n, similarity) => out.push({ trackId: this.trackIds[n], similarity }));
    return out
      .sort((x, y) => y.similarity - x.similarity || (x.trackId < y.trackId ? -1 : 1))
      .slice(0, limit);
  }

  /** The track id behind an internal id handed out by `forEachNeighbour`. */
  trackIdOf(id: number): string {
    return this.trackIds[id];
  }

  internalIdOf(trackId: string): number | undefined {
    return this.idOf.get(trackId);
  }

  /** How many listener windows the track entered (a popularity count). */
  entriesOf(trackId: string): number {
    const id = this.idOf.get(trackId);
    return id === undefined ? 0 : this.entries[id];
  }

  /** The listener's recent positive tracks, oldest first. */
  recentPositives(listenerId: string): string[] {
    return (this.listeners.get(listenerId)?.recent ?? []).map((id) => this.trackIds[id]);
  }

  /** `recentPositives` as internal ids (see `trackIdOf`), oldest first; do not modify. */
  recentPositiveIds(listenerId: string): readonly number[] {
    return this.listeners.get(listenerId)?.recent ?? [];
  }

  /** `heard` as internal ids (see `trackIdOf`), oldest first; do not modify. */
  heardIds(listenerId: string): readonly number[] {
    return this.listeners.get(listenerId)?.heard ?? [];
  }

  /** Tracks the listener reacted to in any way (most recent `heardSize`), oldest first. */
  heard(listenerId: string): string[] {
    return (this.listeners.get(listenerId)?.heard ?? []).map((id) => this.trackIds[id]);
  }

  private similarityOf(a: number, b: number, count: number): number {
    if (count === 0) return 0;
    return count / Math.sqrt(this.entries[a] * this.entries[b]);
  }

  private intern(trackId: string): number {
    let id = this.idOf.get(trackId);
    if (id === undefined) {
      id = this.trackIds.length;
      this.idOf.set(trackId, id);
      this.trackIds.push(trackId);
      this.entries.push(0);
      this.pairs.push(new Map());
    }
    return id;
  }

  private bump(a: number, b: number): void {
    const map = this.pairs[a];
    const count = map.get(b);
    if (count === undefined) this.pairCount++;
    map.set(b, (count ?? 0) + 1);
    if (map.size > this.current.maxNeighbours) this.pairCount -= keepStrongest(map, Math.floor(map.size / 2));
  }

  private usage() {
    return {
      pairs: this.pairCount,
      tracks: this.trackIds.length,
      listeners: this.listeners.size,
      remembered: this.remembered,
    };
  }

  /** Lowers limits a step at a time until the estimate fits, and says what it gave up. */
  private fitBudget(budgetBytes: number): void {
    for (;;) {
      const step = nextLimitStep(this.current, this.usage());
      if (!step) {
        if (!this.atFloorsSaid)
          this.onGiveUp?.({ kind: 'at-floors', estimatedBytes: this.estimatedBytes, budgetBytes });
        this.atFloorsSaid = true;
        return;
      }
      this.current[step.setting] = step.to;
      if (step.setting === 'maxNeighbours') {
        for (const map of this.pairs) if (map.size > step.to) this.pairCount -= keepStrongest(map, step.to);
      } else {
        const list = step.setting === 'heardSize' ? 'heard' : 'recent';
        for (const state of this.listeners.values()) {
          const over = state[list].length - step.to;
          if (over > 0) {
            state[list].splice(0, over);
            this.remembered -= over;
          }
        }
      }
      this.changes++;
      const estimatedBytes = this.estimatedBytes;
      this.onGiveUp?.({ kind: 'lowered', ...step, estimatedBytes, budgetBytes });
      if (estimatedBytes <= budgetBytes) return;
    }
  }
}

function pushDistinct(list: number[], value: number, limit: number): void {
  const at = list.indexOf(value);
  if (at !== -1) list.splice(at, 1);
  list.push(value);
  if (list.length > limit) list.splice(0, list.length - limit);
}

/** Keeps a track's `keep` strongest neighbours (ties: the older ones); returns how many it dropped. */
function keepStrongest(map: Map<number, number>, keep: number): number {
  if (map.size <= keep) return 0;
  const counts = [...map.values()].sort((a, b) => b - a);
  const threshold = counts[keep - 1];
  let tiesRoom = keep - counts.filter((count) => count > threshold).length;
  let dropped = 0;
  for (const [key, count] of map) {
    if (count > threshold) continue;
    if (count === threshold && tiesRoom > 0) {
      tiesRoom--;
      continue;
    }
    map.delete(key);
    dropped++;
  }
  return dropped;
}
