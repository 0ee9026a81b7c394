import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  communityTrust,
  listenerStreamId,
  trustLevelOf,
  verifyChain,
  type EventDataOf,
  type NewEvent,
} from '@qfzz/domain';
import { NO_STREAM, STREAM_EXISTS, isExpectedVersionConflict } from '@qfzz/event-store';
import type { ProfileView } from '@qfzz/contracts';
import { issueListenerToken } from '../auth/listenerToken';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { conflict, notFound } from '../http/httpErrors';
import { writeContextOf } from '../http/requestContext';
import { listenerInsights, RECENT_REACTIONS_WINDOW } from '../insights/listenerInsights';
import { recentReactions } from '../insights/recentReactions';
import { RouteDoc } from '../openapi/apiDocs';
import {
  eventsSchema,
  insightsSchema,
  profileSchema,
  registeredSchema,
  trustSchema,
  verifySchema,
} from '../openapi/responseSchemas';
import {
  eventsQuerySchema,
  preferenceWordsSchema,
  profileQuerySchema,
  registerListenerSchema,
  weightedPreferencesSchema,
  type WeightedPreferences,
} from '../validation/listenerSchemas';
import { parseInput } from '../validation/parseInput';
import { ListenerLog } from './listenerLog';
import { ProfileClient } from './profileClient';

const EXPORT_PAGE = 1000;

@ApiTags('listeners')
@Controller('v1/listeners')
export class ListenersController {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly access: ListenerAccess,
    private readonly profiles: ProfileClient,
    private readonly log: ListenerLog,
  ) {}

  @Post()
  @HttpCode(201)
  @RouteDoc({
    summary: 'Register a listener',
    description:
      'Open to everyone. Returns the listener id (generated unless given) and a bearer token for that listener only. An id that exists is a 409.',
    status: 201,
    response: registeredSchema,
    body: registerListenerSchema,
    bodyRequired: false,
    errors: [409],
  })
  async register(@Req() request: FastifyRequest, @Body() body: unknown) {
    const input = parseInput(registerListenerSchema, body ?? {}, 'body');
    const listenerId = input.listenerId ?? randomUUID();
    const write = writeContextOf(request, listenerId);
    const events: NewEvent[] = [
      this.log.event(
        'ListenerRegistered',
        {
          listenerId,
          ...(input.name === undefined ? {} : { name: input.name }),
          registeredAt: this.deps.clock().toISOString(),
        },
        write,
      ),
    ];
    if (input.preferences) events.push(this.log.event('PreferencesStated', input.preferences, write));
    try {
      const result = await this.log.append(listenerId, events, NO_STREAM);
      return {
        listenerId,
        token: issueListenerToken(this.deps.tokenSecret, listenerId),
        position: result.lastPosition,
      };
    } catch (error) {
      if (isExpectedVersionConflict(error)) throw conflict(`listener ${listenerId} already exists`);
      throw error;
    }
  }

  @Get(':id/profile')
  @RouteDoc({
    summary: "The listener's taste profile",
    description:
      '`?minPosition=N` (read-your-writes): the answer reflects every event of this listener up to log position N, e.g. the `position` an interaction returned.',
    status: 200,
    response: profileSchema,
    query: profileQuerySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [400, 404],
  })
  async profile(@Req() request: FastifyRequest, @Param('id') id: string, @Query() query: unknown) {
    this.access.authenticate(request, id);
    const { minPosition } = parseInput(profileQuerySchema, query, 'query');
    return this.requireProfile(id, minPosition);
  }

  @Patch(':id/preferences')
  @RouteDoc({
    summary: 'State preferences',
    description:
      'Either a list of words (`["jazz", "deep house"]`, deduplicated ignoring case) or the weighted object. Answers with the profile that reflects the change.',
    status: 200,
    response: profileSchema,
    body: weightedPreferencesSchema.or(preferenceWordsSchema),
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async statePreferences(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const data: EventDataOf<'PreferencesStated'> = Array.isArray(body)
      ? { words: dedupeWords(parseInput(preferenceWordsSchema, body, 'body')) }
      : (parseInput(weightedPreferencesSchema, body, 'body') as WeightedPreferences);
    const event = this.log.event('PreferencesStated', data, writeContextOf(request));
    const result = await this.appendExisting(id, [event]);
    return this.requireProfile(id, result.lastPosition);
  }

  @Get(':id/events')
  @RouteDoc({
    summary: "Export the listener's own events",
    description:
      'The listener stream as stored (with versions, positions and hashes), from `fromVersion` (default 1), at most `limit` (default and max 1000) a page; `nextFromVersion` asks for the next page.',
    status: 200,
    response: eventsSchema,
    query: eventsQuerySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [400, 404],
  })
  async events(@Req() request: FastifyRequest, @Param('id') id: string, @Query() query: unknown) {
    await this.access.authorize(request, id);
    const { fromVersion = 1, limit = EXPORT_PAGE } = parseInput(eventsQuerySchema, query, 'query');
    const events = await this.deps.eventStore.readStream(listenerStreamId(id), {
      fromVersion,
      limit: limit + 1,
    });
    const page = events.slice(0, limit);
    return {
      listenerId: id,
      events: page,
      ...(events.length > limit ? { nextFromVersion: page[page.length - 1].version + 1 } : {}),
    };
  }

  @Get(':id/insights')
  @RouteDoc({
    summary: 'What the listening says about the listener',
    description:
      'genreDiversity / artistDiversity: how many genres / artists the listener has a weight for; genreConcentration: the strongest genre share of all genre weight; recentLikeRate / recentSkipRate: shares of the last 20 track reactions (likes, favorites and ratings above 0.5 count as likes); topGenres / topArtists: the five heaviest.',
    status: 200,
    response: insightsSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async insights(@Req() request: FastifyRequest, @Param('id') id: string) {
    const profile = await this.access.authorize(request, id);
    const reactions = await recentReactions(
      this.deps.eventStore,
      id,
      profile.version,
      RECENT_REACTIONS_WINDOW,
    );
    return listenerInsights({
      genres: profile.genres,
      artists: profile.artists,
      interactionCount: profile.interactionCount,
      reactions,
    });
  }

  @Get(':id/trust')
  @RouteDoc({
    summary: "The listener's trust",
    description:
      'trustScore: 0.5 + 0.01 per interaction, at most 1; trustLevel: its level; communityTrust: 0.7 × own + 0.3 × the mean trust of connected listeners (the own score when there are none).',
    status: 200,
    response: trustSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async trust(@Req() request: FastifyRequest, @Param('id') id: string) {
    const profile = await this.access.authorize(request, id);
    const connected = await Promise.all(
      profile.communityConnections.map((other) => this.profiles.get(other)),
    );
    const scores = connected.filter((p): p is ProfileView => p !== null).map((p) => p.trustScore);
    return {
      trustScore: profile.trustScore,
      trustLevel: trustLevelOf(profile.trustScore),
      communityTrust: Math.round(communityTrust(profile.trustScore, scores) * 1e6) / 1e6,
      connections: scores.length,
    };
  }

  @Get(':id/verify')
  @RouteDoc({
    summary: "Check the listener's hash chain",
    description:
      'Walks the listener stream from version 1 and checks every link (`hash = sha256(prevHash + canonical event)`). On failure `brokenAt` names the first event that does not hold.',
    status: 200,
    response: verifySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404],
  })
  async verify(@Req() request: FastifyRequest, @Param('id') id: string) {
    await this.access.authorize(request, id);
    const events = await this.deps.eventStore.readStream(listenerStreamId(id));
    return verifyChain(events);
  }

  private async requireProfile(id: string, minPosition?: number): Promise<ProfileView> {
    const profile = await this.profiles.get(id, minPosition);
    if (!profile) throw notFound(`listener ${id} does not exist`);
    return profile;
  }

  /** Appends to a stream that must exist (a listener who was never registered has no stream to extend). */
  private async appendExisting(id: string, events: NewEvent[]) {
    try {
      return await this.log.append(id, events, STREAM_EXISTS);
    } catch (error) {
      if (isExpectedVersionConflict(error)) throw notFound(`listener ${id} does not exist`);
      throw error;
    }
  }
}

/** One entry per word, ignoring case and surrounding space; the first spelling is kept. */
export function dedupeWords(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const word of words) {
    const key = word.trim().toLowerCase();
    if (!seen.has(key)) seen.set(key, word.trim());
  }
  return [...seen.values()];
}
