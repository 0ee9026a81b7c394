import { emptyContext } from '@qfzz/nlu';
import { SessionContexts } from './sessionContexts';

const session = (streamVersion: number) => ({ context: emptyContext(0), streamVersion });

describe('SessionContexts', () => {
  it('keeps at most maxListeners, dropping the least recently used', () => {
    const contexts = new SessionContexts({ maxListeners: 2 });
    contexts.set('a', session(1), 0);
    contexts.set('b', session(1), 1);
    contexts.get('a', 2); // a is now the most recent
    contexts.set('c', session(1), 3);
    expect(contexts.size).toBe(2);
    expect(contexts.get('b', 4)).toBeUndefined();
    expect(contexts.get('a', 4)).toBeDefined();
    expect(contexts.get('c', 4)).toBeDefined();
  });

  it('forgets a listener idle longer than idleMs', () => {
    const contexts = new SessionContexts({ idleMs: 1000 });
    contexts.set('a', session(1), 0);
    expect(contexts.get('a', 1000)).toBeDefined();
    expect(contexts.get('a', 2001)).toBeUndefined();
    expect(contexts.size).toBe(0);
  });

  it('sweeps idle entries when others are written', () => {
    const contexts = new SessionContexts({ idleMs: 1000 });
    contexts.set('a', session(1), 0);
    contexts.set('b', session(1), 5000);
    expect(contexts.size).toBe(1);
  });
});
