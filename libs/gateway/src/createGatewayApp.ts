import 'reflect-metadata';
import type { DynamicModule, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from './gatewayDeps';
import { BULK_BODY_LIMIT } from './http/bodyLimits';
import { errorBody } from './http/httpErrors';
import { installHttpPipeline } from './http/installHttpPipeline';
import { GatewayMetrics } from './metrics/gatewayMetrics';

export interface CreateGatewayAppOptions {
  /** Nest's own log levels (its start-up lines); request logs are the gateway's JSON lines. */
  logger?: LogLevel[] | false;
  title?: string;
}

/**
 * Serves a module that imports `GatewayModule.register(...)` (or is it) over
 * Fastify with the gateway's HTTP rules, and publishes the OpenAPI document
 * at `/docs` (Swagger UI) and `/docs-json`.
 */
export async function createGatewayApp(
  module: DynamicModule | Type<unknown>,
  options: CreateGatewayAppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({
      bodyLimit: BULK_BODY_LIMIT,
      // Ids may be 128 characters; Fastify's default of 100 would refuse valid ones with a 414.
      routerOptions: { maxParamLength: 512 },
      trustProxy: false,
      return503OnClosing: true,
      // Refusals Fastify makes before routing (a path segment over maxParamLength, a bad URL) in the one error shape.
      frameworkErrors: (error: { statusCode?: number }, _request: unknown, reply: FastifyReply) => {
        const status =
          error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
        void reply
          .code(status)
          .send(
            errorBody(status, status === 414 ? 'a path segment is too long' : 'the request URL is not valid'),
          );
      },
    }),
    { bodyParser: false, logger: options.logger ?? ['error', 'warn'] },
  );
  const deps = app.get<ResolvedGatewayDeps>(GATEWAY_DEPS, { strict: false });
  installHttpPipeline(app.getHttpAdapter().getInstance(), {
    secrets: { tokenSecret: deps.tokenSecret, adminToken: deps.adminToken },
    rateLimits: deps.rateLimits,
    metrics: app.get(GatewayMetrics, { strict: false }),
    log: deps.log,
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title ?? 'qfzz gateway')
      .setDescription(
        'The qfzz API (API.md): JSON in and out. Listener routes need `Authorization: Bearer <token of that listener>`; catalog writes and /v1/admin need the admin token. Errors are `{statusCode, error, message}`.',
      )
      .setVersion('1')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'a listener token from POST /v1/listeners' },
        'listener',
      )
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'the admin token (QFZZ_ADMIN_TOKEN)' },
        'admin',
      )
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
