/** The reactions API.md knows. What counts as positive is the profile's business, not the SDK's. */
export type InteractionType = 'play' | 'skip' | 'like' | 'favorite' | 'rate';

/** Where and how the listener was listening. */
export interface ListeningContext {
  activity?: string;
  mood?: string;
  /** 0..23, the listener's local hour. */
  hour?: number;
}

/** `POST /v1/listeners/{id}/interactions` */
export interface InteractionRequest {
  /** A track in the catalog (else 400, nothing written). */
  trackId: string;
  type: InteractionType;
  /** 0..1; required for `rate`, refused for anything else. */
  rating?: number;
  /** ISO 8601 date-time; not in the future. Default: now. */
  at?: string;
  context?: ListeningContext;
}

/** 202 of `POST /v1/listeners/{id}/interactions`. */
export interface RecordedInteraction {
  eventId: string;
  /** The listener stream's version after the event. */
  version: number;
  /** Log position; pass it as `minPosition` to read your own write. */
  position: number;
}

/** One item of a history import. */
export interface HistoryItem {
  trackId: string;
  /** n plays of the track (type `play` only), 1..10,000. */
  plays?: number;
  /** Default `play`. */
  type?: InteractionType;
  /** 0..1, for `rate` only. */
  rating?: number;
  at?: string;
}

/** 202 of `POST /v1/listeners/{id}/history`. */
export interface HistoryImported {
  /** Events written (a `plays: 3` item is three). */
  accepted: number;
  /** Log position of the last event written. */
  position: number;
}
