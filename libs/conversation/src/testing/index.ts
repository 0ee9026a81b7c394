export * from './smallCatalog';
export * from './recommenderTestDouble';
export * from './openAiCompatibleTestDouble';
export * from './conversationTestBed';
