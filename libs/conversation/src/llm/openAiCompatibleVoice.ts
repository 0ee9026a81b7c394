import type { PlaylistTrack } from '@qfzz/contracts';
import type { ReplyPlan } from '../phrasing/replyPlan';
import type { ConversationTools, ReplyVoice, VoicedReply, VoiceInput } from '../phrasing/replyVoice';
import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  ChatMessage,
  ChatToolCall,
} from './chatWireFormat';
import { CONVERSATION_TOOLS } from './conversationToolSchemas';
import { chatCompletionsUrl, type LlmSettings } from './llmSettings';

/** Rounds of tool calls before the model must answer in words. */
const MAX_TOOL_ROUNDS = 3;

export interface OpenAiCompatibleVoiceOptions {
  /** Told why the model was not used (the embedded phrasing answered instead). */
  onFallback?: (reason: string) => void;
  fetch?: typeof fetch;
}

/**
 * Phrases the DJ's reply with any OpenAI-compatible chat endpoint (OpenAI,
 * Ollama, llama.cpp, vLLM, LM Studio...). The model gets the structured plan,
 * never decides the facts, and may call the DJ's tools (recommend, update
 * preferences, look up community). On any error, a bad answer or the time
 * budget running out it returns `undefined`, and the embedded phrasing
 * answers: a listener never waits on, or fails because of, the model.
 */
export class OpenAiCompatibleVoice implements ReplyVoice {
  private readonly endpoint: string;

  constructor(
    private readonly settings: LlmSettings,
    private readonly options: OpenAiCompatibleVoiceOptions = {},
  ) {
    this.endpoint = chatCompletionsUrl(settings.url);
  }

  async phrase(input: VoiceInput): Promise<VoicedReply | undefined> {
    const deadline = AbortSignal.timeout(this.settings.timeoutMs);
    try {
      return await this.converse(input, deadline);
    } catch (error) {
      this.options.onFallback?.(
        deadline.aborted ? `timed out after ${this.settings.timeoutMs} ms` : String(error),
      );
      return undefined;
    }
  }

  private async converse(input: VoiceInput, signal: AbortSignal): Promise<VoicedReply | undefined> {
    const messages: ChatMessage[] = [
      { role: 'system', content: systemPrompt(input) },
      { role: 'user', content: userPrompt(input) },
    ];
    let tracks: PlaylistTrack[] | undefined;
    for (let round = 0; round <= MAX_TOOL_ROUNDS; round++) {
      const mayUseTools = round < MAX_TOOL_ROUNDS;
      const message = await this.complete(
        {
          model: this.settings.model,
          messages,
          ...(mayUseTools ? { tools: CONVERSATION_TOOLS, tool_choice: 'auto' as const } : {}),
          temperature: 0.7,
          max_tokens: 300,
        },
        signal,
      );
      const calls = message.tool_calls ?? [];
      if (calls.length === 0) {
        const text = message.content?.trim();
        if (!text) throw new Error('the model answered with no text');
        return { text, ...(tracks ? { tracks } : {}) };
      }
      messages.push({ role: 'assistant', content: message.content ?? null, tool_calls: calls });
      for (const call of calls) {
        const outcome = await runTool(call, input.tools);
        if (outcome.tracks) tracks = outcome.tracks;
        messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(outcome.result) });
      }
    }
    throw new Error('the model kept calling tools');
  }

  private async complete(body: ChatCompletionRequest, signal: AbortSignal) {
    const doFetch = this.options.fetch ?? fetch;
    const response = await doFetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) throw new Error(`${this.endpoint} answered ${response.status}`);
    const answer = (await response.json()) as Partial<ChatCompletionResponse>;
    const message = answer.choices?.[0]?.message;
    if (!message) throw new Error('the model sent no choices');
    return message;
  }
}

async function runTool(
  call: ChatToolCall,
  tools: ConversationTools,
): Promise<{ result: unknown; tracks?: PlaylistTrack[] }> {
  let args: Record<string, unknown>;
  try {
    args = call.function.arguments ? (JSON.parse(call.function.arguments) as Record<string, unknown>) : {};
  } catch {
    return { result: { error: 'arguments were not JSON' } };
  }
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  switch (call.function.name) {
    case 'recommend': {
      const tracks = await tools.recommend({
        mood: text(args.mood),
        activity: text(args.activity),
        size: typeof args.size === 'number' ? args.size : undefined,
      });
      return {
        result: {
          tracks: tracks.map(({ title, artist, genre, reason }) => ({ title, artist, genre, reason })),
        },
        tracks,
      };
    }
    case 'update_preferences':
      return {
        result: await tools.updatePreferences({
          likeGenres: strings(args.likeGenres),
          dislikeGenres: strings(args.dislikeGenres),
        }),
      };
    case 'look_up_community':
      return { result: await tools.lookUpCommunity() };
    default:
      return { result: { error: `no tool named ${call.function.name}` } };
  }
}

function systemPrompt({ persona, plan }: VoiceInput): string {
  const tone =
    plan.trustLevel === 'stranger' || plan.trustLevel === 'acquaintance'
      ? 'You are just getting to know this listener: be curious and end with one exploratory question.'
      : plan.trustLevel === 'best_friend'
        ? 'This listener is your best friend: be confident and personal; no questions needed.'
        : 'You know this listener fairly well: be warm and natural.';
  return [
    `You are ${persona.name}, a radio DJ. Your style: ${persona.style}`,
    tone,
    'Reply in one to three short sentences, in your voice. Use only the facts given (tracks, counts, what was learned); never invent tracks.',
    'If the listener wants music and the plan has no tracks, you may call `recommend`.',
  ].join('\n');
}

function userPrompt({ text, plan, embedded }: VoiceInput): string {
  return JSON.stringify({ listenerSaid: text, plan: compactPlan(plan), draftReply: embedded });
}

/** The plan without ids or noise: what the model needs to phrase it. */
function compactPlan(plan: ReplyPlan): Record<string, unknown> {
  return {
    listenerName: plan.listenerName,
    trustLevel: plan.trustLevel,
    intent: plan.understood.intent,
    mood: plan.mood,
    activity: plan.activity,
    topGenre: plan.topGenre,
    learned: plan.learned,
    askedFor: plan.askedFor,
    tracks: plan.tracks?.map(({ title, artist, genre, reason }) => ({ title, artist, genre, reason })),
    community: plan.community,
  };
}
