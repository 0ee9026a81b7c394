export * from './eventStore';
export * from './expectedVersion';
export * from './errors';
export * from './catchUp/catchUpSubscription';
export * from './sqlite/sqliteEventStore';
export * from './sqlite/walCheckpointer';
export * from './mongodb/mongoEventStore';
export * from './catchUp/inMemoryFold';
