export { understand, type UnderstandOptions } from './understand';
export {
  ACTIVITIES,
  INTENTS,
  MOODS,
  type Activity,
  type CarriedField,
  type EnergyHint,
  type Feedback,
  type Intent,
  type Mood,
  type Understanding,
  type Vocabulary,
} from './understanding';
export {
  DEFAULT_CONTEXT_LIMITS,
  emptyContext,
  isExpired,
  nextContext,
  type ContextLimits,
  type ContextTurn,
  type SessionContext,
} from './sessionContext';
export { GENRE_ALIASES, compactKey } from './genreAliases';
export { damerauLevenshtein, typoBudget } from './editDistance';
