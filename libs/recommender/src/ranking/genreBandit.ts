import type { RecentInteraction } from '@qfzz/domain';
import { similarGenres, tasteKey, type RandomSource } from '@qfzz/recsys';
import { betaSample } from './betaSample';

/** Evidence one recent interaction gives about a genre: a positive act is a success, a skip a failure. */
export const INTERACTION_EVIDENCE: Readonly<Record<RecentInteraction['type'], number>> = {
  play: 0.5,
  like: 1,
  favorite: 1.5,
  rate: 0.5,
  skip: -1,
};
/** A genre similar to the one interacted with learns at this share. */
export const SIMILAR_GENRE_EVIDENCE = 0.5;
/** Pseudo-counts from how well the genre's best candidate fits (0..1): a prior, not a verdict. */
export const FIT_PRIOR_STRENGTH = 2;
/** Each pull adds this failure: the outcome is not known yet, and it spreads slots over genres. */
export const PULL_PENALTY = 1;

export interface GenreArm {
  genre: string;
  alpha: number;
  beta: number;
}

/**
 * Exploration over genres as a Thompson-sampling bandit. Each arm is a genre
 * the listener does not know yet; its Beta(α, β) posterior starts at
 * Beta(1, 1), gains a prior from how well its best candidate fits
 * (`fit` 0..1), and counts the listener's recent interactions with the genre
 * and, at half strength, with its similar genres (a liked jazz track is half
 * a success for blues; a skipped one half a failure). `pick` draws θ from
 * every open arm and pulls the highest, so arms with little evidence still
 * win now and then — that is the exploration. The random source is seeded
 * by the caller, so a playlist is reproducible.
 */
export class GenreBandit {
  private readonly arms = new Map<string, GenreArm>();

  constructor(
    genres: readonly { genre: string; fit: number }[],
    interactions: readonly RecentInteraction[],
    private readonly random: RandomSource,
  ) {
    for (const { genre, fit } of genres) {
      const f = Math.min(1, Math.max(0, fit));
      this.arms.set(tasteKey(genre), {
        genre,
        alpha: 1 + FIT_PRIOR_STRENGTH * f,
        beta: 1 + FIT_PRIOR_STRENGTH * (1 - f),
      });
    }
    for (const interaction of interactions) {
      const evidence = INTERACTION_EVIDENCE[interaction.type] ?? 0;
      if (evidence === 0) continue;
      const key = tasteKey(interaction.genre);
      this.learn(key, evidence);
      for (const similar of similarGenres(key)) this.learn(similar, evidence * SIMILAR_GENRE_EVIDENCE);
    }
  }

  /** The open arms and their posteriors (for tests and explanations). */
  posteriors(): GenreArm[] {
    return [...this.arms.values()].map((arm) => ({ ...arm }));
  }

  /** Draws from every open arm and pulls the best; undefined once every arm is closed. */
  pick(): string | undefined {
    let best: GenreArm | undefined;
    let bestDraw = -1;
    for (const arm of this.arms.values()) {
      const draw = betaSample(arm.alpha, arm.beta, this.random);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = arm;
      }
    }
    if (!best) return undefined;
    best.beta += PULL_PENALTY;
    return best.genre;
  }

  /** An arm with no candidates left. */
  close(genre: string): void {
    this.arms.delete(tasteKey(genre));
  }

  private learn(key: string, evidence: number): void {
    const arm = this.arms.get(key);
    if (!arm) return;
    if (evidence > 0) arm.alpha += evidence;
    else arm.beta -= evidence;
  }
}
