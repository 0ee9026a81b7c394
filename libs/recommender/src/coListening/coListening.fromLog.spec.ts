import { foldTasteProfile, listenerStreamId } from '@qfzz/domain';
import { RecommenderLogFollower } from '../follower/recommenderLogFollower';
import { PlaylistGenerator } from '../ranking/playlistGenerator';
import { openLogFixture, registeredRockFan, type LogFixture } from '../testing/logFixture';
import { CoListening } from './coListening';

describe('CoListening learnt from real events in a SQLite log', () => {
  let log: LogFixture;
  let follower: RecommenderLogFollower;

  beforeEach(async () => {
    log = await openLogFixture();
    // Five listeners like rock.0.1 together with jazz.3.2; two of them also play pop.1.1.
    for (let l = 0; l < 5; l++) {
      const events = [
        log.feedback('TrackLiked', 'rock.0.1'),
        log.feedback('TrackFavorited', 'jazz.3.2'),
        ...(l < 2 ? [log.feedback('TrackPlayed', 'pop.1.1')] : []),
      ];
      await log.append(`fan${l}`, events);
    }
    // One listener skips: a skip takes the track out of the window before it pairs with anything.
    await log.append('skipper', [
      log.feedback('TrackSkipped', 'rock.0.1'),
      log.feedback('TrackLiked', 'classical.0.0'),
    ]);
    follower = new RecommenderLogFollower(log.store, {
      onError: (e) => {
        throw e;
      },
    }).start();
    await follower.caughtUp();
  });

  afterEach(async () => {
    await follower.stop();
    await log.close();
  });

  it('pairs what the same listeners liked, and similarity is the cosine of their listener sets', () => {
    const model = follower.coListening;
    // rock.0.1 and jazz.3.2 entered 5 windows each, always together: cosine 5 / sqrt(5 × 5) = 1.
    expect(model.similarity('rock.0.1', 'jazz.3.2')).toBeCloseTo(1, 12);
    // pop.1.1: 2 windows, 2 shared with rock.0.1 (5): 2 / sqrt(10).
    expect(model.similarity('pop.1.1', 'rock.0.1')).toBeCloseTo(2 / Math.sqrt(10), 12);
    expect(model.similarity('rock.0.1', 'classical.0.0')).toBe(0);
    expect(model.neighbours('rock.0.1').map((n) => n.trackId)).toEqual(['jazz.3.2', 'pop.1.1']);
    expect(model.recentPositives('fan0')).toEqual(['rock.0.1', 'jazz.3.2', 'pop.1.1']);
    expect(model.heard('skipper')).toEqual(['rock.0.1', 'classical.0.0']);
  });

  it('a redelivered or replayed event changes nothing', async () => {
    const model = follower.coListening;
    const before = model.version;
    for (const event of (await log.store.readAll({ after: 0 })).events) model.applyEvent(event);
    expect(model.version).toBe(before);
    expect(model.similarity('rock.0.1', 'jazz.3.2')).toBeCloseTo(1, 12);
    // A fresh model fed the same log twice equals the followed one.
    const fresh = new CoListening();
    const events = (await log.store.readAll({ after: 0 })).events;
    for (const event of [...events, ...events]) fresh.applyEvent(event);
    expect(fresh.similarity('pop.1.1', 'rock.0.1')).toBeCloseTo(model.similarity('pop.1.1', 'rock.0.1'), 12);
  });

  it('a listener who liked rock.0.1 is offered jazz.3.2 "because you liked" it', async () => {
    await log.append('ada', [...registeredRockFan('ada'), log.feedback('TrackLiked', 'rock.0.1')]);
    await follower.caughtUp();
    const profile = foldTasteProfile('ada', await log.store.readStream(listenerStreamId('ada')));
    const generator = new PlaylistGenerator(follower.index, { coListening: follower.coListening });
    const picks = generator.generate(profile, { size: 20, discovery: 0, exclude: 'played' });
    const jazz = picks.find((p) => p.trackId === 'jazz.3.2');
    expect(jazz?.components.collaborative).toBeCloseTo(1, 6);
    expect(jazz?.reason).toBe('because you liked "rock song 0.1" by Rock Artist 0');
    expect(picks.map((p) => p.trackId)).not.toContain('rock.0.1');
    // Without the model, the same track has no collaborative part and no such reason.
    const plain = new PlaylistGenerator(follower.index).generate(profile, { size: 20, discovery: 0 });
    expect(plain.some((p) => p.reason.startsWith('because you liked "'))).toBe(false);
  });
});
