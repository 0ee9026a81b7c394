import { trustLevelOf } from '@qfzz/domain';
import type { ProfileView } from '@qfzz/contracts';
import type { StoredProfile } from './profileReadModel';

/** The profile as API.md shows it to its listener. */
export function toProfileView({ profile, version, position }: StoredProfile): ProfileView {
  return {
    listenerId: profile.listenerId,
    ...(profile.name === undefined ? {} : { name: profile.name }),
    genres: profile.genres,
    artists: profile.artists,
    moods: profile.moods,
    energyLevel: profile.energyLevel,
    tempoPreference: profile.tempoPreference,
    discoveryFactor: profile.discoveryFactor,
    trustScore: profile.trustScore,
    trustLevel: trustLevelOf(profile.trustScore),
    interactionCount: profile.interactionCount,
    communityConnections: profile.communityConnections,
    ...(profile.currentMood === undefined ? {} : { currentMood: profile.currentMood }),
    ...(profile.djId === undefined ? {} : { djId: profile.djId }),
    recentInteractions: profile.recentInteractions,
    createdAt: profile.createdAt,
    version,
    position,
  };
}
