import type { ReadOptions } from './readYourWrites';
import type { ListenerStreamHandlers, ListenerStreamOptions, CloseStream } from '../sse/listenerStream';
import type { CommunityChange, CommunityView } from '../types/community';
import type { DjChoice } from '../types/djs';
import type {
  HistoryImported,
  HistoryItem,
  InteractionRequest,
  RecordedInteraction,
} from '../types/interactions';
import type {
  ChainCheck,
  ExportedEvent,
  ExportEventsOptions,
  ForgetResult,
  ListenerEventsPage,
  ListenerInsights,
  PreferenceWords,
  ProfileView,
  TrustScore,
  WeightedPreferences,
} from '../types/listeners';
import type { DjReply, Greeting, Playlist, PlaylistOptions } from '../types/playlists';

/**
 * The calls a client offers about one listener, each naming the listener:
 * what a `ListenerSession` binds (`QfzzClient` implements them).
 */
export interface ListenerCalls {
  lastPosition(listenerId: string): number;
  greetUser(listenerId: string, options?: ReadOptions): Promise<Greeting>;
  interact(listenerId: string, text: string): Promise<DjReply>;
  updatePreferences(
    listenerId: string,
    preferences: PreferenceWords | WeightedPreferences,
  ): Promise<ProfileView>;
  recordInteraction(listenerId: string, interaction: InteractionRequest): Promise<RecordedInteraction>;
  importHistory(listenerId: string, items: readonly HistoryItem[]): Promise<HistoryImported>;
  generatePlaylist(listenerId: string, options?: PlaylistOptions & ReadOptions): Promise<Playlist>;
  getProfile(listenerId: string, options?: ReadOptions): Promise<ProfileView>;
  getInsights(listenerId: string, options?: ReadOptions): Promise<ListenerInsights>;
  getTrustScore(listenerId: string, options?: ReadOptions): Promise<TrustScore>;
  addToCommunity(listenerId: string, friendId: string): Promise<CommunityChange>;
  acceptCommunity(listenerId: string, requesterId: string): Promise<CommunityChange>;
  declineCommunity(listenerId: string, requesterId: string): Promise<CommunityChange>;
  getCommunity(listenerId: string, options?: ReadOptions): Promise<CommunityView>;
  removeFromCommunity(listenerId: string, friendId: string): Promise<void>;
  chooseDj(listenerId: string, djId: string): Promise<DjChoice>;
  getDj(listenerId: string): Promise<DjChoice>;
  verify(listenerId: string): Promise<ChainCheck>;
  exportEvents(listenerId: string, options?: ExportEventsOptions): Promise<ListenerEventsPage>;
  exportAllEvents(listenerId: string, options?: ExportEventsOptions): Promise<ExportedEvent[]>;
  forget(listenerId: string): Promise<ForgetResult>;
  stream(listenerId: string, handlers: ListenerStreamHandlers, options?: ListenerStreamOptions): CloseStream;
}
