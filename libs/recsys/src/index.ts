// Taste and candidates: the recommender's inputs, in product words.
export * from './taste/listenerTaste';
export * from './taste/candidateTrack';
export * from './taste/tasteKey';

// The seed's baseline scoring and discovery split.
export * from './seed/genreSimilarity';
export * from './seed/tempoMatch';
export * from './seed/trackScore';
export * from './seed/seedScore';
export * from './seed/familiarity';
export * from './seed/discoverySplit';

// Ranking metrics.
export * from './metrics/rankedList';
export * from './metrics/ndcgAtK';
export * from './metrics/hitRateAtK';
export * from './metrics/recallAtK';
export * from './metrics/precisionAtK';
export * from './metrics/catalogCoverage';

// Offline evaluation.
export * from './evaluation/seededRandom';
export * from './evaluation/interactionMatrix';
export * from './evaluation/holdoutSplit';
export * from './evaluation/topK';
export * from './evaluation/evaluateRecommender';

// Recommenders behind one interface.
export * from './recommenders/recommender';
export * from './recommenders/implicitWeight';
export * from './recommenders/neighbourhood';
export * from './recommenders/mostPopular';
export * from './recommenders/itemKnn';
export * from './recommenders/userKnn';
export * from './recommenders/rp3beta';
export * from './linearAlgebra/invertSymmetricPositiveDefinite';
export * from './recommenders/ease';
export * from './recommenders/friendsListening';
export * from './recommenders/seedScoreRecommender';
export * from './recommenders/tasteRanker';
