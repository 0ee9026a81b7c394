export * from './profileQueries';
export * from './catalogQueries';
export * from './playlistQueries';
export * from './conversationQueries';
export * from './trustQueries';
