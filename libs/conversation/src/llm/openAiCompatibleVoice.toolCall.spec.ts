import type { ChatCompletionRequest } from './chatWireFormat';
import { readLlmSettings } from './llmSettings';
import { OpenAiCompatibleVoice } from './openAiCompatibleVoice';
import {
  startOpenAiCompatibleTestDouble,
  type OpenAiCompatibleTestDouble,
  type TestDoubleTurn,
} from '../testing/openAiCompatibleTestDouble';
import { startConversationTestBed, type ConversationTestBed } from '../testing/conversationTestBed';

const lastToolResult = (request: ChatCompletionRequest) => {
  const tool = [...request.messages].reverse().find((message) => message.role === 'tool');
  return tool && 'content' in tool
    ? (JSON.parse(tool.content as string) as Record<string, unknown>)
    : undefined;
};

describe('OpenAiCompatibleVoice against a local OpenAI-compatible test double', () => {
  let double: OpenAiCompatibleTestDouble;
  let bed: ConversationTestBed;
  const fallbacks: string[] = [];

  const start = async (
    script: (request: ChatCompletionRequest, index: number) => TestDoubleTurn,
    timeoutMs = 3000,
  ) => {
    double = await startOpenAiCompatibleTestDouble(script);
    const voice = new OpenAiCompatibleVoice(
      { url: double.url, model: 'test-model', apiKey: 'sk-test', timeoutMs },
      { onFallback: (reason) => fallbacks.push(reason) },
    );
    bed = await startConversationTestBed({ service: { voice } });
    await bed.register('ada', 'Ada');
  };

  afterEach(async () => {
    fallbacks.length = 0;
    await bed?.stop();
    await double?.stop();
  });

  it('a tool-call round trip: the model asks for tracks, gets them, and phrases the reply', async () => {
    await start((request, index) =>
      index === 0
        ? {
            toolCalls: [
              { name: 'recommend', arguments: { mood: 'energetic', activity: 'working_out', size: 3 } },
            ],
          }
        : {
            content: `Here is your fuel: ${
              ((lastToolResult(request)?.tracks as { title: string }[]) ?? [])[0]?.title ?? 'nothing'
            }.`,
          },
    );
    const reply = await bed.send('ada', 'hello there');

    expect(double.requests).toHaveLength(2);
    const [first, second] = double.requests;
    expect(first.authorization).toBe('Bearer sk-test');
    expect(first.body.model).toBe('test-model');
    expect(first.body.tools?.map((tool) => tool.function.name)).toEqual([
      'recommend',
      'update_preferences',
      'look_up_community',
    ]);
    expect(first.body.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('You are Nova'),
    });
    const user = JSON.parse(first.body.messages[1].content as string);
    expect(user).toMatchObject({
      listenerSaid: 'hello there',
      plan: { intent: 'greeting', trustLevel: 'friend' },
    });

    // The second request carries the assistant's tool call and the tool's answer, tied by id.
    const assistant = second.body.messages[2] as { role: string; tool_calls: { id: string }[] };
    const tool = second.body.messages[3] as { role: string; tool_call_id: string };
    expect(assistant.role).toBe('assistant');
    expect(tool).toMatchObject({ role: 'tool', tool_call_id: assistant.tool_calls[0].id });

    expect(bed.recommender?.requests.at(-1)).toMatchObject({
      listenerId: 'ada',
      mood: 'energetic',
      activity: 'working_out',
      size: 3,
    });
    expect(reply.tracks).toHaveLength(3);
    expect(reply.reply).toBe(`Here is your fuel: ${reply.tracks?.[0].title}.`);
    const events = await bed.eventsOf('ada');
    expect(events.at(-1)).toMatchObject({ type: 'DjReplied', data: { text: reply.reply } });
    expect(fallbacks).toEqual([]);
  });

  it('update_preferences through a tool call appends PreferencesStated', async () => {
    await start((_, index) =>
      index === 0
        ? {
            toolCalls: [
              { name: 'update_preferences', arguments: { likeGenres: ['jazz'], dislikeGenres: ['country'] } },
            ],
          }
        : { content: 'Jazz in, country out.' },
    );
    const reply = await bed.send('ada', 'how are you?');
    const types = (await bed.eventsOf('ada')).map((event) => event.type);
    expect(types).toEqual(['ListenerRegistered', 'MessageSent', 'PreferencesStated', 'DjReplied']);
    const profile = await bed.profile('ada', reply.position);
    expect(profile?.genres).toEqual({ jazz: 0.6, country: 0.4 });
  });

  it('falls back to the embedded phrasing when the endpoint fails', async () => {
    await start(() => ({ status: 500 }));
    const reply = await bed.send('ada', "I'm in a great mood");
    expect(reply.reply).toMatch(/Glad you're feeling good|A great mood deserves/);
    expect(reply.tracks?.length).toBe(5);
    expect(fallbacks).toEqual([expect.stringContaining('500')]);
  });

  it('falls back within its time budget when the endpoint is slow', async () => {
    await start(() => ({ delayMs: 3000, content: 'too late' }), 300);
    const started = Date.now();
    const reply = await bed.send('ada', 'hi');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(reply.reply).not.toBe('too late');
    expect(fallbacks).toEqual([expect.stringContaining('timed out')]);
  });
});

describe('readLlmSettings', () => {
  it('is off by default', () => {
    expect(readLlmSettings({})).toBeUndefined();
  });
  it('reads the URL, model and key', () => {
    expect(
      readLlmSettings({
        QFZZ_LLM_URL: 'http://127.0.0.1:11434/v1',
        QFZZ_LLM_MODEL: 'llama3',
        QFZZ_LLM_API_KEY: 'k',
      }),
    ).toEqual({ url: 'http://127.0.0.1:11434/v1', model: 'llama3', apiKey: 'k', timeoutMs: 8000 });
  });
  it('wants a model when a URL is set', () => {
    expect(() => readLlmSettings({ QFZZ_LLM_URL: 'http://x/v1' })).toThrow(/QFZZ_LLM_MODEL/);
  });
});
