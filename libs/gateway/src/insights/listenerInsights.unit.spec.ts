import { listenerInsights, RECENT_REACTIONS_WINDOW, type Reaction } from './listenerInsights';

describe('listener insights', () => {
  it('given a new listener, then everything is zero and the lists are empty', () => {
    expect(listenerInsights({ genres: {}, artists: {}, interactionCount: 0, reactions: [] })).toEqual({
      genreDiversity: 0,
      genreConcentration: 0,
      artistDiversity: 0,
      totalInteractions: 0,
      recentLikeRate: 0,
      recentSkipRate: 0,
      topGenres: [],
      topArtists: [],
    });
  });

  it('counts genres and artists, and the strongest genre share of all genre weight', () => {
    const insights = listenerInsights({
      genres: { jazz: 0.8, rock: 0.4, pop: 0.4, soul: 0.4 },
      artists: { 'Miles Davis': 0.7, Queen: 0.55 },
      interactionCount: 7,
      reactions: [],
    });
    expect(insights.genreDiversity).toBe(4);
    expect(insights.genreConcentration).toBe(0.4); // 0.8 / 2.0
    expect(insights.artistDiversity).toBe(2);
    expect(insights.totalInteractions).toBe(7);
  });

  it('lists the top five genres heaviest first, ties by name', () => {
    const genres = { a: 0.5, b: 0.9, c: 0.5, d: 0.1, e: 0.7, f: 0.5 };
    expect(listenerInsights({ genres, artists: {}, interactionCount: 0, reactions: [] }).topGenres).toEqual([
      { genre: 'b', weight: 0.9 },
      { genre: 'e', weight: 0.7 },
      { genre: 'a', weight: 0.5 },
      { genre: 'c', weight: 0.5 },
      { genre: 'f', weight: 0.5 },
    ]);
  });

  it('rates likes and skips over the last 20 reactions only', () => {
    const old: Reaction[] = Array.from({ length: 30 }, () => ({ type: 'skip' }));
    const recent: Reaction[] = [
      ...Array.from({ length: 5 }, (): Reaction => ({ type: 'like' })),
      { type: 'favorite' },
      { type: 'rate', rating: 0.9 },
      { type: 'rate', rating: 0.2 },
      ...Array.from({ length: 2 }, (): Reaction => ({ type: 'skip' })),
      ...Array.from({ length: 10 }, (): Reaction => ({ type: 'play' })),
    ];
    expect(recent).toHaveLength(RECENT_REACTIONS_WINDOW);
    const insights = listenerInsights({
      genres: {},
      artists: {},
      interactionCount: 50,
      reactions: [...old, ...recent],
    });
    expect(insights.recentLikeRate).toBe(0.35); // 5 likes + 1 favorite + 1 rating above 0.5
    expect(insights.recentSkipRate).toBe(0.1);
  });

  it('rates a short history over what there is', () => {
    const insights = listenerInsights({
      genres: {},
      artists: {},
      interactionCount: 3,
      reactions: [{ type: 'like' }, { type: 'skip' }, { type: 'play' }],
    });
    expect(insights.recentLikeRate).toBe(0.3333);
    expect(insights.recentSkipRate).toBe(0.3333);
  });
});
