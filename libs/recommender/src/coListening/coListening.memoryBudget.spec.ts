import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CoListening, type ListeningAct } from './coListening';
import { describeGiveUp, LIMIT_FLOORS, type CoListeningGiveUp } from './coListeningMemory';

/** Listening with structure: listeners keep to one of ten taste groups of 200 tracks, with strays. */
function listening(listeners: number, actsEach: number, tracks = 2000): ListeningAct[] {
  const acts: ListeningAct[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let l = 0; l < listeners; l++) {
    const group = l % 10;
    for (let v = 1; v <= actsEach; v++) {
      const stray = next() < 0.2;
      const track = stray ? Math.floor(next() * tracks) : group * 200 + Math.floor(next() * 200);
      acts.push({
        listenerId: `l${l}`,
        streamVersion: v,
        trackId: `t${track}`,
        type: next() < 0.1 ? 'skip' : 'play',
      });
    }
  }
  return acts;
}

function fed(model: CoListening, acts: ListeningAct[]): CoListening {
  for (const act of acts) model.observe(act);
  return model;
}

describe('CoListening within a memory budget (QFZZ_MAX_MEMORY_MB)', () => {
  const acts = listening(200, 250);

  it('gives nothing up without a budget', () => {
    const model = fed(new CoListening(), acts);
    expect(model.limits).toEqual({ maxNeighbours: 200, heardSize: 500, windowSize: 50 });
  });

  it('lowers its limits a step at a time to stay within the budget, and says each step', () => {
    const unbounded = fed(new CoListening(), acts);
    const budgetBytes = Math.floor(unbounded.estimatedBytes / 4);
    const said: CoListeningGiveUp[] = [];
    const model = new CoListening({ memoryBudgetBytes: budgetBytes, onGiveUp: (g) => said.push(g) });
    let largest = 0;
    for (const act of acts) {
      model.observe(act);
      largest = Math.max(largest, model.estimatedBytes);
    }
    expect(largest).toBeLessThanOrEqual(budgetBytes);
    expect(said.length).toBeGreaterThan(0);
    for (const step of said) {
      expect(step.kind).toBe('lowered');
      if (step.kind === 'lowered') expect(step.to).toBeLessThan(step.from);
    }
    const { maxNeighbours, heardSize } = model.limits;
    expect(maxNeighbours).toBeLessThan(200);
    for (let t = 0; t < model.trackCount; t++) {
      const trackId = model.trackIdOf(t);
      expect(model.neighbours(trackId, 10_000).length).toBeLessThanOrEqual(maxNeighbours);
    }
    for (let l = 0; l < 200; l++) expect(model.heard(`l${l}`).length).toBeLessThanOrEqual(heardSize);
  });

  it('keeps the strongest pairs: a taste group still finds its own tracks', () => {
    const unbounded = fed(new CoListening(), acts);
    const model = fed(new CoListening({ memoryBudgetBytes: Math.floor(unbounded.estimatedBytes / 4) }), acts);
    // Track t5 belongs to group 0 (t0..t199): its closest neighbours are group 0 tracks, as without a budget.
    const inGroup = (n: { trackId: string }) => Number(n.trackId.slice(1)) < 200;
    expect(model.neighbours('t5', 10).filter(inGroup).length).toBeGreaterThanOrEqual(8);
    expect(unbounded.neighbours('t5', 10).filter(inGroup).length).toBeGreaterThanOrEqual(8);
  });

  it('says once when every limit is at its floor and it still does not fit', () => {
    const said: CoListeningGiveUp[] = [];
    const model = fed(new CoListening({ memoryBudgetBytes: 10_000, onGiveUp: (g) => said.push(g) }), acts);
    expect(model.limits).toEqual(LIMIT_FLOORS);
    expect(said.filter((g) => g.kind === 'at-floors')).toHaveLength(1);
    expect(said[said.length - 1].kind).toBe('at-floors');
    expect(describeGiveUp(said[0])).toMatch(
      /^co-listening model: neighbours kept per track 200 -> 100 to fit its memory budget \(~[\d.]+ MB of a 0\.0 MB budget\)$/,
    );
    expect(describeGiveUp(said[said.length - 1])).toMatch(
      /still over its memory budget.*raise QFZZ_MAX_MEMORY_MB/,
    );
  });

  it('gives up the same way on a replay: the same events and budget make the same model', () => {
    const budget = { memoryBudgetBytes: 1_000_000 };
    const first = fed(new CoListening(budget), acts);
    const again = fed(new CoListening(budget), acts);
    expect(first.limits).not.toEqual({ maxNeighbours: 200, heardSize: 500, windowSize: 50 });
    expect(again.limits).toEqual(first.limits);
    for (const track of ['t5', 't250', 't1999'])
      expect(again.neighbours(track, 50)).toEqual(first.neighbours(track, 50));
  });

  it('estimates its memory within a factor of two of what the heap holds', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const many = listening(1000, 200, 10_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    const model = fed(new CoListening(), many);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(model.estimatedBytes).toBeGreaterThan(held / 2);
    expect(model.estimatedBytes).toBeLessThan(held * 2);
  });
});
