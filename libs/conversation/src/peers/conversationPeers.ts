import {
  CATALOG_SERVICE,
  CatalogQuery,
  PlaylistQuery,
  PROFILE_SERVICE,
  ProfileQuery,
  RECOMMENDER_SERVICE,
  TRUST_SERVICE,
  TrustQuery,
  type CatalogVocabulary,
  type CommunityView,
  type GetProfileRequest,
  type GetTracksRequest,
  type GetTracksResult,
  type Playlist,
  type PlaylistRequest,
  type ProfileView,
} from '@qfzz/contracts';
import type { CatalogTrack, RecentInteraction } from '@qfzz/domain';
import type { QueryBus } from '@qfzz/messaging';
import type { Vocabulary } from '@qfzz/nlu';
import { askPeer, type PeerTrouble } from './askPeer';

/**
 * The profile as the DJ reads it. `djId` and `recentInteractions` are in the
 * taste profile but not (yet) in the contract's `ProfileView`; when the
 * profile service sends them they are used, otherwise the DJ reads the
 * listener's stream tail.
 */
export type DjProfileView = ProfileView & { djId?: string; recentInteractions?: RecentInteraction[] };

export interface ConversationPeersOptions {
  timeoutMs?: number;
  /** How long the catalog's vocabulary is reused before asking again (default 60 s). */
  vocabularyTtlMs?: number;
  onTrouble?: PeerTrouble;
  clock?: () => number;
}

const EMPTY_VOCABULARY: Vocabulary = { genres: [], artists: [] };

/** Everything the DJ asks other services, each answer optional. */
export class ConversationPeers {
  private vocabulary: { value: Vocabulary; at: number } | undefined;

  constructor(
    private readonly queryBus: QueryBus,
    private readonly options: ConversationPeersOptions = {},
  ) {}

  private ask<TQuery, TResult>(service: string, query: string, payload: TQuery) {
    return askPeer<TQuery, TResult>(this.queryBus, service, query, payload, {
      timeoutMs: this.options.timeoutMs,
      onTrouble: this.options.onTrouble,
    });
  }

  profile(listenerId: string, minPosition?: number): Promise<DjProfileView | null | undefined> {
    return this.ask<GetProfileRequest, DjProfileView | null>(PROFILE_SERVICE, ProfileQuery.get, {
      listenerId,
      ...(minPosition ? { minPosition } : {}),
    });
  }

  /** The catalog's genre and artist names; empty when the catalog does not answer (genres then go unrecognised). */
  async catalogVocabulary(): Promise<Vocabulary> {
    const now = (this.options.clock ?? Date.now)();
    const ttl = this.options.vocabularyTtlMs ?? 60_000;
    if (this.vocabulary && now - this.vocabulary.at < ttl) return this.vocabulary.value;
    const answer = await this.ask<Record<string, never>, CatalogVocabulary>(
      CATALOG_SERVICE,
      CatalogQuery.vocabulary,
      {},
    );
    if (!answer) return this.vocabulary?.value ?? EMPTY_VOCABULARY;
    this.vocabulary = { value: answer, at: now };
    return answer;
  }

  async tracks(trackIds: string[]): Promise<Map<string, CatalogTrack>> {
    const found = new Map<string, CatalogTrack>();
    if (trackIds.length === 0) return found;
    const answer = await this.ask<GetTracksRequest, GetTracksResult>(
      CATALOG_SERVICE,
      CatalogQuery.getTracks,
      {
        trackIds,
      },
    );
    for (const track of answer?.tracks ?? []) found.set(track.trackId, track);
    return found;
  }

  playlist(request: PlaylistRequest): Promise<Playlist | undefined> {
    return this.ask<PlaylistRequest, Playlist>(RECOMMENDER_SERVICE, PlaylistQuery.generate, request);
  }

  community(listenerId: string): Promise<CommunityView | undefined> {
    return this.ask<{ listenerId: string }, CommunityView>(TRUST_SERVICE, TrustQuery.community, {
      listenerId,
    });
  }
}
