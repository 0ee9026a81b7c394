import { Inject, Injectable } from '@nestjs/common';
import {
  listenerStreamId,
  newQfzzEvent,
  repeatQfzzEvent,
  type EventDataOf,
  type EventType,
  type NewEvent,
} from '@qfzz/domain';
import type { AppendResult, ExpectedVersion } from '@qfzz/event-store';
import { GATEWAY_DEPS, type ResolvedGatewayDeps } from '../gatewayDeps';
import type { WriteContext } from '../http/requestContext';
import { GatewayMetrics } from '../metrics/gatewayMetrics';

/** Writes to a listener's stream, stamping every event with who caused it and the request's correlation id. */
@Injectable()
export class ListenerLog {
  constructor(
    @Inject(GATEWAY_DEPS) private readonly deps: ResolvedGatewayDeps,
    private readonly metrics: GatewayMetrics,
  ) {}

  event<T extends EventType>(
    type: T,
    data: EventDataOf<T>,
    write: WriteContext,
    occurredAt?: string,
  ): NewEvent<T, EventDataOf<T>> {
    return newQfzzEvent(type, data, { metadata: this.metadata(write, occurredAt) });
  }

  /** Another event with the type and (already validated) data of `made`: see `repeatQfzzEvent`. */
  repeat<T extends EventType>(
    made: NewEvent<T, EventDataOf<T>>,
    write: WriteContext,
    occurredAt?: string,
  ): NewEvent<T, EventDataOf<T>> {
    return repeatQfzzEvent(made, { metadata: this.metadata(write, occurredAt) });
  }

  private metadata(write: WriteContext, occurredAt: string | undefined) {
    return {
      occurredAt: occurredAt ?? this.deps.clock().toISOString(),
      correlationId: write.correlationId,
      actor: write.actor,
    };
  }

  async append(
    listenerId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    const result = await this.deps.eventStore.appendToStream(listenerStreamId(listenerId), events, {
      expectedVersion,
    });
    if (!result.alreadyAppended) this.metrics.countAppended(events);
    return result;
  }
}
