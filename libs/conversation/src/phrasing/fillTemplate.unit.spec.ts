import { fillTemplate, fits, joinSentences, pickPhrase } from './fillTemplate';
import { phrasingSeed } from './phrasingSeed';

describe('fillTemplate', () => {
  it('fills placeholders', () => {
    expect(fillTemplate('Hi {name}, {dj} here.', { name: 'Ada', dj: 'Nova' })).toBe('Hi Ada, Nova here.');
  });

  it('drops a missing name with its comma, and capitalises what is left', () => {
    expect(fillTemplate('Welcome back, {name}!', {})).toBe('Welcome back!');
    expect(fillTemplate('{name}, you are back!', {})).toBe('You are back!');
  });

  it('a template needing a value it lacks does not fit', () => {
    expect(fits('Your {topGenre} side', {})).toBe(false);
    expect(fits('Trust me, {name}.', {})).toBe(true);
  });

  it('picks among fitting variants, the same one for the same seed and slot', () => {
    const table = ['A {topGenre}', 'B', 'C'];
    const seed = phrasingSeed('ada', 1);
    const picked = pickPhrase(table, seed, 'slot', {});
    expect(['B', 'C']).toContain(picked);
    expect(pickPhrase(table, seed, 'slot', {})).toBe(picked);
    expect(pickPhrase(['{missing}'], seed, 'slot', {})).toBe('');
  });

  it('joins sentences, leaving out empty ones', () => {
    expect(joinSentences(['One.', '', '  ', 'Two.'])).toBe('One. Two.');
  });
});
