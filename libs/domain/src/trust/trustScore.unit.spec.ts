import { trustLevelOf } from './trustLevel';
import {
  INITIAL_TRUST_SCORE,
  TRUST_INTERACTIONS,
  countsAsTrustInteraction,
  evolveTrust,
  foldTrust,
  initialTrustState,
  trustScoreFor,
} from './trustScore';

describe('trust score', () => {
  it('starts at 0.5 as a friend', () => {
    expect(INITIAL_TRUST_SCORE).toBe(0.5);
    expect(trustScoreFor(0)).toBe(0.5);
    expect(trustLevelOf(trustScoreFor(0))).toBe('friend');
  });

  it.each([
    [1, 0.51, 'friend'],
    [10, 0.6, 'friend'],
    [19, 0.69, 'friend'],
    [20, 0.7, 'close_friend'],
    [30, 0.8, 'close_friend'],
    [40, 0.9, 'best_friend'],
    [50, 1, 'best_friend'],
    [80, 1, 'best_friend'],
    [10_000, 1, 'best_friend'],
  ])('after %i interactions it is exactly %p (%s)', (interactions, score, level) => {
    expect(trustScoreFor(interactions)).toBe(score);
    expect(trustLevelOf(trustScoreFor(interactions))).toBe(level);
  });

  it('has no float drift however long the history', () => {
    for (let n = 0; n <= 60; n++) expect(String(trustScoreFor(n))).toMatch(/^(0\.\d{1,2}|1)$/);
  });

  it.each([-1, 1.5, Number.NaN])('refuses an interaction count of %p', (n) => {
    expect(() => trustScoreFor(n)).toThrow(RangeError);
  });
});

describe('what counts as an interaction', () => {
  it('is every reaction to a track and every message to the DJ, and nothing else', () => {
    expect([...TRUST_INTERACTIONS].sort()).toEqual(
      ['MessageSent', 'TrackFavorited', 'TrackLiked', 'TrackPlayed', 'TrackRated', 'TrackSkipped'].sort(),
    );
  });

  it.each([
    'DjReplied',
    'PreferencesStated',
    'MoodExpressed',
    'CommunityAccepted',
    'ListenerRegistered',
    'Whatever',
  ])('%s does not count', (type) => {
    expect(countsAsTrustInteraction(type)).toBe(false);
  });
});

describe('the trust reducer', () => {
  it('given two messages, when folded, then trust is 0.52', () => {
    expect(foldTrust([{ type: 'MessageSent' }, { type: 'MessageSent' }])).toEqual({
      interactionCount: 2,
      trustScore: 0.52,
    });
  });

  it('given a skip, a DJ reply and a mood, when folded, then only the skip counts', () => {
    expect(foldTrust([{ type: 'TrackSkipped' }, { type: 'DjReplied' }, { type: 'MoodExpressed' }])).toEqual({
      interactionCount: 1,
      trustScore: 0.51,
    });
  });

  it('returns the same state for an event that does not count', () => {
    expect(evolveTrust(initialTrustState, { type: 'DjReplied' })).toBe(initialTrustState);
  });

  it('given 80 plays, when folded, then trust is capped at exactly 1', () => {
    const state = foldTrust(Array.from({ length: 80 }, () => ({ type: 'TrackPlayed' })));
    expect(state).toEqual({ interactionCount: 80, trustScore: 1 });
  });
});
