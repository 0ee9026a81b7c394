import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { EventDataOf, NewEvent } from '@qfzz/domain';
import { exportListenerEvents } from '@qfzz/privacy';
import { NO_STREAM, STREAM_EXISTS, isExpectedVersionConflict } from '@qfzz/event-store';
import type { ProfileView } from '@qfzz/contracts';
import { issueListenerToken } from '../auth/listenerToken';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { conflict, notFound, unavailable } from '../http/httpErrors';
import { writeContextOf } from '../http/requestContext';
import { listenerInsights, RECENT_REACTIONS_WINDOW, type Reaction } from '../insights/listenerInsights';
import { recentReactions } from '../insights/recentReactions';
import { RouteDoc } from '../openapi/apiDocs';
import {
  eventsSchema,
  forgottenSchema,
  insightsSchema,
  profileSchema,
  registeredSchema,
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
      'The listener stream with versions, positions and hashes, personal data decrypted (events from before a forgetting read as `Redacted`), from `fromVersion` (default 1), at most `limit` (default and max 1000) a page; `nextFromVersion` asks for the next page. The hashes cover the stored (sealed) form: check them with `GET /verify`.',
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
    return exportListenerEvents(this.deps.eventStore, id, { fromVersion, limit });
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
    const profile = await this.access.authorizeProfile(request, id);
    return listenerInsights({
      genres: profile.genres,
      artists: profile.artists,
      interactionCount: profile.interactionCount,
      reactions: await this.recentReactionsOf(id, profile),
    });
  }

  /**
   * The last 20 reactions from the profile's `recentInteractions`. Those do
   * not keep a rating's value, so when a rating is among them (rated above
   * 0.5 counts as a like) the stream tail is read instead.
   */
  private async recentReactionsOf(id: string, profile: ProfileView): Promise<Reaction[]> {
    const recent = (profile.recentInteractions ?? []).slice(-RECENT_REACTIONS_WINDOW);
    if (recent.every((interaction) => interaction.type !== 'rate'))
      return recent.map((interaction) => ({ type: interaction.type }));
    return recentReactions(this.deps.eventStore, id, profile.version, RECENT_REACTIONS_WINDOW);
  }

  @Delete(':id')
  @HttpCode(202)
  @RouteDoc({
    summary: 'Forget the listener everywhere',
    description:
      "Crypto-shredding: the listener's data keys are deleted, so every personal event of theirs in the append-only log becomes unreadable (it reads as `Redacted`; the hash chain still verifies). Their profile, cache entries and community edges are dropped. Afterwards their token gets 404 everywhere, and a replay does not bring anything back.",
    status: 202,
    response: forgottenSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async forget(@Req() request: FastifyRequest, @Param('id') id: string) {
    await this.access.authorize(request, id);
    if (!this.deps.forgetListener)
      throw unavailable('forgetting is not wired into this gateway (no key store): nothing was changed');
    const outcome = await this.deps.forgetListener(id, writeContextOf(request));
    return { listenerId: id, forgotten: true, position: outcome.position };
  }

  private async requireProfile(id: string, minPosition?: number): Promise<ProfileView> {
    const profile = await this.profiles.get(id, minPosition);
    if (!profile) throw notFound(`listener ${id} does not exist`);
    return this.profiles.withCommunity(profile);
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
