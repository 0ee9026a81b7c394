import type {
  Appended,
  CatalogTrack,
  CatalogTrackInput,
  Community,
  DjChoice,
  DjList,
  DjReply,
  Greeting,
  Health,
  Imported,
  Insights,
  Interaction,
  Playlist,
  PlaylistQuery,
  Preferences,
  Profile,
  Ready,
  Registered,
  ReplayJob,
  Trust,
} from './types';

/** A non-2xx answer: the gateway's `{statusCode, error, message}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }

  /** The route is not served by this gateway (yet), or the service behind it is not running. */
  get missingEndpoint(): boolean {
    return (
      (this.status === 404 && /^Cannot [A-Z]+ /.test(this.message)) ||
      this.status === 501 ||
      (this.status === 503 && /not (running|wired)/i.test(this.message))
    );
  }
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiOptions {
  /** '' in the browser (same origin); an absolute URL elsewhere. */
  baseUrl?: string;
  fetch?: FetchLike;
}

type Query = Record<string, string | number | boolean | undefined>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Thin, typed, fetch-based access to the gateway (API.md v1). */
export class Api {
  private readonly baseUrl: string;
  private readonly fetchImpl: FetchLike;

  constructor(options: ApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async request<T>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; query?: Query } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const url = `${this.baseUrl}${path}${queryString(options.query)}`;
    const response = await this.fetchImpl(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let data: unknown = undefined;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    if (!response.ok) {
      const message =
        data && typeof data === 'object' && 'message' in data
          ? String((data as { message: unknown }).message)
          : `${response.status} ${response.statusText}`;
      throw new ApiError(response.status, message, path);
    }
    return data as T;
  }

  // Listeners
  register(input: { name?: string; listenerId?: string; preferences?: Preferences }): Promise<Registered> {
    return this.request('POST', '/v1/listeners', { body: input });
  }
  profile(auth: ListenerAuth, minPosition?: number): Promise<Profile> {
    return this.request('GET', `${listenerPath(auth)}/profile`, {
      token: auth.token,
      query: { minPosition },
    });
  }
  statePreferences(auth: ListenerAuth, preferences: Preferences | string[]): Promise<Profile> {
    return this.request('PATCH', `${listenerPath(auth)}/preferences`, {
      token: auth.token,
      body: preferences,
    });
  }
  greeting(auth: ListenerAuth): Promise<Greeting> {
    return this.request('GET', `${listenerPath(auth)}/greeting`, { token: auth.token });
  }
  insights(auth: ListenerAuth): Promise<Insights> {
    return this.request('GET', `${listenerPath(auth)}/insights`, { token: auth.token });
  }
  forget(auth: ListenerAuth): Promise<unknown> {
    return this.request('DELETE', listenerPath(auth), { token: auth.token });
  }

  // DJs
  djs(): Promise<DjList> {
    return this.request('GET', '/v1/djs');
  }
  dj(auth: ListenerAuth): Promise<DjChoice> {
    return this.request('GET', `${listenerPath(auth)}/dj`, { token: auth.token });
  }
  chooseDj(auth: ListenerAuth, djId: string): Promise<DjChoice> {
    return this.request('PUT', `${listenerPath(auth)}/dj`, { token: auth.token, body: { djId } });
  }

  // Interactions, playlist, chat
  interact(auth: ListenerAuth, interaction: Interaction): Promise<Appended> {
    return this.request('POST', `${listenerPath(auth)}/interactions`, {
      token: auth.token,
      body: interaction,
    });
  }
  playlist(auth: ListenerAuth, query: PlaylistQuery = {}): Promise<Playlist> {
    return this.request('GET', `${listenerPath(auth)}/playlist`, { token: auth.token, query: { ...query } });
  }
  say(auth: ListenerAuth, text: string): Promise<DjReply> {
    return this.request('POST', `${listenerPath(auth)}/messages`, { token: auth.token, body: { text } });
  }
  /** The URL of the listener's server-sent events (EventSource cannot send headers). */
  streamUrl(auth: ListenerAuth): string {
    return `${this.baseUrl}${listenerPath(auth)}/stream?token=${encodeURIComponent(auth.token)}`;
  }

  // Trust and community
  trust(auth: ListenerAuth): Promise<Trust> {
    return this.request('GET', `${listenerPath(auth)}/trust`, { token: auth.token });
  }
  community(auth: ListenerAuth): Promise<Community> {
    return this.request('GET', `${listenerPath(auth)}/community`, { token: auth.token });
  }
  requestFriend(auth: ListenerAuth, friendId: string): Promise<unknown> {
    return this.request('POST', `${listenerPath(auth)}/community`, { token: auth.token, body: { friendId } });
  }
  acceptFriend(auth: ListenerAuth, requesterId: string): Promise<unknown> {
    return this.request('POST', `${listenerPath(auth)}/community/${encodeURIComponent(requesterId)}/accept`, {
      token: auth.token,
    });
  }
  removeFriend(auth: ListenerAuth, friendId: string): Promise<unknown> {
    return this.request('DELETE', `${listenerPath(auth)}/community/${encodeURIComponent(friendId)}`, {
      token: auth.token,
    });
  }

  // Catalog and admin
  searchTracks(query: { genre?: string; artist?: string; q?: string; limit?: number; cursor?: string }) {
    return this.request<{ tracks: CatalogTrack[]; nextCursor?: string }>('GET', '/v1/catalog/tracks', {
      query,
    });
  }
  importTracks(adminToken: string, tracks: CatalogTrackInput[]): Promise<Imported> {
    return this.request('POST', '/v1/catalog/tracks', { token: adminToken, body: { tracks } });
  }
  startReplay(adminToken: string, projection?: string): Promise<{ jobId: string }> {
    return this.request('POST', '/v1/admin/replay', {
      token: adminToken,
      body: projection ? { projection } : {},
    });
  }
  replayJob(adminToken: string, jobId: string): Promise<ReplayJob> {
    return this.request('GET', `/v1/admin/replay/${encodeURIComponent(jobId)}`, { token: adminToken });
  }
  health(): Promise<Health> {
    return this.request('GET', '/health');
  }
  /** `/ready` answers 503 with the same body when a dependency is down: return it either way. */
  async ready(): Promise<Ready> {
    try {
      return await this.request<Ready>('GET', '/ready');
    } catch (error) {
      if (error instanceof ApiError && error.status === 503) return { status: 'not_ready', checks: {} };
      throw error;
    }
  }
}

export interface ListenerAuth {
  listenerId: string;
  token: string;
}

function listenerPath(auth: ListenerAuth): string {
  return `/v1/listeners/${encodeURIComponent(auth.listenerId)}`;
}
