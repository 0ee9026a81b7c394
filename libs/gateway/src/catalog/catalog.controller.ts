import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CATALOG_SERVICE, CatalogQuery, type SearchTracksRequest, type TrackPage } from '@qfzz/contracts';
import { isQueryError } from '@qfzz/messaging';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { badRequest, unavailable } from '../http/httpErrors';
import { writeContextOf } from '../http/requestContext';
import { RouteDoc } from '../openapi/apiDocs';
import { importedSchema, trackPageSchema } from '../openapi/responseSchemas';
import { importTracksSchema, searchTracksQuerySchema } from '../validation/catalogSchemas';
import { parseInput } from '../validation/parseInput';

const DEFAULT_PAGE = 20;

@ApiTags('catalog')
@Controller('v1/catalog/tracks')
export class CatalogController {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly access: ListenerAccess,
  ) {}

  @Get()
  @RouteDoc({
    summary: 'Browse and search the catalog',
    description:
      'Filters combine. `q` is free text over title and artist. Pass `nextCursor` as `cursor` for the next page.',
    status: 200,
    response: trackPageSchema,
    query: searchTracksQuerySchema,
    errors: [400, 503],
  })
  async search(@Query() query: unknown): Promise<TrackPage> {
    const input = parseInput(searchTracksQuerySchema, query, 'query');
    const page = await this.deps.queryBus
      .request<
        SearchTracksRequest,
        TrackPage
      >(CATALOG_SERVICE, CatalogQuery.search, { ...input, limit: input.limit ?? DEFAULT_PAGE }, { timeoutMs: this.deps.queryTimeoutMs })
      .catch((error: unknown) => {
        // The catalog names the field it refused (`cursor: ...`); it came from the query string.
        if (isQueryError(error) && error.code === 'INVALID_ARGUMENT')
          throw badRequest(`query.${error.message}`);
        throw error;
      });
    return { tracks: page.tracks, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  @Post()
  @HttpCode(202)
  @RouteDoc({
    summary: 'Import tracks into the catalog (admin)',
    description:
      'Up to 10,000 tracks a call, idempotent on trackId. Each row is checked on its own: good rows are accepted, bad ones come back in `rejected` with their index and what is wrong.',
    status: 202,
    response: importedSchema,
    body: importTracksSchema,
    auth: 'admin',
    errors: [503],
  })
  async importTracks(@Req() request: FastifyRequest, @Body() body: unknown) {
    this.access.requireAdmin(request);
    const writer = this.deps.catalogWriter;
    if (!writer)
      throw unavailable(
        'the catalog service is not wired into this gateway: catalog imports are unavailable',
      );
    const { tracks } = parseInput(importTracksSchema, body, 'body');
    const result = await writer.importTracks(tracks, writeContextOf(request, 'admin'));
    return {
      accepted: result.accepted,
      rejected: result.rejected,
      ...(result.superseded?.length ? { superseded: result.superseded } : {}),
      ...(result.position ? { position: result.position } : {}),
    };
  }
}
