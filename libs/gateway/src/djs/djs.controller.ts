import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ConversationQuery, type DjPersona } from '@qfzz/contracts';
import { STREAM_EXISTS, isExpectedVersionConflict } from '@qfzz/event-store';
import { ListenerAccess } from '../auth/listenerAccess';
import { badRequest, notFound } from '../http/httpErrors';
import { writeContextOf } from '../http/requestContext';
import { CONVERSATION, ServiceClient } from '../http/serviceClient';
import { ListenerLog } from '../listeners/listenerLog';
import { RouteDoc } from '../openapi/apiDocs';
import { djChoiceSchema, djSchema } from '../openapi/responseSchemas';
import { chooseDjSchema } from '../validation/listenerSchemas';
import { parseInput } from '../validation/parseInput';

/**
 * The DJ personas come from the conversation service (the one list that
 * also phrases the replies); a listener's choice is a `DjChosen` event on
 * their stream, read back from their profile.
 */
@ApiTags('djs')
@Controller()
export class DjsController {
  constructor(
    private readonly access: ListenerAccess,
    private readonly services: ServiceClient,
    private readonly log: ListenerLog,
  ) {}

  @Get('v1/djs')
  @RouteDoc({
    summary: 'The DJ personas',
    description: 'From the conversation service; the first is the station default (`default: true`).',
    status: 200,
    response: {
      type: 'object',
      properties: { djs: { type: 'array', items: djSchema }, defaultDjId: { type: 'string' } },
    },
    errors: [503],
  })
  async list() {
    const personas = await this.personas();
    return {
      djs: personas.map((dj, i) => ({ ...dj, ...(i === 0 ? { default: true } : {}) })),
      defaultDjId: personas[0]?.djId,
    };
  }

  @Get('v1/listeners/:id/dj')
  @RouteDoc({
    summary: "The listener's DJ",
    description: '`chosen: false` when the listener never chose and gets the default.',
    status: 200,
    response: djChoiceSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async current(@Req() request: FastifyRequest, @Param('id') id: string) {
    const profile = await this.access.authorizeProfile(request, id);
    const personas = await this.personas();
    const chosen = profile.djId === undefined ? undefined : personas.find((dj) => dj.djId === profile.djId);
    const dj = chosen ?? personas[0];
    return { listenerId: id, djId: dj?.djId, dj, chosen: chosen !== undefined };
  }

  @Put('v1/listeners/:id/dj')
  @RouteDoc({
    summary: 'Choose the DJ',
    description:
      '`djId` must be one of `GET /v1/djs`. Recorded as a `DjChosen` event on the listener stream; `position` is what `GET /profile?minPosition=` waits for.',
    status: 200,
    response: djChoiceSchema,
    body: chooseDjSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async choose(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const { djId } = parseInput(chooseDjSchema, body, 'body');
    const personas = await this.personas();
    const dj = personas.find((persona) => persona.djId === djId);
    if (!dj)
      throw badRequest(`body.djId: unknown DJ "${djId}"; one of ${personas.map((p) => p.djId).join(', ')}`);
    const event = this.log.event('DjChosen', { djId }, writeContextOf(request));
    try {
      const result = await this.log.append(id, [event], STREAM_EXISTS);
      return { listenerId: id, djId, dj, chosen: true, position: result.lastPosition };
    } catch (error) {
      if (isExpectedVersionConflict(error)) throw notFound(`listener ${id} does not exist`);
      throw error;
    }
  }

  private personas(): Promise<DjPersona[]> {
    return this.services.ask<Record<string, never>, DjPersona[]>(
      CONVERSATION,
      ConversationQuery.personas,
      {},
    );
  }
}
