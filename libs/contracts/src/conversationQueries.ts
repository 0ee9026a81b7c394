import type { PlaylistTrack } from './playlistQueries';

/** Queries the conversation service (the DJ's voice) answers. */
export const CONVERSATION_SERVICE = 'conversation';

export const ConversationQuery = {
  /** `GreetRequest` -> `Greeting` */
  greet: 'greet',
  /** `InteractRequest` -> `DjReply` (appends what it learned to the listener's stream) */
  interact: 'interact',
  /** `{}` -> `DjPersona[]` */
  personas: 'personas',
} as const;

export interface GreetRequest {
  listenerId: string;
}

export interface Greeting {
  text: string;
  djName: string;
}

export interface InteractRequest {
  listenerId: string;
  text: string;
  correlationId?: string;
}

export type Intent =
  | 'request_recommendation'
  | 'express_mood'
  | 'state_preference'
  | 'feedback_positive'
  | 'feedback_negative'
  | 'ask_community'
  | 'greeting'
  | 'ask_trust'
  | 'smalltalk';

/** What `POST /v1/listeners/{id}/messages` returns (API.md). */
export interface DjReply {
  reply: string;
  djName: string;
  understood: {
    intent: Intent;
    mood?: string;
    genres?: string[];
    artists?: string[];
    activity?: string;
    feedback?: 'positive' | 'negative';
  };
  tracks?: PlaylistTrack[];
  /** Log position of the last event this message appended, for read-your-writes. */
  position?: number;
}

export interface DjPersona {
  djId: string;
  name: string;
  style: string;
}
