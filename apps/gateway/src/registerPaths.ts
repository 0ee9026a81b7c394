// The compiled app imports libraries by their workspace alias (`@qfzz/domain`);
// point those aliases at the compiled library folders beside it. Must be the
// first import of main.ts. Tests and tsx resolve aliases their own way.
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const compiledRoot = join(__dirname, '../../..');
register({ baseUrl: compiledRoot, paths: { '@qfzz/*': ['libs/*/src'] } });
