import { newQfzzEvent } from '@qfzz/domain';
import { openLogFixture, type LogFixture } from '../testing/logFixture';
import { RecommenderLogFollower } from './recommenderLogFollower';

/** Forgetting a listener takes their share out of the co-listening counts others are recommended from. */
describe('RecommenderLogFollower when a listener is forgotten', () => {
  let log: LogFixture;
  const followers: RecommenderLogFollower[] = [];
  const follow = async () => {
    const follower = new RecommenderLogFollower(log.store, {
      onError: (e) => {
        throw e;
      },
    }).start();
    followers.push(follower);
    await follower.caughtUp();
    return follower;
  };

  beforeEach(async () => {
    log = await openLogFixture();
    // Five fans pair rock.0.1 with jazz.3.2; only "solo" ever pairs pop.1.1 with latin.2.2.
    for (let l = 0; l < 5; l++)
      await log.append(`fan${l}`, [
        log.feedback('TrackLiked', 'rock.0.1'),
        log.feedback('TrackLiked', 'jazz.3.2'),
      ]);
    await log.append('solo', [
      log.feedback('TrackLiked', 'pop.1.1'),
      log.feedback('TrackFavorited', 'latin.2.2'),
      log.feedback('TrackLiked', 'rock.0.1'),
    ]);
    await log.append('skipper', [log.feedback('TrackSkipped', 'classical.0.0')]);
  });

  afterEach(async () => {
    for (const follower of followers.splice(0)) await follower.stop();
    await log.close();
  });

  const forget = (listenerId: string) =>
    log.append(listenerId, [newQfzzEvent('ListenerForgotten', { listenerId })]);

  it('folds co-listening afresh without what the forgotten listener did, and the live model becomes it', async () => {
    const follower = await follow();
    const model = follower.coListening;
    expect(model.similarity('pop.1.1', 'latin.2.2')).toBeCloseTo(1, 12);
    expect(model.entriesOf('rock.0.1')).toBe(6);
    const before = model.version;

    await follower.waitFor(await forget('solo'));
    await follower.refolded();

    expect(follower.coListeningRefolds).toBe(1);
    expect(model.similarity('pop.1.1', 'latin.2.2')).toBe(0);
    expect(model.neighbours('pop.1.1')).toEqual([]);
    expect(model.entriesOf('pop.1.1')).toBe(0);
    expect(model.entriesOf('rock.0.1')).toBe(5);
    expect(model.similarity('rock.0.1', 'jazz.3.2')).toBeCloseTo(1, 12);
    expect(model.heard('solo')).toEqual([]);
    expect(model.holdsForgottenListening).toBe(false);
    expect(model.version).toBeGreaterThan(before);
  });

  it('keeps what the listener does after the forget, and ends where a replay from scratch ends', async () => {
    const follower = await follow();
    await forget('solo');
    await log.append('solo', [log.feedback('TrackLiked', 'pop.1.1'), log.feedback('TrackLiked', 'jazz.3.2')]);
    await follower.caughtUp();
    await follower.refolded();
    const model = follower.coListening;
    expect(model.recentPositives('solo')).toEqual(['pop.1.1', 'jazz.3.2']);
    expect(model.similarity('pop.1.1', 'jazz.3.2')).toBeGreaterThan(0);
    expect(model.similarity('pop.1.1', 'latin.2.2')).toBe(0);

    // A replica started now reads the same log (forget included) and ends with the same model.
    const replica = await follow();
    await replica.refolded();
    for (const track of ['pop.1.1', 'rock.0.1', 'jazz.3.2', 'latin.2.2'])
      expect(replica.coListening.neighbours(track)).toEqual(model.neighbours(track));
    expect(replica.coListening.entriesOf('rock.0.1')).toBe(model.entriesOf('rock.0.1'));
  });

  it('does not fold afresh for a listener who added nothing to the shared counts', async () => {
    const follower = await follow();
    await follower.waitFor(await forget('skipper'));
    await follower.refolded();
    expect(follower.coListeningRefolds).toBe(0);
    // A redelivered forget changes nothing either.
    const version = follower.coListening.version;
    const [again] = (await log.store.readAll({ after: 0, limit: 1000 })).events.filter(
      (e) => e.type === 'ListenerForgotten',
    );
    expect(follower.coListening.applyEvent(again)).toBe(false);
    expect(follower.coListening.version).toBe(version);
  });
});
