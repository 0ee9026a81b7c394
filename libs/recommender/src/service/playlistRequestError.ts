/** A playlist request the service cannot answer; `code` travels over the query bus. */
export class PlaylistRequestError extends Error {
  override readonly name = 'PlaylistRequestError';
  constructor(
    message: string,
    readonly code: 'INVALID_ARGUMENT' | 'NOT_FOUND' = 'INVALID_ARGUMENT',
  ) {
    super(message);
  }
}

export function isPlaylistRequestError(error: unknown): error is PlaylistRequestError {
  return error instanceof PlaylistRequestError;
}
