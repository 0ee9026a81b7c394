import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ConversationQuery,
  type DjReply,
  type Greeting,
  type GreetRequest,
  type InteractRequest,
} from '@qfzz/contracts';
import { ListenerAccess } from '../auth/listenerAccess';
import { contextOf } from '../http/requestContext';
import { CONVERSATION, ServiceClient } from '../http/serviceClient';
import { RouteDoc } from '../openapi/apiDocs';
import { djReplySchema, greetingSchema } from '../openapi/responseSchemas';
import { messageSchema } from '../validation/conversationSchemas';
import { parseInput } from '../validation/parseInput';

/** Talking with the DJ: the conversation service answers, the gateway checks who asks and what. */
@ApiTags('dj')
@Controller('v1/listeners')
export class ConversationController {
  constructor(
    private readonly access: ListenerAccess,
    private readonly services: ServiceClient,
  ) {}

  @Post(':id/messages')
  @HttpCode(200)
  @RouteDoc({
    summary: 'Say something to the DJ',
    description:
      "`text`: 1..2,000 characters, not blank. The DJ answers in the chosen persona's words and writes what it learned to the listener stream (`MessageSent`, moods, stated tastes, feedback, `DjReplied`); `position` is the last of those, for `GET /profile?minPosition=`. `tracks` comes with requests for music. The request's `x-correlation-id` is also the message's idempotency key: a retry with the same id gets the same reply and writes nothing twice.",
    status: 200,
    response: djReplySchema,
    body: messageSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async message(@Req() request: FastifyRequest, @Param('id') id: string, @Body() body: unknown) {
    await this.access.authorize(request, id);
    const { text } = parseInput(messageSchema, body, 'body');
    return this.services.ask<InteractRequest, DjReply>(CONVERSATION, ConversationQuery.interact, {
      listenerId: id,
      text,
      correlationId: contextOf(request).correlationId,
    });
  }

  @Get(':id/greeting')
  @RouteDoc({
    summary: 'The DJ greets the listener',
    description:
      'A first greeting introduces the DJ; a returning listener hears about their time together (sessions, milestones), in words that warm with trust.',
    status: 200,
    response: greetingSchema,
    listenerParam: true,
    auth: 'listener',
    errors: [404, 503],
  })
  async greeting(@Req() request: FastifyRequest, @Param('id') id: string) {
    await this.access.authorize(request, id);
    return this.services.ask<GreetRequest, Greeting>(CONVERSATION, ConversationQuery.greet, {
      listenerId: id,
    });
  }
}
