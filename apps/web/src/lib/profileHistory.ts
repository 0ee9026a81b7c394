import type { Profile, Weights } from '../api/types';

/** What the charts need from one profile version. */
export interface ProfileSnapshot {
  version: number;
  at: string;
  genres: Weights;
  moods: Weights;
  energyLevel: number;
  discoveryFactor: number;
  trustScore: number;
  interactionCount: number;
}

/** How many snapshots the client keeps (the last interactions, not the whole history). */
export const HISTORY_LIMIT = 40;

export function snapshotOf(profile: Profile, at: Date = new Date()): ProfileSnapshot {
  return {
    version: profile.version,
    at: at.toISOString(),
    genres: { ...profile.genres },
    moods: { ...profile.moods },
    energyLevel: profile.energyLevel,
    discoveryFactor: profile.discoveryFactor,
    trustScore: profile.trustScore,
    interactionCount: profile.interactionCount,
  };
}

/**
 * Adds a snapshot in version order: a version already held is replaced (a
 * re-fetch and the SSE event may both bring it), an older one is ignored once
 * a newer exists, and only the last `limit` stay.
 */
export function addSnapshot(
  history: readonly ProfileSnapshot[],
  snapshot: ProfileSnapshot,
  limit = HISTORY_LIMIT,
): ProfileSnapshot[] {
  const last = history[history.length - 1];
  if (last && snapshot.version < last.version) {
    if (history.some((s) => s.version === snapshot.version)) return [...history];
    const merged = [...history, snapshot].sort((a, b) => a.version - b.version);
    return merged.slice(-limit);
  }
  const kept = last && last.version === snapshot.version ? history.slice(0, -1) : history;
  return [...kept, snapshot].slice(-limit);
}

/** The heaviest keys, heaviest first (ties by name, so the order is stable). */
export function topWeights(weights: Weights, n: number): [string, number][] {
  return Object.entries(weights)
    .filter(([, w]) => Number.isFinite(w))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n);
}

/** One value per snapshot, for a sparkline (a key missing in a snapshot counts as 0). */
export function series(
  history: readonly ProfileSnapshot[],
  pick: (snapshot: ProfileSnapshot) => number | undefined,
): number[] {
  return history.map((s) => pick(s) ?? 0);
}

/** How each key moved between the first and the last snapshot, the largest moves first. */
export function movers(history: readonly ProfileSnapshot[], field: 'genres' | 'moods', n = 5) {
  if (history.length < 2) return [];
  const first = history[0][field];
  const last = history[history.length - 1][field];
  const keys = new Set([...Object.keys(first), ...Object.keys(last)]);
  return [...keys]
    .map((key) => ({
      key,
      from: first[key] ?? 0,
      to: last[key] ?? 0,
      delta: (last[key] ?? 0) - (first[key] ?? 0),
    }))
    .filter((m) => Math.abs(m.delta) > 1e-6)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key))
    .slice(0, n);
}

/** Reads a stored history, tolerating anything malformed (it is only a cache). */
export function parseHistory(text: string | null): ProfileSnapshot[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (s): s is ProfileSnapshot =>
        !!s &&
        typeof s === 'object' &&
        typeof (s as ProfileSnapshot).version === 'number' &&
        typeof (s as ProfileSnapshot).genres === 'object',
    );
  } catch {
    return [];
  }
}
