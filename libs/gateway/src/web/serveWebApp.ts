import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where `nx build web` writes the app, from the workspace root. */
export const DEFAULT_WEB_ROOT = 'dist/apps/web';

/** Paths the gateway owns: an unknown one is a JSON 404, never the app's HTML. */
const API_PREFIXES = ['/v1/', '/v1', '/docs', '/health', '/ready', '/metrics'];

export interface ServeWebAppOptions {
  /** The built app (index.html + assets/); default `dist/apps/web` under the working directory. */
  root?: string;
}

/**
 * Serves the built web console on a Nest + Fastify gateway: hashed files
 * under `/assets/` (cached for a year), the other top-level files
 * (favicon), and `index.html` for every other GET that is not an API path,
 * so `/listen`, `/profile` and friends load the app (SPA fallback).
 *
 * Call before `app.listen()`. Returns false (and serves nothing) when the
 * app has not been built, so the API still starts.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  options: ServeWebAppOptions = {},
): Promise<boolean> {
  const root = resolve(options.root ?? DEFAULT_WEB_ROOT);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const fastify = app.getHttpAdapter().getInstance();

  const assets = join(root, 'assets');
  if (existsSync(assets))
    await app.register(fastifyStatic, {
      root: assets,
      prefix: '/assets/',
      // Swagger UI registers @fastify/static too: only one may decorate the reply.
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      index: false,
    });

  const topLevel = readdirSync(root).filter(
    (name) => name !== 'index.html' && !name.endsWith('.map') && statSync(join(root, name)).isFile(),
  );
  if (topLevel.length > 0)
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      decorateReply: false,
      wildcard: false,
      index: false,
      globIgnore: ['assets/**', 'index.html', '**/*.map'],
      maxAge: '1h',
    });

  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (
      API_PREFIXES.some(
        (prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
      )
    )
      return reply
        .code(404)
        .send({ statusCode: 404, error: 'Not Found', message: `Cannot ${request.method} ${path}` });
    // Read each time: a rebuild while the gateway runs is picked up (the file is under 1 KB).
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      .send(readFileSync(indexFile));
  };
  fastify.get('/', sendIndex);
  fastify.get('/*', sendIndex);
  return true;
}
