/** A request the conversation service refuses; travels over the query bus with code `INVALID_ARGUMENT`. */
export class ConversationInputError extends Error {
  override readonly name = 'ConversationInputError';
  readonly code = 'INVALID_ARGUMENT';
}

export const MAX_MESSAGE_LENGTH = 2000;
