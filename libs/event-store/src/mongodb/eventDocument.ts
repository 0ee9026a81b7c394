import { Schema } from 'mongoose';

/**
 * One document per event. `data` is kept as its JSON text: listeners' own words
 * become map keys (genre and artist names with `.` or a leading `$`), which
 * MongoDB treats specially, and the hash chain needs the data back byte for byte.
 */
export interface EventDocument {
  position: number;
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: string;
  metadata: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const EVENTS_COLLECTION = 'events';
export const COUNTERS_COLLECTION = 'event_log_counters';

/** A position whose writer never committed; readers step over it. */
export const HOLE_TYPE = '$hole';
export const HOLE_STREAM = '$holes';

export const INDEX_NAMES = {
  position: 'uniq_position',
  eventId: 'uniq_event_id',
  streamVersion: 'uniq_stream_version',
} as const;

export const eventDocumentSchema = new Schema<EventDocument>(
  {
    position: { type: Number, required: true },
    eventId: { type: String, required: true },
    streamId: { type: String, required: true },
    version: { type: Number, required: true },
    type: { type: String, required: true },
    schemaVersion: { type: Number, required: true },
    data: { type: String, required: true },
    metadata: { type: Schema.Types.Mixed, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, collection: EVENTS_COLLECTION, minimize: false },
);
eventDocumentSchema.index({ position: 1 }, { unique: true, name: INDEX_NAMES.position });
eventDocumentSchema.index({ eventId: 1 }, { unique: true, name: INDEX_NAMES.eventId });
eventDocumentSchema.index({ streamId: 1, version: 1 }, { unique: true, name: INDEX_NAMES.streamVersion });

export interface CounterDocument {
  _id: string;
  value: number;
}

export const counterSchema = new Schema<CounterDocument>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { versionKey: false, collection: COUNTERS_COLLECTION },
);
