import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ListenerAccess } from '../auth/listenerAccess';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import { badRequest, conflict, notFound } from '../http/httpErrors';
import { RouteDoc } from '../openapi/apiDocs';
import { jobSchema, jobStartedSchema } from '../openapi/responseSchemas';
import { jobIdSchema, replayRequestSchema } from '../validation/adminSchemas';
import { parseInput } from '../validation/parseInput';
import { ReplayJobs } from './replayJobs';

export const DEFAULT_PROJECTION = 'taste-profiles';

@ApiTags('admin')
@Controller('v1/admin')
export class AdminController {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly access: ListenerAccess,
    private readonly jobs: ReplayJobs,
  ) {}

  @Post('replay')
  @HttpCode(202)
  @RouteDoc({
    summary: 'Rebuild a projection from the whole log (blue-green)',
    description:
      '`projection` defaults to `taste-profiles`. The active read model keeps serving until the rebuilt one is swapped in. One rebuild per projection at a time (409 while one runs).',
    status: 202,
    response: jobStartedSchema,
    body: replayRequestSchema,
    bodyRequired: false,
    auth: 'admin',
    errors: [409],
  })
  replay(@Req() request: FastifyRequest, @Body() body: unknown) {
    this.access.requireAdmin(request);
    const { projection = DEFAULT_PROJECTION } = parseInput(replayRequestSchema, body ?? {}, 'body');
    const rebuild = this.deps.rebuilders[projection];
    if (!rebuild) {
      const known = Object.keys(this.deps.rebuilders);
      throw badRequest(
        `body.projection: unknown projection "${projection}"; known: ${known.length ? known.join(', ') : 'none in this process'}`,
      );
    }
    const running = this.jobs.running(projection);
    if (running) throw conflict(`a rebuild of ${projection} is already running: job ${running.jobId}`);
    const job = this.jobs.start(projection, rebuild, this.deps.clock);
    return { jobId: job.jobId };
  }

  @Get('replay/:jobId')
  @RouteDoc({
    summary: 'Progress of a rebuild',
    status: 200,
    response: jobSchema,
    auth: 'admin',
    errors: [400, 404],
  })
  job(@Req() request: FastifyRequest, @Param('jobId') jobId: string) {
    this.access.requireAdmin(request);
    const job = this.jobs.get(parseInput(jobIdSchema, jobId, 'params'));
    if (!job) throw notFound(`no replay job ${jobId}`);
    return job;
  }
}
