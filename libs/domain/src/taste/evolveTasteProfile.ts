import { EVENT_CATALOGUE, isEventType, type QfzzEvent } from '../events/eventCatalogue';
import { parseEvent } from '../events/parseEventData';
import type { EventMetadata } from '../log/recordedEvent';
import { evolveTrust } from '../trust/trustScore';
import { applyFeedbackInPlace } from './applyFeedback';
import { applyStatedPreferencesInPlace } from './applyStatedPreferences';
import { FEEDBACK_EVENT_TYPES } from './feedbackStrength';
import { cloneTasteProfile, initialTasteProfile, type TasteProfile } from './tasteProfile';

/**
 * The part of a recorded event the reducer reads. A `RecordedEvent` fits;
 * so does a hand-made event in a test. Without `schemaVersion` the data is
 * taken to be in today's version.
 */
export interface TasteProfileEvent {
  type: string;
  data: unknown;
  version: number;
  schemaVersion?: number;
  metadata?: Partial<EventMetadata>;
}

/** Some event in between was never applied: the caller must read the stream from `expected` on. */
export class TasteProfileVersionGapError extends Error {
  override readonly name = 'TasteProfileVersionGapError';
  constructor(
    readonly listenerId: string,
    readonly expected: number,
    readonly received: number,
  ) {
    super(
      `taste profile of ${listenerId} is at version ${expected - 1}; expected event version ${expected}, got ${received}`,
    );
  }
}

/**
 * Pure: (profile, event) -> profile. An event already applied returns the
 * same profile object (redelivery is a no-op and a caller can skip the write);
 * an event of a type this code does not know still advances the version, so
 * an older reader keeps up with a stream that newer writers extend. Data is
 * upcast and validated first: a reducer never guesses at an old shape.
 */
export function evolveTasteProfile(profile: TasteProfile, event: TasteProfileEvent): TasteProfile {
  if (event.version <= profile.version) return profile;
  return evolveTasteProfileDraft(cloneTasteProfile(profile), event);
}

export interface EvolveOptions {
  /**
   * The event was read from the log, whose writers validated it against its
   * schema (`newQfzzEvent`): at today's schema version it is folded as stored,
   * which makes replays several times faster. Older versions are still upcast
   * and validated.
   */
  fromLog?: boolean;
}

/**
 * The same rules applied to a draft the caller owns: the draft is changed in
 * place and returned (use the return value; forgetting starts a new one).
 * Folding a long stream through one draft avoids copying every weight map
 * once per event.
 */
export function evolveTasteProfileDraft(
  draft: TasteProfile,
  event: TasteProfileEvent,
  options: EvolveOptions = {},
): TasteProfile {
  if (event.version <= draft.version) return draft;
  if (event.version !== draft.version + 1) {
    throw new TasteProfileVersionGapError(draft.listenerId, draft.version + 1, event.version);
  }
  if (!isEventType(event.type)) {
    draft.version = event.version;
    return draft;
  }
  const current = EVENT_CATALOGUE[event.type].currentSchemaVersion;
  const schemaVersion = event.schemaVersion ?? current;
  // From the log at today's version, the event itself is read as the typed event: what follows
  // reads only its type and data, and a replay allocates nothing more per event for it.
  const known: QfzzEvent =
    options.fromLog && schemaVersion === current
      ? (event as unknown as QfzzEvent)
      : parseEvent({ type: event.type, schemaVersion, data: event.data });
  const trust = evolveTrust(draft, known);
  draft.interactionCount = trust.interactionCount;
  draft.trustScore = trust.trustScore;
  const next = applyEventInPlace(draft, known, event.metadata?.occurredAt);
  next.version = event.version;
  return next;
}

function applyEventInPlace(
  draft: TasteProfile,
  event: QfzzEvent,
  occurredAt: string | undefined,
): TasteProfile {
  switch (event.type) {
    case 'TrackPlayed':
    case 'TrackSkipped':
    case 'TrackLiked':
    case 'TrackFavorited':
      applyFeedbackInPlace(draft, { type: FEEDBACK_EVENT_TYPES[event.type] }, event.data.track, occurredAt);
      return draft;
    case 'TrackRated':
      applyFeedbackInPlace(draft, { type: 'rate', rating: event.data.rating }, event.data.track, occurredAt);
      return draft;
    case 'ListenerRegistered':
      delete draft.forgotten;
      if (event.data.name !== undefined) draft.name = event.data.name;
      draft.createdAt = event.data.registeredAt ?? draft.createdAt;
      return draft;
    case 'PreferencesStated':
      applyStatedPreferencesInPlace(draft, event.data);
      return draft;
    case 'MoodExpressed':
      draft.currentMood = event.data.mood;
      return draft;
    case 'DiscoveryFactorChanged':
      draft.discoveryFactor = event.data.discoveryFactor;
      return draft;
    case 'DjChosen':
      draft.djId = event.data.djId;
      return draft;
    case 'CommunityAccepted': {
      const other = otherSide(draft.listenerId, event.data.from, event.data.to);
      if (other !== undefined && !draft.communityConnections.includes(other))
        draft.communityConnections.push(other);
      return draft;
    }
    case 'CommunityRemoved': {
      const other = otherSide(draft.listenerId, event.data.by, event.data.other);
      if (other !== undefined)
        draft.communityConnections = draft.communityConnections.filter((id) => id !== other);
      return draft;
    }
    case 'ListenerForgotten':
      // Only when the account began survives: it is the stream's, not the listener's, data.
      return { ...initialTasteProfile(draft.listenerId, draft.createdAt), forgotten: true };
    default:
      return draft;
  }
}

/** The far end of a pair from this listener's point of view; undefined when the pair does not involve them. */
function otherSide(listenerId: string, a: string, b: string): string | undefined {
  if (a === listenerId) return b;
  if (b === listenerId) return a;
  return undefined;
}

/**
 * Replays a listener's stream from the start. Everything before the last
 * `ListenerForgotten` is skipped unread: after crypto-shredding that data can
 * no longer be decrypted, and forgetting would erase its effect anyway.
 */
export function foldTasteProfile(
  listenerId: string,
  events: readonly TasteProfileEvent[],
  createdAt: string = createdAtOf(events),
): TasteProfile {
  let start = 0;
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i].type === 'ListenerForgotten') {
      start = i;
      break;
    }
  }
  let profile = initialTasteProfile(listenerId, createdAt);
  if (start > 0) profile.version = events[start].version - 1;
  for (let i = start; i < events.length; i++) profile = evolveTasteProfileDraft(profile, events[i]);
  return profile;
}

const UNKNOWN_TIME = new Date(0).toISOString();

function createdAtOf(events: readonly TasteProfileEvent[]): string {
  const first = events[0]?.metadata;
  return first?.occurredAt ?? first?.recordedAt ?? UNKNOWN_TIME;
}
