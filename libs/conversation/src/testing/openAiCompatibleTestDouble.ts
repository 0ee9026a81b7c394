import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatCompletionRequest, ChatCompletionResponse, ChatToolCall } from '../llm/chatWireFormat';

/** What the test double does with one request. */
export type TestDoubleTurn =
  | { content: string }
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { status: number }
  | { delayMs: number; content: string };

export interface OpenAiCompatibleTestDouble {
  /** Base URL to give as `QFZZ_LLM_URL` (`http://127.0.0.1:<port>/v1`). */
  url: string;
  /** Every request body received, in order, and its headers. */
  requests: { body: ChatCompletionRequest; authorization?: string }[];
  stop(): Promise<void>;
}

/**
 * TEST DOUBLE: a small local HTTP server that speaks the OpenAI
 * chat-completions wire format (`POST /v1/chat/completions`). It is not a
 * model: `script` decides each answer from the request (plain content, tool
 * calls, an HTTP error or a slow answer), so tests can drive the adapter
 * through a tool-call round trip and through its failure paths.
 */
export async function startOpenAiCompatibleTestDouble(
  script: (request: ChatCompletionRequest, index: number) => TestDoubleTurn,
): Promise<OpenAiCompatibleTestDouble> {
  const requests: OpenAiCompatibleTestDouble['requests'] = [];
  let calls = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(raw) as ChatCompletionRequest;
      requests.push({
        body,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      const turn = script(body, calls++);
      if ('status' in turn) {
        res
          .writeHead(turn.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'scripted failure' } }));
        return;
      }
      const answer = () =>
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(completion(turn, calls)));
      if ('delayMs' in turn) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, turn.delayMs);
        timers.add(timer);
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function completion(
  turn: Exclude<TestDoubleTurn, { status: number }>,
  call: number,
): ChatCompletionResponse & Record<string, unknown> {
  const toolCalls: ChatToolCall[] | undefined =
    'toolCalls' in turn
      ? turn.toolCalls.map((toolCall, index) => ({
          id: `call_${call}_${index}`,
          type: 'function',
          function: { name: toolCall.name, arguments: JSON.stringify(toolCall.arguments) },
        }))
      : undefined;
  return {
    id: `chatcmpl-testdouble-${call}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'test-double',
    choices: [
      {
        index: 0,
        message: toolCalls
          ? { role: 'assistant', content: null, tool_calls: toolCalls }
          : { role: 'assistant', content: (turn as { content: string }).content },
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
      },
    ],
  };
}
