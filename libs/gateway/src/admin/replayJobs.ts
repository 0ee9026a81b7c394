import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

/** What a rebuild reports as it goes (the shape `rebuildTasteProfiles` reports). */
export interface RebuildProgress {
  phase: string;
  processed: number;
  position: number;
  head: number;
  eventsPerSecond: number;
  etaSeconds?: number;
}

/** Rebuilds one projection from position 0, reporting progress; resolves when done. */
export type ProjectionRebuilder = (onProgress: (progress: RebuildProgress) => void) => Promise<unknown>;

export type ReplayJobState = 'running' | 'done' | 'failed';

export interface ReplayJob {
  jobId: string;
  projection: string;
  state: ReplayJobState;
  progress: {
    phase: string;
    processed: number;
    position: number;
    head: number;
    eventsPerSecond: number;
    etaSeconds: number | null;
  };
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

const KEPT_JOBS = 100;

/** Replay jobs of this process: started, followed, finished or failed. */
@Injectable()
export class ReplayJobs {
  private readonly jobs = new Map<string, ReplayJob>();

  running(projection: string): ReplayJob | undefined {
    return [...this.jobs.values()].find((job) => job.projection === projection && job.state === 'running');
  }

  start(projection: string, rebuild: ProjectionRebuilder, now: () => Date): ReplayJob {
    const job: ReplayJob = {
      jobId: randomUUID(),
      projection,
      state: 'running',
      progress: {
        phase: 'starting',
        processed: 0,
        position: 0,
        head: 0,
        eventsPerSecond: 0,
        etaSeconds: null,
      },
      startedAt: now().toISOString(),
    };
    this.jobs.set(job.jobId, job);
    this.forgetOldJobs();
    rebuild((p) => {
      job.progress = {
        phase: p.phase,
        processed: p.processed,
        position: p.position,
        head: p.head,
        eventsPerSecond: Math.round(p.eventsPerSecond),
        etaSeconds: p.etaSeconds === undefined ? null : Math.round(p.etaSeconds * 10) / 10,
      };
    }).then(
      () => {
        job.state = 'done';
        job.progress = { ...job.progress, phase: 'done', etaSeconds: 0 };
        job.finishedAt = now().toISOString();
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
        job.finishedAt = now().toISOString();
      },
    );
    return job;
  }

  get(jobId: string): ReplayJob | undefined {
    return this.jobs.get(jobId);
  }

  private forgetOldJobs() {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= KEPT_JOBS) return;
      if (job.state !== 'running') this.jobs.delete(id);
    }
  }
}
