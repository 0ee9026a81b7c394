export * from './recordedEvent';
export * from './canonical';
export * from './hashChain';
