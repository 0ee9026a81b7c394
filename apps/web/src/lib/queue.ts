import type { PlaylistTrack } from '../api/types';

/** The listener's queue: what plays now, what comes next, what already went by. */
export interface QueueState {
  current?: PlaylistTrack;
  upNext: PlaylistTrack[];
  /** Track ids already played or skipped in this session (never queued again). */
  done: string[];
}

export const EMPTY_QUEUE: QueueState = { upNext: [], done: [] };

/** Fresh picks from the recommender: keeps the current track, replaces the rest. */
export function refill(state: QueueState, picks: readonly PlaylistTrack[]): QueueState {
  const skip = new Set([...state.done, ...(state.current ? [state.current.trackId] : [])]);
  const fresh = dedupe(picks.filter((t) => !skip.has(t.trackId)));
  if (state.current) return { ...state, upNext: fresh };
  const [current, ...upNext] = fresh;
  return { ...state, current, upNext };
}

/** The current track is over (played or skipped): the next one plays. */
export function advance(state: QueueState): QueueState {
  const done = state.current ? [...state.done, state.current.trackId].slice(-500) : state.done;
  const [current, ...upNext] = state.upNext.filter((t) => !done.includes(t.trackId));
  return { current, upNext, done };
}

/** A track the DJ offered in the chat: plays now (`now`) or goes to the front of up next. */
export function enqueue(state: QueueState, track: PlaylistTrack, now: boolean): QueueState {
  const rest = state.upNext.filter((t) => t.trackId !== track.trackId);
  if (now) {
    const upNext = state.current && state.current.trackId !== track.trackId ? [state.current, ...rest] : rest;
    return { ...state, current: track, upNext };
  }
  if (state.current?.trackId === track.trackId) return state;
  return { ...state, upNext: [track, ...rest] };
}

function dedupe(tracks: PlaylistTrack[]): PlaylistTrack[] {
  const seen = new Set<string>();
  return tracks.filter((t) => (seen.has(t.trackId) ? false : (seen.add(t.trackId), true)));
}
