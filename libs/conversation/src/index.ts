export * from './conversationService';
export * from './conversationInputError';
export * from './serveConversationQueries';

export * from './personas/phrasebook';
export * from './personas/djPersonas';

export * from './phrasing/phrasingSeed';
export * from './phrasing/fillTemplate';
export * from './phrasing/replyPlan';
export * from './phrasing/phraseReply';
export * from './phrasing/replyVoice';

export * from './greeting/milestones';
export * from './greeting/relationshipLength';
export * from './greeting/greetingFacts';
export * from './greeting/phraseGreeting';

export * from './session/sessionContexts';
export * from './session/recallSession';

export * from './learning/learnedEvents';
export * from './learning/listenerTail';

export * from './peers/askPeer';
export * from './peers/conversationPeers';

export * from './playlist/musicRequest';

export * from './llm/llmSettings';
export * from './llm/chatWireFormat';
export * from './llm/conversationToolSchemas';
export * from './llm/openAiCompatibleVoice';
