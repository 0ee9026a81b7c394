import type {
  DjPersona,
  DjReply,
  Greeting,
  GreetRequest,
  InteractRequest,
  PlaylistTrack,
} from '@qfzz/contracts';
import { isValidId, listenerStreamId, newQfzzEvent, type TrackSnapshot } from '@qfzz/domain';
import { ANY_VERSION, type EventStore } from '@qfzz/event-store';
import type { QueryBus } from '@qfzz/messaging';
import { nextContext, understand, type Understanding } from '@qfzz/nlu';
import { ConversationInputError, MAX_MESSAGE_LENGTH } from './conversationInputError';
import { greetingFacts, strongest } from './greeting/greetingFacts';
import { phraseGreeting } from './greeting/phraseGreeting';
import { eventIds, learnFromMessage, nudged, STATED_DISLIKE_STRENGTH } from './learning/learnedEvents';
import { readListenerTail } from './learning/listenerTail';
import { ConversationPeers, type DjProfileView } from './peers/conversationPeers';
import type { PeerTrouble } from './peers/askPeer';
import { describePersonas, personaFor } from './personas/djPersonas';
import { phraseReply } from './phrasing/phraseReply';
import { phrasingSeed } from './phrasing/phrasingSeed';
import type { NamedTrack, ReplyPlan } from './phrasing/replyPlan';
import type { ConversationTools, ReplyVoice } from './phrasing/replyVoice';
import {
  askedFor,
  DEFAULT_OFFER_SIZE,
  musicMood,
  playlistRequestFor,
  shapeOffer,
  wantsMusic,
} from './playlist/musicRequest';
import { recallSession } from './session/recallSession';
import { SessionContexts } from './session/sessionContexts';

export interface ConversationServiceOptions {
  store: EventStore;
  queryBus: QueryBus;
  /** Per-listener contexts (default: 10,000 listeners, 30 idle minutes). */
  sessions?: SessionContexts;
  /** A second voice (e.g. `OpenAiCompatibleVoice`); the embedded phrasing is the fallback. */
  voice?: ReplyVoice;
  /** Tracks offered with a reply (default 5). */
  offerSize?: number;
  /** Per request to another service (default 5 s). */
  peerTimeoutMs?: number;
  onPeerTrouble?: PeerTrouble;
  clock?: () => Date;
}

/**
 * The DJ's voice: greets, understands a message, writes what it learned to
 * the listener's stream, asks the recommender for music shaped by the
 * session's mood and activity, and answers in the chosen persona's words,
 * more confident and personal the more the listener is trusted.
 */
export class ConversationService {
  private readonly peers: ConversationPeers;
  private readonly sessions: SessionContexts;
  private readonly clock: () => Date;

  constructor(private readonly options: ConversationServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.sessions = options.sessions ?? new SessionContexts();
    this.peers = new ConversationPeers(options.queryBus, {
      timeoutMs: options.peerTimeoutMs,
      onTrouble: options.onPeerTrouble,
      clock: () => this.clock().getTime(),
    });
  }

  /** The profile as of the listener's latest event (e.g. a DJ chosen a moment ago), not whatever the projection has reached. */
  private async profileNow(listenerId: string) {
    const streamId = listenerStreamId(listenerId);
    const version = await this.options.store.streamVersion(streamId);
    const [last] =
      version > 0 ? await this.options.store.readStream(streamId, { fromVersion: version, limit: 1 }) : [];
    return this.peers.profile(listenerId, last?.position);
  }

  personas(): DjPersona[] {
    return describePersonas();
  }

  async greet(request: GreetRequest): Promise<Greeting> {
    const listenerId = checkedListenerId(request);
    const now = this.clock();
    const [profile, tail] = await Promise.all([
      this.profileNow(listenerId),
      readListenerTail(this.options.store, listenerId),
    ]);
    const persona = personaFor(profile?.djId ?? tail.djId);
    const facts = greetingFacts({ profile, activeDays: tail.activeDays, now });
    const seed = phrasingSeed(listenerId, profile?.interactionCount ?? 0);
    return { text: phraseGreeting(facts, persona, seed), djName: persona.name };
  }

  async interact(request: InteractRequest): Promise<DjReply> {
    const listenerId = checkedListenerId(request);
    const text = checkedText(request);
    const now = this.clock();
    const { store } = this.options;
    const streamId = listenerStreamId(listenerId);

    const [vocabulary, profile] = await Promise.all([
      this.peers.catalogVocabulary(),
      this.profileNow(listenerId),
    ]);
    const session = await recallSession(
      store,
      listenerId,
      this.sessions.get(listenerId, now.getTime()),
      vocabulary,
      now.getTime(),
    );
    const understood = understand(text, vocabulary, session.context, { now: now.getTime() });
    const retried = await this.earlierAnswer(listenerId, request.correlationId, understood);
    if (retried) return retried;
    const persona = personaFor(profile?.djId ?? session.djId);
    const currentTrack = understood.feedback
      ? await this.currentTrack(profile, session.lastPlayed)
      : undefined;

    const { events, messageEventId, learned } = learnFromMessage({
      listenerId,
      text,
      understood,
      weights: profile ? { genres: profile.genres, artists: profile.artists } : undefined,
      currentTrack,
      occurredAt: now.toISOString(),
      correlationId: request.correlationId,
    });
    const written = await store.appendToStream(streamId, events, { expectedVersion: ANY_VERSION });
    const ownEventIds = events.map((event) => event.eventId);
    let position = written.lastPosition;

    const plan: ReplyPlan = {
      listenerId,
      ...(profile?.name ? { listenerName: profile.name } : {}),
      trustLevel: profile?.trustLevel ?? 'stranger',
      ...(profile ? { trustScore: profile.trustScore } : {}),
      understood,
      ...optional('mood', musicMood(understood)),
      ...optional('activity', understood.activity),
      ...optional('topGenre', profile ? strongest(profile.genres) : undefined),
      learned,
      askedFor: askedFor(understood),
    };
    if (learned.feedback?.track && currentTrack) learned.feedback.track = await this.named(currentTrack);

    const offerSize = this.options.offerSize ?? DEFAULT_OFFER_SIZE;
    if (wantsMusic(understood)) {
      const playlist = await this.peers.playlist(
        playlistRequestFor(listenerId, understood, position, offerSize),
      );
      if (!playlist?.tracks.length) plan.musicUnavailable = true;
      if (playlist) {
        const shaped = shapeOffer(playlist.tracks, understood, offerSize);
        plan.tracks = shaped.tracks;
        if (shaped.fewOfAskedFor && plan.askedFor.length > 0) plan.fewOfAskedFor = true;
      }
    }
    if ((plan.tracks && plan.tracks.length > 0) || understood.intent === 'ask_community') {
      const community = await this.community(listenerId, plan.tracks ?? []);
      if (community) plan.community = community;
    }

    const seed = phrasingSeed(listenerId, profile?.interactionCount ?? 0);
    let reply = phraseReply(plan, persona, seed);
    let tracks = plan.tracks;
    if (this.options.voice) {
      const tools = this.toolsFor(listenerId, profile, request.correlationId, ownEventIds, (at) => {
        position = Math.max(position, at);
      });
      const voiced = await this.options.voice
        .phrase({ text, plan, persona, embedded: reply, tools })
        .catch(() => undefined);
      if (voiced?.text.trim()) reply = voiced.text.trim();
      if (!tracks?.length && voiced?.tracks?.length) tracks = voiced.tracks;
    }

    const replied = await store.appendToStream(
      streamId,
      [
        newQfzzEvent(
          'DjReplied',
          { text: reply, djName: persona.name },
          {
            eventId: eventIds(request.correlationId)('DjReplied'),
            metadata: {
              occurredAt: this.clock().toISOString(),
              actor: `conversation:${persona.djId}`,
              causationId: messageEventId,
              ...(request.correlationId ? { correlationId: request.correlationId } : {}),
            },
          },
        ),
      ],
      { expectedVersion: ANY_VERSION },
    );
    ownEventIds.push(...replied.events.map((event) => event.eventId));
    position = Math.max(position, replied.lastPosition);

    this.sessions.set(
      listenerId,
      {
        ...session,
        context: nextContext(session.context, understood, now.getTime()),
        ownEventIds: [...(session.ownEventIds ?? []), ...ownEventIds],
      },
      now.getTime(),
    );

    return {
      reply,
      djName: persona.name,
      understood: understoodForApi(understood),
      ...(tracks && tracks.length > 0 ? { tracks } : {}),
      position,
    };
  }

  /**
   * A retried request (same correlation id) whose reply is already in the log
   * gets that reply again, and nothing is appended twice.
   */
  private async earlierAnswer(
    listenerId: string,
    correlationId: string | undefined,
    understood: Understanding,
  ): Promise<DjReply | undefined> {
    if (!correlationId) return undefined;
    const replyId = eventIds(correlationId)('DjReplied');
    const streamId = listenerStreamId(listenerId);
    const version = await this.options.store.streamVersion(streamId);
    const recent = await this.options.store.readStream(streamId, { fromVersion: Math.max(1, version - 49) });
    const earlier = recent.find((event) => event.eventId === replyId);
    if (!earlier) return undefined;
    const data = earlier.data as { text: string; djName: string };
    return {
      reply: data.text,
      djName: data.djName,
      understood: understoodForApi(understood),
      position: earlier.position,
    };
  }

  /** The track playing now: the profile's latest play when the view has it, else the stream's. */
  private async currentTrack(
    profile: DjProfileView | null | undefined,
    fromStream: TrackSnapshot | undefined,
  ): Promise<TrackSnapshot | undefined> {
    const plays = profile?.recentInteractions?.filter((interaction) => interaction.type === 'play') ?? [];
    const latest = plays[plays.length - 1];
    if (!latest) return fromStream;
    if (fromStream?.trackId === latest.trackId) return fromStream;
    const track = (await this.peers.tracks([latest.trackId])).get(latest.trackId);
    return {
      trackId: latest.trackId,
      genre: track?.genre ?? latest.genre,
      artist: track?.artist ?? latest.artist,
      ...optional('mood', track?.mood),
      ...optional('energy', track?.energy),
      ...optional('tempo', track?.tempo),
    };
  }

  private async named(track: { trackId: string; artist?: string }): Promise<NamedTrack> {
    const found = (await this.peers.tracks([track.trackId])).get(track.trackId);
    return found
      ? { trackId: found.trackId, title: found.title, artist: found.artist }
      : { trackId: track.trackId };
  }

  private async community(
    listenerId: string,
    offered: readonly PlaylistTrack[],
  ): Promise<ReplyPlan['community']> {
    const view = await this.peers.community(listenerId);
    if (!view) return undefined;
    const loving = [...view.loving].sort(
      (a, b) => b.friends - a.friends || a.trackId.localeCompare(b.trackId),
    );
    const friendsOf = new Map(loving.map((entry) => [entry.trackId, entry.friends]));
    const community: NonNullable<ReplyPlan['community']> = { connections: view.connections.length };
    const likedInOffer = offered
      .filter((track) => (friendsOf.get(track.trackId) ?? 0) > 0)
      .sort((a, b) => (friendsOf.get(b.trackId) ?? 0) - (friendsOf.get(a.trackId) ?? 0))[0];
    if (likedInOffer)
      community.likedInOffer = {
        trackId: likedInOffer.trackId,
        title: likedInOffer.title,
        artist: likedInOffer.artist,
        friends: friendsOf.get(likedInOffer.trackId) ?? 0,
      };
    const top = loving[0];
    if (top) community.loving = { ...(await this.named(top)), friends: top.friends };
    return community;
  }

  private toolsFor(
    listenerId: string,
    profile: DjProfileView | null | undefined,
    correlationId: string | undefined,
    ownEventIds: string[],
    wrote: (position: number) => void,
  ): ConversationTools {
    const offerSize = this.options.offerSize ?? DEFAULT_OFFER_SIZE;
    return {
      recommend: async ({ mood, activity, size }) => {
        const playlist = await this.peers.playlist({
          listenerId,
          size: Math.min(Math.max(1, size ?? offerSize), 20),
          ...optional('mood', mood),
          ...optional('activity', activity),
        });
        return playlist?.tracks ?? [];
      },
      updatePreferences: async ({ likeGenres, dislikeGenres }) => {
        const genres: Record<string, number> = {};
        for (const genre of dislikeGenres ?? []) {
          const key = genre.trim().toLowerCase();
          if (key) genres[key] = nudged(profile?.genres[key], STATED_DISLIKE_STRENGTH);
        }
        const words = (likeGenres ?? []).filter((genre) => genre.trim() !== '');
        if (words.length === 0 && Object.keys(genres).length === 0) return { position: 0 };
        const event = newQfzzEvent(
          'PreferencesStated',
          { ...(words.length ? { words } : {}), ...(Object.keys(genres).length ? { genres } : {}) },
          {
            eventId: eventIds(correlationId)(`tool:PreferencesStated:${ownEventIds.length}`),
            metadata: { actor: listenerId, ...(correlationId ? { correlationId } : {}) },
          },
        );
        const result = await this.options.store.appendToStream(listenerStreamId(listenerId), [event], {
          expectedVersion: ANY_VERSION,
        });
        ownEventIds.push(event.eventId);
        wrote(result.lastPosition);
        return { position: result.lastPosition };
      },
      lookUpCommunity: async () => {
        const community = await this.community(listenerId, []);
        return {
          connections: community?.connections ?? 0,
          loving: community?.loving ? [community.loving] : [],
        };
      },
    };
  }
}

function checkedListenerId(request: { listenerId?: unknown } | null | undefined): string {
  const listenerId = request?.listenerId;
  if (!isValidId(listenerId))
    throw new ConversationInputError('listenerId: must be 1..128 characters of letters, digits and - _ . :');
  return listenerId;
}

function checkedText(request: { text?: unknown }): string {
  const text = typeof request.text === 'string' ? request.text.trim() : '';
  if (text === '') throw new ConversationInputError('text: must not be empty');
  if (text.length > MAX_MESSAGE_LENGTH)
    throw new ConversationInputError(`text: at most ${MAX_MESSAGE_LENGTH} characters`);
  return text;
}

/** `understood` as API.md shows it: the fields of the contract only. */
function understoodForApi(understood: Understanding): DjReply['understood'] {
  return {
    intent: understood.intent,
    ...optional('mood', understood.mood),
    ...(understood.genres?.length ? { genres: understood.genres } : {}),
    ...(understood.artists?.length ? { artists: understood.artists } : {}),
    ...optional('activity', understood.activity),
    ...optional('feedback', understood.feedback),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
