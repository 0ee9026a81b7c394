import { randomBytes } from 'node:crypto';
import { SealedDataTamperedError, unseal } from './sealedData';
import { SealingThread, type SealJob } from './sealingThread';

/** The thread is a second copy of `sealJson`'s format: whatever it seals, `unseal` must open. */
describe('SealingThread', () => {
  const key = randomBytes(32);
  const jobs: SealJob[] = Array.from({ length: 500 }, (_, i) => ({
    json: JSON.stringify({
      data: { track: { trackId: `t-${i}` } },
      metadata: { occurredAt: '2026-11-26T05:00:00.000Z' },
    }),
    associatedData: `qfzz:sealed:v1:listener-ada:e-${i}:TrackPlayed:1`,
  }));
  let thread: SealingThread;
  beforeEach(() => (thread = new SealingThread()));
  afterEach(() => thread.stop());

  it('seals payloads that unseal opens, each under a fresh IV, bound to its own associated data', async () => {
    expect(thread.running).toBe(false);
    const sealed = await thread.seal(key, 'kid-1', jobs);
    expect(thread.running).toBe(true);
    expect(sealed).toHaveLength(jobs.length);
    sealed.forEach((one, i) => {
      expect(one).toMatchObject({ alg: 'A256GCM', kid: 'kid-1', qfzzSealed: 1 });
      expect(Object.keys(one)).toEqual(['alg', 'ct', 'iv', 'kid', 'qfzzSealed', 'tag']);
      expect(unseal(key, one, jobs[i].associatedData, `e-${i}`)).toEqual(JSON.parse(jobs[i].json));
    });
    expect(new Set(sealed.map((one) => one.iv)).size).toBe(jobs.length);
    expect(() => unseal(key, sealed[0], jobs[1].associatedData, 'e-0')).toThrow(SealedDataTamperedError);
  });

  it('keeps the batches of concurrent callers apart', async () => {
    const otherKey = randomBytes(32);
    const [mine, theirs] = await Promise.all([
      thread.seal(key, 'kid-1', jobs.slice(0, 100)),
      thread.seal(otherKey, 'kid-2', jobs.slice(100, 200)),
    ]);
    expect(unseal(key, mine[5], jobs[5].associatedData, 'e-5')).toEqual(JSON.parse(jobs[5].json));
    expect(theirs[5].kid).toBe('kid-2');
    expect(unseal(otherKey, theirs[5], jobs[105].associatedData, 'e-105')).toEqual(
      JSON.parse(jobs[105].json),
    );
  });

  it('still seals a batch that was on the thread when it stopped, and starts a new thread for the next', async () => {
    const onItsWay = thread.seal(key, 'kid-1', jobs);
    thread.stop();
    const sealed = await onItsWay;
    expect(unseal(key, sealed[499], jobs[499].associatedData, 'e-499')).toEqual(JSON.parse(jobs[499].json));
    expect(thread.running).toBe(false);
    const next = await thread.seal(key, 'kid-1', jobs.slice(0, 3));
    expect(thread.running).toBe(true);
    expect(unseal(key, next[2], jobs[2].associatedData, 'e-2')).toEqual(JSON.parse(jobs[2].json));
  });
});
