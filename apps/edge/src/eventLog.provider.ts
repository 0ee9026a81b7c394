import { join } from 'node:path';
import type { Provider } from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@qfzz/event-store';
import type { StationConfig } from './stationConfig';

export const EVENT_STORE = Symbol('EventStore');
export const STATION_CONFIG = Symbol('StationConfig');

/** Edge mode keeps the whole log in one SQLite file in the data dir. */
export const eventLogProvider: Provider = {
  provide: EVENT_STORE,
  inject: [STATION_CONFIG],
  useFactory: (config: StationConfig): EventStore =>
    new SqliteEventStore({ file: join(config.dataDir, 'qfzz.db') }),
};
