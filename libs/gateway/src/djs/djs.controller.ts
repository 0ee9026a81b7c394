import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ListenerAccess } from '../auth/listenerAccess';
import { badRequest } from '../http/httpErrors';
import { RouteDoc } from '../openapi/apiDocs';
import { djChoiceSchema, djSchema } from '../openapi/responseSchemas';
import { chooseDjSchema } from '../validation/listenerSchemas';
import { parseInput } from '../validation/parseInput';
import { DjChoices } from './djChoices';
import { DEFAULT_DJ_ID, DJ_PERSONAS, djPersona } from './djPersonas';

@ApiTags('djs')
@Controller()
export class DjsController {
  constructor(
    private readonly access: ListenerAccess,
    private readonly choices: DjChoices,
  ) {}

  @Get('v1/djs')
  @RouteDoc({
    summary: 'The DJ personas',
    status: 200,
    response: {
      type: 'object',
      properties: { djs: { type: 'array', items: djSchema }, defaultDjId: { type: 'string' } },
    },
  })
  list() {
    return { djs: DJ_PERSONAS, defaultDjId: DEFAULT_DJ_ID };
  }

  @Get('v1/listeners/:id/dj')
  @RouteDoc({
    summary: "The listener's DJ",
    description: '`chosen: false` when the listener never chose and gets the default.',
    status: 200,
    response: djChoiceSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async current(@Req() request: FastifyRequest, @Param('id') id: string) {
    await this.access.authorize(request, id);
    const chosen = this.choices.get(id);
    return choice(id, chosen ?? DEFAULT_DJ_ID, chosen !== undefined);
  }

  @Put('v1/listeners/:id/dj')
  @RouteDoc({
    summary: 'Choose the DJ',
    description: '`djId` must be one of `GET /v1/djs`.',
    status: 200,
    response: djChoiceSchema,
    body: chooseDjSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async choose(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const { djId } = parseInput(chooseDjSchema, body, 'body');
    if (!djPersona(djId))
      throw badRequest(
        `body.djId: unknown DJ "${djId}"; one of ${DJ_PERSONAS.map((dj) => dj.djId).join(', ')}`,
      );
    this.choices.set(id, djId);
    return choice(id, djId, true);
  }
}

function choice(listenerId: string, djId: string, chosen: boolean) {
  return { listenerId, djId, dj: djPersona(djId), chosen };
}
