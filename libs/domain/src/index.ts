export * from './log/recordedEvent';
export * from './log/canonical';
export * from './log/hashChain';
