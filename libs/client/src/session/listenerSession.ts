import type { ListenerCalls } from './listenerCalls';
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
 * The calls of a `QfzzClient` bound to one listener: `qfzz.session('ann')`
 * or `qfzz.session(id, token)`. It shares the client's token and
 * read-your-writes bookkeeping, so a session and the client never disagree.
 */
export class ListenerSession {
  constructor(
    private readonly client: ListenerCalls,
    readonly listenerId: string,
  ) {}

  /** The log position of the last write made through this client for this listener. */
  get lastPosition(): number {
    return this.client.lastPosition(this.listenerId);
  }

  greet(options?: ReadOptions): Promise<Greeting> {
    return this.client.greetUser(this.listenerId, options);
  }

  interact(text: string): Promise<DjReply> {
    return this.client.interact(this.listenerId, text);
  }

  updatePreferences(preferences: PreferenceWords | WeightedPreferences): Promise<ProfileView> {
    return this.client.updatePreferences(this.listenerId, preferences);
  }

  recordInteraction(interaction: InteractionRequest): Promise<RecordedInteraction> {
    return this.client.recordInteraction(this.listenerId, interaction);
  }

  importHistory(items: readonly HistoryItem[]): Promise<HistoryImported> {
    return this.client.importHistory(this.listenerId, items);
  }

  generatePlaylist(options?: PlaylistOptions & ReadOptions): Promise<Playlist> {
    return this.client.generatePlaylist(this.listenerId, options);
  }

  getProfile(options?: ReadOptions): Promise<ProfileView> {
    return this.client.getProfile(this.listenerId, options);
  }

  getInsights(options?: ReadOptions): Promise<ListenerInsights> {
    return this.client.getInsights(this.listenerId, options);
  }

  getTrustScore(options?: ReadOptions): Promise<TrustScore> {
    return this.client.getTrustScore(this.listenerId, options);
  }

  addToCommunity(friendId: string): Promise<CommunityChange> {
    return this.client.addToCommunity(this.listenerId, friendId);
  }

  acceptCommunity(requesterId: string): Promise<CommunityChange> {
    return this.client.acceptCommunity(this.listenerId, requesterId);
  }

  declineCommunity(requesterId: string): Promise<CommunityChange> {
    return this.client.declineCommunity(this.listenerId, requesterId);
  }

  getCommunity(options?: ReadOptions): Promise<CommunityView> {
    return this.client.getCommunity(this.listenerId, options);
  }

  removeFromCommunity(friendId: string): Promise<void> {
    return this.client.removeFromCommunity(this.listenerId, friendId);
  }

  chooseDj(djId: string): Promise<DjChoice> {
    return this.client.chooseDj(this.listenerId, djId);
  }

  getDj(): Promise<DjChoice> {
    return this.client.getDj(this.listenerId);
  }

  verify(): Promise<ChainCheck> {
    return this.client.verify(this.listenerId);
  }

  exportEvents(options?: ExportEventsOptions): Promise<ListenerEventsPage> {
    return this.client.exportEvents(this.listenerId, options);
  }

  exportAllEvents(options?: ExportEventsOptions): Promise<ExportedEvent[]> {
    return this.client.exportAllEvents(this.listenerId, options);
  }

  forget(): Promise<ForgetResult> {
    return this.client.forget(this.listenerId);
  }

  stream(handlers: ListenerStreamHandlers, options?: ListenerStreamOptions): CloseStream {
    return this.client.stream(this.listenerId, handlers, options);
  }
}
