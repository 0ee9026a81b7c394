export * from './profileReadModel';
export * from './tasteProfileProjection';
export * from './profileFollower';
export * from './replay/rebuildTasteProfiles';
export * from './sqlite/sqliteProfileReadModels';
export * from './profileView';
export * from './serveProfileQueries';
