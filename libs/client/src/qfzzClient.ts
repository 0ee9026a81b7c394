import type { ReplayJob, ReplayStarted } from './types/admin';
import type { SearchTracksOptions, TrackInput, TrackPage, TracksImported } from './types/catalog';
import type { CommunityChange, CommunityView } from './types/community';
import type { DjChoice, DjList } from './types/djs';
import type {
  HistoryImported,
  HistoryItem,
  InteractionRequest,
  RecordedInteraction,
} from './types/interactions';
import type {
  ChainCheck,
  CreateListenerRequest,
  ExportedEvent,
  ExportEventsOptions,
  ForgetResult,
  ListenerEventsPage,
  ListenerInsights,
  PreferenceWords,
  ProfileView,
  RegisteredListener,
  TrustScore,
  WeightedPreferences,
} from './types/listeners';
import type { DjReply, Greeting, Playlist, PlaylistOptions } from './types/playlists';
import { HttpTransport, type FetchLike, type HttpRequest } from './http/httpTransport';
import { queryString, segment } from './http/queryString';
import type { ListenerCalls } from './session/listenerCalls';
import { ListenerSession } from './session/listenerSession';
import { ListenerTokens } from './session/listenerTokens';
import { ReadYourWrites, type ReadOptions } from './session/readYourWrites';
import {
  openListenerStream,
  type CloseStream,
  type ListenerStreamHandlers,
  type ListenerStreamOptions,
} from './sse/listenerStream';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:3000';
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface QfzzClientOptions {
  /** The gateway; default `http://127.0.0.1:3000` (edge mode's `npm start`). */
  baseUrl?: string;
  /**
   * A listener token to use for any listener this client has no token of
   * its own for (an app that acts for one listener it already registered).
   */
  token?: string;
  /** The admin token, for catalog imports and `/v1/admin/*`. */
  adminToken?: string;
  /** Default: the global `fetch` (Node 20+, browsers). */
  fetch?: FetchLike;
  /** Give up on a request after this long (ms); 0 = never. Default 30 s. Streams are not timed. */
  timeoutMs?: number;
  /**
   * Read-your-writes (default true): after this client wrote for a listener,
   * the next read of that listener waits until it reflects the write (see
   * README). False: reads wait only for an explicit `minPosition`.
   */
  readYourWrites?: boolean;
}

export type { ReadOptions } from './session/readYourWrites';

export interface WaitForReplayOptions {
  /** Default 100 ms. */
  pollMs?: number;
  /** Default 60 s. */
  timeoutMs?: number;
}

/** Health of the gateway (`GET /health`). */
export interface GatewayHealth {
  status: string;
  station?: string;
  mode?: string;
  [field: string]: unknown;
}

/**
 * The qfzz gateway (API.md) for client apps, in the seed's vocabulary:
 * `createListener`, `greetUser`, `interact`, `updatePreferences`,
 * `recordInteraction`, `generatePlaylist`, `getTrustScore`,
 * `addToCommunity`, `getProfile`, ...
 *
 * Tokens: `createListener` remembers the new listener's token, and every
 * call for that listener sends it; `useToken` adds one you kept from before.
 * `session(listenerId)` gives a `ListenerSession` with the same calls bound
 * to one listener.
 *
 * Errors: a refusal is a `QfzzApiError` (`status`, `error`, `message` of the
 * gateway's body); no answer is a `QfzzNetworkError` naming the URL.
 */
export class QfzzClient implements ListenerCalls {
  readonly baseUrl: string;
  private readonly http: HttpTransport;
  private readonly tokens: ListenerTokens;
  private readonly adminToken?: string;
  private readonly positions = new ReadYourWrites();
  private readonly readYourWrites: boolean;

  constructor(options: QfzzClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    const fetchImpl = options.fetch ?? globalFetch();
    this.http = new HttpTransport({
      baseUrl: this.baseUrl,
      fetch: fetchImpl,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    this.tokens = new ListenerTokens(options.token);
    this.adminToken = options.adminToken;
    this.readYourWrites = options.readYourWrites ?? true;
  }

  // ---------------------------------------------------------------- tokens and sessions

  /** Use `token` for every call about `listenerId` (a token kept from an earlier `createListener`). */
  useToken(listenerId: string, token: string): this {
    this.tokens.set(listenerId, token);
    return this;
  }

  /** The token this client sends for `listenerId`, if it has one. */
  tokenOf(listenerId: string): string | undefined {
    return this.tokens.get(listenerId);
  }

  /** The calls of this client bound to one listener; with `token`, remembers it first. */
  session(listenerId: string, token?: string): ListenerSession {
    if (token !== undefined) this.useToken(listenerId, token);
    return new ListenerSession(this, listenerId);
  }

  /** The log position of this client's last write for the listener (0 when none). */
  lastPosition(listenerId: string): number {
    return this.positions.lastWritten(listenerId);
  }

  // ---------------------------------------------------------------- listeners and profiles

  /**
   * Registers a listener (`POST /v1/listeners`, open to everyone) and
   * remembers its token. A `listenerId` that exists is a 409.
   */
  async createListener(request: CreateListenerRequest = {}): Promise<RegisteredListener> {
    const registered = await this.http.json<RegisteredListener>({
      method: 'POST',
      path: '/v1/listeners',
      body: request,
    });
    this.tokens.set(registered.listenerId, registered.token);
    this.positions.wrote(registered.listenerId, registered.position);
    return registered;
  }

  /**
   * The taste profile (`GET /v1/listeners/{id}/profile`). With `minPosition`
   * (or, by default, after this client wrote) the gateway waits (bounded)
   * until the profile reflects that log position.
   */
  async getProfile(listenerId: string, options: ReadOptions = {}): Promise<ProfileView> {
    const minPosition = options.minPosition ?? this.pendingPosition(listenerId);
    const profile = await this.listenerCall<ProfileView>(listenerId, 'GET', '/profile', {
      query: { minPosition },
    });
    this.positions.saw(listenerId, Math.max(profile.position, minPosition ?? 0));
    return profile;
  }

  /**
   * States preferences (`PATCH .../preferences`): a list of words
   * (`["jazz", "deep house"]`, +0.1 each) or the weighted object. Answers with
   * the profile that reflects the change.
   */
  async updatePreferences(
    listenerId: string,
    preferences: PreferenceWords | WeightedPreferences,
  ): Promise<ProfileView> {
    const profile = await this.listenerCall<ProfileView>(listenerId, 'PATCH', '/preferences', {
      body: preferences,
    });
    this.positions.wrote(listenerId, profile.position);
    this.positions.saw(listenerId, profile.position);
    return profile;
  }

  /** The seed's profile analysis (`GET .../insights`). */
  async getInsights(listenerId: string, options: ReadOptions = {}): Promise<ListenerInsights> {
    await this.catchUp(listenerId, options);
    return this.listenerCall(listenerId, 'GET', '/insights');
  }

  /** Trust score, level and community trust (`GET .../trust`). */
  async getTrustScore(listenerId: string, options: ReadOptions = {}): Promise<TrustScore> {
    await this.catchUp(listenerId, options);
    return this.listenerCall(listenerId, 'GET', '/trust');
  }

  /** Checks the listener's hash chain (`GET .../verify`): `ok`, how many events, the head hash. */
  verify(listenerId: string): Promise<ChainCheck> {
    return this.listenerCall(listenerId, 'GET', '/verify');
  }

  /** One page of the listener's own events (`GET .../events`), as stored. */
  exportEvents(listenerId: string, options: ExportEventsOptions = {}): Promise<ListenerEventsPage> {
    return this.listenerCall(listenerId, 'GET', '/events', {
      query: { fromVersion: options.fromVersion, limit: options.limit },
    });
  }

  /** Every event of the listener, following `nextFromVersion` page by page. */
  async exportAllEvents(listenerId: string, options: ExportEventsOptions = {}): Promise<ExportedEvent[]> {
    const events: ExportedEvent[] = [];
    let fromVersion: number | undefined = options.fromVersion;
    do {
      const page: ListenerEventsPage = await this.exportEvents(listenerId, { ...options, fromVersion });
      events.push(...page.events);
      fromVersion = page.nextFromVersion;
    } while (fromVersion !== undefined);
    return events;
  }

  /**
   * Forgets the listener everywhere (`DELETE /v1/listeners/{id}`, 202;
   * crypto-shredding). This client drops the token and positions it held.
   */
  async forget(listenerId: string): Promise<ForgetResult> {
    const result = await this.listenerCall<ForgetResult | undefined>(listenerId, 'DELETE', '');
    this.tokens.delete(listenerId);
    this.positions.forget(listenerId);
    return result ?? { listenerId, forgotten: true };
  }

  // ---------------------------------------------------------------- the DJ

  /** The DJ personas (`GET /v1/djs`). */
  listDjs(): Promise<DjList> {
    return this.http.json({ method: 'GET', path: '/v1/djs' });
  }

  /** Picks the listener's DJ (`PUT .../dj`); `djId` is one of `listDjs()`. */
  chooseDj(listenerId: string, djId: string): Promise<DjChoice> {
    return this.listenerCall(listenerId, 'PUT', '/dj', { body: { djId } });
  }

  /** The listener's DJ (`GET .../dj`); `chosen: false` while on the default. */
  getDj(listenerId: string): Promise<DjChoice> {
    return this.listenerCall(listenerId, 'GET', '/dj');
  }

  /** The DJ greets the listener (`GET .../greeting`): new vs returning, milestones, in the DJ's voice. */
  async greetUser(listenerId: string, options: ReadOptions = {}): Promise<Greeting> {
    await this.catchUp(listenerId, options);
    return this.listenerCall(listenerId, 'GET', '/greeting');
  }

  /**
   * Says something to the DJ (`POST .../messages`): the reply, what the DJ
   * understood (intent, mood, genres, ...) and maybe tracks. What the DJ
   * learned is written to the log; `position` says where.
   */
  async interact(listenerId: string, text: string): Promise<DjReply> {
    const reply = await this.listenerCall<DjReply>(listenerId, 'POST', '/messages', { body: { text } });
    this.positions.wrote(listenerId, reply.position);
    return reply;
  }

  /**
   * The next tracks, each with a score and a reason (`GET .../playlist`).
   * The gateway takes `minPosition` here itself (default: this client's last
   * unseen write), so the playlist reflects what was just written.
   */
  generatePlaylist(listenerId: string, options: PlaylistOptions & ReadOptions = {}): Promise<Playlist> {
    const { minPosition = this.pendingPosition(listenerId), ...query } = options;
    return this.listenerCall(listenerId, 'GET', '/playlist', { query: { ...query, minPosition } });
  }

  /**
   * Opens the listener's server-sent events (`GET .../stream`):
   * `profile.updated`, `playlist.updated`, `dj.said`. Returns the function
   * that closes it. Reconnects after a dropped connection unless told not to;
   * a refusal (401/403/404) ends it through `onError` then `onClose`.
   */
  stream(listenerId: string, handlers: ListenerStreamHandlers, options?: ListenerStreamOptions): CloseStream {
    return openListenerStream(
      this.http,
      listenerPath(listenerId, '/stream'),
      this.tokens.get(listenerId),
      handlers,
      options,
    );
  }

  // ---------------------------------------------------------------- interactions

  /** Records one reaction to a catalog track (`POST .../interactions`, 202). */
  async recordInteraction(listenerId: string, interaction: InteractionRequest): Promise<RecordedInteraction> {
    const recorded = await this.listenerCall<RecordedInteraction>(listenerId, 'POST', '/interactions', {
      body: interaction,
    });
    this.positions.wrote(listenerId, recorded.position);
    return recorded;
  }

  /** Imports past listening in bulk (`POST .../history`, up to 10,000 items a call); all or nothing. */
  async importHistory(listenerId: string, items: readonly HistoryItem[]): Promise<HistoryImported> {
    const imported = await this.listenerCall<HistoryImported>(listenerId, 'POST', '/history', {
      body: { items },
    });
    this.positions.wrote(listenerId, imported.position);
    return imported;
  }

  // ---------------------------------------------------------------- community

  /** Asks `friendId` to connect (`POST .../community`, 202): pending until they accept. */
  async addToCommunity(listenerId: string, friendId: string): Promise<CommunityChange> {
    const change = await this.listenerCall<CommunityChange>(listenerId, 'POST', '/community', {
      body: { friendId },
    });
    this.positions.wrote(listenerId, change.position);
    return change;
  }

  /** `listenerId` accepts the pending request of `requesterId` (`POST .../community/{requesterId}/accept`). */
  async acceptCommunity(listenerId: string, requesterId: string): Promise<CommunityChange> {
    const change = await this.listenerCall<CommunityChange>(
      listenerId,
      'POST',
      `/community/${segment(requesterId)}/accept`,
    );
    this.positions.wrote(listenerId, change.position);
    return change;
  }

  /** `listenerId` declines the pending request of `requesterId` (`POST .../community/{requesterId}/decline`). */
  async declineCommunity(listenerId: string, requesterId: string): Promise<CommunityChange> {
    const change = await this.listenerCall<CommunityChange>(
      listenerId,
      'POST',
      `/community/${segment(requesterId)}/decline`,
    );
    this.positions.wrote(listenerId, change.position);
    return change;
  }

  /** Connections, pending requests and what the community has been loving (`GET .../community`). */
  async getCommunity(listenerId: string, options: ReadOptions = {}): Promise<CommunityView> {
    await this.catchUp(listenerId, options);
    return this.listenerCall(listenerId, 'GET', '/community');
  }

  /** Ends a connection, or withdraws a request (`DELETE .../community/{friendId}`, 204). */
  async removeFromCommunity(listenerId: string, friendId: string): Promise<void> {
    await this.listenerCall(listenerId, 'DELETE', `/community/${segment(friendId)}`);
  }

  // ---------------------------------------------------------------- catalog and admin

  /** Browses the catalog (`GET /v1/catalog/tracks`, open); pass `nextCursor` as `cursor` for more. */
  searchTracks(options: SearchTracksOptions = {}): Promise<TrackPage> {
    return this.http.json({
      method: 'GET',
      path: `/v1/catalog/tracks${queryString({ ...options })}`,
    });
  }

  /** Imports tracks (admin; up to 10,000 a call, idempotent on trackId); bad rows come back in `rejected`. */
  importTracks(tracks: readonly TrackInput[]): Promise<TracksImported> {
    return this.http.json({
      method: 'POST',
      path: '/v1/catalog/tracks',
      token: this.adminToken,
      body: { tracks },
    });
  }

  /** Starts a blue-green rebuild of a projection (admin; default `taste-profiles`). */
  replay(options: { projection?: string } = {}): Promise<ReplayStarted> {
    return this.http.json({
      method: 'POST',
      path: '/v1/admin/replay',
      token: this.adminToken,
      body: options,
    });
  }

  /** A rebuild's progress (admin). */
  replayStatus(jobId: string): Promise<ReplayJob> {
    return this.http.json({
      method: 'GET',
      path: `/v1/admin/replay/${segment(jobId)}`,
      token: this.adminToken,
    });
  }

  /** Polls a rebuild until it is no longer running; resolves with the last status (`done` or `failed`). */
  async waitForReplay(jobId: string, options: WaitForReplayOptions = {}): Promise<ReplayJob> {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const job = await this.replayStatus(jobId);
      if (job.state !== 'running') return job;
      if (Date.now() >= deadline)
        throw new Error(`replay job ${jobId} still running after ${options.timeoutMs ?? 60_000} ms`);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
    }
  }

  /** Liveness (`GET /health`). */
  health(): Promise<GatewayHealth> {
    return this.http.json({ method: 'GET', path: '/health' });
  }

  // ---------------------------------------------------------------- internals

  private listenerCall<T>(
    listenerId: string,
    method: HttpRequest['method'],
    suffix: string,
    extra: { query?: Record<string, string | number | undefined>; body?: unknown } = {},
  ): Promise<T> {
    return this.http.json<T>({
      method,
      path: `${listenerPath(listenerId, suffix)}${queryString(extra.query)}`,
      token: this.tokens.get(listenerId),
      body: extra.body,
    });
  }

  private pendingPosition(listenerId: string): number | undefined {
    return this.readYourWrites ? this.positions.pending(listenerId) : undefined;
  }

  /**
   * For reads whose route takes no `minPosition`: wait on the profile route
   * (which does) first, only when there is something to wait for.
   */
  private async catchUp(listenerId: string, options: ReadOptions): Promise<void> {
    const minPosition = options.minPosition ?? this.pendingPosition(listenerId);
    if (minPosition === undefined) return;
    await this.getProfile(listenerId, { minPosition });
  }
}

function listenerPath(listenerId: string, suffix: string): string {
  return `/v1/listeners/${segment(listenerId)}${suffix}`;
}

function globalFetch(): FetchLike {
  if (typeof globalThis.fetch !== 'function')
    throw new Error('no global fetch: use Node 20+ or a browser, or pass `fetch` in the options');
  // Bound, so browsers do not refuse it as an "illegal invocation" off `window`.
  return globalThis.fetch.bind(globalThis);
}
