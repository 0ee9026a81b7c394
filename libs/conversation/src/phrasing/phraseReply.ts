import type { PersonaDefinition } from '../personas/phrasebook';
import { countOf, listInWords, trackList, trackName } from './describeTracks';
import { joinSentences, pickPhrase, type TemplateValues } from './fillTemplate';
import type { PhrasingSeed } from './phrasingSeed';
import type { ReplyPlan } from './replyPlan';

const LEVEL_WORDS = {
  stranger: 'someone I am just getting to know',
  acquaintance: 'an acquaintance',
  friend: 'a friend',
  close_friend: 'a close friend',
  best_friend: 'my best friend',
} as const;

/**
 * The embedded phrasing engine: a reply in the persona's voice from the
 * plan, with no network and no randomness. Order: what the message was about,
 * the tracks, what the community thinks, then a closing line whose tone
 * follows trust (a question for a stranger, a confident personal line for a
 * best friend).
 */
export function phraseReply(plan: ReplyPlan, persona: PersonaDefinition, seed: PhrasingSeed): string {
  const book = persona.phrasebook;
  const values: TemplateValues = {
    dj: persona.name,
    name: plan.listenerName,
    topGenre: plan.topGenre,
  };
  const say = (table: readonly string[] | undefined, slot: string, extra: TemplateValues = {}) =>
    pickPhrase(table, seed, slot, { ...values, ...extra });

  const sentences: string[] = [];
  const { understood, learned } = plan;
  switch (understood.intent) {
    case 'greeting':
      sentences.push(say(book.hello, 'hello'));
      break;
    case 'smalltalk':
      sentences.push(say(book.smalltalk, 'smalltalk'));
      break;
    case 'ask_trust':
      sentences.push(
        plan.trustScore === undefined
          ? say(book.trustUnknown, 'trust')
          : say(book.trust, 'trust', {
              score: plan.trustScore.toFixed(2),
              level: LEVEL_WORDS[plan.trustLevel],
            }),
      );
      break;
    case 'ask_community':
      sentences.push(phraseCommunity(plan, book, say));
      break;
    default:
      break;
  }
  if (learned.mood) sentences.push(say(book.mood[learned.mood], 'mood'));
  else if (understood.activity && !understood.carried?.includes('activity'))
    sentences.push(say(book.activity[understood.activity], 'activity'));
  if (learned.liked.length > 0)
    sentences.push(say(book.likes, 'likes', { genres: listInWords(learned.liked) }));
  if (learned.disliked.length > 0)
    sentences.push(say(book.dislikes, 'dislikes', { genres: listInWords(learned.disliked) }));
  if (learned.feedback) {
    const track = trackName(learned.feedback.track) ?? 'this one';
    const table = learned.feedback.kind === 'positive' ? book.feedbackPositive : book.feedbackNegative;
    sentences.push(say(table, 'feedback', { track }));
  } else if (learned.feedbackWithoutTrack) {
    sentences.push(say(book.feedbackNothingPlaying, 'feedback'));
  }

  if (plan.tracks && plan.tracks.length > 0) {
    if (plan.fewOfAskedFor)
      sentences.push(say(book.offerFewOfGenre, 'few', { genres: listInWords(plan.askedFor) }));
    sentences.push(say(book.offer[plan.trustLevel], 'offer', { tracks: trackList(plan.tracks) }));
    const liked = plan.community?.likedInOffer;
    if (liked)
      sentences.push(
        say(book.communityLiked, 'community', {
          people: countOf(liked.friends, 'person', 'people'),
          track: trackName(liked),
        }),
      );
  } else if (plan.musicUnavailable) sentences.push(say(book.musicUnavailable, 'offer'));

  if (closes(plan)) {
    const offered = (plan.tracks?.length ?? 0) > 0;
    sentences.push(say((offered ? book.closer : book.chatCloser)[plan.trustLevel], 'closer'));
  }
  const text = joinSentences(sentences);
  return text === '' ? joinSentences([say(book.smalltalk, 'fallback')]) : text;
}

/** Questions and personal lines end a conversation turn, not a factual answer. */
function closes(plan: ReplyPlan): boolean {
  const { intent } = plan.understood;
  if (intent === 'ask_trust' || intent === 'ask_community' || intent === 'feedback_negative') return false;
  // Feedback with nothing playing already ends in a question; with no music to offer, say less.
  return !plan.learned.feedbackWithoutTrack && !plan.musicUnavailable;
}

function phraseCommunity(
  plan: ReplyPlan,
  book: PersonaDefinition['phrasebook'],
  say: (table: readonly string[], slot: string, extra?: TemplateValues) => string,
): string {
  const community = plan.community;
  // The trust service did not answer: say so, and nothing that could be wrong.
  if (!community) return say(book.communityUnavailable, 'community');
  if (community.connections === 0) return say(book.communityNone, 'community');
  const count = countOf(community.connections, 'connection', 'connections');
  const loving = trackName(community.loving);
  if (loving) return say(book.communitySummary, 'community', { count, track: loving });
  return say(book.communityQuiet, 'community', { count });
}
