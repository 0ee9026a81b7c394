import { mulberry32 } from '@qfzz/recsys';
import { interaction } from '../testing/catalogFixture';
import { betaSample } from './betaSample';
import { GenreBandit } from './genreBandit';

describe('GenreBandit: Thompson sampling over new genres', () => {
  it('Beta draws have the right mean', () => {
    const random = mulberry32(3);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += betaSample(3, 7, random);
    expect(sum / 20_000).toBeCloseTo(0.3, 2);
  });

  it('recent likes in a similar genre make its neighbour the usual first pull; skips push it down', () => {
    const arms = [
      { genre: 'blues', fit: 0.5 },
      { genre: 'techno', fit: 0.5 },
      { genre: 'opera', fit: 0.5 },
    ];
    const liked = Array.from({ length: 8 }, (_, i) => ({ ...interaction(`jazz.0.${i}`), genre: 'jazz' }));
    const skipped = Array.from({ length: 8 }, (_, i) => ({
      ...interaction(`jazz.0.${i}`, 'skip'),
      genre: 'jazz',
    }));
    const firstPulls = (interactions: typeof liked) => {
      let blues = 0;
      for (let seed = 0; seed < 200; seed++)
        if (new GenreBandit(arms, interactions, mulberry32(seed)).pick() === 'blues') blues++;
      return blues;
    };
    expect(firstPulls(liked)).toBeGreaterThan(120);
    expect(firstPulls(skipped)).toBeLessThan(50);
  });

  it('each pull counts against the arm, so slots spread over genres; closed arms are never pulled', () => {
    const bandit = new GenreBandit(
      ['a', 'b', 'c', 'd'].map((genre) => ({ genre, fit: 0.5 })),
      [],
      mulberry32(1),
    );
    bandit.close('d');
    const pulls = Array.from({ length: 12 }, () => bandit.pick());
    expect(new Set(pulls)).toEqual(new Set(['a', 'b', 'c']));
  });
});
