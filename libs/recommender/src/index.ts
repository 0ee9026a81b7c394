// Ranking (pure over the catalog's columns): blend, discovery, diversity, reasons.
export * from './ranking/blendWeights';
export * from './ranking/listeningContext';
export * from './ranking/discoveryMaturity';
export * from './ranking/betaSample';
export * from './ranking/genreBandit';
export * from './ranking/topBuffer';
export * from './ranking/reasons';
export * from './ranking/playlistGenerator';

// Collaborative signal learnt from the log.
export * from './coListening/coListeningFeedback';
export * from './coListening/coListening';
export * from './coListening/coListeningMemory';

// The service: requests, cache keys, social signal, queries.
export * from './service/playlistRequestError';
export * from './service/validatePlaylistRequest';
export * from './service/playlistCacheKey';
export * from './service/socialSignalSource';
export * from './service/playlistService';
export * from './service/servePlaylistQueries';

// Following the log, and one replica.
export * from './follower/recommenderLogFollower';
export * from './worker/startRecommenderWorker';
