import { isEventType, LISTENER_STREAM_PREFIX } from '@qfzz/domain';

/**
 * Which events carry personal data, and whose. The default:
 *
 * - every qfzz event type (the event catalogue: everything `newQfzzEvent`
 *   writes) in a `listener-<id>` stream is sealed with that listener's key,
 *   except `ListenerForgotten`, which readers must see to know where the
 *   listener's history starts again;
 * - connection streams are not sealed: their events hold only the two
 *   listener ids, which the stream id `connection-<a>-<b>` names anyway;
 *   forgetting ends the listener's connections instead (CommunityRemoved);
 * - the catalog and other streams hold nobody's personal data;
 * - a type outside the catalogue is not qfzz's to classify and is stored as
 *   given (the catalogue test in this library fails when a new qfzz type is
 *   added without being classified here).
 */
export interface PersonalDataPolicy {
  /** The listener whose key seals this event, or undefined to store it as given. */
  ownerOf(streamId: string, type: string): string | undefined;
}

/** Types that stay readable in a listener stream. */
export const PUBLIC_LISTENER_EVENT_TYPES: ReadonlySet<string> = new Set(['ListenerForgotten']);

export const defaultPersonalDataPolicy: PersonalDataPolicy = {
  ownerOf(streamId, type) {
    if (!streamId.startsWith(LISTENER_STREAM_PREFIX)) return undefined;
    if (!isEventType(type) || PUBLIC_LISTENER_EVENT_TYPES.has(type)) return undefined;
    return streamId.slice(LISTENER_STREAM_PREFIX.length);
  },
};
