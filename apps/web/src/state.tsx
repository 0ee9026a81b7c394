import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Api, ApiError } from './api/client';
import type { DjReply, InteractionType, PlaylistTrack, Profile } from './api/types';
import { addSnapshot, parseHistory, snapshotOf, type ProfileSnapshot } from './lib/profileHistory';
import { advance, EMPTY_QUEUE, enqueue, refill, type QueueState } from './lib/queue';
import {
  forgetListener,
  loadHistoryText,
  loadListener,
  saveHistoryText,
  saveListener,
  type StoredListener,
} from './lib/session';

export const api = new Api();

export interface ChatLine {
  id: number;
  from: 'me' | 'dj' | 'system';
  text: string;
  djName?: string;
  tracks?: PlaylistTrack[];
  understood?: DjReply['understood'];
}

export interface Station {
  listener?: StoredListener;
  profile?: Profile;
  history: ProfileSnapshot[];
  queue: QueueState;
  chat: ChatLine[];
  live: boolean;
  notice?: string;
  join(listener: StoredListener): void;
  leave(): void;
  refreshProfile(minPosition?: number): Promise<void>;
  loadPlaylist(): Promise<void>;
  react(type: InteractionType, track: PlaylistTrack, rating?: number): Promise<void>;
  send(text: string): Promise<void>;
  play(track: PlaylistTrack, now: boolean): void;
  say(line: Omit<ChatLine, 'id'>): void;
  setNotice(text?: string): void;
}

const StationContext = createContext<Station | undefined>(undefined);

export function useStation(): Station {
  const station = useContext(StationContext);
  if (!station) throw new Error('useStation outside <StationProvider>');
  return station;
}

/** Words for an error a listener can act on; a missing endpoint says so plainly. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.missingEndpoint)
      return error.status === 503 ? error.message : `This station does not offer that yet (${error.path}).`;
    if (error.status === 429) return 'Easy there — too many requests. Try again in a moment.';
    return error.message;
  }
  if (error instanceof TypeError) return 'The station is not answering. Is it running?';
  return error instanceof Error ? error.message : String(error);
}

let lineIds = 1;

/** Songs straight from the catalog, in the listener's top genres, for when the recommender is away. */
async function catalogPicks(profile: Profile | undefined): Promise<PlaylistTrack[]> {
  const genres = Object.entries(profile?.genres ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([g]) => g);
  const pages = await Promise.all(
    (genres.length ? genres : [undefined]).map((genre) => api.searchTracks({ genre, limit: 10 })),
  );
  return pages.flatMap((page, i) =>
    page.tracks.map((t) => ({
      trackId: t.trackId,
      title: t.title,
      artist: t.artist,
      genre: t.genre,
      score: 0,
      reason: genres[i] ? `from the catalog: you like ${genres[i]}` : 'from the catalog',
      discovery: false,
    })),
  );
}

export function StationProvider(props: { children: ReactNode }) {
  const [listener, setListener] = useState<StoredListener | undefined>(() => loadListener(localStorage));
  const [profile, setProfile] = useState<Profile>();
  const [history, setHistory] = useState<ProfileSnapshot[]>(() =>
    listener ? parseHistory(loadHistoryText(localStorage, listener.listenerId)) : [],
  );
  const [queue, setQueue] = useState<QueueState>(EMPTY_QUEUE);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [live, setLive] = useState(false);
  const [notice, setNotice] = useState<string>();
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  const profileRef = useRef(profile);
  profileRef.current = profile;
  const queueRef = useRef(queue);
  queueRef.current = queue;

  const takeProfile = useCallback((next: Profile) => {
    if (next.listenerId !== listenerRef.current?.listenerId) return;
    if (!profileRef.current || profileRef.current.version <= next.version) profileRef.current = next;
    setProfile((previous) => (previous && previous.version > next.version ? previous : next));
    setHistory((h) => {
      const updated = addSnapshot(h, snapshotOf(next));
      saveHistoryText(localStorage, next.listenerId, JSON.stringify(updated));
      return updated;
    });
  }, []);

  const say = useCallback(
    (line: Omit<ChatLine, 'id'>) =>
      setChat((c) => {
        // The reply to a message also arrives as a `dj.said` event: show it once.
        if (line.from === 'dj' && c.slice(-4).some((l) => l.from === 'dj' && l.text === line.text)) {
          if (!line.tracks?.length) return c;
          return c.map((l) => (l.from === 'dj' && l.text === line.text ? { ...l, ...line } : l));
        }
        return [...c, { ...line, id: lineIds++ }];
      }),
    [],
  );

  const leave = useCallback(() => {
    forgetListener(localStorage, listenerRef.current?.listenerId);
    setListener(undefined);
    setProfile(undefined);
    setHistory([]);
    setQueue(EMPTY_QUEUE);
    setChat([]);
  }, []);

  const refreshProfile = useCallback(
    async (minPosition?: number) => {
      const auth = listenerRef.current;
      if (!auth) return;
      try {
        takeProfile(await api.profile(auth, minPosition));
      } catch (error) {
        if (
          error instanceof ApiError &&
          (error.status === 401 || error.status === 403 || error.status === 404)
        ) {
          setNotice('Your listener is not known to this station any more. Join again.');
          leave();
          return;
        }
        setNotice(describeError(error));
      }
    },
    [takeProfile, leave],
  );

  const loadPlaylist = useCallback(async () => {
    const auth = listenerRef.current;
    if (!auth) return;
    try {
      const playlist = await api.playlist(auth, { size: 12, exclude: 'played', hour: new Date().getHours() });
      setQueue((q) => refill(q, playlist.tracks));
    } catch (error) {
      setNotice(describeError(error));
      if (error instanceof ApiError && error.missingEndpoint) {
        // The recommender is not answering: keep the music going from the catalog.
        const fallback = await catalogPicks(profileRef.current).catch(() => []);
        setQueue((q) => refill(q, fallback));
      }
    }
  }, []);

  const join = useCallback((next: StoredListener) => {
    saveListener(localStorage, next);
    setHistory(parseHistory(loadHistoryText(localStorage, next.listenerId)));
    setQueue(EMPTY_QUEUE);
    setChat([]);
    setListener(next);
  }, []);

  const react = useCallback(
    async (type: InteractionType, track: PlaylistTrack, rating?: number) => {
      const auth = listenerRef.current;
      if (!auth) return;
      try {
        const result = await api.interact(auth, {
          trackId: track.trackId,
          type,
          ...(rating === undefined ? {} : { rating }),
          context: { hour: new Date().getHours() },
        });
        if (type === 'skip' || type === 'play') {
          if (queueRef.current.current?.trackId === track.trackId) setQueue((q) => advance(q));
        }
        await refreshProfile(result.position);
        if (queueRef.current.upNext.length < 3) void loadPlaylist();
      } catch (error) {
        setNotice(describeError(error));
      }
    },
    [refreshProfile, loadPlaylist],
  );

  const play = useCallback(
    (track: PlaylistTrack, now: boolean) => setQueue((q) => enqueue(q, track, now)),
    [],
  );

  const send = useCallback(
    async (text: string) => {
      const auth = listenerRef.current;
      if (!auth) return;
      say({ from: 'me', text });
      try {
        const reply = await api.say(auth, text);
        say({
          from: 'dj',
          text: reply.reply,
          djName: reply.djName,
          tracks: reply.tracks,
          understood: reply.understood,
        });
        const offered = reply.tracks ?? [];
        if (offered.length) setQueue((q) => refill(q, [...offered, ...q.upNext]));
        if (reply.position) void refreshProfile(reply.position);
      } catch (error) {
        say({ from: 'system', text: describeError(error) });
      }
    },
    [say, refreshProfile],
  );

  // A listener's session: profile, greeting, playlist, and the live event stream.
  useEffect(() => {
    if (!listener) return;
    let closed = false;
    void refreshProfile().then(() => (closed ? undefined : loadPlaylist()));
    api.greeting(listener).then(
      (g) => !closed && say({ from: 'dj', text: g.text, djName: g.djName }),
      () =>
        !closed &&
        say({
          from: 'dj',
          text: `Hey${listener.name ? ` ${listener.name}` : ''}! Tell me what you feel like hearing.`,
        }),
    );
    const source = new EventSource(api.streamUrl(listener));
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('profile.updated', (event) => {
      try {
        takeProfile(JSON.parse((event as MessageEvent<string>).data) as Profile);
      } catch {
        // a malformed event changes nothing
      }
    });
    source.addEventListener('playlist.updated', () => void loadPlaylist());
    source.addEventListener('dj.said', (event) => {
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as { text?: string; djName?: string };
        if (data.text) say({ from: 'dj', text: data.text, djName: data.djName });
      } catch {
        // ignore
      }
    });
    return () => {
      closed = true;
      source.close();
      setLive(false);
    };
  }, [listener, refreshProfile, loadPlaylist, takeProfile, say]);

  const station = useMemo<Station>(
    () => ({
      listener,
      profile,
      history,
      queue,
      chat,
      live,
      notice,
      join,
      leave,
      refreshProfile,
      loadPlaylist,
      react,
      send,
      play,
      say,
      setNotice,
    }),
    [
      listener,
      profile,
      history,
      queue,
      chat,
      live,
      notice,
      join,
      leave,
      refreshProfile,
      loadPlaylist,
      react,
      send,
      play,
      say,
    ],
  );
  return <StationContext.Provider value={station}>{props.children}</StationContext.Provider>;
}
