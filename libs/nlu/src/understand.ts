import { analyseText } from './analysedText';
import { classifyIntent } from './classifyIntent';
import { detectActivity } from './detectActivity';
import { detectEnergyHint } from './detectEnergyHint';
import { detectFeedback } from './detectFeedback';
import { detectMood } from './detectMood';
import { findMentions, type Mention } from './findMentions';
import { isMentionNegated } from './negation';
import {
  DEFAULT_CONTEXT_LIMITS,
  isExpired,
  latest,
  type ContextLimits,
  type SessionContext,
} from './sessionContext';
import type { CarriedField, Intent, Understanding, Vocabulary } from './understanding';
import { indexVocabulary } from './vocabularyIndex';

export interface UnderstandOptions {
  /** With `now`, a context older than the limits is ignored. */
  now?: number;
  limits?: ContextLimits;
}

/** Intents that ask for or shape music, and so inherit the session's mood. */
const SHAPES_MUSIC: readonly Intent[] = ['request_recommendation', 'state_preference'];

function names(mentions: readonly Mention[], kind: Mention['kind']): string[] {
  return [...new Set(mentions.filter((mention) => mention.kind === kind).map((mention) => mention.name))];
}

/**
 * What a listener's message means: the main intent, and whatever mood,
 * energy hint, genres, artists (as the catalog spells them), activity and
 * feedback it carries. Ruled-out genres and artists go to `negated`, never to
 * `genres`/`artists`. With a session context, a follow-up ask that names no
 * mood, activity or energy of its own inherits them (listed in `carried`).
 */
export function understand(
  text: string,
  vocabulary: Vocabulary,
  context?: SessionContext,
  options: UnderstandOptions = {},
): Understanding {
  const analysed = analyseText(text);
  const mentions = findMentions(analysed, indexVocabulary(vocabulary));
  const wanted: Mention[] = [];
  const ruledOut: Mention[] = [];
  for (const mention of mentions) (isMentionNegated(analysed, mention) ? ruledOut : wanted).push(mention);

  const mood = detectMood(analysed);
  const activity = detectActivity(analysed);
  const energyHint = detectEnergyHint(analysed);
  const feedback = detectFeedback(analysed);
  const intent = classifyIntent(analysed, { wanted, ruledOut, mood, activity, feedback });

  const result: Understanding = { intent };
  if (mood) result.mood = mood;
  if (energyHint) result.energyHint = energyHint;
  const genres = names(wanted, 'genre');
  const artists = names(wanted, 'artist');
  if (genres.length > 0) result.genres = genres;
  if (artists.length > 0) result.artists = artists;
  if (activity) result.activity = activity;
  if (feedback) result.feedback = feedback;
  const negatedGenres = names(ruledOut, 'genre').filter((genre) => !genres.includes(genre));
  const negatedArtists = names(ruledOut, 'artist').filter((artist) => !artists.includes(artist));
  if (negatedGenres.length > 0 || negatedArtists.length > 0) {
    result.negated = {};
    if (negatedGenres.length > 0) result.negated.genres = negatedGenres;
    if (negatedArtists.length > 0) result.negated.artists = negatedArtists;
  }

  const usable =
    context &&
    !(options.now !== undefined && isExpired(context, options.now, options.limits ?? DEFAULT_CONTEXT_LIMITS));
  return usable ? carryFromContext(result, context) : result;
}

/**
 * A follow-up keeps the session's state: "maybe some electronic?" after "I'm
 * in a great mood" is a happy ask. Only asks and tastes inherit; feedback,
 * greetings and questions do not. Genres carry only into a refinement that
 * names none ("something more mellow" after "play some jazz").
 */
function latestSituation(context: SessionContext): Understanding | undefined {
  for (let index = context.turns.length - 1; index >= 0; index -= 1) {
    const said = context.turns[index].understanding;
    if (said.mood || said.activity || said.energyHint) return said;
  }
  return undefined;
}

function carryFromContext(current: Understanding, context: SessionContext): Understanding {
  if (!SHAPES_MUSIC.includes(current.intent)) return current;
  const carried: CarriedField[] = [];
  const next: Understanding = { ...current };
  // Mood, activity and energy describe one situation: take them together from
  // the latest turn that described it, never a mood from one turn with an
  // activity from another ("pumped for my run", then "need to unwind").
  const situation = latestSituation(context);
  if (!next.mood && situation?.mood) {
    next.mood = situation.mood;
    carried.push('mood');
  }
  if (!next.activity && situation?.activity) {
    next.activity = situation.activity;
    carried.push('activity');
  }
  if (current.intent === 'request_recommendation') {
    if (!next.energyHint && situation?.energyHint) {
      next.energyHint = situation.energyHint;
      carried.push('energyHint');
    }
    const refinesOnly = !current.genres && !current.artists && (current.mood || current.energyHint);
    const genres = latest(context, 'genres');
    if (refinesOnly && genres) {
      next.genres = [...genres];
      carried.push('genres');
    }
    const negated = latest(context, 'negated');
    if (!next.negated && negated) {
      next.negated = { ...negated };
      carried.push('negated');
    }
  }
  if (carried.length > 0) next.carried = carried;
  return next;
}
