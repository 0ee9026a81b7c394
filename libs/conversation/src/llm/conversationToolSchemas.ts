import type { ChatTool } from './chatWireFormat';

/** The DJ's tools as the model sees them (OpenAI `tools` format). */
export const CONVERSATION_TOOLS: ChatTool[] = [
  {
    type: 'function',
    function: {
      name: 'recommend',
      description:
        "Get tracks for the listener from the station's recommender, shaped by a mood and/or activity.",
      parameters: {
        type: 'object',
        properties: {
          mood: {
            type: 'string',
            enum: ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'],
          },
          activity: {
            type: 'string',
            enum: ['working_out', 'working', 'cooking', 'winding_down', 'studying', 'party'],
          },
          size: { type: 'integer', minimum: 1, maximum: 20 },
        },
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'update_preferences',
      description: "Record genres the listener said they like or dislike (written to the listener's taste).",
      parameters: {
        type: 'object',
        properties: {
          likeGenres: { type: 'array', items: { type: 'string' } },
          dislikeGenres: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'look_up_community',
      description:
        'How many connections the listener has and what their community loves lately (counts only).',
      parameters: { type: 'object', properties: {}, additionalProperties: false },
    },
  },
];
