import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ProfileView } from '@qfzz/contracts';
import { forbidden, notFound, unauthorized } from '../http/httpErrors';
import { contextOf } from '../http/requestContext';
import { ProfileClient } from '../listeners/profileClient';

/**
 * Who may act on `/v1/listeners/{id}/...`: only the holder of `{id}`'s token.
 * No or malformed token: 401. A genuine token of someone else (another
 * listener, or the admin): 403. A genuine token of a listener who no longer
 * exists (forgotten): 404, the same as for an id that never existed.
 */
@Injectable()
export class ListenerAccess {
  constructor(private readonly profiles: ProfileClient) {}

  /** Lets the caller in when they hold this listener's token and the listener exists. */
  async authorize(request: FastifyRequest, pathId: string): Promise<void> {
    this.authenticate(request, pathId);
    if (!(await this.profiles.exists(pathId))) throw notFound(`listener ${pathId} does not exist`);
  }

  /** `authorize`, for handlers that need the listener's current profile anyway. */
  async authorizeProfile(request: FastifyRequest, pathId: string): Promise<ProfileView> {
    this.authenticate(request, pathId);
    const profile = await this.profiles.get(pathId);
    if (!profile) throw notFound(`listener ${pathId} does not exist`);
    return profile;
  }

  /** The token check alone, for callers that look the listener up themselves. */
  authenticate(request: FastifyRequest, pathId: string): void {
    const { caller } = contextOf(request);
    switch (caller.kind) {
      case 'anonymous':
        throw unauthorized('missing bearer token: send Authorization: Bearer <token of this listener>');
      case 'invalid':
        throw unauthorized('the bearer token is not valid');
      case 'admin':
        throw forbidden('the admin token cannot act for a listener');
      case 'listener':
        if (caller.listenerId !== pathId) throw forbidden('this token belongs to another listener');
    }
  }

  requireAdmin(request: FastifyRequest): void {
    const { caller } = contextOf(request);
    if (caller.kind === 'admin') return;
    if (caller.kind === 'listener') throw forbidden('this needs the admin token');
    if (caller.kind === 'anonymous')
      throw unauthorized('missing bearer token: send Authorization: Bearer <admin token>');
    throw unauthorized('the bearer token is not valid');
  }
}
