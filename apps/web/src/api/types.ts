// The shapes of the gateway contract (shared/design/API.md) the web app uses.
// Kept here, not imported from libs, so the browser bundle holds no server code.

export type Weights = Record<string, number>;

export interface Registered {
  listenerId: string;
  token: string;
  position?: number;
}

export interface Preferences {
  genres?: Weights;
  artists?: Weights;
  moods?: Weights;
  energyLevel?: number;
  tempoPreference?: 'slow' | 'medium' | 'fast' | 'varied';
  discoveryFactor?: number;
}

export type TrustLevel = 'stranger' | 'acquaintance' | 'friend' | 'close_friend' | 'best_friend';

export interface RecentInteraction {
  trackId: string;
  type: InteractionType;
  at?: string;
  genre: string;
  artist: string;
}

export interface Profile {
  listenerId: string;
  name?: string;
  genres: Weights;
  artists: Weights;
  moods: Weights;
  energyLevel: number;
  tempoPreference: string;
  discoveryFactor: number;
  trustScore: number;
  trustLevel: TrustLevel;
  interactionCount: number;
  communityConnections: string[];
  currentMood?: string;
  djId?: string;
  recentInteractions?: RecentInteraction[];
  createdAt: string;
  version: number;
  position: number;
}

export interface Dj {
  djId: string;
  name: string;
  style: string;
  suitedFor?: string[];
  default?: boolean;
}

export interface DjList {
  djs: Dj[];
  defaultDjId: string;
}

export interface DjChoice {
  listenerId: string;
  djId: string;
  dj?: Dj;
  chosen: boolean;
}

export interface Greeting {
  text: string;
  djName: string;
}

export type InteractionType = 'play' | 'skip' | 'like' | 'favorite' | 'rate';

export interface Interaction {
  trackId: string;
  type: InteractionType;
  rating?: number;
  at?: string;
  context?: { activity?: string; mood?: string; hour?: number };
}

export interface Appended {
  eventId: string;
  version: number;
  position: number;
}

export interface PlaylistTrack {
  trackId: string;
  title: string;
  artist: string;
  genre: string;
  score: number;
  reason: string;
  discovery: boolean;
}

export interface Playlist {
  tracks: PlaylistTrack[];
  generatedAt: string;
  profileVersion: number;
}

export interface PlaylistQuery {
  size?: number;
  exclude?: 'played';
  mood?: string;
  activity?: string;
  hour?: number;
  discovery?: number;
}

export interface DjReply {
  reply: string;
  djName: string;
  understood: {
    intent: string;
    mood?: string;
    genres?: string[];
    artists?: string[];
    activity?: string;
    feedback?: 'positive' | 'negative';
  };
  tracks?: PlaylistTrack[];
  position?: number;
}

export interface Trust {
  trustScore: number;
  trustLevel: TrustLevel;
  communityTrust: number;
  connections?: number;
}

export interface Insights {
  genreDiversity: number;
  genreConcentration: number;
  artistDiversity: number;
  totalInteractions: number;
  recentLikeRate: number;
  recentSkipRate: number;
  topGenres: unknown[];
  topArtists: unknown[];
}

export interface Community {
  connections: { listenerId: string; name?: string; since?: string }[];
  pending: { listenerId: string; direction?: 'incoming' | 'outgoing'; name?: string; since?: string }[];
  /** What friends have been loving lately (counts only). */
  loving?: { trackId: string; friends: number; title?: string; artist?: string }[];
}

export interface CatalogTrackInput {
  trackId: string;
  title: string;
  artist: string;
  genre: string;
  subgenre?: string;
  mood?: string;
  energy?: number;
  tempo?: number | 'slow' | 'medium' | 'fast';
  valence?: number;
  danceability?: number;
  durationMs?: number;
  popularity?: number;
  tags?: string[];
}

export interface CatalogTrack {
  trackId: string;
  title: string;
  artist: string;
  genre: string;
  [field: string]: unknown;
}

export interface Imported {
  accepted: number;
  rejected: { index: number; error: string }[];
  superseded?: { index: number; by: number }[];
  position?: number;
}

export interface ReplayJob {
  jobId: string;
  projection: string;
  state: 'running' | 'done' | 'failed';
  progress: {
    phase: string;
    processed: number;
    position: number;
    head: number;
    eventsPerSecond: number;
    etaSeconds: number | null;
  };
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

export interface Health {
  status: string;
  station?: string;
  mode?: string;
}

export interface Ready {
  status: string;
  checks: Record<string, { ok: boolean; [detail: string]: unknown }>;
}
