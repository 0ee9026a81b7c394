import { Inject, Injectable } from '@nestjs/common';
import { PROFILE_SERVICE, ProfileQuery, type GetProfileRequest, type ProfileView } from '@qfzz/contracts';
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
}
