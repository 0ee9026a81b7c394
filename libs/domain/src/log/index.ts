export * from './recordedEvent';
export * from './canonical';
export * from './hashChain';
export * from './ids';
export * from './streamIds';
