import { understand } from './understand';
import { TEST_VOCABULARY } from './__data__/utterances';

const activityOf = (text: string) => understand(text, TEST_VOCABULARY).activity;

describe('activities', () => {
  it.each([
    ['pumped for my run', 'working_out'],
    ['at the gym', 'working_out'],
    ['going for a jog', 'working_out'],
    ['music while I cook', 'cooking'],
    ['winding down', 'winding_down'],
    ['something before bed', 'winding_down'],
    ['studying tonight', 'studying'],
    ['exam tomorrow', 'studying'],
    ['I need to focus at work', 'working'],
    ['music for coding', 'working'],
    ['party time', 'party'],
  ])('"%s" -> %s', (text, activity) => {
    expect(activityOf(text)).toBe(activity);
  });

  it('does not read "working out" as working', () => {
    expect(activityOf('working out later')).toBe('working_out');
  });

  it('does not read a bad day at work as an activity', () => {
    expect(activityOf('rough day at work')).toBeUndefined();
  });
});

describe('energy hints', () => {
  it.each([
    ['pump me up', 'up'],
    ['something chill', 'down'],
    ['too slow, skip it', 'up'],
    ['this is way too loud', 'down'],
    ['slow it down a bit', 'down'],
  ])('"%s" -> %s', (text, hint) => {
    expect(understand(text, TEST_VOCABULARY).energyHint).toBe(hint);
  });
});
