import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { RunningReplica } from './composition';

export const REPLICA = Symbol('RunningReplica');

@Controller()
export class HealthController {
  constructor(@Inject(REPLICA) private readonly replica: RunningReplica) {}

  @Get('health')
  health() {
    return { status: 'ok', service: 'recommender' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks = await this.replica.checks();
    const ok = Object.values(checks).every(Boolean);
    if (!ok) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ready' : 'not_ready', checks };
  }
}
