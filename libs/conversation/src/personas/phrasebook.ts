import type { TrustLevel } from '@qfzz/domain';
import type { Activity, Mood } from '@qfzz/nlu';

/**
 * Everything a DJ persona says, as tables of templates. Each table holds a few
 * variants; the phrasing engine picks one deterministically (see
 * `phrasingSeed.ts`). Placeholders in braces are filled by `fillTemplate`:
 * `{dj}`, `{name}`, `{tracks}`, `{track}`, `{count}`, `{people}`, `{genres}`,
 * `{since}`, `{sessions}`, `{score}`, `{level}`, `{topGenre}`, `{mood}`.
 */
export interface Phrasebook {
  greeting: {
    /** First time: introduce yourself and ask. */
    newListener: string[];
    /** `{name}` may be empty; the filler drops it with its comma. */
    returning: string[];
    /** How long and how often: `{since}` ("for 3 weeks"), `{sessions}` ("5 sessions"). */
    together: string[];
    /** `{count}` interactions reached. */
    milestone: string[];
    /** The closing line, by how well the DJ knows the listener. */
    byTrust: Record<TrustLevel, string[]>;
  };
  hello: string[];
  smalltalk: string[];
  mood: Record<Mood, string[]>;
  activity: Record<Activity, string[]>;
  /** `{genres}`: what they said they like. */
  likes: string[];
  /** `{genres}`: what they ruled out. */
  dislikes: string[];
  feedbackPositive: string[];
  feedbackNegative: string[];
  /** Feedback with nothing playing that we know of. */
  feedbackNothingPlaying: string[];
  /** Handing over tracks (`{tracks}`), by trust level: exploratory for a stranger, confident for a best friend. */
  offer: Record<TrustLevel, string[]>;
  /** Music was called for and the recommender did not answer. */
  musicUnavailable: string[];
  /** Asked for `{genres}` and little of it came back. */
  offerFewOfGenre: string[];
  /** `{people}` ("3 people") in your community liked `{track}`. */
  communityLiked: string[];
  /** `{count}` connections, `{track}` what they love lately (may be absent: see `communityQuiet`). */
  communitySummary: string[];
  communityQuiet: string[];
  communityNone: string[];
  /** The trust service did not answer. */
  communityUnavailable: string[];
  /** `{score}` (0.52) and `{level}` ("a friend"). */
  trust: string[];
  /** No profile to go by yet. */
  trustUnknown: string[];
  /** After handing over tracks: a question for someone new, a personal line for an old friend (`{topGenre}`). */
  closer: Record<TrustLevel, string[]>;
  /** After a reply with no music: the same idea without the tracks. */
  chatCloser: Record<TrustLevel, string[]>;
}

export interface PersonaDefinition {
  djId: string;
  name: string;
  style: string;
  /** What the persona leans toward; shown to people choosing a DJ. */
  suitedFor: readonly string[];
  phrasebook: Phrasebook;
}
