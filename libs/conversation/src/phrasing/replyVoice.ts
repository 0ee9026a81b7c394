import type { PlaylistTrack } from '@qfzz/contracts';
import type { PersonaDefinition } from '../personas/phrasebook';
import type { ReplyPlan } from './replyPlan';

/** What the DJ can do on a listener's behalf while phrasing (the LLM's tools). */
export interface ConversationTools {
  /** Tracks from the recommender with this mood/activity. */
  recommend(args: { mood?: string; activity?: string; size?: number }): Promise<PlaylistTrack[]>;
  /** Appends `PreferencesStated`: genre words liked; genres/artists disliked as lowered weights. */
  updatePreferences(args: { likeGenres?: string[]; dislikeGenres?: string[] }): Promise<{ position: number }>;
  /** The listener's community in counts. */
  lookUpCommunity(): Promise<{
    connections: number;
    loving: { title?: string; artist?: string; friends: number }[];
  }>;
}

export interface VoiceInput {
  /** The listener's own words. */
  text: string;
  plan: ReplyPlan;
  persona: PersonaDefinition;
  /** What the embedded engine would say: a model may keep it, reword it, or fall back to it. */
  embedded: string;
  tools: ConversationTools;
}

export interface VoicedReply {
  text: string;
  /** Tracks a tool call found, when the plan had none. */
  tracks?: PlaylistTrack[];
}

/**
 * Another way to put a plan into words (e.g. a language model). It returns
 * `undefined` when it cannot, and the embedded phrasing is used.
 */
export interface ReplyVoice {
  phrase(input: VoiceInput): Promise<VoicedReply | undefined>;
}
