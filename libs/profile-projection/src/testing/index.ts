export * from './simulatedListeners';
