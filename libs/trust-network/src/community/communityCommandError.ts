/** Why a community command was refused; the code travels over the query bus unchanged. */
export type CommunityErrorCode =
  | 'SELF_CONNECTION'
  | 'INVALID_LISTENER_ID'
  | 'LISTENER_NOT_FOUND'
  | 'NO_PENDING_REQUEST'
  | 'CANNOT_ACCEPT_OWN_REQUEST'
  | 'NOT_CONNECTED';

export class CommunityCommandError extends Error {
  override readonly name = 'CommunityCommandError';
  constructor(
    readonly code: CommunityErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isCommunityCommandError(error: unknown): error is CommunityCommandError {
  return error instanceof CommunityCommandError;
}
