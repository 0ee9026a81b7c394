import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ListenerAccess } from '../auth/listenerAccess';
import { contextOf } from '../http/requestContext';
import { RouteDoc } from '../openapi/apiDocs';
import { ProfileStreams } from './profileStreams';

@ApiTags('listeners')
@Controller('v1/listeners')
export class ProfileStreamController {
  constructor(
    private readonly access: ListenerAccess,
    private readonly streams: ProfileStreams,
  ) {}

  @Get(':id/stream')
  @RouteDoc({
    summary: "Server-sent events for the listener's own changes",
    description:
      'text/event-stream. `event: profile.updated` with the profile (as GET /profile returns it) each time the listener stream gets a new event; a `: heartbeat` comment every 15 s. Auth: the Authorization header, or `?token=<listener token>` for EventSource clients, which cannot send headers (a token in a URL can end up in proxy logs: prefer the header where you can).',
    status: 200,
    responseText: 'an open event stream',
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    await this.access.authorize(request, id);
    await this.streams.serve(reply, id, contextOf(request).correlationId);
  }
}
