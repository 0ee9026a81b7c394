export * from './log/recordedEvent';
export * from './log/canonical';
export * from './log/hashChain';
export * from './log/copyWith';
export * from './log/ids';
export * from './log/eventId';
export * from './log/streamIds';

export * from './events/schemaPrimitives';
export * from './events/statedWords';
export * from './events/trackSnapshot';
export * from './events/catalogTrack';
export * from './events/listenerEvents';
export * from './events/interactionEvents';
export * from './events/conversationEvents';
export * from './events/communityEvents';
export * from './events/catalogEvents';
export * from './events/eventErrors';
export * from './events/upcasting';
export * from './events/eventCatalogue';
export * from './events/parseEventData';
export * from './events/newQfzzEvent';

export * from './taste/tasteProfile';
export * from './taste/feedbackStrength';
export * from './taste/tasteWeights';
export * from './taste/energyDrift';
export * from './taste/applyFeedback';
export * from './taste/applyStatedPreferences';
export * from './taste/evolveTasteProfile';

export * from './trust/trustScore';
export * from './trust/trustLevel';
export * from './trust/communityTrust';
