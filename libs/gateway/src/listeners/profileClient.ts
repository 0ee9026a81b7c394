import { Inject, Injectable } from '@nestjs/common';
import {
  PROFILE_SERVICE,
  ProfileQuery,
  TRUST_SERVICE,
  TrustQuery,
  type CommunityView,
  type GetProfileRequest,
  type ListenerExistsRequest,
  type ProfileView,
} from '@qfzz/contracts';
import { copyWith } from '@qfzz/domain';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';

/** Asks the profile service (over the query bus) for a listener's profile. */
@Injectable()
export class ProfileClient {
  constructor(@Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps) {}

  /** Null when the listener does not exist or was forgotten. */
  get(listenerId: string, minPosition?: number): Promise<ProfileView | null> {
    return this.deps.queryBus.request<GetProfileRequest, ProfileView | null>(
      PROFILE_SERVICE,
      ProfileQuery.get,
      minPosition === undefined ? { listenerId } : { listenerId, minPosition },
      { timeoutMs: this.deps.queryTimeoutMs },
    );
  }

  /** Whether the listener is registered and not forgotten, without fetching the profile. */
  exists(listenerId: string): Promise<boolean> {
    return this.deps.queryBus.request<ListenerExistsRequest, boolean>(
      PROFILE_SERVICE,
      ProfileQuery.exists,
      { listenerId },
      { timeoutMs: this.deps.queryTimeoutMs },
    );
  }

  /**
   * The profile with `communityConnections` as the trust network knows them.
   * Connections live in `connection-<a>-<b>` streams, which the taste-profile
   * fold does not read; when the trust network does not answer, the profile's
   * own list stays.
   */
  async withCommunity(profile: ProfileView): Promise<ProfileView> {
    try {
      const community = await this.deps.queryBus.request<{ listenerId: string }, CommunityView>(
        TRUST_SERVICE,
        TrustQuery.community,
        { listenerId: profile.listenerId },
        { timeoutMs: this.deps.queryTimeoutMs },
      );
      return copyWith(profile, { communityConnections: community.connections.map((c) => c.listenerId) });
    } catch {
      return profile;
    }
  }
}
