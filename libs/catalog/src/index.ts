export * from './rows/tempo';
export * from './rows/mood';
export * from './rows/validateCatalogTracks';
export * from './rows/csv';
export * from './rows/pythonLiteral';
export * from './rows/sourceRows';
export * from './rows/tidyTuesday';
export * from './rows/musicoset';

export * from './index/catalogQueryError';
export * from './index/cursor';
export * from './index/catalogIndex';

export * from './projection/catalogProjection';
export * from './projection/serveCatalogQueries';
export * from './import/importCatalogTracks';
