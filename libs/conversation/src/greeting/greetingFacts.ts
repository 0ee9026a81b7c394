import type { TrustLevel } from '@qfzz/domain';
import { milestoneJustReached } from './milestones';
import { daysBetween } from './relationshipLength';

/** What the DJ knows when a listener comes in. */
export interface GreetingFacts {
  isNew: boolean;
  name?: string;
  trustLevel: TrustLevel;
  interactionCount: number;
  /** Days since the listener's stream began. */
  daysTogether: number;
  /** Days on which the listener did something (sessions shared). */
  sessionsShared: number;
  milestone?: number;
  topGenre?: string;
}

export interface GreetingInputs {
  profile?: {
    name?: string;
    trustLevel: TrustLevel;
    interactionCount: number;
    createdAt: string;
    genres: Record<string, number>;
  } | null;
  /** Distinct UTC days with an interaction or a message. */
  activeDays: number;
  now: Date;
}

/** Pure: new or returning, how long, how often, which milestone. No profile or no interaction yet is new. */
export function greetingFacts({ profile, activeDays, now }: GreetingInputs): GreetingFacts {
  if (!profile || profile.interactionCount === 0) {
    return {
      isNew: true,
      ...(profile?.name ? { name: profile.name } : {}),
      trustLevel: profile?.trustLevel ?? 'stranger',
      interactionCount: 0,
      daysTogether: profile ? daysBetween(profile.createdAt, now) : 0,
      sessionsShared: 0,
    };
  }
  const milestone = milestoneJustReached(profile.interactionCount);
  const topGenre = strongest(profile.genres);
  return {
    isNew: false,
    ...(profile.name ? { name: profile.name } : {}),
    trustLevel: profile.trustLevel,
    interactionCount: profile.interactionCount,
    daysTogether: daysBetween(profile.createdAt, now),
    sessionsShared: Math.max(1, activeDays),
    ...(milestone ? { milestone } : {}),
    ...(topGenre ? { topGenre } : {}),
  };
}

/** The key with the highest weight, if it is above neutral (a liked genre, not merely a known one). */
export function strongest(weights: Record<string, number>): string | undefined {
  let best: string | undefined;
  let bestWeight = 0.5;
  for (const [key, weight] of Object.entries(weights)) {
    if (weight > bestWeight || (weight === bestWeight && best !== undefined && key < best)) {
      best = key;
      bestWeight = weight;
    }
  }
  return best;
}
