import { nextContext, understand, type SessionContext, type Understanding } from '../index';

const vocabulary = { genres: ['hip-hop', 'r&b', 'edm', 'jazz', 'deep house'], artists: ['Daft Punk'] };

/** Three messages in one session: the mood stated first shapes the later asks. */
export function understandConversation(texts: readonly string[], start = Date.now()): Understanding[] {
  let context: SessionContext | undefined;
  return texts.map((text, index) => {
    const now = start + index * 1000;
    const understood = understand(text, vocabulary, context, { now });
    context = nextContext(context, understood, now);
    return understood;
  });
}

if (require.main === module) {
  const texts = ["I'm in a great mood", 'maybe some electronic?', 'no jazz please'];
  understandConversation(texts).forEach((understood, index) => console.log(texts[index], '->', understood));
}
