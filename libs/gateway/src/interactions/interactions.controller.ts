import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { listenerStreamId, type CatalogTrack, type NewEvent } from '@qfzz/domain';
import { isExpectedVersionConflict } from '@qfzz/event-store';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { badRequest, notFound } from '../http/httpErrors';
import { writeContextOf, type WriteContext } from '../http/requestContext';
import { ListenerLog } from '../listeners/listenerLog';
import { RouteDoc } from '../openapi/apiDocs';
import { appendedSchema, historyAcceptedSchema } from '../openapi/responseSchemas';
import { historySchema, interactionSchema, type HistoryItem } from '../validation/interactionSchemas';
import { parseInput } from '../validation/parseInput';
import { interactionEventData } from './interactionEvent';
import { TrackLookup } from './trackLookup';

/** Events per append of a history import; each chunk names the version it expects. */
export const HISTORY_CHUNK = 1000;
const CHUNK_RETRIES = 5;
const MISSING_SHOWN = 5;
/** How far in the future `at` may be (clock skew between a device and the server). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

@ApiTags('interactions')
@Controller('v1/listeners')
export class InteractionsController {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly access: ListenerAccess,
    private readonly log: ListenerLog,
    private readonly tracks: TrackLookup,
  ) {}

  @Post(':id/interactions')
  @HttpCode(202)
  @RouteDoc({
    summary: 'Record one reaction to a track',
    description:
      '`rating` (0..1) is required for `rate` and refused otherwise. The track must be in the catalog; the event carries its genre, artist, mood, energy and tempo as they are now. `position` is what `GET /profile?minPosition=` waits for.',
    status: 202,
    response: appendedSchema,
    body: interactionSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async interact(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const input = parseInput(interactionSchema, body, 'body');
    this.checkNotInFuture(input.at, 'body.at');
    const { tracks, missing } = await this.tracks.find([input.trackId]);
    const track = tracks.get(input.trackId);
    if (!track || missing.length > 0)
      throw badRequest(`body.trackId: track "${input.trackId}" is not in the catalog`);
    const { type, data } = interactionEventData(input.type, track, input.rating, input.context);
    const event = this.log.event(type, data as never, writeContextOf(request), input.at);
    const result = await this.appendToExisting(id, [event], 'stream_exists');
    const [recorded] = result.events;
    return { eventId: recorded.eventId, version: recorded.version, position: recorded.position };
  }

  @Post(':id/history')
  @HttpCode(202)
  @RouteDoc({
    summary: 'Import past listening in bulk',
    description:
      'Up to 10,000 items (and 100,000 events) a call. `plays: n` records n plays; `type` defaults to `play`. Every track must be in the catalog, else a 400 lists the first unknown ids and nothing is written.',
    status: 202,
    response: historyAcceptedSchema,
    body: historySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async importHistory(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const { items } = parseInput(historySchema, body, 'body');
    items.forEach((item, i) => this.checkNotInFuture(item.at, `body.items[${i}].at`));
    const { tracks, missing } = await this.tracks.find(items.map((item) => item.trackId));
    if (missing.length > 0) {
      const shown = missing
        .slice(0, MISSING_SHOWN)
        .map((t) => `"${t}"`)
        .join(', ');
      const more = missing.length > MISSING_SHOWN ? ` and ${missing.length - MISSING_SHOWN} more` : '';
      throw badRequest(`body.items[].trackId: not in the catalog: ${shown}${more}`);
    }
    const write = writeContextOf(request);
    // Events are made a chunk at a time: up to 100,000 of them built up front all outlived the
    // young generation, and the collector copied every one of them twice.
    let accepted = 0;
    let position = 0;
    let chunk: NewEvent[] = [];
    for (const item of items) {
      chunk.push(...this.historyEvents(item, tracks, write));
      while (chunk.length >= HISTORY_CHUNK) {
        position = await this.appendChunk(id, chunk.slice(0, HISTORY_CHUNK));
        accepted += HISTORY_CHUNK;
        chunk = chunk.slice(HISTORY_CHUNK);
      }
    }
    if (chunk.length > 0) {
      position = await this.appendChunk(id, chunk);
      accepted += chunk.length;
    }
    return { accepted, position };
  }

  private historyEvents(item: HistoryItem, tracks: Map<string, CatalogTrack>, write: WriteContext) {
    const track = tracks.get(item.trackId);
    if (!track) throw badRequest(`body.items[].trackId: "${item.trackId}" is not in the catalog`);
    const { type, data } = interactionEventData(item.type ?? 'play', track, item.rating);
    return Array.from({ length: item.plays ?? 1 }, () => this.log.event(type, data as never, write, item.at));
  }

  /**
   * Appends one chunk at the version the stream is at. If another writer got
   * in between, the same events (same ids, so a chunk that did commit is not
   * written twice) are appended again at the new version.
   */
  private async appendChunk(id: string, chunk: NewEvent[]): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const version = await this.deps.eventStore.streamVersion(listenerStreamId(id));
      if (version === 0) throw notFound(`listener ${id} does not exist`);
      try {
        const result = await this.log.append(id, chunk, version);
        return result.lastPosition;
      } catch (error) {
        if (!isExpectedVersionConflict(error) || attempt >= CHUNK_RETRIES) throw error;
      }
    }
  }

  private async appendToExisting(id: string, events: NewEvent[], expected: 'stream_exists') {
    try {
      return await this.log.append(id, events, expected);
    } catch (error) {
      if (isExpectedVersionConflict(error)) throw notFound(`listener ${id} does not exist`);
      throw error;
    }
  }

  private checkNotInFuture(at: string | undefined, field: string): void {
    if (at !== undefined && Date.parse(at) > this.deps.clock().getTime() + FUTURE_TOLERANCE_MS)
      throw badRequest(`${field}: is in the future`);
  }
}
