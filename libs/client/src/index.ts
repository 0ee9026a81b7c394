export * from './qfzzClient';
export * from './qfzzApiError';
export * from './qfzzNetworkError';
export * from './session/listenerSession';
export type { ListenerCalls } from './session/listenerCalls';
export type { FetchLike } from './http/httpTransport';
export * from './sse/eventStreamParser';
export type {
  CloseStream,
  DjSaid,
  ListenerStreamEvent,
  ListenerStreamEventMap,
  ListenerStreamHandlers,
  ListenerStreamOptions,
} from './sse/listenerStream';
export type * from './types/listeners';
export type * from './types/interactions';
export type * from './types/playlists';
export type * from './types/community';
export type * from './types/djs';
export type * from './types/catalog';
export type * from './types/admin';
