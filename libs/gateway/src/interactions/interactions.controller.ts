import { Body, Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { listenerStreamId, type CatalogTrack, type EventDataOf, type NewEvent } from '@qfzz/domain';
import { isExpectedVersionConflict } from '@qfzz/event-store';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { badRequest, notFound } from '../http/httpErrors';
import { writeContextOf, type WriteContext } from '../http/requestContext';
import { ListenerLog } from '../listeners/listenerLog';
import { RouteDoc } from '../openapi/apiDocs';
import { appendedSchema, historyAcceptedSchema } from '../openapi/responseSchemas';
import {
  historySchema,
  interactionSchema,
  type HistoryItem,
  type InteractionType,
} from '../validation/interactionSchemas';
import { parseInput } from '../validation/parseInput';
import { interactionEventData, type InteractionEventType } from './interactionEvent';
import { TrackLookup } from './trackLookup';

/** Events per append of a history import; each chunk names the version it expects. */
export const HISTORY_CHUNK = 1000;
/** Chunks appended at once: one being written while the next is sealed. */
const HISTORY_CHUNKS_IN_FLIGHT = 2;
type ChunkOutcome = { position: number } | { conflict: true } | { error: unknown };
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
    const chunks = this.historyChunks(items, tracks, write);
    return this.appendChunks(id, chunks);
  }

  /**
   * Events are made a chunk at a time: up to 100,000 of them built up front all
   * outlived the young generation, and the collector copied every one of them twice.
   */
  private *historyChunks(items: HistoryItem[], tracks: Map<string, CatalogTrack>, write: WriteContext) {
    // The first event of each (type, track, rating): later ones repeat its validated data.
    const made = new Map<string, NewEvent<InteractionEventType, EventDataOf<InteractionEventType>>>();
    let chunk: NewEvent[] = [];
    for (const item of items) {
      const type = item.type ?? 'play';
      const key = `${type}\n${item.rating ?? ''}\n${item.trackId}`;
      for (let play = 0; play < (item.plays ?? 1); play++) {
        let first = made.get(key);
        if (first === undefined) {
          first = this.historyEvent(type, item, tracks, write);
          made.set(key, first);
          chunk.push(first);
        } else chunk.push(this.log.repeat(first, write, item.at));
        if (chunk.length === HISTORY_CHUNK) {
          yield chunk;
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  /**
   * Appends chunk after chunk, the next one asked for before the one ahead of
   * it has committed, each at the version the ones ahead leave the stream at:
   * a chunk is sealed (on the sealing thread) while the one before it is
   * written. The expected versions keep the chunks in order. When another
   * writer gets in between, the chunks in flight conflict; each is appended
   * again, in order, after what that writer wrote, and the next chunks
   * expect the version the stream is at then.
   */
  private async appendChunks(id: string, chunks: Iterable<NewEvent[]>) {
    let version = await this.deps.eventStore.streamVersion(listenerStreamId(id));
    if (version === 0) throw notFound(`listener ${id} does not exist`);
    const inFlight: { chunk: NewEvent[]; appended: Promise<ChunkOutcome> }[] = [];
    let accepted = 0;
    let position = 0;
    let conflicted = false;
    const settleOldest = async () => {
      const { chunk, appended } = inFlight.shift() as (typeof inFlight)[number];
      const outcome = await appended;
      if ('error' in outcome) throw outcome.error;
      if ('position' in outcome) position = outcome.position;
      else {
        // Another writer got in first: this chunk goes after what it wrote.
        conflicted = true;
        position = (await this.appendToExisting(id, chunk, 'stream_exists')).lastPosition;
      }
      accepted += chunk.length;
    };
    for (const chunk of chunks) {
      if (conflicted) {
        while (inFlight.length > 0) await settleOldest();
        version = await this.deps.eventStore.streamVersion(listenerStreamId(id));
        conflicted = false;
      }
      inFlight.push({ chunk, appended: this.appendAt(id, chunk, version) });
      version += chunk.length;
      if (inFlight.length >= HISTORY_CHUNKS_IN_FLIGHT) await settleOldest();
    }
    while (inFlight.length > 0) await settleOldest();
    return { accepted, position };
  }

  /** Never rejects: a chunk in flight may fail while an earlier one is still awaited. */
  private async appendAt(id: string, chunk: NewEvent[], version: number): Promise<ChunkOutcome> {
    try {
      return { position: (await this.log.append(id, chunk, version)).lastPosition };
    } catch (error) {
      return isExpectedVersionConflict(error) ? { conflict: true } : { error };
    }
  }

  private historyEvent(
    type: InteractionType,
    item: HistoryItem,
    tracks: Map<string, CatalogTrack>,
    write: WriteContext,
  ): NewEvent<InteractionEventType, EventDataOf<InteractionEventType>> {
    const track = tracks.get(item.trackId);
    if (!track) throw badRequest(`body.items[].trackId: "${item.trackId}" is not in the catalog`);
    const event = interactionEventData(type, track, item.rating);
    return this.log.event(event.type, event.data as never, write, item.at);
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
