import { greetingFacts } from './greetingFacts';
import { milestoneJustReached } from './milestones';
import { relationshipLength } from './relationshipLength';

describe('milestones', () => {
  it.each([
    [9, undefined],
    [10, 10],
    [14, 10],
    [15, undefined],
    [50, 50],
    [54, 50],
    [55, undefined],
    [100, 100],
    [109, 100],
    [110, undefined],
    [500, 500],
    [549, 500],
    [550, undefined],
  ])('%i interactions: %p', (count, milestone) => {
    expect(milestoneJustReached(count)).toBe(milestone);
  });
});

describe('relationship length', () => {
  it.each([
    [0, 'starting today'],
    [1, 'since yesterday'],
    [5, 'for 5 days'],
    [21, 'for 3 weeks'],
    [95, 'for 3 months'],
    [800, 'for 2 years'],
  ])('%i days: %s', (days, words) => expect(relationshipLength(days)).toBe(words));
});

describe('greetingFacts', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('no profile, or no interaction yet, is a new listener', () => {
    expect(greetingFacts({ profile: null, activeDays: 0, now })).toMatchObject({
      isNew: true,
      trustLevel: 'stranger',
    });
    expect(
      greetingFacts({
        profile: { interactionCount: 0, trustLevel: 'friend', createdAt: '2026-11-01T00:00:00Z', genres: {} },
        activeDays: 0,
        now,
      }),
    ).toMatchObject({ isNew: true });
  });

  it('a returning listener: days together, sessions, milestone and top genre', () => {
    expect(
      greetingFacts({
        profile: {
          name: 'Ada',
          interactionCount: 51,
          trustLevel: 'best_friend',
          createdAt: '2026-11-01T00:00:00Z',
          genres: { jazz: 0.9, rock: 0.4 },
        },
        activeDays: 7,
        now,
      }),
    ).toEqual({
      isNew: false,
      name: 'Ada',
      trustLevel: 'best_friend',
      interactionCount: 51,
      daysTogether: 30,
      sessionsShared: 7,
      milestone: 50,
      topGenre: 'jazz',
    });
  });
});
