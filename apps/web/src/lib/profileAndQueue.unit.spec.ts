import type { PlaylistTrack, Profile } from '../api/types';
import {
  addSnapshot,
  movers,
  parseHistory,
  series,
  snapshotOf,
  topWeights,
  type ProfileSnapshot,
} from './profileHistory';
import { advance, EMPTY_QUEUE, enqueue, refill } from './queue';
import { loadListener, saveListener, weightsFromList, type KeyValueStore } from './session';

const profile = (version: number, genres: Record<string, number>, energyLevel = 0.5): Profile => ({
  listenerId: 'l1',
  genres,
  artists: {},
  moods: {},
  energyLevel,
  tempoPreference: 'varied',
  discoveryFactor: 0.3,
  trustScore: 0.5,
  trustLevel: 'friend',
  interactionCount: version,
  communityConnections: [],
  createdAt: '2026-01-01T00:00:00Z',
  version,
  position: version,
});
const snap = (version: number, genres: Record<string, number>) =>
  snapshotOf(profile(version, genres), new Date(0));

describe('profile history', () => {
  it('keeps snapshots in version order, replaces a repeated version, drops older ones past the limit', () => {
    let h: ProfileSnapshot[] = [];
    h = addSnapshot(h, snap(1, { rock: 0.5 }));
    h = addSnapshot(h, snap(2, { rock: 0.6 }));
    h = addSnapshot(h, snap(2, { rock: 0.65 })); // SSE and a re-fetch bring the same version
    h = addSnapshot(h, snap(1, { rock: 0.5 })); // a late answer for an old version
    expect(h.map((s) => [s.version, s.genres.rock])).toEqual([
      [1, 0.5],
      [2, 0.65],
    ]);
    for (let v = 3; v < 60; v++) h = addSnapshot(h, snap(v, { rock: v / 100 }), 10);
    expect(h).toHaveLength(10);
    expect(h[9].version).toBe(59);
  });

  it('gives series and movers for the charts', () => {
    const h = [snap(1, { rock: 0.5, pop: 0.5 }), snap(2, { rock: 0.7, pop: 0.45, jazz: 0.1 })];
    expect(series(h, (s) => s.genres.jazz)).toEqual([0, 0.1]);
    expect(movers(h, 'genres').map((m) => m.key)).toEqual(['rock', 'jazz', 'pop']);
    expect(movers(h.slice(0, 1), 'genres')).toEqual([]);
    expect(topWeights({ b: 0.5, a: 0.5, c: 0.9 }, 2)).toEqual([
      ['c', 0.9],
      ['a', 0.5],
    ]);
  });

  it('reads a stored history leniently', () => {
    expect(parseHistory(null)).toEqual([]);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory(JSON.stringify([snap(1, {}), { junk: true }]))).toHaveLength(1);
  });
});

const track = (id: string): PlaylistTrack => ({
  trackId: id,
  title: id,
  artist: 'a',
  genre: 'rock',
  score: 1,
  reason: 'because',
  discovery: false,
});

describe('queue', () => {
  it('fills, advances past played and skipped tracks, and never queues them again', () => {
    let q = refill(EMPTY_QUEUE, [track('a'), track('b'), track('c')]);
    expect(q.current?.trackId).toBe('a');
    q = advance(q);
    expect(q.current?.trackId).toBe('b');
    q = refill(q, [track('a'), track('b'), track('d')]);
    expect(q.upNext.map((t) => t.trackId)).toEqual(['d']);
    q = enqueue(q, track('x'), true);
    expect([q.current?.trackId, ...q.upNext.map((t) => t.trackId)]).toEqual(['x', 'b', 'd']);
    q = enqueue(q, track('y'), false);
    expect(q.upNext.map((t) => t.trackId)).toEqual(['y', 'b', 'd']);
    expect(advance(advance(advance(advance(q)))).current).toBeUndefined();
  });
});

describe('session', () => {
  it('keeps the listener in the store and tolerates damage', () => {
    const map = new Map<string, string>();
    const store: KeyValueStore = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    };
    expect(loadListener(store)).toBeUndefined();
    saveListener(store, { listenerId: 'l1', token: 't', name: 'A' });
    expect(loadListener(store)).toEqual({ listenerId: 'l1', token: 't', name: 'A' });
    map.set('qfzz.listener', '{broken');
    expect(loadListener(store)).toBeUndefined();
  });

  it('turns a comma list into weights, one per word ignoring case', () => {
    expect(weightsFromList(' Queen, queen ,Foo  Fighters,,')).toEqual({ Queen: 0.8, 'Foo Fighters': 0.8 });
  });
});
