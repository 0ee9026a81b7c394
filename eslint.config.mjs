// Lint rules for the whole workspace. The module-boundary rule is the one that
// matters most: it keeps the pure libraries (domain, recsys, nlu) free of any
// framework or I/O client, and keeps dependencies pointing inward
// (apps -> adapters -> pure).
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const IO_AND_FRAMEWORK = [
  '@nestjs/*',
  'mongoose',
  'mongodb',
  'nats',
  'ioredis',
  'better-sqlite3',
  'testcontainers',
  '@testcontainers/*',
  'fastify',
];

// Node's I/O modules, which the Nx rule does not look at.
const NODE_IO = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'dgram',
  'worker_threads',
  'cluster',
];
const PURE_LIBS = ['libs/domain/**/*.ts', 'libs/recsys/**/*.ts', 'libs/nlu/**/*.ts'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', 'tmp/**', 'data/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:pure',
              onlyDependOnLibsWithTags: ['type:pure'],
              bannedExternalImports: IO_AND_FRAMEWORK,
            },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:pure', 'type:adapter'] },
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:pure', 'type:adapter', 'type:service'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:pure', 'type:adapter', 'type:service'],
            },
            // Evaluation and benchmark tools read files and run anything.
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:pure', 'type:adapter', 'type:service', 'type:tooling'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: PURE_LIBS,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_IO.flatMap((name) => [name, `node:${name}`]).map((name) => ({
            name,
            message: 'Pure libraries do no I/O: take the data as an argument instead.',
          })),
        },
      ],
    },
  },
];
