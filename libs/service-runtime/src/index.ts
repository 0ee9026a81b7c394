export * from './clusterSettings';
export * from './clusterAdapters';
export * from './serviceLogger';
export * from './runService';
