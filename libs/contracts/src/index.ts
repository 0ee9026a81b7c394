export * from './profileQueries';
export * from './catalogQueries';
