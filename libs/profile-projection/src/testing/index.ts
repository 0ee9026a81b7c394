export * from './simulatedListeners';
export * from './sqliteLogPerTest';
