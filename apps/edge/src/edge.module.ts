import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@qfzz/event-store';
import { EVENT_STORE, eventLogProvider, STATION_CONFIG } from './eventLog.provider';
import { HealthController } from './health.controller';
import type { StationConfig } from './stationConfig';

/** Everything qfzz needs on one device, wired to the embedded adapters. */
@Module({})
export class EdgeModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  static forStation(config: StationConfig): DynamicModule {
    return {
      module: EdgeModule,
      controllers: [HealthController],
      providers: [{ provide: STATION_CONFIG, useValue: config }, eventLogProvider],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
  }
}
