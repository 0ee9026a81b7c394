import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  TrustQuery,
  type ChainCheck,
  type CommunityView,
  type TrustRequest,
  type TrustView,
} from '@qfzz/contracts';
import { idSchema } from '@qfzz/domain';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { badRequest, conflict, GatewayHttpError, notFound, unavailable } from '../http/httpErrors';
import { writeContextOf } from '../http/requestContext';
import { ServiceClient, TRUST } from '../http/serviceClient';
import { RouteDoc } from '../openapi/apiDocs';
import {
  communityRequestedSchema,
  communitySchema,
  trustSchema,
  verifySchema,
} from '../openapi/responseSchemas';
import { communityRequestSchema } from '../validation/communitySchemas';
import { parseInput } from '../validation/parseInput';
import type { CommunityCommandOutcome, CommunityWriter } from './communityWriter';

interface ListenerRequest {
  listenerId: string;
}

/** Trust, the consent-based community and the hash-chain check: the trust network answers. */
@ApiTags('trust and community')
@Controller('v1/listeners')
export class CommunityController {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly access: ListenerAccess,
    private readonly services: ServiceClient,
  ) {}

  @Get(':id/trust')
  @RouteDoc({
    summary: "The listener's trust",
    description:
      'trustScore: 0.5 + 0.01 per interaction, at most 1; trustLevel: its level; communityTrust: 0.7 × own + 0.3 × the mean trust of connected listeners (the own score when there are none); connections: how many.',
    status: 200,
    response: trustSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async trust(@Req() request: FastifyRequest, @Param('id') id: string) {
    const profile = await this.access.authorizeProfile(request, id);
    // Read-your-writes across services: the trust network answers once it has seen what the profile has.
    const asked = { listenerId: id, minPosition: profile.position };
    const [trust, community] = await Promise.all([
      this.services.ask<TrustRequest, TrustView>(TRUST, TrustQuery.trust, asked),
      this.services.ask<TrustRequest, CommunityView>(TRUST, TrustQuery.community, asked),
    ]);
    return {
      trustScore: trust.trustScore,
      trustLevel: trust.trustLevel,
      communityTrust: trust.communityTrust,
      connections: community.connections.length,
    };
  }

  @Get(':id/verify')
  @RouteDoc({
    summary: "Check the listener's hash chain",
    description:
      'Walks the listener stream as stored (personal data is sealed, and the chain covers the sealed form) and checks every link (`hash = sha256(prevHash + canonical event)`). On failure `brokenAt` names the first event that does not hold.',
    status: 200,
    response: verifySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async verify(@Req() request: FastifyRequest, @Param('id') id: string) {
    await this.access.authorize(request, id);
    return this.services.ask<ListenerRequest, ChainCheck>(TRUST, TrustQuery.verify, { listenerId: id });
  }

  @Get(':id/community')
  @RouteDoc({
    summary: "The listener's community",
    description:
      'connections (accepted both ways), pending requests (`incoming`: waiting for this listener to accept; `outgoing`: sent by them), and what connections have been loving lately (counts of friends per track, never who).',
    status: 200,
    response: communitySchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async community(@Req() request: FastifyRequest, @Param('id') id: string) {
    const profile = await this.access.authorizeProfile(request, id);
    return this.services.ask<TrustRequest, CommunityView>(TRUST, TrustQuery.community, {
      listenerId: id,
      minPosition: profile.position,
    });
  }

  @Post(':id/community')
  @HttpCode(202)
  @RouteDoc({
    summary: 'Ask another listener to connect',
    description:
      'A pending request until the friend accepts with `POST /v1/listeners/{friendId}/community/{id}/accept`. Asking again writes nothing; asking someone who already asked you is an acceptance (`status: connected`).',
    status: 202,
    response: communityRequestedSchema,
    body: communityRequestSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async request(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const { friendId } = parseInput(communityRequestSchema, body, 'body');
    const outcome = await this.run(() => this.writer().request(id, friendId, writeContextOf(request)), {
      other: 'body.friendId',
    });
    return answer(id, friendId, outcome);
  }

  @Post(':friendId/community/:id/accept')
  @HttpCode(202)
  @ApiParam({
    name: 'friendId',
    description: 'the listener who accepts (the token must be theirs)',
    type: String,
  })
  @ApiParam({ name: 'id', description: 'the listener who asked', type: String })
  @RouteDoc({
    summary: 'Accept a pending request',
    description: "`friendId` accepts the request `id` sent them; only `friendId`'s token may do so.",
    status: 202,
    response: communityRequestedSchema,
    auth: 'listener',
    errors: [404, 409, 503],
  })
  async accept(
    @Req() request: FastifyRequest,
    @Param('friendId') friendId: string,
    @Param('id') requesterId: string,
  ) {
    await this.access.authorize(request, friendId);
    const requester = checkedPathId(requesterId, 'path.id');
    const outcome = await this.run(() => this.writer().accept(friendId, requester, writeContextOf(request)), {
      other: 'path.id',
    });
    return answer(friendId, requester, outcome);
  }

  @Post(':friendId/community/:id/decline')
  @HttpCode(202)
  @ApiParam({
    name: 'friendId',
    description: 'the listener who declines (the token must be theirs)',
    type: String,
  })
  @ApiParam({ name: 'id', description: 'the listener who asked', type: String })
  @RouteDoc({
    summary: 'Decline a pending request',
    status: 202,
    response: communityRequestedSchema,
    auth: 'listener',
    errors: [404, 409, 503],
  })
  async decline(
    @Req() request: FastifyRequest,
    @Param('friendId') friendId: string,
    @Param('id') requesterId: string,
  ) {
    await this.access.authorize(request, friendId);
    const requester = checkedPathId(requesterId, 'path.id');
    const outcome = await this.run(
      () => this.writer().decline(friendId, requester, writeContextOf(request)),
      { other: 'path.id' },
    );
    return answer(friendId, requester, outcome);
  }

  @Delete(':id/community/:friendId')
  @HttpCode(204)
  @RouteDoc({
    summary: 'End a connection, or a pending request',
    description: 'Either side may, at any time; it takes effect in the next social signal and playlist.',
    status: 204,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async remove(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
    @Param('friendId') friendIdParam: string,
  ): Promise<void> {
    await this.access.authorize(request, id);
    const friendId = checkedPathId(friendIdParam, 'path.friendId');
    await this.run(() => this.writer().remove(id, friendId, writeContextOf(request)), {
      other: 'path.friendId',
    });
  }

  private writer(): CommunityWriter {
    if (!this.deps.community)
      throw unavailable('the trust network is not running here, so no community requests');
    return this.deps.community;
  }

  /** Runs a community command and turns its refusals into answers that name the field. */
  private async run(
    command: () => Promise<CommunityCommandOutcome>,
    names: { other: string },
  ): Promise<CommunityCommandOutcome> {
    try {
      return await command();
    } catch (error) {
      throw communityRefusal(error, names.other) ?? error;
    }
  }
}

function answer(listenerId: string, friendId: string, outcome: CommunityCommandOutcome) {
  return {
    listenerId,
    friendId,
    outcome: outcome.outcome,
    status: outcome.state.status,
    ...(outcome.position === undefined ? {} : { position: outcome.position }),
  };
}

function checkedPathId(value: string, field: string): string {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`${field}: must be 1..128 characters of letters, digits and -_.:`);
  return parsed.data;
}

/** The trust network's refusal codes as HTTP answers; undefined for anything else. */
export function communityRefusal(error: unknown, otherField: string): GatewayHttpError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'SELF_CONNECTION':
      return badRequest(`${otherField}: a listener cannot connect to themselves`);
    case 'INVALID_LISTENER_ID':
      return badRequest(`${otherField}: ${message}`);
    case 'LISTENER_NOT_FOUND':
      return notFound(`${otherField}: ${message}`);
    case 'NO_PENDING_REQUEST':
    case 'NOT_CONNECTED':
      return notFound(`${otherField}: ${message}`);
    case 'CANNOT_ACCEPT_OWN_REQUEST':
      return conflict(`${otherField}: ${message}`);
    default:
      return undefined;
  }
}
