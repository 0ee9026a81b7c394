import {
  CONVERSATION_SERVICE,
  ConversationQuery,
  type DjPersona,
  type DjReply,
  type Greeting,
  type GreetRequest,
  type InteractRequest,
} from '@qfzz/contracts';
import type { QueryBus, QueryResponder } from '@qfzz/messaging';
import type { ConversationService } from './conversationService';

/** Answers the conversation queries of `@qfzz/contracts` on the bus; the same code in edge and cluster mode. */
export async function serveConversationQueries(
  queryBus: QueryBus,
  service: ConversationService,
): Promise<QueryResponder[]> {
  return [
    await queryBus.respond<GreetRequest, Greeting>(CONVERSATION_SERVICE, ConversationQuery.greet, (request) =>
      service.greet(request),
    ),
    await queryBus.respond<InteractRequest, DjReply>(
      CONVERSATION_SERVICE,
      ConversationQuery.interact,
      (request) => service.interact(request),
    ),
    await queryBus.respond<Record<string, never>, DjPersona[]>(
      CONVERSATION_SERVICE,
      ConversationQuery.personas,
      () => service.personas(),
    ),
  ];
}
