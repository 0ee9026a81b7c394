import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PlaylistQuery, type Playlist, type PlaylistRequest } from '@qfzz/contracts';
import { ListenerAccess } from '../auth/listenerAccess';
import { RECOMMENDER, ServiceClient } from '../http/serviceClient';
import { RouteDoc } from '../openapi/apiDocs';
import { playlistSchema } from '../openapi/responseSchemas';
import { playlistQuerySchema } from '../validation/playlistSchemas';
import { parseInput } from '../validation/parseInput';

@ApiTags('playlists')
@Controller('v1/listeners')
export class PlaylistController {
  constructor(
    private readonly access: ListenerAccess,
    private readonly services: ServiceClient,
  ) {}

  @Get(':id/playlist')
  @RouteDoc({
    summary: 'A personal playlist, with a reason for every pick',
    description:
      '`size` 1..100 (default 20); `exclude=played` leaves out what the listener played; `mood`, `activity` (e.g. `working_out`, `studying`, `winding_down`) and `hour` (0..23, local) shape it for the moment; `discovery` (0..1) overrides how much is new to them; `minPosition` waits until the playlist reflects that log position. Out of range is a 400, never clamped. `discovery: true` marks exploration picks.',
    status: 200,
    response: playlistSchema,
    query: playlistQuerySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [400, 404, 503],
  })
  async playlist(@Req() request: FastifyRequest, @Param('id') id: string, @Query() query: unknown) {
    this.access.authenticate(request, id);
    const options = parseInput(playlistQuerySchema, query, 'query');
    const profile = await this.access.authorizeProfile(request, id);
    return this.services.ask<PlaylistRequest, Playlist>(RECOMMENDER, PlaylistQuery.generate, {
      listenerId: id,
      ...options,
      minPosition: Math.max(options.minPosition ?? 0, profile.position),
    });
  }
}
