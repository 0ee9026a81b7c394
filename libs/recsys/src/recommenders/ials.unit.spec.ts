import { interactionMatrix, type Interaction } from '../evaluation/interactionMatrix';
import { Ials } from './ials';

// Two scenes of 3 items; user 12 plays two items of scene A only.
const interactions: Interaction[] = [];
for (let u = 0; u < 6; u++) for (const i of [0, 1, 2]) interactions.push({ user: u, item: i, weight: 5 });
for (let u = 6; u < 12; u++) for (const i of [3, 4, 5]) interactions.push({ user: u, item: i, weight: 5 });
interactions.push({ user: 12, item: 0, weight: 3 }, { user: 12, item: 1, weight: 3 });
const train = interactionMatrix(13, 6, interactions);

describe('Ials', () => {
  it('fits repeatably and ranks the missing item of the listener’s scene first', () => {
    const a = new Ials({ factors: 4, iterations: 10, lambda: 0.1 });
    const b = new Ials({ factors: 4, iterations: 10, lambda: 0.1 });
    a.fit(train);
    b.fit(train);
    expect([...a.scoreAll(12)]).toEqual([...b.scoreAll(12)]);
    expect(a.recommend(12, 2, (i) => i <= 1)[0]).toBe(2);
    const s = a.scoreAll(12);
    // Reconstructs what the listener plays, and scene A beats scene B for the unplayed items.
    expect(s[0]).toBeGreaterThan(0.9);
    for (const other of [3, 4, 5]) expect(s[2]).toBeGreaterThan(s[other]);
  });
});
