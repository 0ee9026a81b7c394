import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { ZodObject, ZodRawShape, ZodTypeAny } from 'zod';
import { errorSchema } from './responseSchemas';
import { zodToOpenApi, type OpenApiSchema } from './zodToOpenApi';

const ERROR_TEXT: Record<number, string> = {
  400: 'invalid input; the message names the field',
  401: 'no or invalid bearer token',
  403: 'a token of someone else',
  404: 'not found',
  409: 'conflict',
  413: 'body too large',
  415: 'the body is not JSON',
  429: 'rate limit exceeded (see Retry-After)',
  503: 'a service the gateway needs is not answering',
};

interface RouteDoc {
  summary: string;
  description?: string;
  status: number;
  response?: OpenApiSchema;
  responseText?: string;
  body?: ZodTypeAny;
  bodyRequired?: boolean;
  query?: ZodObject<ZodRawShape>;
  listenerParam?: boolean;
  auth?: 'listener' | 'admin';
  errors?: number[];
}

/** One decorator per route: summary, body and query derived from the zod schemas, responses, errors. */
export function RouteDoc(doc: RouteDoc): MethodDecorator & ClassDecorator {
  const decorators = [
    ApiOperation({ summary: doc.summary, ...(doc.description ? { description: doc.description } : {}) }),
    ApiResponse({
      status: doc.status,
      description: doc.responseText ?? 'ok',
      ...(doc.response ? { schema: doc.response } : {}),
    }),
  ];
  if (doc.body)
    decorators.push(ApiBody({ schema: zodToOpenApi(doc.body) as never, required: doc.bodyRequired ?? true }));
  if (doc.listenerParam)
    decorators.push(
      ApiParam({
        name: 'id',
        description: 'listener id (1..128 of letters, digits and - _ . :)',
        type: String,
      }),
    );
  if (doc.auth) decorators.push(ApiBearerAuth(doc.auth));
  for (const [name, schema] of Object.entries(doc.query?.shape ?? {}))
    decorators.push(ApiQuery({ name, required: false, schema: zodToOpenApi(schema as ZodTypeAny) as never }));
  const errors = new Set([
    ...(doc.errors ?? []),
    429,
    ...(doc.auth ? [401, 403] : []),
    ...(doc.body ? [400, 413, 415] : []),
  ]);
  for (const status of [...errors].sort())
    decorators.push(
      ApiResponse({ status, description: ERROR_TEXT[status] ?? 'error', schema: errorSchema as never }),
    );
  return applyDecorators(...decorators);
}
