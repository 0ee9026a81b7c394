/** 202 of `POST /v1/admin/replay`. */
export interface ReplayStarted {
  jobId: string;
}

export type ReplayState = 'running' | 'done' | 'failed';

/** `GET /v1/admin/replay/{jobId}`: a blue-green rebuild's progress. */
export interface ReplayJob {
  jobId: string;
  projection: string;
  state: ReplayState;
  progress: {
    phase: string;
    processed: number;
    position: number;
    head: number;
    eventsPerSecond: number;
    /** Null while unknown; 0 when done. */
    etaSeconds: number | null;
  };
  startedAt: string;
  finishedAt?: string;
  /** Why it failed. */
  error?: string;
}
