import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@qfzz/event-store';
import { EVENT_STORE, STATION_CONFIG } from './eventLog.provider';
import type { StationConfig } from './stationConfig';

@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(STATION_CONFIG) private readonly config: StationConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  health() {
    return { status: 'ok', station: this.config.stationName, mode: 'edge' };
  }

  /** Readiness: every dependency answers (in edge mode, the event log). */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const position = await this.eventStore.headPosition();
      return { status: 'ready', checks: { eventLog: { ok: true, position } } };
    } catch (error) {
      reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'not_ready', checks: { eventLog: { ok: false, error: (error as Error).message } } };
    }
  }
}
