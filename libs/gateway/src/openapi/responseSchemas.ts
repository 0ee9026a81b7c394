import type { OpenApiSchema } from './zodToOpenApi';

/** Hand-written OpenAPI schemas of what the gateway answers. */
const num = { type: 'number' };
const int = { type: 'integer' };
const str = { type: 'string' };
const weights = { type: 'object', additionalProperties: num };

export const errorSchema: OpenApiSchema = {
  type: 'object',
  properties: { statusCode: int, error: str, message: str },
  required: ['statusCode', 'error', 'message'],
};

export const registeredSchema: OpenApiSchema = {
  type: 'object',
  properties: { listenerId: str, token: str, position: int },
  required: ['listenerId', 'token'],
};

export const profileSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    listenerId: str,
    name: str,
    genres: weights,
    artists: weights,
    moods: weights,
    energyLevel: num,
    tempoPreference: { type: 'string', enum: ['slow', 'medium', 'fast', 'varied'] },
    discoveryFactor: num,
    trustScore: num,
    trustLevel: {
      type: 'string',
      enum: ['stranger', 'acquaintance', 'friend', 'close_friend', 'best_friend'],
    },
    interactionCount: int,
    communityConnections: { type: 'array', items: str },
    currentMood: str,
    djId: str,
    recentInteractions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { trackId: str, type: str, at: str, genre: str, artist: str },
      },
    },
    createdAt: { type: 'string', format: 'date-time' },
    version: int,
    position: int,
  },
};

export const recordedEventSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    eventId: str,
    streamId: str,
    version: int,
    position: int,
    type: str,
    schemaVersion: int,
    data: { type: 'object' },
    metadata: { type: 'object' },
    prevHash: str,
    hash: str,
  },
};

export const eventsSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    listenerId: str,
    events: { type: 'array', items: recordedEventSchema },
    nextFromVersion: int,
  },
};

export const insightsSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    genreDiversity: int,
    genreConcentration: num,
    artistDiversity: int,
    totalInteractions: int,
    recentLikeRate: num,
    recentSkipRate: num,
    topGenres: { type: 'array', items: { type: 'object', properties: { genre: str, weight: num } } },
    topArtists: { type: 'array', items: { type: 'object', properties: { artist: str, weight: num } } },
  },
};

export const trustSchema: OpenApiSchema = {
  type: 'object',
  properties: { trustScore: num, trustLevel: str, communityTrust: num, connections: int },
  required: ['trustScore', 'trustLevel', 'communityTrust'],
};

export const verifySchema: OpenApiSchema = {
  type: 'object',
  properties: {
    ok: { type: 'boolean' },
    events: int,
    headHash: str,
    brokenAt: { type: 'object', properties: { version: int, eventId: str, reason: str } },
  },
};

export const djSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    djId: str,
    name: str,
    style: str,
    default: { type: 'boolean' },
  },
};

export const djChoiceSchema: OpenApiSchema = {
  type: 'object',
  properties: { listenerId: str, djId: str, dj: djSchema, chosen: { type: 'boolean' }, position: int },
};

export const appendedSchema: OpenApiSchema = {
  type: 'object',
  properties: { eventId: str, version: int, position: int },
};

export const historyAcceptedSchema: OpenApiSchema = {
  type: 'object',
  properties: { accepted: int, position: int },
};

export const trackSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    trackId: str,
    title: str,
    artist: str,
    genre: str,
    subgenre: str,
    mood: str,
    energy: num,
    tempo: str,
    bpm: num,
    valence: num,
    danceability: num,
    durationMs: int,
    tags: { type: 'array', items: str },
  },
};

export const trackPageSchema: OpenApiSchema = {
  type: 'object',
  properties: { tracks: { type: 'array', items: trackSchema }, nextCursor: str },
};

export const importedSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    accepted: int,
    rejected: { type: 'array', items: { type: 'object', properties: { index: int, error: str } } },
  },
};

export const jobStartedSchema: OpenApiSchema = { type: 'object', properties: { jobId: str } };

export const jobSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    jobId: str,
    projection: str,
    state: { type: 'string', enum: ['running', 'done', 'failed'] },
    progress: {
      type: 'object',
      properties: {
        phase: str,
        processed: int,
        position: int,
        head: int,
        eventsPerSecond: num,
        etaSeconds: num,
      },
    },
    startedAt: str,
    finishedAt: str,
    error: str,
  },
};

export const playlistTrackSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    trackId: str,
    title: str,
    artist: str,
    genre: str,
    score: num,
    reason: str,
    discovery: { type: 'boolean' },
  },
  required: ['trackId', 'title', 'artist', 'genre', 'score', 'reason', 'discovery'],
};

export const playlistSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    tracks: { type: 'array', items: playlistTrackSchema },
    generatedAt: { type: 'string', format: 'date-time' },
    profileVersion: int,
  },
  required: ['tracks', 'generatedAt', 'profileVersion'],
};

export const djReplySchema: OpenApiSchema = {
  type: 'object',
  properties: {
    reply: str,
    djName: str,
    understood: {
      type: 'object',
      properties: {
        intent: {
          type: 'string',
          enum: [
            'request_recommendation',
            'express_mood',
            'state_preference',
            'feedback_positive',
            'feedback_negative',
            'ask_community',
            'greeting',
            'ask_trust',
            'smalltalk',
          ],
        },
        mood: { type: 'string', enum: ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'] },
        genres: { type: 'array', items: str },
        artists: { type: 'array', items: str },
        activity: str,
        feedback: { type: 'string', enum: ['positive', 'negative'] },
      },
      required: ['intent'],
    },
    tracks: { type: 'array', items: playlistTrackSchema },
    position: int,
  },
  required: ['reply', 'djName', 'understood'],
};

export const greetingSchema: OpenApiSchema = {
  type: 'object',
  properties: { text: str, djName: str },
  required: ['text', 'djName'],
};

export const communityRequestedSchema: OpenApiSchema = {
  type: 'object',
  properties: {
    listenerId: str,
    friendId: str,
    outcome: str,
    status: { type: 'string', enum: ['none', 'pending', 'connected'] },
    position: int,
  },
};

export const communitySchema: OpenApiSchema = {
  type: 'object',
  properties: {
    connections: {
      type: 'array',
      items: { type: 'object', properties: { listenerId: str, name: str, since: str } },
    },
    pending: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          listenerId: str,
          direction: { type: 'string', enum: ['incoming', 'outgoing'] },
          since: str,
        },
      },
    },
    loving: { type: 'array', items: { type: 'object', properties: { trackId: str, friends: int } } },
  },
  required: ['connections', 'pending', 'loving'],
};

export const forgottenSchema: OpenApiSchema = {
  type: 'object',
  properties: { listenerId: str, forgotten: { type: 'boolean' }, position: int },
};
